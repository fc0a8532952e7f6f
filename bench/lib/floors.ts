import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { startChildServer } from "./child-server.js";
import { runWrk } from "./wrk.js";

/** Requests per second of Hono's hello world and of a static HTML page, measured now on this machine. */
export async function measureHttpFloors(seconds = 5) {
  const server = await startChildServer("bench/fixtures/hello-server.ts");
  try {
    runWrk({ url: server.url, seconds: 1 }); // warm-up
    const hello = runWrk({ url: server.url, seconds });
    const page = runWrk({ url: `${server.url}/page`, seconds });
    return { hello, page };
  } finally {
    await server.stop();
  }
}

/**
 * Rows per second of plain SQLite through the native driver: inserts with one prepared statement in a
 * transaction, and a full scan. The floor for anything that writes or reads rows.
 */
export function measureSqliteFloors(rows = 200_000) {
  const dir = mkdtempSync(join(tmpdir(), "hailong-floor-"));
  try {
    const db = new Database(join(dir, "floor.db"));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec("CREATE TABLE t (id TEXT PRIMARY KEY, day TEXT NOT NULL, payload TEXT NOT NULL)");
    const insert = db.prepare("INSERT INTO t (id, day, payload) VALUES (?, ?, ?)");
    const payload = JSON.stringify({ TC1: 5, TC2: 4, TT1: 4, CC1: 5, KQ1: 3, PA1: 4 });
    let started = performance.now();
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(crypto.randomUUID(), "2026-03-15", payload);
    })();
    const insertPerSecond = rows / ((performance.now() - started) / 1000);
    started = performance.now();
    let count = 0;
    for (const _row of db.prepare("SELECT id, day, payload FROM t").raw().iterate()) count++;
    const scanPerSecond = count / ((performance.now() - started) / 1000);
    db.close();
    return { insertPerSecond, scanPerSecond };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
