import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { FULL_ITEM_CODES } from "../shared/instrument/index.js";
import { adminApi, makeSurveyPoints } from "../test/e2e/helpers/catalogue.js";
import { startChildServer } from "./lib/child-server.js";
import { printTarget } from "./lib/target.js";
import { storingCostUs } from "./lib/write-cost.js";
import { hasWrk, runWrk, type WrkResult } from "./lib/wrk.js";

// Submissions per second on the real Node server (server/node.ts, temp-file database, rate limit off): wrk
// posts full-form responses with unique ids to POST /api/v1/responses; the floor is Hono's hello world on
// the same machine, measured just before and just after. Afterwards the database must hold one response per
// acknowledged request and rollups that count every one. Server CPU per request (from /proc) is shown too:
// on a shared machine it moves less than requests per second do. Rows of context: the same server with rate
// limiting on (the default; every submission counted, none refused), the same bodies to a bare Hono route that
// only parses them (what a JSON POST costs before any work of ours), and what storing them costs alone.

const SECONDS = 10;
const CONNECTIONS = 64;
// Responses in the table before storing is timed alone: where a random id's cost shows (it grows with the table).
const STORED_BEFORE = 200_000;
console.log("## Submissions per second (group commit)\n");
console.log(
  `Command: \`npx tsx bench/submit-throughput.ts\` (wrk -t1 -c${CONNECTIONS}, ${SECONDS} s, unique ids, 19 answers each; server and wrk share this machine).\n`,
);
if (!hasWrk()) {
  console.log("Skipped: install wrk (`apt-get install -y wrk`).");
  process.exit(0);
}

/** CPU time (ms) a process has used so far, from /proc; undefined where there is no /proc. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Runs wrk and the process's CPU time per answered request over the same window. */
function measure(process: ChildProcess, options: Parameters<typeof runWrk>[0]) {
  const before = cpuMs(process.pid);
  const result = runWrk(options);
  const after = cpuMs(process.pid);
  const cpuUs =
    before === undefined || after === undefined ? undefined : ((after - before) * 1000) / result.requests;
  return { result, cpuUs };
}

// Ids grow through a run as the survey's UUID v7 ids grow with time (shared/contract/response-id.ts): a
// counter ends each one. Every wrk run gets its own prefix (wrk's Lua random numbers repeat from run to run),
// and the answers vary with the counter.
const answers = FULL_ITEM_CODES.map((item, i) => `'"${item}":' .. tostring((n + ${i}) % 5 + 1)`).join(
  " .. ',' .. ",
);
const lua = (point: string) => `
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local id = string.format("${crypto.randomUUID().slice(0, 8)}-0000-7000-8000-%012x", n)
  local body = '{"id":"' .. id .. '","point":"${point}","lang":"vi","answers":{' .. ${answers} .. '}}'
  return wrk.format(nil, "/api/v1/responses", nil, body)
end
`;

const hello = await startChildServer("bench/fixtures/hello-server.ts");
const dir = mkdtempSync(join(tmpdir(), "hailong-bench-submit-"));
// Without limiting (the target's row), and with it as deployed by default but with limits no bench reaches:
// every submission counted in the database's rate counters (one key: every request comes from 127.0.0.1 to
// one point), none refused.
const server = startServer("off", "0");
const limited = startServer("counted", "1000000");

/** The real server on its own temp-file database, with the given rate limits (0: off). */
function startServer(name: string, rateLimit: string) {
  const dbFile = join(dir, `${name}.db`);
  // The server's access log goes to a file, as it would to a journal: a pipe to this process, which is
  // blocked while wrk runs, would stall every log line.
  const logFile = join(dir, `${name}.log`);
  // BENCH_CPU_PROF=<dir> writes the servers' CPU profiles there (open them in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF]
    : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "server/node.ts"], {
    cwd: new URL("..", import.meta.url).pathname,
    env: {
      ...process.env,
      DATABASE_URL: `file:${dbFile}`,
      HOST: "127.0.0.1",
      PORT: "0",
      HAILONG_ADMIN_PASSWORD: "admin-password-e2e",
      HAILONG_RATE_LIMIT: rateLimit,
      HAILONG_RATE_LIMIT_DAY: rateLimit,
    },
    stdio: ["ignore", openSync(logFile, "w"), "inherit"],
  });
  return { process: child, dbFile, logFile };
}

/** The server's URL once it listens, and the survey point it takes submissions for. */
async function prepare(started: ReturnType<typeof startServer>) {
  const url = await listeningUrl(started);
  const api = await adminApi(url);
  const [point] = await makeSurveyPoints(api, {
    unit: { code: "H35.BENCH", name: "Bộ phận một cửa" },
    services: [],
    points: [{ label: "Quầy số 1" }],
  });
  return { url, point: point! };
}

async function stop(started: ReturnType<typeof startServer>) {
  if (started.process.exitCode !== null) return;
  started.process.kill("SIGTERM");
  await new Promise((resolve) => started.process.once("exit", resolve));
}

try {
  const { url, point } = await prepare(server);
  const limitedTarget = await prepare(limited);
  runWrk({ url: hello.url, seconds: 2, connections: CONNECTIONS }); // warm-up
  runWrk({ url, seconds: 3, connections: CONNECTIONS, lua: lua(point) });
  const helloBefore = measure(hello.process, { url: hello.url, seconds: 5, connections: CONNECTIONS });
  const stored0 = count(server.dbFile);
  const submit = measure(server.process, {
    url,
    seconds: SECONDS,
    connections: CONNECTIONS,
    lua: lua(point),
  });
  const helloAfter = measure(hello.process, { url: hello.url, seconds: 5, connections: CONNECTIONS });
  await stop(server);
  const stored = count(server.dbFile);
  // The same requests to a bare Hono route that only parses them and answers 201 JSON (the fixture).
  const barePost = measure(hello.process, {
    url: hello.url,
    seconds: 5,
    connections: CONNECTIONS,
    lua: lua(point),
  });
  const limitedLua = lua(limitedTarget.point);
  runWrk({ url: limitedTarget.url, seconds: 3, connections: CONNECTIONS, lua: limitedLua });
  const counted = measure(limited.process, {
    url: limitedTarget.url,
    seconds: SECONDS,
    connections: CONNECTIONS,
    lua: limitedLua,
  });
  await stop(limited);

  const floor = (helloBefore.result.requestsPerSecond + helloAfter.result.requestsPerSecond) / 2;
  const floorCpu = average(helloBefore.cpuUs, helloAfter.cpuUs);
  const rps = (r: WrkResult) => Math.round(r.requestsPerSecond).toLocaleString("en");
  const us = (value: number | undefined) => (value === undefined ? "n/a" : `${Math.round(value)} µs`);
  console.log("| Measure | Figure | Floor (Hono hello world) | Ratio |\n|---|---|---|---|");
  console.log(
    `| POST /api/v1/responses, unique ids | ${rps(submit.result)} req/s, p50 ${submit.result.p50Ms.toFixed(1)} ms, p99 ${submit.result.p99Ms.toFixed(1)} ms | ${Math.round(floor).toLocaleString("en")} req/s (before ${rps(helloBefore.result)}, after ${rps(helloAfter.result)}) | ${(submit.result.requestsPerSecond / floor).toFixed(2)}× (target ≥ 0.30×) |`,
  );
  console.log(
    `| Server CPU per request | ${us(submit.cpuUs)} | ${us(floorCpu)} | ${floorCpu && submit.cpuUs ? (floorCpu / submit.cpuUs).toFixed(2) : "n/a"}× |`,
  );
  console.log(
    `| Context: the same with rate limiting on (the default; every submission counted, none refused) | ${rps(counted.result)} req/s, ${us(counted.cpuUs)} CPU, ${counted.result.errors + counted.result.non2xx} errors | | ${(counted.result.requestsPerSecond / floor).toFixed(2)}× |`,
  );
  console.log(
    `| Context: bare Hono JSON POST, same bodies (parsed, answered 201 JSON; nothing checked, stored or logged, no middleware) | ${rps(barePost.result)} req/s, ${us(barePost.cpuUs)} CPU | ${(barePost.result.requestsPerSecond / floor).toFixed(2)}× hello | submissions at ${(submit.result.requestsPerSecond / barePost.result.requestsPerSecond).toFixed(2)}× of it |`,
  );
  const storing = await storingCostUs(CONNECTIONS, { ids: "v7", stored: STORED_BEFORE });
  const storingV4 = await storingCostUs(CONNECTIONS, { ids: "v4", stored: STORED_BEFORE });
  const before = STORED_BEFORE.toLocaleString("en");
  console.log(
    `| Context: storing alone (the writer's statements for groups of ${CONNECTIONS} such responses, in process, no HTTP; ${before} stored before), the survey's UUID v7 ids | ${us(storing)} CPU per response | | |`,
  );
  console.log(
    `| Context: the same with random UUID v4 ids (the survey's before, an API client's) | ${us(storingV4)} CPU per response | | ${(storingV4 / storing).toFixed(2)}× v7 |`,
  );
  console.log(
    `| Errors (socket, timeouts, non-2xx) | ${submit.result.errors + submit.result.non2xx} of ${submit.result.requests.toLocaleString("en")} | 0 | |`,
  );
  console.log(
    `| Stored during the run | ${(stored.responses - stored0.responses).toLocaleString("en")} responses for ${submit.result.requests.toLocaleString("en")} acknowledged (wrk stops with up to ${CONNECTIONS} in flight); rollup respondents ${stored.respondents === stored.responses ? "=" : "≠"} responses | one per request | |`,
  );
  console.log(`\nLoad average while measuring: ${loadavg()[0]!.toFixed(1)} (this machine has 2 cores).`);
  const ratio = submit.result.requestsPerSecond / floor;
  printTarget({
    what: `Submissions/s vs Hono hello (wrk, c=${CONNECTIONS}, ${FULL_ITEM_CODES.length}-item body)`,
    figure: `${rps(submit.result)} req/s, ${us(submit.cpuUs)} CPU per request (load ${loadavg()[0]!.toFixed(1)})`,
    floor: `${Math.round(floor).toLocaleString("en")} req/s, ${us(floorCpu)}`,
    ratio: `${ratio.toFixed(2)}×`,
    target: "≥ 0.30×",
    met: ratio >= 0.3 && submit.result.errors + submit.result.non2xx === 0,
  });
} finally {
  await stop(server);
  await stop(limited);
  await hello.stop();
  rmSync(dir, { recursive: true, force: true });
}

async function listeningUrl(started: ReturnType<typeof startServer>): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(readFileSync(started.logFile, "utf8"));
    if (match) return match[1]!;
    if (started.process.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server/node.ts did not start:\n${readFileSync(started.logFile, "utf8")}`);
}

function average(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : (a + b) / 2;
}

/** Responses stored, and respondents counted by the daily rollups. */
function count(file: string): { responses: number; respondents: number } {
  const db = new Database(file, { readonly: true });
  try {
    const responses = (db.prepare("SELECT count(*) AS n FROM responses").get() as { n: number }).n;
    const respondents = (
      db.prepare("SELECT coalesce(sum(count_1), 0) AS n FROM rollups WHERE item = '#'").get() as { n: number }
    ).n;
    return { responses, respondents };
  } finally {
    db.close();
  }
}
