import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import Database from "libsql";
import { canonicalContent } from "../../../server/submit/content-hash.js";
import type { Ledger } from "./ledger.js";

// What the database file holds after a load run, read from outside the server (as an operator would),
// and held against what the clients were told.

export type StoredResponse = {
  pointCode: string;
  answers: Record<string, number>;
  contentHash: string;
};

/** Every stored response of a database file, by id (read-only; the server may still be running). */
export function readStoredResponses(file: string): Map<string, StoredResponse> {
  const db = new Database(file, { readonly: true });
  try {
    db.pragma("busy_timeout = 5000");
    const rows = db
      .prepare(
        "SELECT r.id, p.code, r.answers, r.content_hash FROM responses r JOIN points p ON p.id = r.point_id",
      )
      .raw()
      .all() as [string, string, string, string][];
    return new Map(
      rows.map(([id, pointCode, answers, contentHash]) => [
        id,
        { pointCode, answers: JSON.parse(answers), contentHash },
      ]),
    );
  } finally {
    db.close();
  }
}

/**
 * The differences between the stored responses and the ledger: each acknowledged id stored with the
 * content it was acknowledged for; no refused body stored; and nothing else stored, or (after a crash,
 * `complete: false`) nothing else but bodies that got no answer.
 */
export function checkStored(
  ledger: Ledger,
  stored: ReadonlyMap<string, StoredResponse>,
  options: { complete: boolean },
): string[] {
  const problems: string[] = [];
  for (const [id, body] of ledger.acknowledged) {
    const row = stored.get(id);
    if (!row) problems.push(`${id}: acknowledged, not stored`);
    else if (row.contentHash !== hashOf(body) || !isDeepStrictEqual(row.answers, body.answers))
      problems.push(`${id}: stored content is not the acknowledged content`);
    else if (row.pointCode !== body.point)
      problems.push(`${id}: stored at ${row.pointCode}, sent to ${body.point}`);
  }
  for (const body of ledger.refused) {
    if (stored.get(body.id)?.contentHash === hashOf(body))
      problems.push(`${body.id}: the refused content is stored`);
  }
  for (const [id, row] of stored) {
    if (ledger.acknowledged.has(id)) continue;
    const unanswered = ledger.unanswered.get(id) ?? [];
    if (options.complete || !unanswered.some((body) => hashOf(body) === row.contentHash))
      problems.push(`${id}: stored, but never acknowledged${options.complete ? "" : " nor sent unanswered"}`);
  }
  return problems;
}

function hashOf(body: Parameters<typeof canonicalContent>[0]): string {
  return createHash("sha256").update(canonicalContent(body)).digest("hex");
}
