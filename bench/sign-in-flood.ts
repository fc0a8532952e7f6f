import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startChildServer } from "./lib/child-server.js";

// How fast the console's page answers while sign-in is flooded with wrong passwords, on the real Node
// server (server/node.ts, built console in dist/console). Two floods, each beside the quiet floor measured
// in the same run: from one address (the per-address throttle refuses it before hashing), and from many
// addresses behind a trusted proxy (every guess is hashed; the console is served from memory).

const FLOOD_MS = 6_000;
const CONCURRENCY = 32;
console.log("## Console page latency during a sign-in flood\n");
console.log(
  `Command: \`npx tsx bench/sign-in-flood.ts\` (needs \`npm run build\`; ${CONCURRENCY} wrong sign-ins in flight for ${FLOOD_MS / 1000} s, GET /console/ one at a time meanwhile; server and load share this machine).\n`,
);

const dir = mkdtempSync(join(tmpdir(), "hailong-bench-signin-"));
const server = await startChildServer("server/node.ts", {
  DATABASE_URL: `file:${join(dir, "bench.db")}`,
  HAILONG_ADMIN_PASSWORD: "bench-admin-password",
  HAILONG_TRUST_PROXY: "true",
});

/** GET /console/ one at a time until `until`; the latencies in ms. */
async function pageLatencies(until: number): Promise<number[]> {
  const times: number[] = [];
  while (Date.now() < until) {
    const started = performance.now();
    const res = await fetch(`${server.url}/console/`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`console answered ${res.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Wrong sign-ins, CONCURRENCY at a time, until `until`; each from `address(i)`. Counts by status. */
async function flood(until: number, address: (i: number) => string) {
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const i = next++;
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address(i) },
        body: JSON.stringify({ username: `guess${i % 50}`, password: "wrong-password" }),
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return Object.fromEntries([...statuses].sort());
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
};
const row = (label: string, times: number[], answers: string) =>
  console.log(
    `| ${label} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${answers} |`,
  );

try {
  await pageLatencies(Date.now() + 1_000); // warm-up
  console.log("| Situation | Pages | p50 ms | p95 ms | Sign-in answers |");
  console.log("|---|---:|---:|---:|---|");
  row("quiet (floor)", await pageLatencies(Date.now() + 3_000), "—");
  const one = Date.now() + FLOOD_MS;
  const [oneTimes, oneAnswers] = await Promise.all([pageLatencies(one), flood(one, () => "198.51.100.1")]);
  row("flood from one address", oneTimes, JSON.stringify(oneAnswers));
  row("quiet (floor, again)", await pageLatencies(Date.now() + 3_000), "—");
  const many = Date.now() + FLOOD_MS;
  const [manyTimes, manyAnswers] = await Promise.all([
    pageLatencies(many),
    flood(many, (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`),
  ]);
  row("flood from many addresses", manyTimes, JSON.stringify(manyAnswers));
  console.log(`\nLoad average (1 min) at the end: ${loadavg()[0]?.toFixed(1)} (this machine has 2 cores).`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
