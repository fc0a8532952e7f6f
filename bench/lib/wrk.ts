import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type WrkResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
};

/** True when wrk (Debian package `wrk`) is installed. */
export function hasWrk(): boolean {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version.
    return (error as { status?: number }).status === 1;
  }
}

/**
 * Runs wrk against a URL on this machine for a bounded time and parses its summary. `lua` is a wrk
 * script (e.g. to give every request a unique body); the summary is printed by our own `done` hook so
 * that the numbers are machine-readable.
 */
export function runWrk(options: {
  url: string;
  seconds?: number;
  connections?: number;
  threads?: number;
  lua?: string;
}): WrkResult {
  const dir = mkdtempSync(join(tmpdir(), "hailong-wrk-"));
  const script = join(dir, "script.lua");
  writeFileSync(
    script,
    `${options.lua ?? ""}
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT %d %d %d %f %f %f\\n", summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, non2xx, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
`,
  );
  const out = execFileSync(
    "wrk",
    [
      `-t${options.threads ?? 1}`,
      `-c${options.connections ?? 32}`,
      `-d${options.seconds ?? 5}s`,
      "-s",
      script,
      options.url,
    ],
    { encoding: "utf8", timeout: ((options.seconds ?? 5) + 30) * 1000 },
  );
  const match = /RESULT (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(out);
  if (!match) throw new Error(`could not read wrk's output:\n${out}`);
  const [, requests, errors, non2xx, rps, p50, p99] = match.map(Number) as number[];
  return {
    requests: requests!,
    errors: errors!,
    non2xx: non2xx!,
    requestsPerSecond: rps!,
    p50Ms: p50!,
    p99Ms: p99!,
  };
}
