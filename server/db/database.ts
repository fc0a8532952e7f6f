import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema.js";

/**
 * The database as the app sees it: drizzle's async SQLite dialect with atomic batches. libSQL (Node,
 * Turso) and D1 (Workers) both fit; code must not rely on either driver's `run()` result shape.
 */
export type Database = BaseSQLiteDatabase<"async", unknown, typeof schema> & {
  batch<U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
};

/** One statement of a batch. */
export type Statement = BatchItem<"sqlite">;

/** Runs statements atomically; an empty list is a no-op. */
export async function runBatch(db: Database, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  await db.batch(statements as [Statement, ...Statement[]]);
}
