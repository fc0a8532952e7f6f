import { type SQL, sql } from "drizzle-orm";
import type { ValueCounts } from "../../../shared/scoring/index.js";
import type { Period } from "../../../shared/time/index.js";
import type { PeriodSources } from "../../reports/period-split.js";
import type { Database } from "../database.js";
import { inSubtree } from "./units.js";

// The read side of reports: sums over the rollups (never over responses), the catalogue rows that label
// report groups, and keyset pages of raw responses and comments for the exports.

/** What a report can group the rollups by; month and day come from the rollup's period column. */
export type RollupKey = "unit" | "service" | "point" | "month" | "day" | "officer" | "channel";

const KEY_SQL: Record<RollupKey, SQL> = {
  unit: sql`unit_id`,
  service: sql`service_id`,
  point: sql`point_id`,
  // The period is "YYYY-MM" in the monthly table and "YYYY-MM-DD" in the daily ones.
  month: sql`substr(period, 1, 7)`,
  day: sql`period`,
  officer: sql`officer_id`,
  channel: sql`channel`,
};

// The keys rollups_unit_daily can group by: it sums the daily rollups over point, service and channel.
const UNIT_DAILY_KEYS: ReadonlySet<RollupKey> = new Set(["unit", "month", "day", "officer"]);

/** The summed counts of one item in one group; the group's key values follow the order of `keys`. */
export type RollupSum = { key: Array<string | number>; item: string; counts: ValueCounts };

const unitsOf = (subtree: string | null) =>
  subtree === null
    ? sql`1 = 1`
    : sql`unit_id IN (SELECT id FROM units WHERE ${inSubtree(subtree, sql`path`)})`;

/**
 * The counts of every satisfaction item ("#" for respondents, in count_1) per group, over a period read
 * from whole months and leftover days, for the units of a subtree (null: all units). Days come from
 * rollups_unit_daily when the keys allow it (by day, unit, officer): a year by day reads ~3M daily rollups
 * at 1M responses, and ~90k rows there. The whole answer travels as one JSON text: a year by day is ~9k
 * groups, and a row object per group through @libsql/client would cost more than the query.
 */
export async function sumRollups(
  db: Database,
  options: {
    keys: readonly RollupKey[];
    sources: PeriodSources;
    subtree: string | null;
    /** Only the responses this officer served (a staff user's own results). */
    officerId?: number | null | undefined;
  },
): Promise<RollupSum[]> {
  const { keys, sources, subtree } = options;
  const parts: SQL[] = [];
  const columns = sql`unit_id, point_id, service_id, officer_id, channel, item, count_1, count_2, count_3, count_4, count_5`;
  // Expectations (E1…) are not part of any index; leave them in the tables.
  const officer = options.officerId == null ? sql`` : sql` AND officer_id = ${options.officerId}`;
  const items = sql`item NOT GLOB 'E[0-9]*'${officer}`;
  if (sources.months) {
    parts.push(sql`SELECT month AS period, ${columns} FROM rollups_monthly
      WHERE month BETWEEN ${sources.months.from} AND ${sources.months.to} AND ${items} AND ${unitsOf(subtree)}`);
  }
  if (sources.days.length > 0) {
    const ranges = sql.join(
      sources.days.map((range) => sql`day BETWEEN ${range.from} AND ${range.to}`),
      sql` OR `,
    );
    // The same columns from both daily tables; rollups_unit_daily has no point, service or channel to read.
    const daily = keys.every((key) => UNIT_DAILY_KEYS.has(key))
      ? sql`SELECT day AS period, unit_id, NULL AS point_id, NULL AS service_id, officer_id, NULL AS channel,
          item, count_1, count_2, count_3, count_4, count_5 FROM rollups_unit_daily`
      : sql`SELECT day AS period, ${columns} FROM rollups`;
    parts.push(sql`${daily} WHERE (${ranges}) AND ${items} AND ${unitsOf(subtree)}`);
  }
  if (parts.length === 0) return [];
  // No keys (by=total) groups by item alone: one group for the whole period and scope.
  const keyColumns = keys.map((key, i) => sql`${KEY_SQL[key]} AS ${sql.identifier(`k${i}`)}`);
  const select = sql.join([...keyColumns, sql`item`], sql`, `);
  const groupBy = sql.join([...keys.map((_, i) => sql.identifier(`k${i}`)), sql`item`], sql`, `);
  const keyValues = sql.join([...keys.map((_, i) => sql.identifier(`k${i}`)), sql``], sql`, `);
  const row = await db.get<{ sums: string }>(sql`SELECT json_group_array(json_array(${keyValues}
      item, c1, c2, c3, c4, c5)) AS sums
    FROM (SELECT ${select},
        sum(count_1) AS c1, sum(count_2) AS c2, sum(count_3) AS c3, sum(count_4) AS c4, sum(count_5) AS c5
      FROM (${sql.join(parts, sql` UNION ALL `)}) GROUP BY ${groupBy})`);
  const width = keys.length;
  return (JSON.parse(row?.sums ?? "[]") as Array<Array<string | number>>).map((values) => ({
    key: values.slice(0, width),
    item: String(values[width]),
    counts: values.slice(width + 1) as ValueCounts,
  }));
}

/** A unit as a report labels it. */
export type ReportUnit = { id: number; code: string; name: string; path: string; archived: boolean };

/** The units of a subtree in tree order (parents first). */
export async function listReportUnits(db: Database, subtree: string | null): Promise<ReportUnit[]> {
  const rows = await db.all<{
    id: number;
    code: string;
    name: string;
    path: string;
    archived_at: number | null;
  }>(
    sql`SELECT id, code, name, path, archived_at FROM units WHERE ${inSubtree(subtree, sql`path`)} ORDER BY path`,
  );
  return rows.map(({ archived_at, ...unit }) => ({ ...unit, archived: archived_at !== null }));
}

/** A survey point as a report labels it. */
export type ReportPoint = { id: number; code: string; label: string; unitCode: string; archived: boolean };

/** The points of the units of a subtree, in tree order of their units, then by label. */
export async function listReportPoints(db: Database, subtree: string | null): Promise<ReportPoint[]> {
  const rows = await db.all<{
    id: number;
    code: string;
    label: string;
    unit_code: string;
    archived_at: number | null;
  }>(sql`SELECT p.id, p.code, p.label, u.code AS unit_code, p.archived_at
    FROM points p JOIN units u ON u.id = p.unit_id
    WHERE ${inSubtree(subtree, sql`u.path`)} ORDER BY u.path, p.label, p.code`);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    label: row.label,
    unitCode: row.unit_code,
    archived: row.archived_at !== null,
  }));
}

/** Services by id, for labelling groups (the catalogue of services is national, not scoped). */
export async function findServicesByIds(
  db: Database,
  ids: readonly number[],
): Promise<Map<number, { code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ id: number; code: string; name: string }>(
    sql`SELECT id, code, name FROM services WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
}

/** SQL: the response `r` belongs to a unit of the subtree (nothing to add for the whole tree). */
const inScope = (subtree: string | null) =>
  subtree === null
    ? sql``
    : sql`AND r.unit_id IN (SELECT id FROM units WHERE ${inSubtree(subtree, sql`path`)})`;

/**
 * One response as the raw export reads it, in the export's column order up to the answers:
 * [id, submitted_at, day, unit, point, service, form, lang, channel, answers, expectations, gender,
 * age band, ethnicity, education, occupation, comment, officer]. Answers and expectations stay the JSON
 * text they are stored as: the CSV writer reads them straight into their columns.
 */
export type ExportedResponse = [
  id: string,
  submittedAt: number,
  day: string,
  unitCode: string,
  pointCode: string,
  serviceCode: string | null,
  form: string,
  lang: string,
  channel: string,
  answers: string,
  expectations: string | null,
  gender: string | null,
  ageBand: string | null,
  ethnicity: string | null,
  education: string | null,
  occupation: string | null,
  comment: string | null,
  officerUsername: string | null,
];

/** What a raw export covers: the responses of a period in a unit subtree (null: all). */
export type ExportScope = { period: Period; subtree: string | null };

/** The rowids of a period's first and last stored responses (inclusive), or null when it has none. */
export type StoredRange = { first: number; last: number };

/**
 * Where the responses of a period lie in storage (rowid) order, read from the day index alone. An export
 * walks this range in rowid order: the table's own order, with no random lookup per row (the day index's
 * order costs one, twice the time); the range is fixed when the export starts, so a response stored
 * meanwhile is not half in it.
 */
export function storedRangeQuery(period: Period): SQL {
  return sql`SELECT min(rowid) AS first, max(rowid) AS last FROM responses WHERE local_day BETWEEN ${period.from} AND ${period.to}`;
}

/** The export's columns in ExportedResponse order, as one SQL list. */
export const EXPORTED_COLUMNS = sql`r.id, r.submitted_at, r.local_day, u.code, p.code, s.code, r.form, r.lang,
  r.channel, r.answers, r.expectations, r.gender, r.age_band, r.ethnicity, r.education, r.occupation, r.comment,
  o.username`;

/**
 * The responses of an export in storage order, with rowid in (after, range.last]; `select` is what each
 * row returns (EXPORTED_COLUMNS, or built from them), `limit` null for all of them.
 */
export function exportedResponsesQuery(
  scope: ExportScope,
  options: { select: SQL; range: StoredRange; after: number; limit: number | null },
): SQL {
  const { period, subtree } = scope;
  const { select, range, after, limit } = options;
  // NOT INDEXED: the rowid range is the plan, never the day index, whatever the planner guesses.
  return sql`SELECT ${select}
    FROM responses r NOT INDEXED JOIN units u ON u.id = r.unit_id JOIN points p ON p.id = r.point_id
      LEFT JOIN services s ON s.id = r.service_id LEFT JOIN users o ON o.id = r.officer_id
    WHERE r.rowid > ${after} AND r.rowid <= ${range.last}
      AND r.local_day BETWEEN ${period.from} AND ${period.to} ${inScope(subtree)}
    ORDER BY r.rowid${limit === null ? sql`` : sql` LIMIT ${limit}`}`;
}

/** Where a keyset page of comments starts: after this (day, id). */
export type ResponseCursor = { day: string; id: string };

/** A citizen's comment (stored masked) with where and when it was left. */
export type CommentRow = {
  id: string;
  day: string;
  submitted_at: number;
  unit_code: string;
  unit_name: string;
  point_code: string;
  point_label: string;
  service_code: string | null;
  service_name: string | null;
  lang: string;
  comment: string;
  comment_has_pii: number;
};

/**
 * The newest comments of a period first, in keyset pages over (day, id) descending through the index
 * responses_day_idx; `before` is the last (day, id) of the previous page, null for the first one.
 */
export async function listComments(
  db: Database,
  options: {
    period: Period;
    before: ResponseCursor | null;
    subtree: string | null;
    serviceId: number | null;
    /** Only comments on this officer's service (a staff user reads their own). */
    officerId?: number | null | undefined;
    limit: number;
  },
): Promise<CommentRow[]> {
  const { period, before, subtree, serviceId, limit } = options;
  const officer = options.officerId == null ? sql`` : sql`AND r.officer_id = ${options.officerId}`;
  const after = before === null ? sql`` : sql`AND (r.local_day, r.id) < (${before.day}, ${before.id})`;
  const service = serviceId === null ? sql`` : sql`AND r.service_id = ${serviceId}`;
  return db.all<CommentRow>(sql`SELECT r.id, r.local_day AS day, r.submitted_at, u.code AS unit_code,
      u.name AS unit_name, p.code AS point_code, p.label AS point_label, s.code AS service_code,
      s.name AS service_name, r.lang, r.comment, r.comment_has_pii
    FROM responses r JOIN units u ON u.id = r.unit_id JOIN points p ON p.id = r.point_id
      LEFT JOIN services s ON s.id = r.service_id
    WHERE r.local_day BETWEEN ${period.from} AND ${period.to} ${after}
      AND r.comment IS NOT NULL ${inScope(subtree)} ${service} ${officer}
    ORDER BY r.local_day DESC, r.id DESC LIMIT ${limit}`);
}

/** An officer as a report labels them: username, shown name, and the unit their account belongs to. */
export type ReportOfficer = {
  id: number;
  username: string;
  name: string;
  unitCode: string | null;
  unitPath: string | null;
};

/** Officers (users) by id, for labelling by=officer groups. */
export async function findOfficersByIds(
  db: Database,
  ids: readonly number[],
): Promise<Map<number, ReportOfficer>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<{
    id: number;
    username: string;
    name: string;
    unit_code: string | null;
    unit_path: string | null;
  }>(sql`SELECT o.id, o.username, coalesce(nullif(trim(o.display_name), ''), o.username) AS name,
      u.code AS unit_code, u.path AS unit_path
    FROM users o LEFT JOIN units u ON u.id = o.unit_id
    WHERE o.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        username: row.username,
        name: row.name,
        unitCode: row.unit_code,
        unitPath: row.unit_path,
      },
    ]),
  );
}
