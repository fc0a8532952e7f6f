import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { measureSqliteFloors } from "./lib/floors.js";
import { printTarget } from "./lib/target.js";

// `npm run seed:demo -- --responses 1000000` into a fresh database: wall time and the child's peak RSS
// (GNU time), beside the floor measured in the same run: plain native inserts with one prepared
// statement in a transaction (bench/lib/floors.ts). Aim (issue 20): ≤ 120 s and ≤ 1 GB.
// BENCH_SEED_RESPONSES=N seeds fewer; the child is stopped after 15 minutes.

const RESPONSES = Number(process.env.BENCH_SEED_RESPONSES ?? 1_000_000);
const TIMEOUT_MS = 15 * 60_000;
const TIME = "/usr/bin/time";

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
const dir = mkdtempSync(join(tmpdir(), "hailong-bench-seed-"));
try {
  const loadBefore = load();
  const path = join(dir, "seed.db");
  const child = spawnSync(
    TIME,
    [
      "-f",
      "%e %U %S %M",
      process.execPath,
      "--import",
      "tsx",
      "scripts/seed-demo.ts",
      "--responses",
      String(RESPONSES),
    ],
    {
      cwd: new URL("..", import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: `file:${path}` },
      encoding: "utf8",
      timeout: TIMEOUT_MS,
    },
  );
  if (child.error) throw new Error(`${TIME} (GNU time) could not run the seeder: ${child.error.message}`);
  if (child.status !== 0) throw new Error(`seed:demo failed (${child.status}): ${child.stderr}`);
  // GNU time's line is the last of stderr: elapsed, user and system seconds, the maximum resident set in KiB.
  // CPU time is given too: on a shared machine it says what the seeder cost when the wall time says how
  // busy the others were.
  const [seconds, user, system, maxKib] = (child.stderr.trim().split("\n").at(-1) ?? "")
    .split(" ")
    .map(Number) as [number, number, number, number];
  const peakMb = maxKib / 1024;
  const db = new Database(path, { readonly: true });
  const [rows] = db
    .prepare(
      "SELECT (SELECT count(*) FROM responses) + (SELECT count(*) FROM rollups) + (SELECT count(*) FROM rollups_monthly)",
    )
    .raw()
    .get() as [number];
  db.close();
  const loadAfter = load();
  const floor = measureSqliteFloors().insertPerSecond;
  const rowsPerSecond = rows / seconds;
  const count = RESPONSES.toLocaleString("en");

  console.log(`## Seeding ${count} demo responses

Command: \`npm run seed:demo -- --responses ${RESPONSES}\` into a fresh file database, timed by GNU time
(\`npx tsx bench/seed-demo.ts\`). Load average before ${loadBefore}, after ${loadAfter}.

| Seeded | Wall time | CPU time (user + system) | Peak RSS | Rows written (responses + daily and monthly rollups) | Rows/s | Floor: native insert, rows/s |
|---|---|---|---|---|---|---|
| ${count} responses | ${seconds.toFixed(1)} s | ${(user + system).toFixed(1)} s | ${peakMb.toFixed(0)} MB | ${rows.toLocaleString("en")} | ${Math.round(rowsPerSecond).toLocaleString("en")} | ${Math.round(floor).toLocaleString("en")} |
`);
  printTarget({
    what: `\`npm run seed:demo -- --responses ${RESPONSES}\``,
    figure: `${seconds.toFixed(0)} s (CPU ${(user + system).toFixed(0)} s), ${peakMb.toFixed(0)} MB peak RSS`,
    floor: `${Math.round(floor / 1000)}k rows/s native insert (${(rows / floor).toFixed(0)} s for its ${(rows / 1e6).toFixed(1)}M rows)`,
    ratio: `${(rowsPerSecond / floor).toFixed(2)}× the floor's rows/s`,
    target: "≤ 120 s, ≤ 1 GB",
    met: seconds <= 120 && peakMb <= 1024,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
