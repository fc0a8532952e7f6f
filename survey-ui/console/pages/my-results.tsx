import { useState } from "preact/hooks";
import type { SipasRow } from "../../../shared/contract/reports.js";
import { type PeriodInput, presetPeriodAt, resolvePeriod } from "../../../shared/time/periods.js";
import { CommentList } from "../components/comment-list.js";
import { ElementBars } from "../components/element-bars.js";
import { Page } from "../components/page.js";
import { PeriodPicker } from "../components/period-picker.js";
import { Empty, ErrorNotice, Loading } from "../components/status.js";
import { SummaryCard } from "../components/summary-card.js";
import { TrendChart } from "../components/trend-chart.js";
import { fetchComments, fetchSipas, type ReportScope } from "../lib/report-api.js";
import type { ScreenProps } from "../lib/screens.js";
import { listShifts } from "../lib/shift-api.js";
import { useResource } from "../lib/use-resource.js";
import { useT } from "../lib/use-t.js";
import "./dashboard.css";

const LATEST_COMMENTS = 20;

/**
 * Everything "my results" shows: the server narrows each report to the responses this staff user served
 * (by=total, by=month) and withholds figures below the minimum sample.
 */
async function loadMine(scope: ReportScope) {
  const [total, months, comments, shifts] = await Promise.all([
    fetchSipas(scope, "total"),
    fetchSipas(scope, "month"),
    fetchComments(scope, LATEST_COMMENTS),
    listShifts(),
  ]);
  return { total: total[0] as SipasRow | undefined, months, comments, minimum: shifts.minResponses };
}

/** "Kết quả của tôi": a staff member's own index, elements, monthly trend and comments. */
export function MyResultsPage(_props: ScreenProps) {
  const { tr } = useT();
  const now = Date.now();
  const [period, setPeriod] = useState<PeriodInput>(() => presetPeriodAt("year", now));
  const range = resolvePeriod(period);
  const data = useResource(() => loadMine(range), `${range.from}:${range.to}`);
  const result = data.data;
  const total = result?.total;
  return (
    <Page title={tr("officers.mine.title")} intro={tr("officers.mine.intro")}>
      <form class="dashboard-filters" onSubmit={(event) => event.preventDefault()}>
        <PeriodPicker value={period} now={now} onValue={setPeriod} />
      </form>
      {result && <p class="muted">{tr("officers.mine.minimum", { count: result.minimum })}</p>}
      {data.state === "loading" && <Loading />}
      {data.state === "error" && <ErrorNotice error={data.error} onRetry={data.reload} />}
      {result && (!total || total.respondents === 0) && <Empty>{tr("officers.mine.noData")}</Empty>}
      {total && total.respondents > 0 && (
        <>
          <div class="grid-2">
            <SummaryCard row={total} />
            {total.sipas_index === null ? (
              <p class="panel" data-testid="withheld">
                {tr("officers.mine.withheld")}
              </p>
            ) : (
              <ElementBars row={total} />
            )}
          </div>
          <section class="panel dashboard-section" aria-labelledby="my-trend-title">
            <h2 id="my-trend-title">{tr("officers.mine.trend")}</h2>
            <TrendChart rows={result.months} />
          </section>
        </>
      )}
      {result && (
        <section class="panel dashboard-section" aria-labelledby="my-comments-title">
          <h2 id="my-comments-title">{tr("officers.mine.comments")}</h2>
          {result.comments.length === 0 ? (
            <Empty>{tr("officers.mine.noComments")}</Empty>
          ) : (
            <CommentList comments={result.comments} />
          )}
        </section>
      )}
    </Page>
  );
}
