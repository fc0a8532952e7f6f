import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import Database from "libsql";
import { DEMO_OFFICERS, demoOfficerOf } from "../scripts/demo/officers.js";
import type { DemoResponse } from "../scripts/demo/responses.js";
import { createApp } from "../server/app.js";
import { hashPassword } from "../server/auth/passwords.js";
import { ensureFirstAdmin } from "../server/bootstrap.js";
import { parseConfig } from "../server/config.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import { applyMigrations } from "../server/db/migrate.js";
import { silentLogger } from "../server/logger.js";
import { daysInMonth, formatDay } from "../shared/time/index.js";
import { demoDatabase } from "./lib/demo-database.js";

// `npx tsx bench/reports-officer.ts`: by=officer next to by=unit over a year of the 1M-response demo
// database, through the whole app in process (session cookie, scope, rollup sums, scoring, JSON). Officer
// figures come from the rollups (officer_id is part of their key), so by=officer should cost what by=unit
// costs. A demo database seeded before officers existed is brought up to date first, once: migrations,
// the demo officers, each response attributed as `seed:demo` does now (a pure function of the response),
// then the rollups rebuilt from the responses by `db:check --repair`.

const RESPONSES = 1_000_000;
const RUNS = 31;
const ADMIN_PASSWORD = "bench-admin-password";
const ROOT = new URL("..", import.meta.url).pathname;

/**
 * Adds the demo officers, attributes the responses and rebuilds the rollups, unless that was done before
 * (a marker file next to the database says so; an interrupted rebuild resumes with the months left).
 */
async function attributeOfficers(path: string) {
  const marker = `${path}.officers`;
  if (existsSync(marker)) return;
  const handle = await openLibsqlDatabase({ url: `file:${path}` });
  await applyMigrations(handle);
  const done = await handle.client.execute(
    "SELECT count(*) AS n FROM responses WHERE officer_id IS NOT NULL",
  );
  handle.close();
  const started = performance.now();
  if (Number(done.rows[0]?.n) === 0) await assignOfficers(path);
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-check.ts", "--repair"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${path}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  writeFileSync(marker, new Date().toISOString());
  console.error(`Officers attributed in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

/** Creates the demo officers' accounts and sets responses.officer_id as `seed:demo` attributes now. */
async function assignOfficers(path: string) {
  const native = new Database(path);
  native.pragma("journal_mode = WAL");
  native.pragma("synchronous = NORMAL");
  const unitIds = new Map(native.prepare("SELECT code, id FROM units").raw().all() as [string, number][]);
  const insertUser = native.prepare(`INSERT INTO users (username, password_hash, role, unit_id, display_name,
    created_at) VALUES (?, ?, 'staff', ?, ?, ?) ON CONFLICT (username) DO NOTHING`);
  for (const officer of DEMO_OFFICERS) {
    const hash = await hashPassword(randomBytes(24).toString("base64url"));
    insertUser.run(officer.username, hash, unitIds.get(officer.unit) ?? null, officer.name, Date.now());
  }
  const officerIds = new Map(
    native.prepare("SELECT username, id FROM users").raw().all() as [string, number][],
  );
  const rows = native
    .prepare(
      "SELECT r.id, p.code, r.submitted_at, r.local_day FROM responses r JOIN points p ON p.id = r.point_id",
    )
    .raw()
    .all() as [string, string, number, string][];
  const update = native.prepare("UPDATE responses SET officer_id = ? WHERE id = ?");
  native.transaction(() => {
    for (const [id, code, submittedAt, localDay] of rows) {
      const officer = demoOfficerOf({ id, point: { code }, submittedAt, localDay } as DemoResponse);
      if (officer !== null) update.run(officerIds.get(officer), id);
    }
  })();
  native.pragma("wal_checkpoint(TRUNCATE)");
  native.close();
}

async function openApp(path: string) {
  const handle = await openLibsqlDatabase({ url: `file:${path}` });
  const config = {
    ...parseConfig({ DATABASE_URL: `file:${path}` }),
    secret: "bench-secret-0123456789abcdefghijklmnop",
  };
  await ensureFirstAdmin(handle.db, { password: ADMIN_PASSWORD, now: Date.now(), log: silentLogger });
  const app = createApp({
    db: handle.db,
    config,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    log: silentLogger,
  });
  const login = await app.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const lastDay = String((await handle.client.execute("SELECT max(day) AS day FROM rollups")).rows[0]?.day);
  return { handle, app, cookie, lastDay };
}

type Opened = Awaited<ReturnType<typeof openApp>>;

async function call({ app, cookie }: Opened, path: string): Promise<number> {
  const started = performance.now();
  const res = await app.request(path, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - started;
}

/** Best and median (ms) of `RUNS` requests after a warm-up; the cases take turns, run by run. */
async function time(opened: Opened, paths: string[]) {
  for (const path of paths) for (let i = 0; i < 3; i++) await call(opened, path);
  const ms: number[][] = paths.map(() => []);
  for (let i = 0; i < RUNS; i++)
    for (const [k, path] of paths.entries()) ms[k]?.push(await call(opened, path));
  return ms.map((list) => {
    list.sort((a, b) => a - b);
    return { best: list[0] as number, median: list[Math.floor(RUNS / 2)] as number };
  });
}

const path = demoDatabase(RESPONSES);
await attributeOfficers(path);
const opened = await openApp(path);
const year = Number(opened.lastDay.slice(0, 4));
const month = Number(opened.lastDay.slice(5, 7));
const [startYear, startMonth] = month === 12 ? [year, 1] : [year - 1, month + 1];
const whole = `from=${formatDay(startYear, startMonth, 1)}&to=${formatDay(year, month, daysInMonth(year, month))}`;
const ragged = `from=${formatDay(startYear, startMonth, 15)}&to=${formatDay(year, month, 14)}`;
const counts = await opened.handle.client.execute(`SELECT (SELECT count(*) FROM rollups) AS daily,
  (SELECT count(*) FROM rollups_monthly) AS monthly,
  (SELECT count(*) FROM responses WHERE officer_id IS NOT NULL) AS served`);
const CASES = [
  ["floor: GET /api/v1/auth/me", "/api/v1/auth/me"],
  ["sipas by=unit, 12 whole months", `/api/v1/reports/sipas?${whole}&by=unit`],
  ["sipas by=officer, 12 whole months", `/api/v1/reports/sipas?${whole}&by=officer`],
  ["items by=unit, 12 whole months", `/api/v1/reports/items?${whole}&by=unit`],
  ["items by=officer, 12 whole months", `/api/v1/reports/items?${whole}&by=officer`],
  ["sipas by=unit, a year from the 15th", `/api/v1/reports/sipas?${ragged}&by=unit`],
  ["sipas by=officer, a year from the 15th", `/api/v1/reports/sipas?${ragged}&by=officer`],
] as const;
const results = await time(
  opened,
  CASES.map(([, p]) => p),
);
const sample = await (
  await opened.app.request(`/api/v1/reports/sipas?${whole}&by=officer`, {
    headers: { cookie: opened.cookie },
  })
).json();
opened.handle.close();

const ms = (n: number) => `${n.toFixed(1)} ms`;
const c = counts.rows[0] ?? {};
console.log("## Reports by officer (GET /api/v1/reports/*, JSON, 1M demo responses)\n");
console.log(
  `Command: \`HAILONG_BENCH_DIR=<dir with a copy of demo-1000000.db and its .done> npx tsx bench/reports-officer.ts\`. In process through the whole app; best of ${RUNS} after a warm-up, median in brackets; the cases take turns. ${Number(c.served).toLocaleString("en")} of 1,000,000 responses served by ${DEMO_OFFICERS.length} demo officers; ${Number(c.daily).toLocaleString("en")} daily and ${Number(c.monthly).toLocaleString("en")} monthly rollup rows. Load average when done: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")} on ${cpus().length} cores (a shared machine: figures are noisy).\n`,
);
console.log("| Report | best (median) | / by=unit |");
console.log("|---|---|---|");
for (const [i, [name]] of CASES.entries()) {
  const r = results[i];
  if (!r) continue;
  const unit = name.includes("officer") ? results[i - 1] : undefined;
  console.log(
    `| ${name} | ${ms(r.best)} (${ms(r.median)}) | ${unit ? (r.best / unit.best).toFixed(2) : ""} |`,
  );
}
console.log(
  `\nby=officer rows over the year: ${(sample as { rows: unknown[] }).rows.length} (officers, then the no-officer group).`,
);
