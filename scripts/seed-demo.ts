import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "libsql";
import { hashPassword } from "../server/auth/passwords.js";
import { parseConfig } from "../server/config.js";
import { runBatch } from "../server/db/database.js";
import { JSON_ROWS_SQL } from "../server/db/json-rows.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import { applyMigrations } from "../server/db/migrate.js";
import { insertPointStatement } from "../server/db/queries/points.js";
import { INSERT_RESPONSES } from "../server/db/queries/responses.js";
import { setUnitServicesStatements, upsertServiceStatement } from "../server/db/queries/services.js";
import { findUnitsByCode, insertUnitStatements } from "../server/db/queries/units.js";
import { users } from "../server/db/schema.js";
import { DEMO_POINTS, DEMO_SERVICES, DEMO_UNITS, demoServicesOf } from "./demo/catalogue.js";
import { DEMO_OFFICERS } from "./demo/officers.js";
import { type ResponseChunk, responseChunksAhead } from "./demo/response-chunks.js";
import { scriptArgs } from "./lib/cli.js";
import { addRollupBatches } from "./lib/month-rollups.js";

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
for (const unit of DEMO_UNITS) {
  await runBatch(
    handle.db,
    setUnitServicesStatements(handle.db, units.get(unit.code)!.id, demoServicesOf(unit.code)),
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

// Responses go through the native driver as JSON batches of rows, a chunk of them to a transaction: the
// client library costs ~60–100 µs per row written, this ~30 µs.
const native = new Database(path);
native.pragma("journal_mode = WAL");
native.pragma("synchronous = NORMAL");
native.pragma("busy_timeout = 5000");
// A larger page cache than SQLite's default 2 MB for a chunk's rows and their indexes.
native.pragma("cache_size = -65536");
// The submit path's own statement: the seeder stores responses as the server does.
const insertResponses = native.prepare(`${JSON_ROWS_SQL}${INSERT_RESPONSES}`);

// Each transaction holds a chunk of responses with what they add to the rollups, as the submit path
// writes them: a seed stopped half-way leaves no response uncounted.
const writeChunk = native.transaction((chunk: ResponseChunk) => {
  for (const batch of chunk.responses) insertResponses.run(batch);
  addRollupBatches(native, chunk.rollups);
});
let written = 0;
for await (const chunk of responseChunksAhead({
  total,
  seed: Number(values.seed),
  until: now,
  days,
  chunk: 50_000,
  ids: {
    units: new Map([...units].map(([code, unit]) => [code, unit.id])),
    points: pointIds,
    services: serviceIds,
    officers: officerIds,
  },
})) {
  writeChunk(chunk);
  written += chunk.rows;
  if (process.stdout.isTTY) process.stdout.write(`\r${written.toLocaleString("en")} responses…`);
}
native.pragma("wal_checkpoint(TRUNCATE)");
native.close();
const seconds = (performance.now() - started) / 1000;
console.log(
  `\nSeeded ${DEMO_UNITS.length} units, ${DEMO_SERVICES.length} services, ${DEMO_POINTS.length} points and ${total.toLocaleString("en")} responses into ${path} in ${seconds.toFixed(1)} s.`,
);
