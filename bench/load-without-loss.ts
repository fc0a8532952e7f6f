import { loadavg } from "node:os";
import { join } from "node:path";
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
    const unanswered = run.answers.flatMap((answer) => (answer?.status === 0 ? [answer.body] : []));
    // What got no answer is resent, as the survey's outbox does; what is stored must then match exactly.
    const ledger = keepLedger(
      workload.sends,
      await resendUnanswered(server.url, workload.calls, run.answers),
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
    return { summary, run, unanswered, ledger, stored: stored.size, problems, check };
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
row("Ratio to Hono hello (wrk, floor)", (r) => ratio(r.summary.requestsPerSecond, helloWrk));
row("Ratio to Hono hello (same generator)", (r) =>
  ratio(r.summary.requestsPerSecond, generatorFloor.requestsPerSecond),
);
console.log(
  `\nFloors in this run: Hono hello world ${floors ? `${rate(helloWrk)} by wrk -c32` : "not measured (no wrk)"}; ${rate(generatorFloor.requestsPerSecond)} (p99 ${ms(generatorFloor.p99Ms)}) through this generator at ${CONCURRENCY} connections.`,
);
if (results.some((r) => r.problems.length > 0 || r.check.status !== 0)) process.exitCode = 1;
