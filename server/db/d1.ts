import type { D1Database } from "@cloudflare/workers-types";
import { is } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteRaw } from "drizzle-orm/sqlite-core/query-builders/raw";
import type { Database } from "./database.js";
import * as schema from "./schema.js";

/**
 * The app's database over a Cloudflare D1 binding (Workers). D1 enforces foreign keys and runs
 * `batch()` as one transaction, which is all the app relies on.
 */
export function openD1Database(binding: D1Database): Database {
  const db = drizzle(binding, { schema });
  const batch = db.batch.bind(db);
  // drizzle-orm 0.45's D1 batch binds `item.stmt`, which raw `db.run(sql)` items do not have
  // (drizzle-team/drizzle-orm#2277: "Cannot read properties of undefined (reading 'bind')"). Such items
  // get a statement prepared from their own SQL; the workerd suite's submissions go through this path.
  db.batch = <U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(items: T) => {
    for (const item of items) {
      if (is(item, SQLiteRaw)) Object.assign(item, { stmt: binding.prepare(item.getQuery().sql) });
    }
    return batch(items);
  };
  return db as unknown as Database;
}
