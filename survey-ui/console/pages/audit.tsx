import { useState } from "preact/hooks";
import { Page } from "../components/page.js";
import { Empty, ErrorNotice, Loading } from "../components/status.js";
import { type AuditRow, listAudit } from "../lib/console-api.js";
import { formatDateTime } from "../lib/format-date.js";
import type { ScreenProps } from "../lib/screens.js";
import { useResource } from "../lib/use-resource.js";
import { useSubmit } from "../lib/use-submit.js";
import { optionalText, useT } from "../lib/use-t.js";

/** Who changed what (admin), newest first, a hundred at a time. */
export function AuditPage(_props: ScreenProps) {
  const { lang, tr } = useT();
  const first = useResource(() => listAudit(), "audit");
  const [older, setOlder] = useState<AuditRow[]>([]);
  const [exhausted, setExhausted] = useState(false);
  const more = useSubmit(
    (before: number) => listAudit(before),
    (rows) => {
      setOlder((previous) => [...previous, ...rows]);
      if (rows.length < 100) setExhausted(true);
    },
  );
  const rows = [...(first.data ?? []), ...older];
  const last = rows.at(-1);
  return (
    <Page title={tr("console.audit.title")} intro={tr("console.audit.intro")}>
      {first.state === "loading" && !first.data && <Loading />}
      {first.state === "error" && <ErrorNotice error={first.error} onRetry={first.reload} />}
      {first.data?.length === 0 && <Empty>{tr("console.audit.empty")}</Empty>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{tr("console.audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{tr("console.audit.at")}</th>
                <th scope="col">{tr("console.fields.username")}</th>
                <th scope="col">{tr("console.audit.action")}</th>
                <th scope="col">{tr("console.audit.entity")}</th>
                <th scope="col">{tr("console.audit.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{formatDateTime(lang, row.at)}</td>
                  <td>{row.username ?? "–"}</td>
                  <td>{optionalText(tr, `console.audit.actions.${row.action}`) ?? row.action}</td>
                  <td>
                    {optionalText(tr, `console.audit.entities.${row.entity}`) ?? row.entity}
                    {row.entityCode && <span class="code"> {row.entityCode}</span>}
                  </td>
                  <td class="code">{row.detail ? JSON.stringify(row.detail) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more.error ? <ErrorNotice error={more.error} /> : null}
      {last && !exhausted && (first.data?.length ?? 0) >= 100 && (
        <button
          type="button"
          class="button-secondary"
          disabled={more.pending}
          onClick={() => void more.run(last.id)}
        >
          {tr("console.audit.more")}
        </button>
      )}
    </Page>
  );
}
