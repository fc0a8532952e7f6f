import type { SipasRow } from "../../../shared/contract/reports.js";
import type { RankBy } from "../lib/dashboard-query.js";
import { formatCount, formatFigure, useT } from "../lib/use-t.js";
import { PercentBar } from "./chart-figure.js";

type RankedRow = { key: string; name: string; code: string; row: SipasRow };

/** Groups with data first, best index first; groups without responses last, by name. */
function ranked(rows: readonly SipasRow[], by: RankBy, noGroup: string): RankedRow[] {
  const named = rows.map((row) => {
    const r = row as SipasRow<"unit"> & SipasRow<"service"> & SipasRow<"officer">;
    if (by === "officer") {
      return {
        key: r.officer_username ?? "",
        name: r.officer_name ?? noGroup,
        code: r.officer_username ?? "",
        row,
      };
    }
    return by === "unit"
      ? { key: r.unit_code ?? "", name: r.unit_name, code: r.unit_code ?? "", row }
      : { key: r.service_code ?? "", name: r.service_name ?? noGroup, code: r.service_code ?? "", row };
  });
  return named.sort(
    (a, b) => (b.row.sipas_index ?? -1) - (a.row.sipas_index ?? -1) || a.name.localeCompare(b.name, "vi"),
  );
}

/** The ranking of units or services by their SIPAS-style index, with n and the small-sample flag. */
export function RankingTable({ rows, by }: { rows: readonly SipasRow[]; by: RankBy }) {
  const { lang, tr } = useT();
  const list = ranked(
    rows,
    by,
    by === "officer" ? tr("officers.ranking.none") : tr("console.dashboard.noService"),
  );
  const caption =
    by === "unit"
      ? tr("console.dashboard.rankingUnits")
      : by === "service"
        ? tr("console.dashboard.rankingServices")
        : tr("officers.ranking.caption");
  const groupHeading =
    by === "unit"
      ? tr("console.fields.unit")
      : by === "service"
        ? tr("console.fields.service")
        : tr("officers.ranking.officer");
  return (
    <div class="table-wrap">
      <table class="ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="number">
              {tr("console.dashboard.rank")}
            </th>
            <th scope="col">{groupHeading}</th>
            <th scope="col" class="number">
              {tr("console.dashboard.respondentsColumn")}
            </th>
            <th scope="col" class="number">
              {tr("console.dashboard.indexColumn")}
            </th>
            <th scope="col" class="bar-column">
              <span class="sr-only">{tr("console.dashboard.indexColumn")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((entry, i) => (
            <tr key={entry.key}>
              <td class="number">{entry.row.sipas_index === null ? "" : i + 1}</td>
              <th scope="row">
                {entry.name} {entry.code && <span class="code">{entry.code}</span>}
                {entry.row.respondents > 0 && entry.row.small_sample && (
                  <span class="tag tag-warn">{tr("console.dashboard.smallSampleTag")}</span>
                )}
              </th>
              <td class="number">{formatCount(lang, entry.row.respondents)}</td>
              <td class="number">{formatFigure(lang, entry.row.sipas_index)}</td>
              <td class="bar-column" aria-hidden="true">
                <PercentBar value={entry.row.sipas_index} tone={entry.row.small_sample ? "warn" : "accent"} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
