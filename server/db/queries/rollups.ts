import { sql } from "drizzle-orm";
import type { Database, Statement } from "../database.js";
import { withJsonRows } from "../json-rows.js";

// The rollup model and its two tables. rollupIncrements is the one definition of what a response adds to the
// rollups: the submit path, paper entry, the demo seeder and the consistency check (which recomputes
// rollups from raw responses) all call it, so they cannot disagree.

/** One rollup row's worth of counting: `count` more answers of `value` to `item`. */
export type RollupIncrement = {
  day: string;
  unitId: number;
  pointId: number;
  /** 0 when the respondent chose no service: a primary-key column cannot be NULL and still conflict. */
  serviceId: number;
  /** The officer who served (users.id); 0 when none. */
  officerId: number;
  /** The response's channel: qr, kiosk, link, paper or import. */
  channel: string;
  /** An item code, an expectation code, or "#" (respondents, with value 0). */
  item: string;
  value: number;
  count: number;
};

/** The respondent counter: item "#", value 0. */
export const RESPONDENTS_ITEM = "#";

/** The facts of one stored response that the rollups count. */
export type RolledUpResponse = {
  /** The response's local day (Asia/Ho_Chi_Minh). */
  day: string;
  unitId: number;
  pointId: number;
  serviceId: number | null;
  /** The officer who served (users.id); absent or null when none. */
  officerId?: number | null | undefined;
  channel: string;
  answers: Readonly<Record<string, number>>;
  expectations: Readonly<Record<string, number>> | null;
};

/** What one response adds: one respondent, and one count per answered item and expectation. */
export function rollupIncrements(response: RolledUpResponse): RollupIncrement[] {
  const { day, unitId, pointId, channel } = response;
  const serviceId = response.serviceId ?? 0;
  const officerId = response.officerId ?? 0;
  // Object literals of one shape, no spreads: this runs for every submission.
  const increments: RollupIncrement[] = [
    { day, unitId, pointId, serviceId, officerId, channel, item: RESPONDENTS_ITEM, value: 0, count: 1 },
  ];
  for (const answers of [response.answers, response.expectations]) {
    if (!answers) continue;
    for (const item in answers) {
      const value = answers[item] as number;
      increments.push({ day, unitId, pointId, serviceId, officerId, channel, item, value, count: 1 });
    }
  }
  return increments;
}

/** One row of a rollup table: the counts of answers 1–5 of one item, for a day or a month. */
export type RollupRow = {
  /** "YYYY-MM-DD" for the daily table, "YYYY-MM" for the monthly one. */
  period: string;
  unitId: number;
  pointId: number;
  serviceId: number;
  officerId: number;
  channel: string;
  item: string;
  counts: [number, number, number, number, number];
};

/**
 * Folds increments into the rows of the two rollup tables: per day, and per month. The respondent
 * counter ("#", value 0) is kept in the first count.
 */
export function rollupRows(increments: Iterable<RollupIncrement>): {
  daily: RollupRow[];
  monthly: RollupRow[];
} {
  const fold = rollupFold();
  fold.add(increments);
  return fold.rows();
}

/** rollupRows in steps: `add` increments as they come (e.g. one response's at a time), then take the `rows`. */
export function rollupFold() {
  // Daily rows by "day|point|service|channel|officer", then by item. The increments of one response come
  // together and differ only in their item, so the group is looked up once a response, not once an item.
  const groups = new Map<string, Map<string, RollupRow>>();
  const daily: RollupRow[] = [];
  let last: RollupIncrement | undefined;
  let group = new Map<string, RollupRow>();
  return {
    add(increments: Iterable<RollupIncrement>): void {
      for (const increment of increments) {
        if (last === undefined || !sameGroup(last, increment)) {
          const key = `${increment.day}|${increment.pointId}|${increment.serviceId}|${increment.channel}|${increment.officerId}`;
          const known = groups.get(key);
          group = known ?? new Map<string, RollupRow>();
          if (!known) groups.set(key, group);
          last = increment;
        }
        let row = group.get(increment.item);
        if (!row) {
          row = {
            period: increment.day,
            unitId: increment.unitId,
            pointId: increment.pointId,
            serviceId: increment.serviceId,
            officerId: increment.officerId,
            channel: increment.channel,
            item: increment.item,
            counts: [0, 0, 0, 0, 0],
          };
          group.set(increment.item, row);
          daily.push(row);
        }
        row.counts[increment.item === RESPONDENTS_ITEM ? 0 : increment.value - 1] += increment.count;
      }
    },
    rows(): { daily: RollupRow[]; monthly: RollupRow[] } {
      return { daily, monthly: monthlyRows(daily) };
    },
  };
}

const sameGroup = (a: RollupIncrement, b: RollupIncrement) =>
  a.day === b.day &&
  a.pointId === b.pointId &&
  a.serviceId === b.serviceId &&
  a.channel === b.channel &&
  a.officerId === b.officerId;

/**
 * The monthly rows as sums of the daily ones: the responses of a day at one counter share its daily
 * rows, so there are fewer of those to fold than increments, and the more so the busier the counter.
 */
function monthlyRows(daily: readonly RollupRow[]): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const day of daily) {
    const period = day.period.slice(0, 7);
    const key = `${period}|${day.pointId}|${day.serviceId}|${day.channel}|${day.officerId}|${day.item}`;
    let row = rows.get(key);
    if (!row) {
      row = { ...day, period, counts: [0, 0, 0, 0, 0] };
      rows.set(key, row);
    }
    for (let i = 0; i < 5; i++) row.counts[i] += day.counts[i];
  }
  return [...rows.values()];
}

// Rows travel as one JSON parameter (withJsonRows).
const ROWS_PER_STATEMENT = 2000;

/**
 * Statements that add increments to the daily and monthly rollups (inserting the rows that do not exist
 * yet); put them in the same batch as the responses they count.
 */
export function addToRollupsStatements(db: Database, increments: readonly RollupIncrement[]): Statement[] {
  const { daily, monthly } = rollupRows(increments);
  return [...upserts(db, "rollups", daily), ...upserts(db, "rollups_monthly", monthly)];
}

function upserts(db: Database, table: RollupTable, rows: RollupRow[]) {
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const values = rows.slice(start, start + ROWS_PER_STATEMENT).map(rollupRowValues);
    statements.push(db.run(sql`${withJsonRows(values)}${sql.raw(ROLLUP_UPSERTS[table])}`));
  }
  return statements;
}

/** The two rollup tables: per day and per month. */
export type RollupTable = "rollups" | "rollups_monthly";

/** A rollup row as the values of a JSON row for ROLLUP_UPSERTS. */
export const rollupRowValues = (r: RollupRow): Array<string | number> => [
  r.period,
  r.unitId,
  r.pointId,
  r.serviceId,
  r.channel,
  r.item,
  ...r.counts,
  r.officerId,
];

const upsertFromJsonRows = (table: RollupTable, period: "day" | "month") =>
  // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to the SELECT's join.
  `INSERT INTO ${table} (${period}, unit_id, point_id, service_id, channel, item, count_1, count_2, count_3,
     count_4, count_5, officer_id)
   SELECT r->>0, r->>1, r->>2, r->>3, r->>4, r->>5, r->>6, r->>7, r->>8, r->>9, r->>10, r->>11
   FROM json_rows WHERE true
   ON CONFLICT (${period}, point_id, service_id, channel, officer_id, item) DO UPDATE SET
     count_1 = count_1 + excluded.count_1, count_2 = count_2 + excluded.count_2,
     count_3 = count_3 + excluded.count_3, count_4 = count_4 + excluded.count_4,
     count_5 = count_5 + excluded.count_5`;

/**
 * The statement text adding JSON rows (withJsonRows, rows of rollupRowValues) to each rollup table: rows
 * not there yet are inserted, the others' counts added to.
 */
export const ROLLUP_UPSERTS: Record<RollupTable, string> = {
  rollups: upsertFromJsonRows("rollups", "day"),
  rollups_monthly: upsertFromJsonRows("rollups_monthly", "month"),
};

/**
 * Statements that take increments back out of the daily and monthly rollups (a corrected paper form's old
 * answers). Plain UPDATEs: an upsert with negative counts would fail the tables' CHECK before its conflict
 * turned it into an update.
 */
export function subtractFromRollupsStatements(
  db: Database,
  increments: readonly RollupIncrement[],
): Statement[] {
  const { daily, monthly } = rollupRows(increments);
  const update = (table: "rollups" | "rollups_monthly", period: "day" | "month", r: RollupRow) =>
    db.run(sql`UPDATE ${sql.identifier(table)} SET count_1 = count_1 - ${r.counts[0]},
        count_2 = count_2 - ${r.counts[1]}, count_3 = count_3 - ${r.counts[2]},
        count_4 = count_4 - ${r.counts[3]}, count_5 = count_5 - ${r.counts[4]}
      WHERE ${sql.identifier(period)} = ${r.period} AND point_id = ${r.pointId} AND service_id = ${r.serviceId}
        AND channel = ${r.channel} AND officer_id = ${r.officerId} AND item = ${r.item}`);
  return [
    ...daily.map((r) => update("rollups", "day", r)),
    ...monthly.map((r) => update("rollups_monthly", "month", r)),
  ];
}
