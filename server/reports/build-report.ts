import {
  type ItemFigures,
  type ItemRow,
  itemFigures,
  type ReportGrouping,
  type ReportKind,
  SERVED_GROUPINGS,
  type SipasFigures,
  type SipasRow,
  sipasFigures,
} from "../../shared/contract/reports.js";
import { elementOfItem, ITEM_CODES } from "../../shared/instrument/index.js";
import { countsFromRollup, scoreGroup } from "../../shared/scoring/index.js";
import type { Period } from "../../shared/time/index.js";
import type { Database } from "../db/database.js";
import { type ServedKey, sumServed } from "../db/queries/entries.js";
import { type RollupSum, sumRollups } from "../db/queries/reports.js";
import { RESPONDENTS_ITEM } from "../db/queries/rollups.js";
import { type GroupKey, GroupMap } from "./group-map.js";
import { splitPeriod } from "./period-split.js";
import { GROUPING_KEYS, NO_OFFICER, reportGroups } from "./report-groups.js";

// Every figure comes from the rollups through shared/scoring: this module only sums, groups and labels.

// A group's rollup rows: its respondents (the "#" row) and one row per item with its five counts.
type GroupSums = { respondents: number; items: RollupSum[] };

/**
 * What a report is asked for: its kind, grouping, period and the unit subtree it covers (null: all);
 * `officerId` narrows it to one officer's responses (a staff user's own results). `officerMinimum`: below
 * this many respondents an officer's figures are withheld (null), only `respondents` is shown.
 */
export type ReportRequest = {
  kind: ReportKind;
  by: ReportGrouping;
  period: Period;
  subtree: string | null;
  officerId?: number | null | undefined;
  officerMinimum?: number | undefined;
};

/** The rows of /reports/sipas or /reports/items, keyed by the contract's column names, unrounded. */
export async function buildReport(db: Database, request: ReportRequest): Promise<SipasRow[] | ItemRow[]> {
  const { kind, by, period, subtree, officerId } = request;
  // A day report cannot use monthly rows; every other grouping reads whole months from them.
  const sources = by === "day" ? { months: null, days: [period] } : splitPeriod(period);
  const sums = await sumRollups(db, { keys: GROUPING_KEYS[by], sources, subtree, officerId });
  const byGroup = new GroupMap<GroupSums>();
  for (const sum of sums) {
    let group = byGroup.get(sum.key);
    if (!group) {
      group = { respondents: 0, items: [] };
      byGroup.set(sum.key, group);
    }
    if (sum.item === RESPONDENTS_ITEM) group.respondents += sum.counts[0];
    else group.items.push(sum);
  }
  const groups = await reportGroups(db, by, period, subtree, byGroup);
  // A row about one officer: every row of an officer's own report, and each officer's row of by=officer.
  const minimum = request.officerMinimum ?? 0;
  const withheld = (key: GroupKey, respondents: number) =>
    (officerId != null || (by === "officer" && key[0] !== NO_OFFICER)) && respondents < minimum;
  if (kind === "sipas") {
    const served = SERVED_GROUPINGS.includes(by) ? await servedByGroup(db, by, period, subtree) : null;
    return groups.map((group) => {
      const sums = byGroup.get(group.key);
      const score = scoreGroup(countsFromRollup(sums?.respondents ?? 0, sums?.items ?? []));
      const figures = sipasFigures(score);
      const row = {
        period_from: period.from,
        period_to: period.to,
        ...group.values,
        ...(withheld(group.key, score.respondents) ? withholdSipas(figures) : figures),
      };
      if (!served) return row;
      const count = served.get(group.key) ?? null;
      return { ...row, served: count, response_rate: count ? score.respondents / count : null };
    }) as SipasRow[];
  }
  return groups.flatMap((group) => {
    const sums = byGroup.get(group.key);
    if (!sums) return [];
    const score = scoreGroup(countsFromRollup(sums.respondents, sums.items));
    const hide = withheld(group.key, sums.respondents);
    return ITEM_CODES.filter((item) => score.items[item].n > 0).map((item) => {
      const figures = itemFigures(elementOfItem(item), item, score.items[item]);
      return { ...group.values, ...(hide ? withholdItem(figures) : figures) };
    });
  }) as ItemRow[];
}

// The minimum-sample rule for officers: no judgement on a handful of answers. The count of respondents
// (or answers, n) stays; every figure that rates the officer becomes null (an empty cell in CSV and XLSX).
function withholdSipas(figures: SipasFigures): SipasFigures {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(figures)) {
    kept[name] = name === "respondents" || name === "small_sample" ? value : null;
  }
  return kept as SipasFigures;
}

function withholdItem(figures: ItemFigures): ItemFigures {
  return {
    ...figures,
    count_1: null,
    count_2: null,
    count_3: null,
    count_4: null,
    count_5: null,
    index: null,
    mean: null,
  };
}

const SERVED_KEYS: Partial<Record<ReportGrouping, readonly ServedKey[]>> = {
  unit: ["unit"],
  point: ["point"],
  month: ["month"],
  day: ["day"],
  total: [],
};

/** The citizens served per report group; groups without a count are absent. */
async function servedByGroup(
  db: Database,
  by: ReportGrouping,
  period: Period,
  subtree: string | null,
): Promise<GroupMap<number>> {
  const sums = await sumServed(db, {
    keys: SERVED_KEYS[by] ?? [],
    from: period.from,
    to: period.to,
    subtree,
  });
  const served = new GroupMap<number>();
  for (const sum of sums) served.set(sum.key, sum.served);
  return served;
}
