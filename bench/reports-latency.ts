import { cpus, loadavg } from "node:os";
import { createApp } from "../server/app.js";
import { ensureFirstAdmin } from "../server/bootstrap.js";
import { parseConfig } from "../server/config.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import { applyMigrations } from "../server/db/migrate.js";
import { silentLogger } from "../server/logger.js";
import { daysInMonth, formatDay } from "../shared/time/index.js";
import { demoDatabase } from "./lib/demo-database.js";
import { printTarget } from "./lib/target.js";

// Report latency over a year of demo data at 100k and 1M responses, through the whole app in process
// (sign-in cookie, scope, rollup sums, scoring, JSON): by unit and by month over twelve whole months (read
// from the monthly rollups), the same over a range that starts and ends mid-month (daily rows at both ends),
// and by day (daily rows only). The floor is GET /api/v1/auth/me on the same app: what any signed-in request
// costs before its route. Aim: ≤ 50 ms at 1M and 1M/100k ≤ 1.5; by day (issue 20): ≤ 200 ms at 1M, beside
// by month over the same year.

const SIZES = [100_000, 1_000_000];
const RUNS = 41;
const ADMIN_PASSWORD = "bench-admin-password";

async function openApp(path: string) {
  const handle = await openLibsqlDatabase({ url: `file:${path}` });
  // A demo database seeded before the latest migration gets it here (0010 fills rollups_unit_daily once).
  await applyMigrations(handle);
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
  const lastDay = (await handle.client.execute("SELECT max(day) AS day FROM rollups")).rows[0]?.day;
  return { handle, app, cookie, lastDay: String(lastDay) };
}

type Opened = Awaited<ReturnType<typeof openApp>>;

/** One request; fails loudly on anything but 200. */
async function call({ app, cookie }: Opened, path: string): Promise<number> {
  const started = performance.now();
  const res = await app.request(path, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - started;
}

/**
 * Best and median time (ms) of `runs` requests to each database, after a warm-up. The databases take
 * turns, so that a burst of load from elsewhere on this shared machine falls on both sizes alike.
 */
async function time(opened: Opened[], path: (o: Opened) => string, runs = RUNS) {
  for (const o of opened) for (let i = 0; i < 3; i++) await call(o, path(o));
  const ms: number[][] = opened.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, o] of opened.entries()) ms[k]?.push(await call(o, path(o)));
  }
  return ms.map((list) => {
    list.sort((a, b) => a - b);
    return {
      best: list[0] as number,
      median: list[Math.floor(runs / 2)] as number,
      runs,
    };
  });
}

/** Twelve whole months ending with the month of `lastDay`, and the same span shifted to mid-month. */
function periods(lastDay: string) {
  const year = Number(lastDay.slice(0, 4));
  const month = Number(lastDay.slice(5, 7));
  const [startYear, startMonth] = month === 12 ? [year, 1] : [year - 1, month + 1];
  return {
    whole: `from=${formatDay(startYear, startMonth, 1)}&to=${formatDay(year, month, daysInMonth(year, month))}`,
    ragged: `from=${formatDay(startYear, startMonth, 15)}&to=${formatDay(year, month, 14)}`,
  };
}

type Periods = ReturnType<typeof periods>;
// The slow cases (daily rows) get fewer runs, so that the whole benchmark stays within minutes.
const CASES = [
  { name: "by unit, 12 whole months", query: (p: Periods) => `${p.whole}&by=unit`, runs: RUNS },
  { name: "by month, 12 whole months", query: (p: Periods) => `${p.whole}&by=month`, runs: RUNS },
  { name: "by point, 12 whole months", query: (p: Periods) => `${p.whole}&by=point`, runs: RUNS },
  { name: "by unit, a year from the 15th", query: (p: Periods) => `${p.ragged}&by=unit`, runs: 11 },
  { name: "by day, 12 whole months", query: (p: Periods) => `${p.whole}&by=day`, runs: 5 },
];

const opened = await Promise.all(SIZES.map((size) => openApp(demoDatabase(size))));
const rollupRows: string[] = [];
for (const [i, { handle }] of opened.entries()) {
  const counts = await handle.client.execute(
    "SELECT (SELECT count(*) FROM rollups) AS daily, (SELECT count(*) FROM rollups_monthly) AS monthly",
  );
  rollupRows.push(
    `${SIZES[i]?.toLocaleString("en")} responses: ${Number(counts.rows[0]?.daily).toLocaleString("en")} daily and ${Number(counts.rows[0]?.monthly).toLocaleString("en")} monthly rollup rows`,
  );
}
const floor = await time(opened, () => "/api/v1/auth/me");
const results = new Map<string, { best: number; median: number; runs: number }[]>();
for (const c of CASES) {
  results.set(
    c.name,
    await time(opened, (o) => `/api/v1/reports/sipas?${c.query(periods(o.lastDay))}`, c.runs),
  );
}
for (const { handle } of opened) handle.close();
const floors = floor.map((f) => f.best);

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log("## Report latency (GET /api/v1/reports/sipas, JSON)\n");
console.log(
  `Command: \`npx tsx bench/reports-latency.ts\`. In process through the whole app (session cookie, scope, rollups, scoring); best of n requests after a warm-up (a shared machine only ever slows a request down), median in brackets; the two databases take turns. Demo data from \`npm run seed:demo\`: ${rollupRows.join("; ")}. Load average when done: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores (a shared machine).\n`,
);
console.log(
  "| Report (n) | 100k responses | 1M responses | 1M / 100k | Floor: GET /api/v1/auth/me at 1M | 1M / floor |",
);
console.log("|---|---|---|---|---|---|");
for (const [name, [small, large]] of results) {
  if (!small || !large) continue;
  console.log(
    `| ${name} (${large.runs}) | ${ms(small.best)} (${ms(small.median)}) | ${ms(large.best)} (${ms(large.median)}) | ${(large.best / small.best).toFixed(2)} (${(large.median / small.median).toFixed(2)}) | ${ms(floors[1] ?? 0)} | ${(large.best / (floors[1] ?? 1)).toFixed(1)}× |`,
  );
}
console.log("\nAim: ≤ 50 ms at 1M and 1M / 100k ≤ 1.5 for the year reports by unit and by month.");
const byDay = results.get("by day, 12 whole months")?.[1];
const byMonth = results.get("by month, 12 whole months")?.[1];
if (byDay && byMonth) {
  printTarget({
    what: "/reports/sipas?by=day over a year at 1M",
    figure: `${ms(byDay.best)} (median ${ms(byDay.median)})`,
    floor: `by=month ${ms(byMonth.best)}`,
    ratio: `${(byDay.best / byMonth.best).toFixed(1)}×`,
    target: "≤ 200 ms",
    met: byDay.best <= 200,
  });
}
