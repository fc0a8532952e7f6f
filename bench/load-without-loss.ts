import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { removeServerFiles, startServer } from "../test/e2e/helpers/server.js";
import { createLoadCatalogue } from "../test/load/helpers/catalogue.js";
import { runDbCheck } from "../test/load/helpers/db-check.js";
import { keepLedger } from "../test/load/helpers/ledger.js";
import { checkExport, checkReportedRespondents } from "../test/load/helpers/reports.js";
import { resendUnanswered } from "../test/load/helpers/resend.js";
import { checkStored, readStoredResponses } from "../test/load/helpers/stored.js";
import { planWorkload } from "../test/load/helpers/workload.js";
import { startChildServer } from "./lib/child-server.js";
import { measureHttpFloors } from "./lib/floors.js";
import { runLoad, summariseLoad } from "./lib/load.js";
import { hasWrk } from "./lib/wrk.js";

// `npx tsx bench/load-without-loss.ts [count]`: tens of thousands of submissions (a tenth resent as
// retries, some resent with other answers) at 64 concurrent connections against the real Node server, in
// each durability mode; then what is stored, exported and reported is compared with what was acknowledged,
// and db:check is run. Throughput is set beside Hono's hello world measured in the same run, by wrk and by
// the same load generator. Bounded: `count` submissions (default 20,000) and 120 s per mode. The server's
// own ceiling (wrk, nothing verified) is bench/submit-throughput.ts.

const COUNT = Number(process.argv[2] ?? 20_000);
const CONCURRENCY = 64;
const DEADLINE_MS = 120_000;
const MODES = ["normal", "full"] as const;

const rate = (n: number) => `${Math.round(n).toLocaleString("en")} req/s`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(3)}×` : "n/a");

/**
 * The floor of a commit in each durability mode: single-row transactions per second through the native
 * driver on a WAL file (bounded to 2,000 commits or 5 s). FULL pays an fsync per commit; NORMAL does not.
 */
function measureCommits(durability: (typeof MODES)[number]): number {
  const dir = mkdtempSync(join(tmpdir(), "hailong-commits-"));
  try {
    const db = new Database(join(dir, "commits.db"));
    db.pragma("journal_mode = WAL");
    db.pragma(`synchronous = ${durability === "full" ? "FULL" : "NORMAL"}`);
    db.exec("CREATE TABLE t (id TEXT PRIMARY KEY, payload TEXT NOT NULL)");
    const insert = db.prepare("INSERT INTO t (id, payload) VALUES (?, ?)");
    const started = performance.now();
    let commits = 0;
    while (commits < 2000 && performance.now() - started < 5000) {
      insert.run(crypto.randomUUID(), '{"TC1":5}');
      commits++;
    }
    const perSecond = commits / ((performance.now() - started) / 1000);
    db.close();
    return perSecond;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureMode(durability: (typeof MODES)[number]) {
  const server = await startServer({ HAILONG_DURABILITY: durability });
  try {
    const catalogue = await createLoadCatalogue(server.url);
    const workload = planWorkload({
      points: catalogue.points,
      count: COUNT,
      retryShare: 0.1,
      conflictShare: 0.02,
      spread: 100,
      seed: 2026,
    });
    const run = await runLoad(server.url, workload.calls, {
      concurrency: CONCURRENCY,
      deadlineMs: DEADLINE_MS,
    });
    const summary = summariseLoad(run);
    // Past the deadline nothing more is sent: the comparison covers what was sent in time.
    const sent = run.answers.flatMap((answer, index) => (answer ? [index] : []));
    const unanswered = run.answers.flatMap((answer) => (answer?.status === 0 ? [answer.body] : []));
    // What got no answer is resent, as the survey's outbox does; what is stored must then match exactly.
    const ledger = keepLedger(
      sent.map((index) => workload.sends[index]!),
      await resendUnanswered(
        server.url,
        sent.map((index) => workload.calls[index]!),
        sent.map((index) => run.answers[index]),
      ),
    );
    const file = join(server.dir, "hailong.db");
    const stored = readStoredResponses(file);
    const problems = [
      ...ledger.problems,
      ...(ledger.unanswered.size > 0 ? [`${ledger.unanswered.size} ids without an answer, even resent`] : []),
      ...checkStored(ledger, stored, { complete: true }),
      ...(await checkExport(server.url, catalogue.token, ledger)),
      ...(await checkReportedRespondents(server.url, catalogue.token, ledger)),
    ];
    const check = runDbCheck(file);
    return {
      summary,
      run,
      unanswered,
      ledger,
      stored: stored.size,
      problems,
      check,
      commits: measureCommits(durability),
    };
  } finally {
    await server.stop("SIGKILL");
    removeServerFiles(server);
  }
}

const loadBefore = loadavg()[0]!;
const floors = hasWrk() ? await measureHttpFloors() : undefined;
const hello = await startChildServer("bench/fixtures/hello-server.ts");
const helloCalls = Array.from({ length: 20_000 }, () => ({ method: "GET" as const, path: "/" }));
const generatorFloor = summariseLoad(await runLoad(hello.url, helloCalls, { concurrency: CONCURRENCY }));
await hello.stop();
const results: Awaited<ReturnType<typeof measureMode>>[] = [];
for (const mode of MODES) results.push(await measureMode(mode));

const helloWrk = floors?.hello.requestsPerSecond ?? 0;
const row = (label: string, cell: (r: (typeof results)[number]) => string) =>
  console.log(`| ${label} | ${results.map(cell).join(" | ")} |`);
console.log("## Load without loss (POST /api/v1/responses on the real Node server)\n");
console.log(
  `${COUNT.toLocaleString("en")} submissions per mode, a tenth resent as retries and 2 % resent with other answers, ${CONCURRENCY} keep-alive connections from Node's HTTP client, bounded to ${DEADLINE_MS / 1000} s; load average ${loadBefore.toFixed(1)} before the run (2 cores, shared with the generator and other work).\n`,
);
console.log(`| Figure | ${MODES.map((m) => `HAILONG_DURABILITY=${m}`).join(" | ")} |`);
console.log(`|---|${MODES.map(() => "---").join("|")}|`);
row("Requests sent (distinct ids + re-sends)", (r) => r.run.sent.toLocaleString("en"));
row("Throughput, all answers", (r) => rate(r.summary.requestsPerSecond));
row("Latency p50 / p99", (r) => `${ms(r.summary.p50Ms)} / ${ms(r.summary.p99Ms)}`);
row("Answers by status", (r) =>
  Object.entries(r.summary.byStatus)
    .map(([status, n]) => `${status}: ${n}`)
    .join(", "),
);
row("5xx", (r) =>
  String(
    Object.entries(r.summary.byStatus)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, n]) => sum + n, 0),
  ),
);
row("No answer (status 0), then resent", (r) =>
  r.unanswered.length === 0 ? "0" : `${r.unanswered.length} (${[...new Set(r.unanswered)].join(", ")})`,
);
row("Acknowledged ids = stored = exported = reported", (r) =>
  r.problems.length === 0
    ? `yes, ${r.ledger.acknowledged.size.toLocaleString("en")} each (${r.ledger.refused.length} refused bodies absent)`
    : `NO: ${r.problems.length} differences, e.g. ${r.problems[0]}`,
);
row("npm run db:check afterwards", (r) => (r.check.status === 0 ? "agrees" : `exit ${r.check.status}`));
row(
  "Floor: single-row commits, native driver, WAL",
  (r) => `${Math.round(r.commits).toLocaleString("en")} commits/s`,
);
row("Ratio to Hono hello (wrk, floor)", (r) => ratio(r.summary.requestsPerSecond, helloWrk));
row("Ratio to Hono hello (same generator)", (r) =>
  ratio(r.summary.requestsPerSecond, generatorFloor.requestsPerSecond),
);
console.log(
  `\nFloors in this run: Hono hello world ${floors ? `${rate(helloWrk)} by wrk -c32` : "not measured (no wrk)"}; ${rate(generatorFloor.requestsPerSecond)} (p99 ${ms(generatorFloor.p99Ms)}) through this generator at ${CONCURRENCY} connections.`,
);
if (results.some((r) => r.problems.length > 0 || r.check.status !== 0)) process.exitCode = 1;
