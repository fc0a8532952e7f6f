import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";
import { renderQuestions } from "../survey-ui/survey/pages/render-pages.js";
import { launchBrowser, PHONE } from "../test/e2e/helpers/browser.js";
import { adminApi, makeSurveyPoints } from "../test/e2e/helpers/catalogue.js";
import { removeServerFiles, startServer } from "../test/e2e/helpers/server.js";
import { measureSurvey, PHONE_WIDTHS, thirtyServices, ZOOM_200 } from "../test/e2e/helpers/survey-layout.js";
import { printTarget } from "./lib/target.js";

// The citizen's survey page: its weight on the wire (the full form in Vietnamese, one response, script
// included) and its script's, against the budgets; and the time until it is usable in headless chromium
// on a slow phone (4× CPU slowdown, 400 ms latency, 400 kbit/s), against a plain HTML page with the same
// questions served from this machine in the same run (the floor). Fresh browser per load, median of 5.

const RUNS = 5;
const KIB = 1024;
console.log("## Survey page: weight, height and time to interactive\n");
console.log(
  `Load average at start (1, 5, 15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} on a shared machine: times are noisy, compare with the floor of the same run.\n`,
);
console.log(
  `Command: \`npx tsx bench/survey-page.ts\` (builds the client script first; chromium ${RUNS}× per page, fresh browser each time).\n`,
);

const root = new URL("..", import.meta.url).pathname;
execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "-c", "vite.survey.config.ts"], {
  cwd: root,
  stdio: "ignore",
});
const script = readFileSync(new URL("../dist/survey/client.js", import.meta.url));

// The floor: the same questions as plain HTML, no CSS, no script, gzip-compressed like the app's page.
const plainPage = gzipSync(
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Khảo sát</title></head><body><form method="post">${renderQuestions("vi", "full", {})}<button>Gửi ý kiến</button></form></body></html>`,
);
const plain = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
  res.end(plainPage);
});
await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;

const server = await startServer();
try {
  const api = await adminApi(server.url);
  const [full] = await makeSurveyPoints(api, {
    unit: { code: "H35.STP", name: "Sở Tư pháp tỉnh Lạng Sơn" },
    services: [
      { code: "1.001193", name: "Đăng ký khai sinh" },
      { code: "1.000656", name: "Đăng ký kết hôn" },
      { code: "1.001022", name: "Cấp bản sao trích lục hộ tịch" },
    ],
    points: [{ label: "Quầy số 3" }],
  });
  const [quick] = await makeSurveyPoints(api, {
    unit: { code: "H35.STP.Q", name: "Sở Tư pháp tỉnh Lạng Sơn" },
    services: [],
    points: [{ label: "Quầy số 5", form: "quick" }],
  });
  const [many] = await makeSurveyPoints(api, {
    unit: { code: "H35.TTHCC", name: "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn" },
    services: thirtyServices(),
    points: [{ label: "Quầy tổng hợp" }],
  });
  const surveyUrl = `${server.url}/s/${full}?lang=vi`;
  const wire = await wireSize(surveyUrl);
  const wireThirty = await wireSize(`${server.url}/s/${many}?lang=vi`);
  await printLayouts(server.url, { full: full as string, quick: quick as string });
  const scriptGzip = gzipSync(script).length;
  const floorWire = plainPage.length;

  const times = { survey: [] as Timing[], plain: [] as Timing[] };
  for (let run = 0; run < RUNS; run++) {
    // Alternate which page goes first, so that neither always meets a colder machine.
    const order = run % 2 === 0 ? (["survey", "plain"] as const) : (["plain", "survey"] as const);
    for (const which of order)
      times[which].push(await loadOnSlowPhone(which === "survey" ? surveyUrl : plainUrl));
  }
  const survey = median(times.survey);
  const floor = median(times.plain);

  console.log("| Measure | Figure | Budget or floor | Ratio |\n|---|---|---|---|");
  console.log(
    `| Full form in Vietnamese, one response (gzip on the wire, script inlined) | ${kib(wire.compressed)} (${kib(wire.raw)} uncompressed) | budget 14 KiB | ${(wire.compressed / (14 * KIB)).toFixed(2)} of budget |`,
  );
  console.log(
    `| Client script (dist/survey/client.js, gzip) | ${kib(scriptGzip)} (${kib(script.length)} minified) | budget 10 KiB | ${(scriptGzip / (10 * KIB)).toFixed(2)} of budget |`,
  );
  console.log(
    `| Same form, a unit with 30 services to pick from (gzip) | ${kib(wireThirty.compressed)} (${wireThirty.compressed} B; 3 services: ${wire.compressed} B) | budget 14 KiB | ${(wireThirty.compressed / (14 * KIB)).toFixed(2)} of budget |`,
  );
  console.log(`| Plain HTML of the same questions (gzip) | ${kib(floorWire)} | (the floor page) | |`);
  console.log(
    `| Time to interactive, slow phone (median of ${RUNS}: load event, the inline enhancer has run) | ${ms(survey.interactive)} | plain HTML: ${ms(floor.interactive)} | +${ms(survey.interactive - floor.interactive)} (target ≤ +300 ms) |`,
  );
  console.log(
    `| First contentful paint, same runs | ${ms(survey.paint)} | plain HTML: ${ms(floor.paint)} | +${ms(survey.paint - floor.paint)} |`,
  );
  const budget = 14 * KIB;
  const heavier = Math.max(wire.compressed, wireThirty.compressed);
  printTarget({
    what: "Survey page weight, gzip (3 / 30 services)",
    figure: `${kib(wire.compressed)} / ${kib(wireThirty.compressed)}`,
    floor: `plain HTML ${kib(floorWire)}`,
    ratio: `${(heavier / budget).toFixed(2)} of budget`,
    target: "≤ 14 KiB with 3 and with 30 services",
    met: heavier <= budget,
  });
  const extra = survey.interactive - floor.interactive;
  printTarget({
    what: `Survey interactive on a throttled phone (median of ${RUNS})`,
    figure: ms(survey.interactive),
    floor: `plain HTML ${ms(floor.interactive)}`,
    ratio: `floor + ${ms(extra)}`,
    target: "≤ floor + 300 ms",
    met: extra <= 300,
  });
  console.log(
    `\nRuns (interactive, ms): survey ${times.survey.map((t) => Math.round(t.interactive)).join(", ")}; plain ${times.plain.map((t) => Math.round(t.interactive)).join(", ")}.`,
  );
} finally {
  await server.stop();
  removeServerFiles(server);
  plain.close();
}

/** The page's height to the comment box and in all, per form, language and width, and at 200 % zoom. */
async function printLayouts(url: string, points: { full: string; quick: string }) {
  const browser = await launchBrowser();
  try {
    console.log(
      "| Form | Language | Width | To the comment box | Whole page | Screens (740 px) to the comment box | Smallest tap target |\n|---|---|---|---|---|---|---|",
    );
    const sizes = [
      ...PHONE_WIDTHS.map((width) => ({
        name: `${width} px`,
        options: { ...PHONE, viewport: { width, height: 740 } },
      })),
      { name: "200 % zoom (640×370)", options: ZOOM_200 },
    ];
    for (const [form, code] of Object.entries(points)) {
      for (const lang of ["vi", "zh", "en"]) {
        for (const size of sizes) {
          const context = await browser.newContext(size.options);
          const page = await context.newPage();
          await page.goto(`${url}/s/${code}?lang=${lang}`);
          const layout = await measureSurvey(page);
          console.log(
            `| ${form} | ${lang} | ${size.name} | ${layout.toComment} px | ${layout.total} px | ${(layout.toComment / 740).toFixed(2)} | ${Math.floor(layout.smallestTarget.width)}×${Math.floor(layout.smallestTarget.height)} px |`,
          );
          await context.close();
        }
      }
    }
    console.log(
      "\nTargets: full form ≤ 4,500 px to the comment box at 360 px (stretch 3,700); quick form ≈ 1.5 screens.\n",
    );
  } finally {
    await browser.close();
  }
}

type Timing = { interactive: number; paint: number };

/** One load in a fresh browser with a slow phone's CPU and network; times from navigation start. */
async function loadOnSlowPhone(url: string): Promise<Timing> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ ...PHONE, locale: "vi-VN" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 400,
      downloadThroughput: 400_000 / 8,
      uploadThroughput: 400_000 / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    return await page.evaluate(async () => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      // A small page can fire its load event before its first paint: wait for the paint entry.
      const paint = await new Promise<number>((resolve) => {
        new PerformanceObserver((entries, observer) => {
          const first = entries.getEntriesByName("first-contentful-paint")[0];
          if (!first) return;
          observer.disconnect();
          resolve(first.startTime);
        }).observe({ type: "paint", buffered: true });
        setTimeout(() => resolve(Number.NaN), 10_000);
      });
      return { interactive: navigation.loadEventEnd, paint };
    });
  } finally {
    await browser.close();
  }
}

/** Bytes of a page as sent with gzip (what crosses the network) and after decompression. */
function wireSize(url: string): Promise<{ compressed: number; raw: number }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": "gzip", "accept-language": "vi" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        if (res.headers["content-encoding"] !== "gzip")
          return resolve({ compressed: body.length, raw: body.length });
        resolve({ compressed: body.length, raw: gunzipSync(body).length });
      });
    })
      .on("error", reject)
      .end();
  });
}

function median(timings: Timing[]): Timing {
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return { interactive: mid(timings.map((t) => t.interactive)), paint: mid(timings.map((t) => t.paint)) };
}

function kib(bytes: number): string {
  return `${(bytes / KIB).toFixed(1)} KiB`;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
