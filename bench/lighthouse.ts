import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { adminApi, makeSurveyPoints } from "../test/e2e/helpers/catalogue.js";
import { removeServerFiles, startServer } from "../test/e2e/helpers/server.js";
import { printTarget } from "./lib/target.js";

// Lighthouse 13 (mobile, simulated throttling) on the citizen's survey page, the way issue 20 states its target:
// performance ≥ 98, total blocking time ≤ 100 ms, accessibility 100. Lighthouse comes from the npm registry
// through npx (it is not a dependency: too big for `npm ci`), and drives Debian's chromium. Three runs, median.
// Needs `npm run build` first (the page inlines the built client script).

const RUNS = 3;
const chrome = execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
console.log("## Lighthouse 13, mobile, survey page\n");
console.log(
  `Load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}. Command: \`npx tsx bench/lighthouse.ts\` (after \`npm run build\`).\n`,
);

const server = await startServer();
const out = mkdtempSync(join(tmpdir(), "hailong-lighthouse-"));
try {
  const api = await adminApi(server.url);
  const [code] = await makeSurveyPoints(api, {
    unit: { code: "H35.STP", name: "Sở Tư pháp tỉnh Lạng Sơn" },
    services: [
      { code: "1.001193", name: "Đăng ký khai sinh" },
      { code: "1.000656", name: "Đăng ký kết hôn" },
      { code: "1.001022", name: "Cấp bản sao trích lục hộ tịch" },
    ],
    points: [{ label: "Quầy số 3" }],
  });
  const url = `${server.url}/s/${code}?lang=vi`;
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(lighthouse(url, join(out, `run-${run}.json`)));
  const median = (pick: (r: Run) => number) =>
    runs.map(pick).sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN;
  const performance = median((r) => r.performance);
  const tbt = median((r) => r.tbt);
  const accessibility = median((r) => r.accessibility);
  console.log(
    "| Run | Performance | TBT | LCP | Accessibility | Console errors |\n|---|---|---|---|---|---|",
  );
  for (const [i, r] of runs.entries())
    console.log(
      `| ${i + 1} | ${r.performance} | ${Math.round(r.tbt)} ms | ${Math.round(r.lcp)} ms | ${r.accessibility} | ${r.consoleErrors} |`,
    );
  console.log(
    `\nMedian: performance ${performance}, TBT ${Math.round(tbt)} ms, accessibility ${accessibility}.`,
  );
  printTarget({
    what: "Lighthouse 13 mobile, survey page (median of 3)",
    figure: `performance ${performance}, TBT ${Math.round(tbt)} ms, accessibility ${accessibility}`,
    floor: "—",
    ratio: "—",
    target: "performance ≥ 98, TBT ≤ 100 ms, accessibility 100",
    met: performance >= 98 && tbt <= 100 && accessibility === 100,
  });
} finally {
  await server.stop();
  removeServerFiles(server);
  rmSync(out, { recursive: true, force: true });
}

interface Run {
  performance: number;
  accessibility: number;
  tbt: number;
  lcp: number;
  consoleErrors: number;
}

/** One Lighthouse run; tried again (up to 3 times) when Lighthouse fails to record the trace (NO_NAVSTART). */
function lighthouse(url: string, path: string, attempt = 1): Run {
  try {
    record(url, path);
  } catch (error) {
    if (attempt >= 3) throw error;
    return lighthouse(url, path, attempt + 1);
  }
  const report = JSON.parse(readFileSync(path, "utf8"));
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    tbt: report.audits["total-blocking-time"].numericValue,
    lcp: report.audits["largest-contentful-paint"].numericValue,
    consoleErrors: report.audits["errors-in-console"]?.details?.items?.length ?? 0,
  };
}

function record(url: string, path: string): void {
  execFileSync(
    "npx",
    [
      "--yes",
      "--loglevel=error",
      "lighthouse@13",
      url,
      "--form-factor=mobile",
      "--only-categories=performance,accessibility,best-practices",
      "--output=json",
      `--output-path=${path}`,
      "--quiet",
      "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync",
    ],
    { env: { ...process.env, CHROME_PATH: chrome }, stdio: ["ignore", "ignore", "inherit"] },
  );
}
