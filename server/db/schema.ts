import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// Times are UTC milliseconds since the epoch; days are Asia/Ho_Chi_Minh dates "YYYY-MM-DD".
// Catalogue rows are archived, never deleted, once responses refer to them.

/** The organisation tree: province → department → division or centre. */
export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    // Optional names in Chinese and English for the citizen's pages; Vietnamese (`name`) is the fallback.
    nameZh: text("name_zh"),
    nameEn: text("name_en"),
    parentId: integer("parent_id").references((): AnySQLiteColumn => units.id),
    // Materialised path of ids ("/1/4/9/"): a subtree is one prefix match, for scopes and report filters.
    path: text("path").notNull(),
    archivedAt: integer("archived_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("units_code_unique").on(t.code),
    // Subtree look-ups (scope checks, report filters) are prefix scans on the path.
    index("units_path_idx").on(t.path),
    check("units_code_format", sql`length(${t.code}) BETWEEN 1 AND 35 AND ${t.code} NOT GLOB '*[^0-9A-Z.]*'`),
    check("units_name_present", sql`length(trim(${t.name})) > 0`),
    check("units_not_own_parent", sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
  ],
);

/** Administrative procedures (TTHC), keyed by the national code d.dddddd. */
export const services = sqliteTable(
  "services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    // Optional names in Chinese and English for the citizen's pages; Vietnamese (`name`) is the fallback.
    nameZh: text("name_zh"),
    nameEn: text("name_en"),
    field: text("field"),
    // The localised variant of the code (e.g. 1.001193.000.00.00.H35) is kept as an attribute only.
    localCode: text("local_code"),
    archivedAt: integer("archived_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("services_code_unique").on(t.code),
    check("services_code_format", sql`${t.code} GLOB '[0-9].[0-9][0-9][0-9][0-9][0-9][0-9]'`),
    check("services_name_present", sql`length(trim(${t.name})) > 0`),
  ],
);

/** Which unit offers which service. */
export const unitServices = sqliteTable(
  "unit_services",
  {
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.serviceId] }),
    // "Which units offer this service" is asked when a service is shown.
    index("unit_services_service_idx").on(t.serviceId),
  ],
);

/** Survey points: a counter, a unit, or a service at a unit; the code is printed on posters. */
export const points = sqliteTable(
  "points",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    label: text("label").notNull(),
    // Optional labels in Chinese and English for the citizen's pages; Vietnamese (`label`) is the fallback.
    labelZh: text("label_zh"),
    labelEn: text("label_en"),
    serviceId: integer("service_id").references(() => services.id),
    form: text("form", { enum: ["full", "quick"] })
      .notNull()
      .default("full"),
    tokenRequired: integer("token_required", { mode: "boolean" }).notNull().default(false),
    archivedAt: integer("archived_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("points_code_unique").on(t.code),
    // Staff list the points of their units.
    index("points_unit_idx").on(t.unitId),
    // Six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code can be typed by hand.
    check(
      "points_code_format",
      sql`length(${t.code}) = 6 AND ${t.code} NOT GLOB '*[^ABCDEFGHJKMNPQRSTUVWXYZ23456789]*'`,
    ),
    check("points_form_valid", sql`${t.form} IN ('full', 'quick')`),
    check("points_label_present", sql`length(trim(${t.label})) > 0`),
  ],
);

/**
 * One citizen's answer sheet. Anonymous by construction: no IP address, user agent or name is stored.
 * Answers are a compact JSON column rather than a row each: every row written costs ~60–100 µs through
 * libSQL, and reports read the rollups, never these rows.
 */
export const responses = sqliteTable(
  "responses",
  {
    // The client's UUID: the idempotency key of a submission.
    id: text("id").primaryKey(),
    pointId: integer("point_id")
      .notNull()
      .references(() => points.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    serviceId: integer("service_id").references(() => services.id),
    form: text("form", { enum: ["full", "quick"] }).notNull(),
    instrument: text("instrument").notNull(),
    lang: text("lang").notNull(),
    channel: text("channel", { enum: ["qr", "kiosk", "link"] }).notNull(),
    submittedAt: integer("submitted_at").notNull(),
    localDay: text("local_day").notNull(),
    // {"TC1":5,"TC2":4,…}: item code → value 1–5; expectations: code → level 1–3.
    answers: text("answers").notNull(),
    expectations: text("expectations"),
    gender: text("gender"),
    ageBand: text("age_band"),
    ethnicity: text("ethnicity"),
    education: text("education"),
    occupation: text("occupation"),
    // Personal numbers are masked before the comment is stored; the flag says masking happened.
    comment: text("comment"),
    commentHasPii: integer("comment_has_pii", { mode: "boolean" }).notNull().default(false),
    // Hash of the submitted content: a retry with the same id must carry the same content.
    contentHash: text("content_hash").notNull(),
    // Random id of a one-time link; unique, so that a link is used once.
    tokenId: text("token_id"),
    // Keyed hash of a dossier code; unique, so that a dossier is rated once.
    dossierHash: text("dossier_hash"),
  },
  (t) => [
    uniqueIndex("responses_token_unique").on(t.tokenId),
    uniqueIndex("responses_dossier_unique").on(t.dossierHash),
    // Raw export and comments read a day range in keyset pages.
    index("responses_day_idx").on(t.localDay, t.id),
    check("responses_form_valid", sql`${t.form} IN ('full', 'quick')`),
    check("responses_channel_valid", sql`${t.channel} IN ('qr', 'kiosk', 'link')`),
    check("responses_day_format", sql`${t.localDay} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
    check("responses_answers_json", sql`json_valid(${t.answers}) AND json_type(${t.answers}) = 'object'`),
    check("responses_comment_length", sql`${t.comment} IS NULL OR length(${t.comment}) <= 2000`),
  ],
);

const rollupCounts = {
  count1: integer("count_1").notNull().default(0),
  count2: integer("count_2").notNull().default(0),
  count3: integer("count_3").notNull().default(0),
  count4: integer("count_4").notNull().default(0),
  count5: integer("count_5").notNull().default(0),
};

/**
 * Answer counts per (day, point, service, item): count_v is how many answered v. Kept up to date in the
 * same batch as each response so that reports never scan responses. The item "#" counts respondents (in
 * count_1); expectation items (E1…) use count_1–count_3. service_id 0 means "no service chosen" (a
 * primary-key column cannot be NULL and still conflict). One row per item, not per value: a fifth of the
 * rows to write and to read.
 */
export const rollups = sqliteTable(
  "rollups",
  {
    day: text("day").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    pointId: integer("point_id")
      .notNull()
      .references(() => points.id),
    serviceId: integer("service_id").notNull(),
    item: text("item").notNull(),
    ...rollupCounts,
  },
  (t) => [
    primaryKey({ columns: [t.day, t.pointId, t.serviceId, t.item] }),
    // Day reports and custom ranges filter by unit subtree and day range.
    index("rollups_unit_day_idx").on(t.unitId, t.day),
    check(
      "rollups_counts_valid",
      sql`min(${t.count1}, ${t.count2}, ${t.count3}, ${t.count4}, ${t.count5}) >= 0`,
    ),
  ],
);

/**
 * The same counts per month ("YYYY-MM"), written in the same batch: a year's report reads twelve months
 * of rows instead of 365 days of them, so report time stops growing with the number of responses.
 */
export const rollupsMonthly = sqliteTable(
  "rollups_monthly",
  {
    month: text("month").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    pointId: integer("point_id")
      .notNull()
      .references(() => points.id),
    serviceId: integer("service_id").notNull(),
    item: text("item").notNull(),
    ...rollupCounts,
  },
  (t) => [
    primaryKey({ columns: [t.month, t.pointId, t.serviceId, t.item] }),
    // Reports over whole months filter by unit subtree and month range.
    index("rollups_monthly_unit_month_idx").on(t.unitId, t.month),
    check(
      "rollups_monthly_counts_valid",
      sql`min(${t.count1}, ${t.count2}, ${t.count3}, ${t.count4}, ${t.count5}) >= 0`,
    ),
  ],
);

/** Console users; a user with a unit sees that unit's subtree only, without one the whole tree. */
export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    // "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>": the parameters travel with each hash.
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["admin", "analyst", "staff"] }).notNull(),
    unitId: integer("unit_id").references(() => units.id),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: integer("locked_until"),
    disabledAt: integer("disabled_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("users_username_unique").on(t.username),
    check("users_role_valid", sql`${t.role} IN ('admin', 'analyst', 'staff')`),
    check("users_username_format", sql`length(${t.username}) BETWEEN 2 AND 64`),
  ],
);

/** Console sessions; the id is the SHA-256 of the cookie value, so a database copy opens no session. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [
    // Signing a user out everywhere (password change, disabling) deletes by user.
    index("sessions_user_idx").on(t.userId),
  ],
);

/** API tokens for scripts; only the SHA-256 of the secret is kept. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [
    // Listing "my tokens".
    index("api_tokens_user_idx").on(t.userId),
  ],
);

/** Who changed what in the catalogue and in access. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    userId: integer("user_id").references(() => users.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityCode: text("entity_code"),
    detail: text("detail"),
  },
  (t) => [
    // The audit page reads the newest first.
    index("audit_log_at_idx").on(t.at),
  ],
);

/** Server-side settings kept across restarts, such as the generated signing secret. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
