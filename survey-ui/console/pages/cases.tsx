import { CASE_STATUSES } from "../../../shared/contract/cases.js";
import { Link } from "../components/link.js";
import { Page } from "../components/page.js";
import { Empty, ErrorNotice, Loading } from "../components/status.js";
import { listCases } from "../lib/case-api.js";
import { formatDateTime } from "../lib/format-date.js";
import { navigate } from "../lib/router.js";
import type { ScreenProps } from "../lib/screens.js";
import { useResource } from "../lib/use-resource.js";
import { useRoute } from "../lib/use-route.js";
import { useT } from "../lib/use-t.js";

/** The case inbox (issue 17): a unit subtree's cases, open ones first by default, with filters in the address. */
export function CasesPage(_props: ScreenProps) {
  const { lang, tr } = useT();
  const route = useRoute();
  const status = route.query.get("status") ?? "open";
  const unit = route.query.get("unit") ?? "";
  const overdue = route.query.get("overdue") === "true";
  const filters = {
    ...(status !== "all" ? { status } : {}),
    ...(unit ? { unit } : {}),
    ...(overdue ? { overdue: "true" } : {}),
  };
  const list = useResource(() => listCases(filters), JSON.stringify(filters));
  const setFilter = (name: string, value: string) => {
    const query = new URLSearchParams(route.query);
    if (value) query.set(name, value);
    else query.delete(name);
    navigate(`cases?${query}`, { replace: true });
  };
  return (
    <Page title={tr("cases.console.title")} intro={tr("cases.console.intro", { days: 7 })}>
      <div class="filters">
        <label>
          {tr("cases.console.status")}{" "}
          <select value={status} onChange={(event) => setFilter("status", event.currentTarget.value)}>
            <option value="open">{tr("cases.console.open")}</option>
            <option value="all">{tr("cases.console.anyStatus")}</option>
            {CASE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {tr(`cases.status.${value}`)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {tr("cases.console.unit")}{" "}
          <input
            value={unit}
            size={12}
            onChange={(event) => setFilter("unit", event.currentTarget.value.trim().toUpperCase())}
          />
        </label>{" "}
        <label>
          <input
            type="checkbox"
            checked={overdue}
            onChange={(event) => setFilter("overdue", event.currentTarget.checked ? "true" : "")}
          />{" "}
          {tr("cases.console.overdueOnly")}
        </label>
      </div>
      {list.state === "loading" && !list.data && <Loading />}
      {list.state === "error" && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data?.cases.length === 0 && <Empty>{tr("cases.console.none")}</Empty>}
      {list.data && list.data.cases.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{tr("cases.console.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{tr("cases.console.ref")}</th>
                <th scope="col">{tr("cases.console.status")}</th>
                <th scope="col">{tr("cases.console.unit")}</th>
                <th scope="col">{tr("cases.console.point")}</th>
                <th scope="col">{tr("cases.console.opened")}</th>
                <th scope="col">{tr("cases.console.due")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.cases.map((item) => (
                <tr key={item.ref} class={item.overdue ? "overdue" : undefined}>
                  <td>
                    <Link to={`case?ref=${item.ref}`} class="code">
                      {item.ref}
                    </Link>
                  </td>
                  <td>
                    {tr(`cases.status.${item.status}`)}
                    {item.overdue && <strong> · {tr("cases.console.overdue")}</strong>}
                  </td>
                  <td>{item.unit.name}</td>
                  <td>{item.point.label}</td>
                  <td>{formatDateTime(lang, item.openedAt)}</td>
                  <td>{formatDateTime(lang, item.dueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
