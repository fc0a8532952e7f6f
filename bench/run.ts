import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { type TargetRow, targetsIn, targetTable } from "./lib/target.js";
import { hasWrk } from "./lib/wrk.js";

// `npm run bench`: runs every benchmark under bench/ (floors first) in one run, prints each section and
// writes them all to bench/results.md. A script that fails is reported, and the run goes on.
const scripts = readdirSync(new URL(".", import.meta.url))
  .filter((name) => name.endsWith(".ts") && name !== "run.ts")
  .sort((a, b) => (a === "floors.ts" ? -1 : b === "floors.ts" ? 1 : a.localeCompare(b)));

const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
const loadAtStart = loadAverage();
if (!hasWrk()) console.warn("wrk is not installed: HTTP figures will be skipped (apt-get install -y wrk).");
const targets: TargetRow[] = [];
const sections: string[] = [
  `# Benchmark results\n\nMeasured ${new Date().toISOString()} on ${process.platform} ${process.arch}, Node ${process.version}, by \`npm run bench\`. Each figure stands beside the floor it is compared with, measured in the same run.\n`,
];
for (const script of scripts) {
  const started = performance.now();
  console.error(`\n▶ bench/${script}`);
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", `bench/${script}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 16 * 1024 * 1024,
    });
    console.log(out);
    targets.push(...targetsIn(out));
    sections.push(
      out.trim(),
      `\n_bench/${script}: ${((performance.now() - started) / 1000).toFixed(0)} s_\n`,
    );
  } catch (error) {
    const message = `## bench/${script}\n\nFailed: ${(error as Error).message.split("\n")[0]}\n`;
    console.log(message);
    sections.push(message);
  }
}
const summary = `## Targets (issue 20)\n\nLoad average (1, 5, 15 min) at the start of the run: ${loadAtStart}; at the end: ${loadAverage()}.\n\n${targetTable(targets)}\n`;
console.log(summary);
sections.splice(1, 0, summary);
writeFileSync(new URL("results.md", import.meta.url), `${sections.join("\n")}\n`);
console.error("\nWritten to bench/results.md");
