import { useLayoutEffect } from "preact/hooks";
import type { SipasRow } from "../../../shared/contract/reports.js";
import { previousPeriod } from "../../../shared/time/compare-periods.js";
import { localDay } from "../../../shared/time/local-day.js";
import { resolvePeriod } from "../../../shared/time/periods.js";
import { CaseFigures } from "../components/case-figures.js";
import { CommentList } from "../components/comment-list.js";
import { ElementBars } from "../components/element-bars.js";
import { SelectField } from "../components/field.js";
import { ItemTable } from "../components/item-table.js";
import { MethodNote } from "../components/method-note.js";
import { Page } from "../components/page.js";
import { PeriodPicker } from "../components/period-picker.js";
import { RankingTable } from "../components/ranking-table.js";
import { ReachCard } from "../components/reach-card.js";
import { type Download, ReportDownloads } from "../components/report-downloads.js";
import { Empty, ErrorNotice, Loading } from "../components/status.js";
import { SummaryCard } from "../components/summary-card.js";
import { TrendChart } from "../components/trend-chart.js";
import { UnitSelect } from "../components/unit-select.js";
import { listUnits } from "../lib/console-api.js";
import { type DashboardFilters, dashboardPath, filtersOf } from "../lib/dashboard-query.js";
import { formatLocalDay } from "../lib/format-date.js";
import { fetchComments, fetchItems, fetchSipas, type ReportScope } from "../lib/report-api.js";
import { navigate } from "../lib/router.js";
import type { ScreenProps } from "../lib/screens.js";
import { listShifts } from "../lib/shift-api.js";
import { useResource } from "../lib/use-resource.js";
import { useRoute } from "../lib/use-route.js";
import { useT } from "../lib/use-t.js";
import "./dashboard.css";

const LATEST_COMMENTS = 10;

// Performance marks for bench/console-render.ts: from the reports' arrival to the DOM being built (render),
// and to the first frame painted after it (paint).
const DATA_MARK = "console:dashboard:data";
const RENDER_MEASURE = "console:dashboard:render";
const PAINT_MEASURE = "console:dashboard:paint";

/** Everything the dashboard shows, fetched together: every figure is a cell of a reports API answer. */
async function loadDashboard(scope: ReportScope, rank: DashboardFilters["rank"]) {
  const [total, months, ranking, items, comments, previous, minimum, channels] = await Promise.all([
    fetchSipas(scope, "total"),
    fetchSipas(scope, "month"),
    fetchSipas(scope, rank),
    fetchItems(scope, "total"),
    fetchComments(scope, LATEST_COMMENTS),
    // The previous period of the same length, for the change on the headline and the elements.
    fetchSipas({ ...previousPeriod(scope), unit: scope.unit }, "total"),
    // The officers' ranking says below how many respondents an officer's index is withheld.
    rank === "officer" ? listShifts().then((body) => body.minResponses) : Promise.resolve(null),
    fetchSipas(scope, "channel"),
  ]);
  performance.mark(DATA_MARK);
  return {
    total: total[0] as SipasRow | undefined,
    previous: previous[0] as SipasRow | undefined,
    months,
    ranking: ranking as SipasRow[],
    items,
    comments,
    minimum,
    channels: channels as SipasRow[],
  };
}

/** The analyst's overview of a period and a unit subtree, with the files behind every table. */
export function DashboardPage(_props: ScreenProps) {
  const { lang, tr } = useT();
  const { query } = useRoute();
  const now = Date.now();
  const filters = filtersOf(query, now);
  const period = resolvePeriod(filters.period);
  const scope: ReportScope = { ...period, unit: filters.unit || undefined };
  const key = `${period.from}:${period.to}:${filters.unit}:${filters.rank}`;
  const units = useResource(() => listUnits(), "units");
  const data = useResource(() => loadDashboard(scope, filters.rank), key);
  const update = (change: Partial<DashboardFilters>) =>
    navigate(dashboardPath({ ...filters, ...change }), { replace: true });

  useLayoutEffect(() => {
    if (data.state !== "ready") return;
    performance.measure(RENDER_MEASURE, DATA_MARK);
    // A task queued from the next frame runs once that frame is painted.
    requestAnimationFrame(() => setTimeout(() => performance.measure(PAINT_MEASURE, DATA_MARK)));
  }, [data.state, data.data]);

  const downloads: Download[] = [
    { label: "console.dashboard.fileTotal", kind: "sipas", by: "total" },
    { label: "console.dashboard.fileMonths", kind: "sipas", by: "month" },
    {
      label:
        filters.rank === "unit"
          ? "console.dashboard.fileUnits"
          : filters.rank === "service"
            ? "console.dashboard.fileServices"
            : "officers.ranking.caption",
      kind: "sipas",
      by: filters.rank,
    },
    { label: "console.dashboard.fileItems", kind: "items", by: "total" },
  ];
  const result = data.data;
  return (
    <Page title={tr("console.dashboard.title")} intro={tr("console.dashboard.intro")}>
      <form class="dashboard-filters" onSubmit={(event) => event.preventDefault()}>
        <PeriodPicker value={filters.period} now={now} onValue={(next) => update({ period: next })} />
        <div>
          <UnitSelect
            name="dashboard-unit"
            label={tr("console.fields.unit")}
            units={units.data ?? []}
            value={filters.unit}
            onValue={(unit) => update({ unit })}
            emptyLabel={tr("console.points.allUnits")}
          />
          <SelectField
            name="dashboard-rank"
            label={tr("console.dashboard.rankBy")}
            value={filters.rank}
            onValue={(rank) =>
              update({ rank: rank === "service" ? "service" : rank === "officer" ? "officer" : "unit" })
            }
            options={[
              { value: "unit", label: tr("console.dashboard.rankUnits") },
              { value: "service", label: tr("console.dashboard.rankServices") },
              { value: "officer", label: tr("officers.ranking.rankOfficers") },
            ]}
          />
        </div>
      </form>
      <p class="period-line" aria-live="polite">
        {tr("console.dashboard.periodLine", {
          from: formatLocalDay(lang, period.from),
          to: formatLocalDay(lang, period.to),
        })}
      </p>
      <CaseFigures from={period.from} to={period.to} unit={filters.unit || undefined} />
      {data.state === "loading" && <Loading />}
      {data.state === "error" && <ErrorNotice error={data.error} onRetry={data.reload} />}
      {result && (!result.total || result.total.respondents === 0) && (
        <Empty>{tr("console.dashboard.noData")}</Empty>
      )}
      {result?.total && result.total.respondents > 0 && (
        <>
          <div class="grid-2">
            <SummaryCard row={result.total} previous={result.previous} />
            <ElementBars row={result.total} previous={result.previous} />
          </div>
          <ReachCard total={result.total} channels={result.channels} />
          <section class="panel dashboard-section">
            <TrendChart rows={result.months} currentMonth={localDay(now).slice(0, 7)} />
          </section>
          <section class="panel dashboard-section" aria-labelledby="ranking-title">
            <h2 id="ranking-title">{tr("console.dashboard.rankingTitle")}</h2>
            {filters.rank === "unit" && <p class="muted">{tr("report.method.unitRows")}</p>}
            {filters.rank === "officer" && result.minimum !== null && (
              <p class="muted">{tr("officers.ranking.withheld", { count: result.minimum })}</p>
            )}
            <RankingTable rows={result.ranking} by={filters.rank} />
          </section>
          <section class="panel dashboard-section" aria-labelledby="items-title">
            <h2 id="items-title">{tr("console.dashboard.itemsTitle")}</h2>
            <ItemTable rows={result.items} />
          </section>
          <section class="panel dashboard-section" aria-labelledby="comments-title">
            <h2 id="comments-title">{tr("console.dashboard.commentsTitle")}</h2>
            {result.comments.length === 0 ? (
              <Empty>{tr("console.dashboard.noComments")}</Empty>
            ) : (
              <CommentList comments={result.comments} />
            )}
          </section>
        </>
      )}
      <ReportDownloads scope={scope} downloads={downloads} />
      <MethodNote />
    </Page>
  );
}
