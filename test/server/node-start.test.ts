import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { resolveSecret } from "../../server/bootstrap.js";
import { openLibsqlDatabase } from "../../server/db/libsql.js";
import { applyMigrations } from "../../server/db/migrate.js";
import { type RunningServer, removeServerFiles, startServer } from "../e2e/helpers/server.js";

// Start-up of the Node entry against databases in trouble: damaged, or locked by another process.
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) {
    await server.stop("SIGKILL");
    removeServerFiles(server);
  }
});

async function firstStart() {
  const server = await startServer();
  servers.push(server);
  expect(await server.stop("SIGTERM")).toBe(0);
  return server;
}

describe("starting on a damaged database", () => {
  it("refuses with a clear message and the restore command, for damaged pages and for a file that is no database", async () => {
    const first = await firstStart();
    const file = join(first.dir, "hailong.db");
    const settle = createClient({ url: `file:${file}` });
    await settle.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    settle.close();
    // Overwrite pages 2–8 (tables' and indexes' b-tree pages) with garbage, as a failing disk would.
    const pageSize = readFileSync(file).readUInt16BE(16);
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(pageSize * 7, 0xa5), 0, pageSize * 7, pageSize);
    closeSync(fd);
    await expect(startServer({}, { dir: first.dir })).rejects.toThrow(
      /database .*hailong\.db is damaged[\s\S]*npm run restore -- backups\//,
    );

    writeFileSync(file, Buffer.alloc(8192, 0x42));
    await expect(startServer({}, { dir: first.dir })).rejects.toThrow(/is damaged[\s\S]*npm run restore/);
  });
});

describe("starting while another process holds the write lock", () => {
  it("starts and answers /healthz with the lock held (the bootstrap reads before it writes)", async () => {
    const first = await firstStart();
    const other = createClient({ url: `file:${join(first.dir, "hailong.db")}` });
    const lock = await other.transaction("write");
    try {
      const second = await startServer({}, { dir: first.dir });
      servers.push(second);
      // The write probe waits for the lock: /healthz answers once it is released.
      const health = fetch(`${second.url}/healthz`);
      await lock.rollback();
      expect((await health).status).toBe(200);
    } finally {
      other.close();
    }
  });

  it("resolveSecret finds the stored secret without writing", async () => {
    const first = await firstStart();
    const file = join(first.dir, "hailong.db");
    const database = await openLibsqlDatabase({ url: `file:${file}` });
    await applyMigrations(database);
    const stored = await resolveSecret(database.db, undefined);
    await database.client.execute("PRAGMA busy_timeout = 0");
    const other = createClient({ url: `file:${file}` });
    const lock = await other.transaction("write");
    try {
      expect(await resolveSecret(database.db, undefined)).toBe(stored);
    } finally {
      await lock.rollback();
      other.close();
      database.close();
    }
  });
});
