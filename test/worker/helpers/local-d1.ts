import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "libsql";
import { inject } from "vitest";

const D1_FOLDER = "v3/d1/miniflare-D1DatabaseObject";

/** A fresh local D1 state with the migrations applied (a copy of the run's template), for one instance. */
export function migratedState(persistTo: string): string {
  cpSync(inject("workerdTemplate"), persistTo, { recursive: true });
  return persistTo;
}

/**
 * Rows of a query on the local D1 database that wrangler keeps under `persistTo`: SQLite underneath, read
 * directly once no wrangler uses the folder (a `wrangler d1 execute` costs seconds).
 */
export function readLocalD1<Row>(persistTo: string, query: string): Row[] {
  const folder = join(persistTo, D1_FOLDER);
  const file = readdirSync(folder).find((name) => name.endsWith(".sqlite") && name !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database under ${folder}`);
  const db = new Database(join(folder, file));
  try {
    return db.prepare(query).all() as Row[];
  } finally {
    db.close();
  }
}
