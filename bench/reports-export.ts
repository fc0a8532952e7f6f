import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import Database from "libsql";
import { createApp } from "../server/app.js";
import { ensureFirstAdmin } from "../server/bootstrap.js";
import { parseConfig } from "../server/config.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import type { ExportedResponse } from "../server/db/queries/reports.js";
import { silentLogger } from "../server/logger.js";
import { EXPORT_PAGE_SIZE, responseRecord } from "../server/reports/responses-csv.js";
import { demoDatabase } from "./lib/demo-database.js";

// GET /api/v1/reports/responses.csv over every response of the 1M demo database: time and peak memory,
// each way of reading measured in its own process (peak RSS is per process):
// - the route, through the app in process (runtime-neutral: @libsql/client, keyset pages, one JSON text per
//   row so the driver builds one small object per row);
// - the same pages read as @libsql/client row objects, one property per column (what the driver costs);
// - the floor: the native `libsql` driver's raw iterator over the same query, one pass, same CSV writer.
// Aim: ≤ 10 s and ≤ 200 MB.

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

async function viaRoute(path: string): Promise<Omit<Figures, "baseMb" | "peakMb">> {
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

async function viaRowObjects(path: string): Promise<Omit<Figures, "baseMb" | "peakMb">> {
  const handle = await openLibsqlDatabase({ url: `file:${path}` });
  const { from, to } = await period(path);
  const started = performance.now();
  let after = { day: from, id: "" };
  let rows = 0;
  let bytes = 0;
  for (;;) {
    const page = await handle.db.all<Record<string, string | number | null>>(sql`SELECT r.id, r.submitted_at,
        r.local_day, u.code AS unit_code, p.code AS point_code, s.code AS service_code, r.form, r.lang, r.channel,
        r.answers, r.expectations, r.gender, r.age_band, r.ethnicity, r.education, r.occupation, r.comment,
        o.username AS officer_username
      FROM responses r JOIN units u ON u.id = r.unit_id JOIN points p ON p.id = r.point_id
        LEFT JOIN services s ON s.id = r.service_id LEFT JOIN users o ON o.id = r.officer_id
      WHERE (r.local_day, r.id) > (${after.day}, ${after.id}) AND r.local_day <= ${to}
      ORDER BY r.local_day, r.id LIMIT ${EXPORT_PAGE_SIZE}`);
    const text = page
      .map((r) =>
        responseRecord([
          r.id,
          r.submitted_at,
          r.local_day,
          r.unit_code,
          r.point_code,
          r.service_code,
          r.form,
          r.lang,
          r.channel,
          JSON.parse(String(r.answers)),
          r.expectations === null ? null : JSON.parse(String(r.expectations)),
          r.gender,
          r.age_band,
          r.ethnicity,
          r.education,
          r.occupation,
          r.comment,
          r.officer_username,
        ] as ExportedResponse),
      )
      .join("");
    bytes += encoder.encode(text).length;
    rows += page.length;
    const last = page.at(-1);
    if (!last || page.length < EXPORT_PAGE_SIZE) break;
    after = { day: String(last.local_day), id: String(last.id) };
  }
  const ms = performance.now() - started;
  handle.close();
  return { rows, bytes, ms };
}

async function viaNative(path: string): Promise<Omit<Figures, "baseMb" | "peakMb">> {
  const { from, to } = await period(path);
  const db = new Database(path, { readonly: true });
  const started = performance.now();
  const statement = db.prepare(`SELECT json_array(r.id, r.submitted_at, r.local_day, u.code, p.code, s.code,
      r.form, r.lang, r.channel, json(r.answers), json(r.expectations), r.gender, r.age_band, r.ethnicity,
      r.education, r.occupation, r.comment)
    FROM responses r JOIN units u ON u.id = r.unit_id JOIN points p ON p.id = r.point_id
      LEFT JOIN services s ON s.id = r.service_id
    WHERE r.local_day BETWEEN ? AND ? ORDER BY r.local_day, r.id`);
  let rows = 0;
  let bytes = 0;
  let chunk: string[] = [];
  for (const [json] of statement.raw(true).iterate(from, to) as Iterable<[string]>) {
    chunk.push(responseRecord(JSON.parse(json) as ExportedResponse));
    rows++;
    if (chunk.length === EXPORT_PAGE_SIZE) {
      bytes += encoder.encode(chunk.join("")).length;
      chunk = [];
    }
  }
  bytes += encoder.encode(chunk.join("")).length;
  const ms = performance.now() - started;
  db.close();
  return { rows, bytes, ms };
}

const WAYS = {
  route: viaRoute,
  "row-objects": viaRowObjects,
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
    "row-objects": measure("row-objects"),
  };
  const floor = results.native;
  const line = (what: string, f: Figures) =>
    `| ${what} | ${f.rows.toLocaleString("en")} | ${(f.ms / 1000).toFixed(1)} s | ${Math.round(f.rows / (f.ms / 1000)).toLocaleString("en")} rows/s | ${Math.round(f.peakMb)} MB (${Math.round(f.baseMb)} at start) | ${(f.ms / floor.ms).toFixed(2)}× |`;
  console.log("## Raw export: GET /api/v1/reports/responses.csv, 1M responses\n");
  console.log(
    `Command: \`npx tsx bench/reports-export.ts\`. Every response of the demo year (${(results.route.bytes / 1e6).toFixed(0)} MB of CSV), each way in its own process (route and floor: the faster of two turns; row objects: one run); peak RSS of that process. Load average when done: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores (a shared machine). Floor: the native \`libsql\` iterator with the same query and CSV writer.\n`,
  );
  console.log("| Way | Rows | Time | Rate | Peak RSS | Time / floor |\n|---|---|---|---|---|---|");
  console.log(
    line("The route (@libsql/client, keyset pages of 2,000, one JSON text per row)", results.route),
  );
  console.log(
    line("Same pages as @libsql/client row objects (a property per column)", results["row-objects"]),
  );
  console.log(line("Floor: native libsql raw iterator, one pass", floor));
  console.log("\nAim: ≤ 10 s and ≤ 200 MB for the route.");
}
