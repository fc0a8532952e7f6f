import { cpus, loadavg } from "node:os";
import { createApp } from "../server/app.js";
import { ensureFirstAdmin } from "../server/bootstrap.js";
import { parseConfig } from "../server/config.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import { applyMigrations } from "../server/db/migrate.js";
import { silentLogger } from "../server/logger.js";
import { demoDatabase } from "./lib/demo-database.js";

// The annual report pack at 1M demo responses, through the whole app in process (session cookie, scope,
// eleven reports over three periods, the period's newest 2,000 comments, the workbook zipped or the
// document rendered). Floors measured in the same run: GET /api/v1/auth/me (any signed-in request) and one
// /reports/sipas by unit over the same year (one of the pack's reports). Aim: the pack ≤ 1 s.
// Use a copy of the seeded database: HAILONG_BENCH_DIR=<your dir holding demo-1000000.db and its .done>.

const RESPONSES = Number(process.env.PACK_RESPONSES ?? 1_000_000);
const RUNS = 11;
const ADMIN_PASSWORD = "bench-admin-password";

const path = demoDatabase(RESPONSES);
const handle = await openLibsqlDatabase({ url: `file:${path}` });
// The copy may predate this branch's migration (public_results, the comments index): bring it up to date.
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
const lastDay = String((await handle.client.execute("SELECT max(day) AS day FROM rollups")).rows[0]?.day);
const year = Number(lastDay.slice(0, 4));
const counts = await handle.client.execute(
  `SELECT (SELECT count(*) FROM responses WHERE local_day BETWEEN '${year}-01-01' AND '${year}-12-31') AS responses,
     (SELECT count(*) FROM responses WHERE local_day BETWEEN '${year}-01-01' AND '${year}-12-31' AND comment IS NOT NULL) AS comments`,
);

let bytes = 0;
async function call(url: string): Promise<number> {
  const started = performance.now();
  const res = await app.request(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  bytes = (await res.arrayBuffer()).byteLength;
  return performance.now() - started;
}

/** Best and median of `runs` requests after two warm-ups, and the size of the last answer. */
async function time(url: string, runs = RUNS) {
  for (let i = 0; i < 2; i++) await call(url);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await call(url));
  ms.sort((a, b) => a - b);
  return { best: ms[0] as number, median: ms[Math.floor(runs / 2)] as number, bytes };
}

const period = `preset=year&year=${year}`;
const cases = [
  { name: "floor: GET /api/v1/auth/me", url: "/api/v1/auth/me" },
  { name: `floor: /reports/sipas by=unit, year ${year}`, url: `/api/v1/reports/sipas?${period}&by=unit` },
  { name: `pack, year ${year}, format=xlsx`, url: `/api/v1/reports/pack?${period}&format=xlsx` },
  { name: `pack, year ${year}, format=html`, url: `/api/v1/reports/pack?${period}&format=html` },
  {
    name: `pack, first half ${year}, format=xlsx`,
    url: `/api/v1/reports/pack?preset=first-half&year=${year}`,
  },
];
const results = [];
for (const c of cases) results.push({ ...c, ...(await time(c.url)) });
handle.close();

const ms = (n: number) => `${n.toFixed(0)} ms`;
console.log("## Report pack (GET /api/v1/reports/pack)\n");
console.log(
  `Command: \`HAILONG_BENCH_DIR=<dir with a copy of demo-1000000.db> npx tsx bench/report-pack.ts\`. ${RESPONSES.toLocaleString("en")} demo responses (${Number(counts.rows[0]?.responses).toLocaleString("en")} in ${year}, ${Number(counts.rows[0]?.comments).toLocaleString("en")} with a comment). In process through the whole app; best of ${RUNS} after two warm-ups, median in brackets. Load average when done: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${cpus().length} cores (a shared machine: compare with the floors of the same run).\n`,
);
console.log("| Request | Best (median) | Answer size |");
console.log("|---|---|---|");
for (const r of results) {
  console.log(`| ${r.name} | ${ms(r.best)} (${ms(r.median)}) | ${(r.bytes / 1024).toFixed(0)} KiB |`);
}
console.log("\nAim: the annual pack ≤ 1 s at 1M responses.");
