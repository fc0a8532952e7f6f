import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import Database from "libsql";
import { createApp } from "../server/app.js";
import { ensureFirstAdmin } from "../server/bootstrap.js";
import { parseConfig } from "../server/config.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import { nativeExportReader } from "../server/db/native-export.js";
import { EXPORTED_COLUMNS, type ExportedResponse } from "../server/db/queries/reports.js";
import { silentLogger } from "../server/logger.js";
import type { ExportReader } from "../server/reports/export-rows.js";
import { responseRecord } from "../server/reports/responses-csv.js";
import { demoDatabase } from "./lib/demo-database.js";
import { printTarget } from "./lib/target.js";

// GET /api/v1/reports/responses.csv over every response of the 1M demo database: time and peak memory,
// each way of reading measured in its own process (peak RSS is per process):
// - the route on Node, through the app in process, reading with the native driver as server/node.ts wires it;
// - the same route with the runtime-neutral keyset pages through @libsql/client (the Workers path);
// - the floor: the native `libsql` iterator over every row in table order, lines built by the same CSV
//   writer, no stream, no app (issue 20's floor).
// Target (issue 20): the route ≤ 2× the floor and ≤ 200 MB peak.

const ADMIN_PASSWORD = "bench-admin-password";
const encoder = new TextEncoder();

type Figures = { rows: number; bytes: number; ms: number; baseMb: number; peakMb: number };

async function period(path: string) {
  const db = new Database(path, { readonly: true });
  const row = db.prepare("SELECT min(local_day) AS first, max(local_day) AS last FROM responses").get() as {
    first: string;
    last: string;
  };
  db.close();
  return { from: row.first, to: row.last };
}

async function viaRoute(
  path: string,
  exportReader: ExportReader | undefined,
): Promise<Omit<Figures, "baseMb" | "peakMb">> {
  const handle = await openLibsqlDatabase({ url: `file:${path}` });
  const config = {
    ...parseConfig({ DATABASE_URL: `file:${path}` }),
    secret: "bench-secret-0123456789abcdefghijklmnop",
  };
  await ensureFirstAdmin(handle.db, { password: ADMIN_PASSWORD, now: Date.now(), log: silentLogger });
  const app = createApp({
    db: handle.db,
    config,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    log: silentLogger,
    exportReader,
  });
  const login = await app.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { from, to } = await period(path);
  const started = performance.now();
  const res = await app.request(`/api/v1/reports/responses.csv?from=${from}&to=${to}`, {
    headers: { cookie },
  });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as ReadableStream<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  const ms = performance.now() - started;
  handle.close();
  // Lines, not rows: a comment may hold a line break. Good enough for a rate; the demo's comments have none.
  return { rows: lines - 1, bytes, ms };
}

async function viaNative(path: string): Promise<Omit<Figures, "baseMb" | "peakMb">> {
  const db = new Database(path);
  const started = performance.now();
  const query = new SQLiteSyncDialect().sqlToQuery(sql`SELECT ${EXPORTED_COLUMNS}
    FROM responses r JOIN units u ON u.id = r.unit_id JOIN points p ON p.id = r.point_id
      LEFT JOIN services s ON s.id = r.service_id LEFT JOIN users o ON o.id = r.officer_id
    ORDER BY r.rowid`);
  let rows = 0;
  let bytes = 0;
  // Each line encoded into one buffer, used again and again: what writing lines costs, and nothing else.
  const buffer = new Uint8Array(1 << 20);
  let used = 0;
  for (const row of db
    .prepare(query.sql)
    .raw(true)
    .iterate(...query.params)) {
    const line = responseRecord(row as ExportedResponse);
    if (used + line.length * 3 > buffer.length) used = 0;
    const { written } = encoder.encodeInto(line, buffer.subarray(used));
    used += written;
    bytes += written;
    rows++;
  }
  const ms = performance.now() - started;
  db.close();
  return { rows, bytes, ms };
}

const WAYS = {
  route: (path: string) => viaRoute(path, nativeExportReader(path)),
  "route-keyset": (path: string) => viaRoute(path, undefined),
  native: viaNative,
} as const;
type Way = keyof typeof WAYS;

if (process.argv[2] === "--child") {
  const way = process.argv[3] as Way;
  const path = process.argv[4] as string;
  const baseMb = process.memoryUsage().rss / 1e6;
  const figures = await WAYS[way](path);
  // maxRSS is in kilobytes and covers the whole life of this process.
  console.log(JSON.stringify({ ...figures, baseMb, peakMb: process.resourceUsage().maxRSS / 1e3 }));
} else {
  const path = demoDatabase(1_000_000);
  const measure = (way: Way): Figures =>
    JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", "bench/reports-export.ts", "--child", way, path], {
        cwd: new URL("..", import.meta.url).pathname,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      }),
    );
  // The first run warms the OS page cache, so that every way reads from memory, not from the disk. The
  // route and the floor take turns twice and keep their faster run: a shared machine only slows a run down.
  const faster = (a: Figures, b: Figures) => (a.ms <= b.ms ? a : b);
  const first = { native: measure("native"), route: measure("route") };
  const results = {
    native: faster(first.native, measure("native")),
    route: faster(first.route, measure("route")),
    "route-keyset": measure("route-keyset"),
  };
  const floor = results.native;
  const seconds = (f: Figures) => `${(f.ms / 1000).toFixed(1)} s`;
  const line = (what: string, f: Figures) =>
    `| ${what} | ${f.rows.toLocaleString("en")} | ${seconds(f)} | ${Math.round(f.rows / (f.ms / 1000)).toLocaleString("en")} rows/s | ${Math.round(f.peakMb)} MB (${Math.round(f.baseMb)} at start) | ${(f.ms / floor.ms).toFixed(2)}× |`;
  console.log("## Raw export: GET /api/v1/reports/responses.csv, 1M responses\n");
  console.log(
    `Command: \`npx tsx bench/reports-export.ts\`. Every response of the demo year (${(results.route.bytes / 1e6).toFixed(0)} MB of CSV), in storage order, each way in its own process (route and floor: the faster of two turns; keyset: one run); peak RSS of that process. Load average when done: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores (a shared machine). Floor: the native \`libsql\` iterator over every row in table order, lines built by the same CSV writer.\n`,
  );
  console.log("| Way | Rows | Time | Rate | Peak RSS | Time / floor |\n|---|---|---|---|---|---|");
  console.log(line("The route on Node (native libsql iterator, chunks of ~1 MiB)", results.route));
  console.log(
    line(
      "The route with keyset pages of 2,000 through @libsql/client (the Workers path)",
      results["route-keyset"],
    ),
  );
  console.log(
    line("Floor: native libsql iterator, table order, lines encoded into one reused buffer", floor),
  );
  const ratio = results.route.ms / floor.ms;
  printTarget({
    what: "responses.csv, 1M responses, a year",
    figure: `${seconds(results.route)}, peak RSS ${Math.round(results.route.peakMb)} MB`,
    floor: `${seconds(floor)} (native iterator, table order)`,
    ratio: `${ratio.toFixed(2)}×`,
    target: "≤ 2× floor, ≤ 200 MB peak",
    met: ratio <= 2 && results.route.peakMb <= 200,
  });
}
