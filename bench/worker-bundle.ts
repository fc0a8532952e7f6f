import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWorker, offlineWranglerEnv, ROOT } from "../scripts/worker-wrangler.js";
import { printTarget } from "./lib/target.js";

// The Workers bundle as `wrangler deploy --dry-run` builds it (minified), against the 100 KiB gzip budget
// and against the floor of a Hono hello world built the same way; then what its gzipped size is made of.

const BUDGET_KIB = 100;
mkdirSync(join(ROOT, ".tmp"), { recursive: true });
const work = mkdtempSync(join(ROOT, ".tmp/bench-worker-"));
const env = offlineWranglerEnv(join(work, "config"));

type Build = { gzipKiB: number; code: string; map: SourceMap };
type SourceMap = { sources: string[]; mappings: string };

/** Builds with wrangler into a folder of its own and reads wrangler's gzip figure, the code and its map. */
async function build(name: string, args: string[]): Promise<Build> {
  // The size of the worker does not depend on the UI, which need not be built: an empty assets folder.
  const assets = join(work, "no-assets");
  mkdirSync(assets, { recursive: true });
  const { script, printed } = await buildWorker(join(work, name), {
    args: ["--assets", assets, ...args],
    env,
  });
  const gzip = /Total Upload: [\d.]+ KiB \/ gzip: ([\d.]+) KiB/.exec(printed);
  if (!gzip) throw new Error(`no size in wrangler's output:\n${printed}`);
  return {
    gzipKiB: Number(gzip[1]),
    code: readFileSync(script, "utf8"),
    map: JSON.parse(readFileSync(`${script}.map`, "utf8")) as SourceMap,
  };
}

/** A throw-away worker entry built with the project's wrangler settings (minified, same conditions). */
async function buildProbe(name: string, source: string): Promise<Build> {
  const dir = join(work, `probe-${name}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "index.ts"), source);
  writeFileSync(
    join(dir, "wrangler.json"),
    JSON.stringify({
      name: `probe-${name}`,
      main: "index.ts",
      compatibility_date: "2026-04-01",
      minify: true,
    }),
  );
  return build(name, ["--config", join(dir, "wrangler.json")]);
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The source of every UTF-16 range of the output, from the source map (esbuild writes one segment per token). */
function spansBySource(build: Build): Map<number, Array<[line: number, from: number, to: number]>> {
  const spans = new Map<number, Array<[number, number, number]>>();
  let source = 0;
  build.map.mappings.split(";").forEach((line, lineIndex) => {
    let column = 0;
    const starts: Array<[number, number | undefined]> = [];
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      column += fields[0] as number;
      if (fields.length > 1) source += fields[1] as number;
      starts.push([column, fields.length > 1 ? source : undefined]);
    }
    starts.forEach(([from, owner], i) => {
      if (owner === undefined) return;
      const to = starts[i + 1]?.[0] ?? Number.POSITIVE_INFINITY;
      spans.set(owner, [...(spans.get(owner) ?? []), [lineIndex, from, to]]);
    });
  });
  return spans;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

// drizzle-orm's own source maps point at "../src/…", which lands outside its folder.
const packageOf = (source: string) =>
  /node_modules\/src\//.test(source)
    ? "drizzle-orm"
    : (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ??
      /(?:^|\/)((?:server|shared|survey-ui|dist)\/[^/.]+)/.exec(source)?.[1] ??
      "other");

/**
 * What each package costs: the gzipped bundle minus the gzipped bundle without that package's code. Parts
 * compress together, so these do not add up to the total; they say what leaving a package out would save.
 */
function costByPackage(build: Build): Array<{ name: string; minKiB: number; gzipKiB: number }> {
  const lines = build.code.split("\n");
  const whole = gzipSync(build.code).length;
  const byPackage = new Map<string, Array<[number, number, number]>>();
  for (const [source, spans] of spansBySource(build)) {
    const name = packageOf(build.map.sources[source] ?? "");
    byPackage.set(name, [...(byPackage.get(name) ?? []), ...spans]);
  }
  return [...byPackage].map(([name, spans]) => {
    const kept = lines.map((line) => line.split(""));
    let removed = 0;
    for (const [line, from, to] of spans) {
      const chars = kept[line] as string[];
      for (let i = from; i < Math.min(to, chars.length); i++) {
        if (chars[i] !== "") removed += Buffer.byteLength(chars[i] as string);
        chars[i] = "";
      }
    }
    const without = gzipSync(kept.map((chars) => chars.join("")).join("\n")).length;
    return { name, minKiB: removed / 1024, gzipKiB: (whole - without) / 1024 };
  });
}

const kib = (n: number) => n.toFixed(1);

try {
  const d1 = await build("d1", []);
  const turso = await build("turso", ["--env", "turso"]);
  const hello = await buildProbe(
    "hello",
    'import { Hono } from "hono";\nexport default new Hono().get("/", (c) => c.text("ok"));\n',
  );
  const zodSchema = "z.object({ a: z.string().min(1), n: z.coerce.number().int() })";
  const zodNamespace = await buildProbe(
    "zod-namespace",
    `import * as z from "zod";\nconst s = ${zodSchema};\nexport default { fetch: (r: Request) => Response.json(s.safeParse(r.url).success) };\n`,
  );
  const zodNamed = await buildProbe(
    "zod-named",
    `import { z } from "zod";\nconst s = ${zodSchema};\nexport default { fetch: (r: Request) => Response.json(s.safeParse(r.url).success) };\n`,
  );
  const zodMini = await buildProbe(
    "zod-mini",
    'import * as z from "zod/mini";\nconst s = z.object({ a: z.string().check(z.minLength(1)), n: z.int() });\nexport default { fetch: (r: Request) => Response.json(s.safeParse(r.url).success) };\n',
  );

  console.log("## Workers bundle (`wrangler deploy --dry-run`, minified)\n");
  console.log("| Build | gzip | Budget | Ratio to budget | Floor: Hono hello world | Ratio to floor |");
  console.log("|---|---|---|---|---|---|");
  for (const [name, b] of [
    ["D1 (default)", d1],
    ["Turso (`--env turso`)", turso],
  ] as const) {
    console.log(
      `| ${name} | ${kib(b.gzipKiB)} KiB | ${BUDGET_KIB} KiB | ${(b.gzipKiB / BUDGET_KIB).toFixed(2)} | ${kib(hello.gzipKiB)} KiB | ${(b.gzipKiB / hello.gzipKiB).toFixed(1)}× |`,
    );
  }
  printTarget({
    what: "Worker bundle (D1 build), gzip",
    figure: `${kib(d1.gzipKiB)} KiB`,
    floor: `Hono hello ${kib(hello.gzipKiB)} KiB; zod/mini alone ${kib(zodMini.gzipKiB)} KiB`,
    ratio: `${(d1.gzipKiB / BUDGET_KIB).toFixed(2)} of the budget`,
    target: `≤ ${BUDGET_KIB} KiB`,
    met: d1.gzipKiB <= BUDGET_KIB,
  });
  const native = /node_modules\/libsql\/|@libsql\/(linux|darwin|win32)/.test(turso.map.sources.join("\n"));
  console.log(`\nlibSQL native driver in the Turso bundle: ${native ? "**yes**" : "no"}.\n`);

  console.log(
    "What the D1 bundle is made of (gzip saved by leaving the package out; parts compress together):\n",
  );
  console.log("| Package | Minified | gzip cost |\n|---|---|---|");
  for (const row of costByPackage(d1)
    .sort((a, b) => b.gzipKiB - a.gzipKiB)
    .slice(0, 16)) {
    console.log(`| ${row.name} | ${kib(row.minKiB)} KiB | ${kib(row.gzipKiB)} KiB |`);
  }
  console.log("\nzod alone, one small schema, same build (does `import * as z` tree-shake?):\n");
  console.log("| Import | gzip |\n|---|---|");
  console.log(`| \`import * as z from "zod"\` | ${kib(zodNamespace.gzipKiB)} KiB |`);
  console.log(`| \`import { z } from "zod"\` | ${kib(zodNamed.gzipKiB)} KiB |`);
  console.log(`| \`import * as z from "zod/mini"\` | ${kib(zodMini.gzipKiB)} KiB |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
