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
    // Opt-in: the unit's results are shown to citizens at /p/:code (issue 15). Off until an admin says so.
    publicResults: integer("public_results", { mode: "boolean" }).notNull().default(false),
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
    // Submissions a day from one network address to this point; null: the deployment's limit. Raised for a
    // counter whose citizens share one Wi-Fi, or a kiosk tablet.
    dailyLimit: integer("daily_limit"),
    // The survey page names the officer on duty ("Cán bộ tiếp nhận: …") unless switched off per counter.
    showOfficer: integer("show_officer", { mode: "boolean" }).notNull().default(true),
    // The last form number printed on this point's paper forms: each print run numbers on from it.
    paperFormsIssued: integer("paper_forms_issued").notNull().default(0),
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
    channel: text("channel", { enum: ["qr", "kiosk", "link", "paper", "import"] }).notNull(),
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
    // The officer who served: on duty at the counter (QR, kiosk) or who issued the one-time link.
    officerId: integer("officer_id").references((): AnySQLiteColumn => users.id),
  },
  (t) => [
    uniqueIndex("responses_token_unique").on(t.tokenId),
    uniqueIndex("responses_dossier_unique").on(t.dossierHash),
    // Raw export and comments read a day range in keyset pages.
    index("responses_day_idx").on(t.localDay, t.id),
    // Comments, newest first (the report pack's 2,000, the console's latest): only the few responses that
    // carry one, instead of every response of the period looked up for its comment (issue 15).
    index("responses_comment_day_idx").on(t.localDay, t.id).where(sql`comment IS NOT NULL`),
    check("responses_form_valid", sql`${t.form} IN ('full', 'quick')`),
    check("responses_channel_valid", sql`${t.channel} IN ('qr', 'kiosk', 'link', 'paper', 'import')`),
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
    // The officer who served (users.id); 0 means none, as service_id uses 0.
    officerId: integer("officer_id").notNull().default(0),
    // The responses' channel (qr, kiosk, link, paper, import), for by=channel.
    channel: text("channel").notNull().default("qr"),
    item: text("item").notNull(),
    ...rollupCounts,
  },
  (t) => [
    primaryKey({ columns: [t.day, t.pointId, t.serviceId, t.channel, t.officerId, t.item] }),
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
    // The officer who served (users.id); 0 means none.
    officerId: integer("officer_id").notNull().default(0),
    channel: text("channel").notNull().default("qr"),
    item: text("item").notNull(),
    ...rollupCounts,
  },
  (t) => [
    primaryKey({ columns: [t.month, t.pointId, t.serviceId, t.channel, t.officerId, t.item] }),
    // Reports over whole months filter by unit subtree and month range.
    index("rollups_monthly_unit_month_idx").on(t.unitId, t.month),
    check(
      "rollups_monthly_counts_valid",
      sql`min(${t.count1}, ${t.count2}, ${t.count3}, ${t.count4}, ${t.count5}) >= 0`,
    ),
  ],
);

/**
 * The daily rollups summed over point, service and channel (expectations left out: no report groups them),
 * keyed in the order a report by day groups them: a year by day reads ~90k rows of it instead of ~3M daily
 * rollups (1.6 s → under 100 ms at 1M responses, issue 20). Triggers on `rollups` keep it equal to their
 * sums in the same transaction, on every write path (submissions, paper corrections, imports, the seed,
 * db:check --repair): see migrations/0010_i20_day_index.sql. drizzle-kit knows neither those triggers nor
 * WITHOUT ROWID (the counts sit in the key's b-tree: no lookup per row), so a migration that rebuilds either
 * table must add them again.
 * No foreign key: derived rows, checked through `rollups`.
 */
export const rollupsUnitDaily = sqliteTable(
  "rollups_unit_daily",
  {
    day: text("day").notNull(),
    item: text("item").notNull(),
    unitId: integer("unit_id").notNull(),
    officerId: integer("officer_id").notNull().default(0),
    ...rollupCounts,
  },
  (t) => [primaryKey({ columns: [t.day, t.item, t.unitId, t.officerId] })],
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
    // No longer written: sign-in throttling lives in sign_in_attempts, per (address, username).
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: integer("locked_until"),
    disabledAt: integer("disabled_at"),
    createdAt: integer("created_at").notNull(),
    // The name an officer shows citizens and reports ("Cán bộ tiếp nhận: …"); set by the officer.
    displayName: text("display_name"),
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
    // Null for tokens made before expiry existed: they last until revoked.
    expiresAt: integer("expires_at"),
  },
  (t) => [
    // Listing "my tokens".
    index("api_tokens_user_idx").on(t.userId),
  ],
);

/**
 * Sign-in throttling: one row per client address ("a:" key) and per (address, username) ("u:" key),
 * counting attempts not yet followed by a success. Privacy rule: the address is kept only as an HMAC under
 * the server secret inside the key, rows are forgotten a day after their last attempt.
 */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    key: text("key").primaryKey(),
    // The username as typed (lower case), on "u:" rows only: lets an admin unlock a user everywhere.
    username: text("username"),
    attempts: integer("attempts").notNull(),
    blockedUntil: integer("blocked_until").notNull(),
    lastAt: integer("last_at").notNull(),
  },
  (t) => [
    // Unlocking a user and a password reset clear every row of that username.
    index("sign_in_attempts_username_idx").on(t.username),
    // Forgetting old rows.
    index("sign_in_attempts_last_at_idx").on(t.lastAt),
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

/**
 * Submission counters per key (a keyed hash of a network address and a point, under a key derived from the
 * secret and the day: see server/submit/rate-limit.ts) in the database, so that every process of a
 * deployment counts together. No address is stored; rows of past days are deleted.
 */
export const rateCounters = sqliteTable(
  "rate_counters",
  {
    key: text("key").primaryKey(),
    day: text("day").notNull(),
    // Minutes since the epoch of the current minute window, and the count in it.
    minute: integer("minute").notNull(),
    minuteCount: integer("minute_count").notNull(),
    dayCount: integer("day_count").notNull(),
  },
  (t) => [
    // Deleting the rows of past days.
    index("rate_counters_day_idx").on(t.day),
  ],
);

// Issue 17: closing the loop. A citizen who asks for a reply opens a case; the contact lives apart from
// everything else and is deleted HAILONG_CONTACT_DAYS after the case closes.

/**
 * A follow-up case: one per response whose citizen asked for a reply, written in the same batch as the
 * response. The ref is derived from the response id (shared/contract/cases.ts), so a retry names the same
 * case and the survey can show it while still offline.
 */
export const cases = sqliteTable(
  "cases",
  {
    ref: text("ref").primaryKey(),
    responseId: text("response_id")
      .notNull()
      .references(() => responses.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    pointId: integer("point_id")
      .notNull()
      .references(() => points.id),
    serviceId: integer("service_id").references(() => services.id),
    lang: text("lang").notNull(),
    status: text("status", { enum: ["received", "in_progress", "answered", "closed"] })
      .notNull()
      .default("received"),
    openedAt: integer("opened_at").notNull(),
    // Local day of opening: the follow-through report groups cases by it.
    openedDay: text("opened_day").notNull(),
    dueAt: integer("due_at").notNull(),
    answeredAt: integer("answered_at"),
    closedAt: integer("closed_at"),
    updatedAt: integer("updated_at").notNull(),
    // Public on /r/:ref.
    reply: text("reply"),
    // Internal to the unit.
    note: text("note"),
    // When the case.overdue alert was queued: it is sent once.
    overdueAlertedAt: integer("overdue_alerted_at"),
  },
  (t) => [
    uniqueIndex("cases_response_unique").on(t.responseId),
    // The inbox lists a unit subtree's cases by status.
    index("cases_unit_status_idx").on(t.unitId, t.status),
    // The follow-through report reads a period of opening days.
    index("cases_opened_day_idx").on(t.openedDay),
    // The scheduler finds open cases past their due time.
    index("cases_status_due_idx").on(t.status, t.dueAt),
    check("cases_status_valid", sql`${t.status} IN ('received', 'in_progress', 'answered', 'closed')`),
    check("cases_reply_length", sql`${t.reply} IS NULL OR length(${t.reply}) <= 4000`),
    check("cases_note_length", sql`${t.note} IS NULL OR length(${t.note}) <= 4000`),
  ],
);

/**
 * The citizen's phone number or e-mail address for a case, in its own table so that no export, report,
 * log or webhook ever reads it by accident. Deleted HAILONG_CONTACT_DAYS after the case closes.
 */
export const caseContacts = sqliteTable(
  "case_contacts",
  {
    caseRef: text("case_ref")
      .primaryKey()
      .references(() => cases.ref),
    kind: text("kind", { enum: ["phone", "email"] }).notNull(),
    contact: text("contact").notNull(),
    consentAt: integer("consent_at").notNull(),
  },
  (t) => [check("case_contacts_kind_valid", sql`${t.kind} IN ('phone', 'email')`)],
);

/**
 * Webhook deliveries waiting or done: written in the same batch as what they announce, sent by the
 * scheduler with retries and backoff, so that nothing is lost across restarts. `key` makes queuing
 * idempotent (one case.opened per case, one digest per unit and day).
 */
export const webhookOutbox = sqliteTable(
  "webhook_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    event: text("event").notNull(),
    // The exact JSON body that is signed and sent.
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    deliveredAt: integer("delivered_at"),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("webhook_outbox_key_unique").on(t.key),
    // The sender reads what is due and not delivered yet.
    index("webhook_outbox_due_idx").on(t.deliveredAt, t.nextAttemptAt),
  ],
);

/**
 * Officers on duty: a staff user holds a counter from `started_at` until `ended_at` (they ended it, took
 * another counter, someone else took this one, or an admin ended it) or `ends_at` (the end of that local
 * day in Asia/Ho_Chi_Minh), whichever comes first. Responses through the counter's QR or kiosk meanwhile
 * record that officer.
 */
export const shifts = sqliteTable(
  "shifts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pointId: integer("point_id")
      .notNull()
      .references(() => points.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    startedAt: integer("started_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    endedAt: integer("ended_at"),
    endedBy: integer("ended_by").references(() => users.id),
  },
  (t) => [
    // Every submission asks "who is on duty at this point now": the newest open shift of the point.
    index("shifts_point_idx").on(t.pointId, t.startedAt),
    // "Which counter do I hold" and ending a user's other shift when they take a counter.
    index("shifts_user_idx").on(t.userId, t.startedAt),
    check("shifts_ends_after_start", sql`${t.endsAt} > ${t.startedAt}`),
  ],
);

/** Citizens served per counter and day (from the one-stop system or the queue machine): the denominator. */
export const servedCounts = sqliteTable(
  "served_counts",
  {
    pointId: integer("point_id")
      .notNull()
      .references(() => points.id),
    day: text("day").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    count: integer("count").notNull(),
    updatedAt: integer("updated_at").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.pointId, t.day] }),
    // Reports sum a unit subtree over a day range.
    index("served_counts_unit_day_idx").on(t.unitId, t.day),
    check("served_counts_count_valid", sql`${t.count} >= 0`),
    check("served_counts_day_format", sql`${t.day} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
  ],
);

/** A file of responses imported from another survey tool: its name, who imported it and when. */
export const responseImports = sqliteTable(
  "response_imports",
  {
    id: text("id").primaryKey(),
    pointId: integer("point_id")
      .notNull()
      .references(() => points.id),
    fileName: text("file_name").notNull(),
    // SHA-256 of the file's bytes: the same file is imported once per point.
    fileHash: text("file_hash").notNull(),
    rows: integer("rows").notNull(),
    importedBy: integer("imported_by")
      .notNull()
      .references(() => users.id),
    importedAt: integer("imported_at").notNull(),
  },
  (t) => [uniqueIndex("response_imports_file_unique").on(t.pointId, t.fileHash)],
);

/**
 * Who brought a paper or imported response into the system (submitted_at on the response is when): the
 * number printed on a paper form and the user who typed it, or the import it came with. Written in the same
 * batch as the response.
 */
export const responseEntries = sqliteTable(
  "response_entries",
  {
    responseId: text("response_id")
      .primaryKey()
      .references(() => responses.id),
    pointId: integer("point_id")
      .notNull()
      .references(() => points.id),
    formNumber: text("form_number"),
    enteredBy: integer("entered_by")
      .notNull()
      .references(() => users.id),
    importId: text("import_id").references(() => responseImports.id),
    correctedAt: integer("corrected_at"),
  },
  (t) => [
    // A paper form is entered once per counter; imported rows (no number) never collide.
    uniqueIndex("response_entries_form_unique").on(t.pointId, t.formNumber),
  ],
);
