import { type Client, createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import type { Database } from "./database.js";
import * as schema from "./schema.js";

export type LibsqlHandle = { db: Database; client: Client; close(): void };

/**
 * Opens a libSQL database (a local file, or Turso over the network) with the settings the server
 * relies on. The client's defaults for a file are journal_mode=delete, synchronous=FULL and no busy
 * timeout: concurrent writers would fail at once and every commit would wait for an fsync.
 */
export async function openLibsqlDatabase(options: {
  url: string;
  authToken?: string | undefined;
  durability?: "normal" | "full";
}): Promise<LibsqlHandle> {
  const file = options.url.startsWith("file:");
  // One connection for a file: the client would otherwise open up to 20 on demand, each without the
  // PRAGMAs below (busy_timeout 0, synchronous FULL), so the durability setting would hold for some
  // commits only. Every client call runs synchronously on its connection, so one is enough.
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    ...(file ? { concurrency: 1 } : {}),
  });
  if (file) {
    // First of all: switching to WAL, the migrations and the bootstrap may wait for another process's lock.
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute(`PRAGMA synchronous = ${options.durability === "full" ? "FULL" : "NORMAL"}`);
    await client.execute("PRAGMA foreign_keys = ON");
    // The default page cache (2 MiB) is smaller than a year of monthly rollups: every report re-read them
    // from the OS and its GROUP BY sorter spilled to temp files (measured: 80 → 35 ms, bench/reports-latency.ts).
    await client.execute("PRAGMA cache_size = -16384");
  }
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, client, close: () => client.close() };
}
