import type { ItemRow, SipasRow } from "../../shared/contract/reports.js";
import { DAY_MS, localDay } from "../../shared/time/index.js";
import type { AppConfig } from "../config.js";
import { type Database, runBatch } from "../db/database.js";
import {
  type CaseSummary,
  caseCounts,
  casesNewlyOverdue,
  casesOpenedIn,
  listTopUnits,
  markOverdueAlertedStatement,
  purgeExpiredContacts,
} from "../db/queries/cases.js";
import { forgetDeliveredWebhooks, queuedKeys, queueWebhookStatement } from "../db/queries/webhooks.js";
import type { Logger } from "../logger.js";
import { buildReport } from "../reports/build-report.js";
import { deliverDueWebhooks } from "./deliver.js";
import { caseOverdueEvent, digestEvent, digestKey } from "./events.js";

// The scheduled work of issue 17, run every minute by a timer on Node (server/node.ts) and by a Cron
// Trigger on Workers (server/worker.ts): delete contacts past their retention, queue overdue alerts and the
// daily digests, send what the webhook outbox holds. Every part is idempotent: running it twice, or on two
// machines at once, sends nothing twice.

const HOUR_MS = 60 * 60 * 1000;
const KEEP_DELIVERED_MS = 30 * DAY_MS;

export type ScheduleDeps = {
  db: Database;
  config: Pick<AppConfig, "publicUrl" | "contactDays" | "webhookUrl" | "webhookSecret" | "digestHour">;
  now: () => number;
  log: Logger;
  fetch?: typeof fetch;
};

/** The hour of the day in Hanoi (UTC+7, no daylight saving) of an instant. */
export function localHour(instant: number): number {
  return Math.floor((instant + 7 * HOUR_MS) / HOUR_MS) % 24;
}

/** One run of the scheduled work; what it did, for the log and the tests. */
export async function runScheduledWork(deps: ScheduleDeps) {
  const { db, config, log } = deps;
  const now = deps.now();
  const contactsDeleted = await purgeExpiredContacts(db, now, config.contactDays);
  if (contactsDeleted > 0) log.info("contacts_deleted", { count: contactsDeleted });
  if (!config.webhookUrl) return { contactsDeleted, queued: 0, delivered: 0, failed: 0 };
  const queued = (await queueOverdueAlerts(deps, now)) + (await queueDigests(deps, now));
  const sent = await deliverDueWebhooks(
    db,
    { url: config.webhookUrl, secret: config.webhookSecret },
    { now: deps.now, log, ...(deps.fetch ? { fetch: deps.fetch } : {}) },
  );
  await forgetDeliveredWebhooks(db, now - KEEP_DELIVERED_MS);
  return { contactsDeleted, queued, ...sent };
}

/** The alert facts of a case summary. */
export function caseFacts(summary: CaseSummary, lowItems: string[] = [], hasComment = false) {
  return {
    ref: summary.ref,
    openedAt: summary.opened_at,
    dueAt: summary.due_at,
    unit: { code: summary.unit_code, name: summary.unit_name },
    point: { code: summary.point_code, label: summary.point_label },
    service: summary.service_code ? { code: summary.service_code, name: summary.service_name ?? "" } : null,
    lowItems,
    hasComment,
  };
}

async function queueOverdueAlerts(deps: ScheduleDeps, now: number): Promise<number> {
  const overdue = await casesNewlyOverdue(deps.db, now);
  for (const summary of overdue) {
    await runBatch(deps.db, [
      queueWebhookStatement(deps.db, caseOverdueEvent(caseFacts(summary), deps.config.publicUrl, now)),
      markOverdueAlertedStatement(deps.db, summary.ref, now),
    ]);
  }
  return overdue.length;
}

/** From the digest hour on, one digest per top unit for yesterday (queued once: the key is unique). */
async function queueDigests(deps: ScheduleDeps, now: number): Promise<number> {
  if (localHour(now) < deps.config.digestHour) return 0;
  const day = localDay(now - DAY_MS);
  const units = await listTopUnits(deps.db);
  const done = await queuedKeys(
    deps.db,
    units.map((unit) => digestKey(unit.code, day)),
  );
  let queued = 0;
  for (const unit of units) {
    if (done.has(digestKey(unit.code, day))) continue;
    const period = { from: day, to: day };
    const [total] = (await buildReport(deps.db, {
      kind: "sipas",
      by: "total",
      period,
      subtree: unit.path,
    })) as SipasRow[];
    const items = (await buildReport(deps.db, {
      kind: "items",
      by: "total",
      period,
      subtree: unit.path,
    })) as ItemRow[];
    const lowestItems = items
      .filter((item) => item.index !== null && item.n > 0)
      .sort((a, b) => (a.index as number) - (b.index as number))
      .slice(0, 3)
      .map((item) => ({ item: item.item, index: item.index as number, n: item.n }));
    const opened = await casesOpenedIn(deps.db, { from: day, to: day, subtree: unit.path });
    const counts = await caseCounts(deps.db, unit.path, now);
    const event = digestEvent(
      {
        day,
        unit: { code: unit.code, name: unit.name },
        respondents: total?.respondents ?? 0,
        sipasIndex: total?.sipas_index ?? null,
        lowestItems,
        cases: { opened: opened.length, ...counts },
      },
      deps.config.publicUrl,
      now,
    );
    await runBatch(deps.db, [queueWebhookStatement(deps.db, event)]);
    queued++;
  }
  return queued;
}
