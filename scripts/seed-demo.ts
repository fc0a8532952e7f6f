import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "libsql";
import { hashPassword } from "../server/auth/passwords.js";
import { parseConfig } from "../server/config.js";
import { runBatch } from "../server/db/database.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import { applyMigrations } from "../server/db/migrate.js";
import { insertPointStatement } from "../server/db/queries/points.js";
import { setUnitServicesStatements, upsertServiceStatement } from "../server/db/queries/services.js";
import { findUnitsByCode, insertUnitStatements } from "../server/db/queries/units.js";
import { users } from "../server/db/schema.js";
import { canonicalContent } from "../server/submit/content-hash.js";
import { INSTRUMENT_VERSION } from "../shared/instrument/index.js";
import { DEMO_POINTS, DEMO_SERVICES, DEMO_UNITS, type DemoPoint } from "./demo/catalogue.js";
import { DEMO_OFFICERS, demoOfficerOf } from "./demo/officers.js";
import { createRandom } from "./demo/random.js";
import { generateResponse } from "./demo/responses.js";
import { scriptArgs } from "./lib/cli.js";
import { monthRollups, writeMonthRollups } from "./lib/month-rollups.js";

// `npm run seed:demo -- --responses N [--seed S] [--days D] [--until T]`: a demo province with N synthetic
// responses over the D days before T (default now), into DATABASE_URL. Applies the migrations first. Of user accounts it only adds the
// demo officers (staff with an unknown random password) that responses are attributed to.

const USAGE = `
Usage: npm run seed:demo [-- --responses N] [--seed S] [--days D] [--until T]

Writes a demo province (units, about 30 procedures, counters) and N synthetic responses (default 20,000)
over the D days (default 365) before T (an ISO 8601 date or instant, default now) into DATABASE_URL
(default file:data/hailong.db), creating it if needed. The same seed and T give the same data; never
touches user accounts.
`;
const { values } = scriptArgs("seed:demo", USAGE, {
  responses: { type: "string", default: "20000" },
  seed: { type: "string", default: "20261129" },
  days: { type: "string", default: "365" },
  until: { type: "string" },
});
const total = Number(values.responses);
const days = Number(values.days);
const now = values.until === undefined ? Date.now() : Date.parse(values.until);
if (!Number.isInteger(total) || total < 0 || !Number.isInteger(days) || days < 1 || Number.isNaN(now)) {
  console.error("--responses must be a whole number ≥ 0, --days ≥ 1 and --until a date");
  process.exit(1);
}
const config = parseConfig(process.env);
if (!config.databaseUrl.startsWith("file:")) {
  console.error("seed:demo writes to a local file database (DATABASE_URL=file:…).");
  process.exit(1);
}
const path = config.databaseUrl.slice("file:".length);
mkdirSync(dirname(path), { recursive: true });
const started = performance.now();

// The catalogue goes through the same query functions as the API; codes that exist are left alone.
const handle = await openLibsqlDatabase({ url: config.databaseUrl });
await applyMigrations(handle);
const known = await findUnitsByCode(
  handle.db,
  DEMO_UNITS.map((u) => u.code),
);
await runBatch(handle.db, [
  ...DEMO_UNITS.filter((u) => !known.has(u.code)).flatMap((u) =>
    insertUnitStatements(handle.db, { code: u.code, name: u.name, parentCode: u.parent ?? null }, now),
  ),
  ...DEMO_SERVICES.map((s) =>
    upsertServiceStatement(handle.db, { code: s.code, name: s.name, field: s.field, localCode: null }, now),
  ),
]);
const units = await findUnitsByCode(
  handle.db,
  DEMO_UNITS.map((u) => u.code),
);
const servicesOfUnit = (unitCode: string) =>
  DEMO_SERVICES.filter((s) => s.units.includes(unitCode)).map((s) => s.code);
for (const unit of DEMO_UNITS) {
  await runBatch(
    handle.db,
    setUnitServicesStatements(handle.db, units.get(unit.code)!.id, servicesOfUnit(unit.code)),
  );
}
const serviceIds = new Map(
  (await handle.client.execute("SELECT code, id FROM services")).rows.map((r) => [
    String(r.code),
    Number(r.id),
  ]),
);
const existingPoints = new Set(
  (await handle.client.execute("SELECT code FROM points")).rows.map((r) => String(r.code)),
);
await runBatch(
  handle.db,
  DEMO_POINTS.filter((p) => !existingPoints.has(p.code)).map((p) =>
    insertPointStatement(handle.db, {
      code: p.code,
      unitId: units.get(p.unit)!.id,
      label: p.label,
      serviceId: p.service ? serviceIds.get(p.service)! : null,
      form: p.form,
      tokenRequired: p.tokenRequired ?? false,
      createdAt: now,
    }),
  ),
);
const pointIds = new Map(
  (await handle.client.execute("SELECT code, id FROM points")).rows.map((r) => [
    String(r.code),
    Number(r.id),
  ]),
);
// Demo officers: staff accounts nobody can sign in to (a random password, never printed).
for (const officer of DEMO_OFFICERS) {
  await handle.db
    .insert(users)
    .values({
      username: officer.username,
      passwordHash: await hashPassword(randomBytes(24).toString("base64url")),
      role: "staff",
      unitId: units.get(officer.unit)!.id,
      displayName: officer.name,
      createdAt: now,
    })
    .onConflictDoNothing();
}
const officerIds = new Map(
  (await handle.client.execute("SELECT username, id FROM users")).rows.map((r) => [
    String(r.username),
    Number(r.id),
  ]),
);
handle.close();

// Responses go through the native driver with one prepared statement per transaction of many rows:
// the client library costs ~60–100 µs per row written, this ~10 µs.
const native = new Database(path);
native.pragma("journal_mode = WAL");
native.pragma("synchronous = NORMAL");
native.pragma("busy_timeout = 5000");
// Responses are drawn at random instants of the period, so their ids (UUID v7: time first) and days come in
// no order, and each insert lands on a random page of two indexes (id, day + id):
// with SQLite's default 2 MB cache most of them are misses once the indexes outgrow it.
native.pragma("cache_size = -262144");
const insertResponse =
  native.prepare(`INSERT INTO responses (id, point_id, unit_id, service_id, form, instrument, lang,
  channel, submitted_at, local_day, answers, expectations, gender, age_band, ethnicity, education, occupation, comment,
  comment_has_pii, content_hash, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

const random = createRandom(Number(values.seed));
const servicesOf = (point: DemoPoint) => servicesOfUnit(point.unit);
const CHUNK = 50_000;
const months = new Set<string>();
const writeChunk = native.transaction((size: number) => {
  for (let i = 0; i < size; i++) {
    const r = generateResponse(random, { points: DEMO_POINTS, servicesOf, until: now, days });
    const unitId = units.get(r.point.unit)!.id;
    const pointId = pointIds.get(r.point.code)!;
    const serviceId = r.serviceCode ? serviceIds.get(r.serviceCode)! : null;
    const officer = demoOfficerOf(r);
    const officerId = officer === null ? null : officerIds.get(officer)!;
    months.add(r.localDay.slice(0, 7));
    insertResponse.run(
      r.id,
      pointId,
      unitId,
      serviceId,
      r.point.form,
      INSTRUMENT_VERSION,
      r.lang,
      r.channel,
      r.submittedAt,
      r.localDay,
      JSON.stringify(r.answers),
      r.expectations ? JSON.stringify(r.expectations) : null,
      r.respondent.gender ?? null,
      r.respondent.ageBand ?? null,
      r.respondent.ethnicity ?? null,
      r.respondent.education ?? null,
      r.respondent.occupation ?? null,
      r.comment,
      r.commentHasPii ? 1 : 0,
      createHash("sha256")
        .update(
          canonicalContent({
            point: r.point.code,
            service: r.serviceCode,
            lang: r.lang,
            answers: r.answers,
            expectations: r.expectations,
            respondent: r.respondent,
            comment: r.comment,
            channel: r.channel,
          }),
        )
        .digest("hex"),
      officerId,
    );
  }
});
for (let done = 0; done < total; done += CHUNK) {
  writeChunk(Math.min(CHUNK, total - done));
  if (process.stdout.isTTY)
    process.stdout.write(`\r${Math.min(done + CHUNK, total).toLocaleString("en")} responses…`);
}
// Responses fall on random days, so a month's rollups are complete only once every response is written.
// Then each month the demo touched is recomputed from all its responses (as db:check does) and written in
// one transaction: memory holds one month of rollup rows, never the whole run's.
const rewriteMonth = native.transaction((month: string) =>
  writeMonthRollups(native, month, monthRollups(native, month)),
);
for (const month of [...months].sort()) rewriteMonth(month);
native.pragma("wal_checkpoint(TRUNCATE)");
native.close();
const seconds = (performance.now() - started) / 1000;
console.log(
  `\nSeeded ${DEMO_UNITS.length} units, ${DEMO_SERVICES.length} services, ${DEMO_POINTS.length} points and ${total.toLocaleString("en")} responses into ${path} in ${seconds.toFixed(1)} s.`,
);
