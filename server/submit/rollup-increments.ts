// The one definition of what a response adds to the rollups. The submit path, the demo seeder and the
// consistency check (which recomputes rollups from raw responses) all call it, so they cannot disagree.

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
  const daily = new Map<string, RollupRow>();
  const monthly = new Map<string, RollupRow>();
  for (const increment of increments) {
    const slot = increment.item === RESPONDENTS_ITEM ? 0 : increment.value - 1;
    const rest = `|${increment.pointId}|${increment.serviceId}|${increment.channel}|${increment.officerId}|${increment.item}`;
    addTo(daily, increment.day, rest, increment, slot);
    addTo(monthly, increment.day.slice(0, 7), rest, increment, slot);
  }
  return { daily: [...daily.values()], monthly: [...monthly.values()] };
}

function addTo(
  rows: Map<string, RollupRow>,
  period: string,
  rest: string,
  increment: RollupIncrement,
  slot: number,
) {
  const key = period + rest;
  let row = rows.get(key);
  if (!row) {
    row = {
      period,
      unitId: increment.unitId,
      pointId: increment.pointId,
      serviceId: increment.serviceId,
      officerId: increment.officerId,
      channel: increment.channel,
      item: increment.item,
      counts: [0, 0, 0, 0, 0],
    };
    rows.set(key, row);
  }
  row.counts[slot] += increment.count;
}
