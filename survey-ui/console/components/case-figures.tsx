import { caseFigures, listCases } from "../lib/case-api.js";
import { useResource } from "../lib/use-resource.js";
import { formatCount, formatFigure, useT } from "../lib/use-t.js";
import { Link } from "./link.js";

/**
 * The dashboard's follow-up panel (issue 17): cases open and overdue now in the scope, and the period's
 * follow-through (cases opened, answered in time, median days to answer).
 */
export function CaseFigures(props: { from: string; to: string; unit: string | undefined }) {
  const { lang, tr } = useT();
  const key = `${props.from}:${props.to}:${props.unit ?? ""}`;
  const data = useResource(async () => {
    const unit = props.unit ? { unit: props.unit } : {};
    const [list, figures] = await Promise.all([
      listCases({ ...unit, status: "open", overdue: "true" }),
      caseFigures({ from: props.from, to: props.to, ...unit }),
    ]);
    return { counts: list.counts, total: figures.rows[0] };
  }, key);
  if (!data.data) return null;
  const { counts, total } = data.data;
  return (
    <section class="panel dashboard-section" aria-labelledby="cases-title">
      <h2 id="cases-title">{tr("cases.console.dashboardTitle")}</h2>
      <p>
        <Link to="cases?status=open">
          {tr("cases.console.dashboardOpen")}:{" "}
          <strong data-testid="cases-open">{formatCount(lang, counts.open)}</strong>
        </Link>{" "}
        ·{" "}
        <Link to="cases?status=open&overdue=true">
          {tr("cases.console.dashboardOverdue")}:{" "}
          <strong data-testid="cases-overdue">{formatCount(lang, counts.overdue)}</strong>
        </Link>
      </p>
      {total && (
        <p class="muted">
          {tr("cases.console.followThrough")}: {tr("cases.console.casesOpened")}{" "}
          {formatCount(lang, total.cases_opened)} · {tr("cases.console.answeredInTime")}{" "}
          {formatFigure(lang, total.answered_in_time_pct)}% · {tr("cases.console.medianDays")}{" "}
          {formatFigure(lang, total.median_days_to_answer)}
        </p>
      )}
    </section>
  );
}
