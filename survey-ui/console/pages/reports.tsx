import { useState } from "preact/hooks";
import {
  earlierReportDeadlines,
  nextReportDeadline,
  type ReportDeadline,
} from "../../../shared/time/compare-periods.js";
import { dayNumber, localDay } from "../../../shared/time/local-day.js";
import { Page } from "../components/page.js";
import { UnitSelect } from "../components/unit-select.js";
import { queryString } from "../lib/api.js";
import { listUnits } from "../lib/console-api.js";
import { formatLocalDay } from "../lib/format-date.js";
import type { ScreenProps } from "../lib/screens.js";
import { useResource } from "../lib/use-resource.js";
import { useT } from "../lib/use-t.js";
import "./reports.css";

// The periodic reports of the provincial plan: the next one due (first half-year by 10 July, the year by
// 10 January) with its period chosen, one button for the workbook and one for the printable report, and
// the reports of earlier periods.

const EARLIER = 4;

/** The address of the report pack of a deadline's period. */
function packHref(deadline: ReportDeadline, unit: string, format: "xlsx" | "html", lang: "vi" | "en") {
  return `/api/v1/reports/pack${queryString({ preset: deadline.kind, year: deadline.year, unit, format, lang })}`;
}

function Buttons({
  deadline,
  unit,
  packLang,
}: {
  deadline: ReportDeadline;
  unit: string;
  packLang: "vi" | "en";
}) {
  const { tr } = useT();
  return (
    <span class="actions">
      <a class="button" href={packHref(deadline, unit, "xlsx", packLang)} download>
        {tr("pack.console.workbook")}
      </a>
      <a
        class="button button-secondary"
        href={packHref(deadline, unit, "html", packLang)}
        target="_blank"
        rel="noopener"
      >
        {tr("pack.console.printable")}
      </a>
    </span>
  );
}

/** The console's "Báo cáo" screen. */
export function ReportsPage(_props: ScreenProps) {
  const { lang, tr } = useT();
  const [unit, setUnit] = useState("");
  const units = useResource(() => listUnits(), "units");
  const now = Date.now();
  const next = nextReportDeadline(now);
  const earlier = earlierReportDeadlines(next, EARLIER);
  const packLang = lang === "en" ? "en" : "vi";
  const daysLeft = dayNumber(next.due) - dayNumber(localDay(now));
  const title = (deadline: ReportDeadline) =>
    tr(deadline.kind === "year" ? "pack.console.year" : "pack.console.firstHalf", { year: deadline.year });
  const periodLine = (deadline: ReportDeadline) =>
    tr("pack.console.periodLine", {
      from: formatLocalDay(lang, deadline.period.from),
      to: formatLocalDay(lang, deadline.period.to),
    });
  return (
    <Page title={tr("pack.console.title")} intro={tr("pack.console.intro")}>
      <div class="reports-unit">
        <UnitSelect
          name="reports-unit"
          label={tr("pack.console.unit")}
          units={units.data ?? []}
          value={unit}
          onValue={setUnit}
          emptyLabel={tr("console.points.allUnits")}
        />
      </div>
      <section class="panel deadline" aria-labelledby="deadline-title" data-testid="next-deadline">
        <p class="deadline-due">
          {tr("pack.console.nextDeadline", { date: formatLocalDay(lang, next.due) })}{" "}
          <span class="tag">
            {daysLeft === 0 ? tr("pack.console.dueToday") : tr("pack.console.daysLeft", { count: daysLeft })}
          </span>
        </p>
        <h2 id="deadline-title">{title(next)}</h2>
        <p>{periodLine(next)}</p>
        <Buttons deadline={next} unit={unit} packLang={packLang} />
      </section>
      <section class="panel" aria-labelledby="earlier-title">
        <h2 id="earlier-title">{tr("pack.console.earlier")}</h2>
        <ul class="downloads">
          {earlier.map((deadline) => (
            <li key={`${deadline.kind}-${deadline.year}`}>
              <span>
                <strong>{title(deadline)}</strong>
                <br />
                <span class="muted">
                  {periodLine(deadline)} ·{" "}
                  {tr("pack.console.earlierDue", { date: formatLocalDay(lang, deadline.due) })}
                </span>
              </span>
              <Buttons deadline={deadline} unit={unit} packLang={packLang} />
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
