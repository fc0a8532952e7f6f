import type { Database } from "../db/database.js";
import { claimDueWebhooks, markWebhookDelivered, markWebhookFailed } from "../db/queries/webhooks.js";
import type { Logger } from "../logger.js";
import { SIGNATURE_HEADER, signWebhookBody } from "./signature.js";

// Sends what the webhook outbox holds. A delivery counts when the receiver answers 2xx; anything else (an
// error status, a refused connection, a timeout) is tried again later, each time waiting twice as long, up
// to six hours. Nothing is dropped: a receiver that is down for a week gets everything when it is back.

const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;
const TIMEOUT_MS = 10_000;
// A claimed delivery is someone else's for this long (longer than the timeout, so never sent twice).
const LEASE_MS = 60_000;

/** The wait before attempt `attempts + 1`, after `attempts` failures. */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

export type WebhookTarget = { url: string; secret: string | undefined };

/** Delivers the due webhooks (a batch at a time) and returns how many were delivered and failed. */
export async function deliverDueWebhooks(
  db: Database,
  target: WebhookTarget,
  options: { now: () => number; log: Logger; fetch?: typeof fetch; limit?: number },
): Promise<{ delivered: number; failed: number }> {
  const send = options.fetch ?? fetch;
  const due = await claimDueWebhooks(db, {
    now: options.now(),
    leaseMs: LEASE_MS,
    limit: options.limit ?? 50,
  });
  let delivered = 0;
  let failed = 0;
  for (const item of due) {
    let problem: string | null = null;
    try {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "user-agent": "hailong-webhook",
        "x-hailong-event": item.event,
      };
      if (target.secret) headers[SIGNATURE_HEADER] = signWebhookBody(target.secret, item.body);
      const res = await send(target.url, {
        method: "POST",
        headers,
        body: item.body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.body?.cancel();
      if (!res.ok) problem = `HTTP ${res.status}`;
    } catch (error) {
      problem = (error as Error).name || "network error";
    }
    if (problem === null) {
      await markWebhookDelivered(db, item.id, options.now());
      delivered++;
    } else {
      const attempts = item.attempts + 1;
      await markWebhookFailed(db, item.id, {
        nextAttemptAt: options.now() + retryDelay(attempts),
        error: problem,
      });
      // The event name and attempt only: the body is never logged.
      options.log.warn("webhook_failed", { event: item.event, attempts, problem });
      failed++;
    }
  }
  return { delivered, failed };
}
