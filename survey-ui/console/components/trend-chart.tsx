import type { SipasRow } from "../../../shared/contract/reports.js";
import { formatCount, formatFigure, useT } from "../lib/use-t.js";
import { ChartFigure } from "./chart-figure.js";

const WIDTH = 480;
const HEIGHT = 236;
const PAD = { top: 12, right: 24, bottom: 44, left: 36 };
const GRID = [0, 25, 50, 75, 100];

/** "2026-03" as "3/26": short enough for twelve labels on a phone (the table's row headers). */
const monthLabel = (month: string) => `${Number(month.slice(5, 7))}/${month.slice(2, 4)}`;

const monthNames = new Map<string, Intl.DateTimeFormat>();
/** "2026-03" as the language's short month name ("thg 3", "Mar", "3月"), for the chart's axis. */
function monthName(lang: string, month: string): string {
  let format = monthNames.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { month: "short", timeZone: "UTC" });
    monthNames.set(lang, format);
  }
  return format.format(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 15)));
}

/**
 * The SIPAS-style index month by month as a line; months without responses leave a gap. The axis names
 * months in words with the year under each January (and the first month), and the current month, not yet
 * complete, is drawn hollow and said so.
 */
export function TrendChart({
  rows,
  currentMonth,
}: {
  rows: readonly SipasRow<"month">[];
  /** "YYYY-MM" of today, in Hanoi. */
  currentMonth?: string;
}) {
  const { lang, tr } = useT();
  const tag = tr("common.languageTag");
  const hasCurrent = rows.some((row) => row.month === currentMonth);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + (rows.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (rows.length - 1));
  const y = (value: number) => PAD.top + plotHeight - (value / 100) * plotHeight;
  // One path per run of months with data, so a month without responses is a visible gap, not a dip.
  const runs: string[] = [];
  let run = "";
  rows.forEach((row, i) => {
    if (row.sipas_index === null) {
      if (run) runs.push(run);
      run = "";
    } else run += `${run ? "L" : "M"}${x(i).toFixed(1)},${y(row.sipas_index).toFixed(1)}`;
  });
  if (run) runs.push(run);
  const labelEvery = Math.ceil(rows.length / 12);
  return (
    <ChartFigure
      id="trend"
      title={tr("console.dashboard.trendTitle")}
      chart={
        <svg class="trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
          {GRID.map((value) => (
            <g key={value}>
              <line class="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} />
              <text x={PAD.left - 6} y={y(value) + 4} text-anchor="end">
                {value}
              </text>
            </g>
          ))}
          {runs.map((d) => (
            <path key={d} class="line" d={d} />
          ))}
          {rows.map((row, i) =>
            row.sipas_index === null ? null : (
              <circle
                key={row.month}
                class={row.month === currentMonth ? "dot dot-partial" : "dot"}
                cx={x(i)}
                cy={y(row.sipas_index)}
                r={row.month === currentMonth ? "5" : "3.5"}
              />
            ),
          )}
          {rows.map((row, i) =>
            i % labelEvery === 0 ? (
              <text key={row.month} x={x(i)} y={HEIGHT - 26} text-anchor="middle">
                {monthName(tag, row.month)}
                {(i === 0 || row.month.endsWith("-01")) && (
                  <tspan x={x(i)} dy="15">
                    {row.month.slice(0, 4)}
                  </tspan>
                )}
              </text>
            ) : null,
          )}
        </svg>
      }
      note={hasCurrent ? `○ ${tr("pack.console.currentMonth")}` : undefined}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{tr("console.dashboard.month")}</th>
              <th scope="col" class="number">
                {tr("console.dashboard.respondentsColumn")}
              </th>
              <th scope="col" class="number">
                {tr("console.dashboard.indexColumn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">
                  {monthLabel(row.month)}
                  {row.month === currentMonth && ` (${tr("pack.console.currentMonth")})`}
                </th>
                <td class="number">{formatCount(lang, row.respondents)}</td>
                <td class="number">{formatFigure(lang, row.sipas_index)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
