import { sql } from "drizzle-orm";
import type { Database, Statement } from "../database.js";
import { webhookOutbox } from "../schema.js";
import type { OutboxInsert } from "./cases.js";

/** Queues a webhook delivery unless one with the same key is queued already. */
export function queueWebhookStatement(db: Database, row: OutboxInsert): Statement {
  return db.insert(webhookOutbox).values(row).onConflictDoNothing();
}

/** The keys among the given ones that are queued already (sent or not). */
export async function queuedKeys(db: Database, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.all<{ key: string }>(
    sql`SELECT key FROM webhook_outbox WHERE key IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`,
  );
  return new Set(rows.map((row) => row.key));
}

export type DueWebhook = { id: number; event: string; body: string; attempts: number };

/**
 * Takes up to `limit` deliveries that are due, leasing them for `leaseMs` (their next attempt moves past
 * the lease), so that two senders at once (a Node timer and a restart, two cron runs) never send one twice.
 */
export async function claimDueWebhooks(
  db: Database,
  options: { now: number; leaseMs: number; limit: number },
): Promise<DueWebhook[]> {
  return db.all<DueWebhook>(
    sql`UPDATE webhook_outbox SET next_attempt_at = ${options.now + options.leaseMs}
      WHERE id IN (SELECT id FROM webhook_outbox WHERE delivered_at IS NULL AND next_attempt_at <= ${options.now}
        ORDER BY next_attempt_at, id LIMIT ${options.limit})
      RETURNING id, event, body, attempts`,
  );
}

export async function markWebhookDelivered(db: Database, id: number, now: number): Promise<void> {
  await db.run(
    sql`UPDATE webhook_outbox SET delivered_at = ${now}, attempts = attempts + 1, last_error = NULL WHERE id = ${id}`,
  );
}

export async function markWebhookFailed(
  db: Database,
  id: number,
  failure: { nextAttemptAt: number; error: string },
): Promise<void> {
  await db.run(
    sql`UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = ${failure.nextAttemptAt},
      last_error = ${failure.error.slice(0, 200)} WHERE id = ${id}`,
  );
}

/** Forgets deliveries made more than `keepMs` ago. */
export async function forgetDeliveredWebhooks(db: Database, before: number): Promise<void> {
  await db.run(sql`DELETE FROM webhook_outbox WHERE delivered_at IS NOT NULL AND delivered_at < ${before}`);
}
