import { type Database, runBatch } from "../db/database.js";
import {
  findStoredIdentities,
  insertResponsesStatement,
  type ResponseRow,
  type StoredIdentity,
} from "../db/queries/responses.js";
import { addToRollupsStatements } from "../db/queries/rollups.js";
import { isUniqueViolation } from "../lib/request.js";
import type { RollupIncrement } from "./rollup-increments.js";

// Group commit: every row written through libSQL costs tens of microseconds and every commit far more,
// so concurrent submissions are written together: one batch with one multi-row INSERT of the responses and
// their rollup increments merged. Each request is answered only after the batch holding it has committed.
//
// No background work: the request that finds the writer idle commits the queue ("leads"); when its batch
// is done it hands the lead to the oldest request still waiting. On Workers a request may only do I/O while
// it is itself in flight, and this way it does.

/** A validated response ready to store, with what it adds to the rollups. */
export type PreparedResponse = { row: ResponseRow; increments: RollupIncrement[] };

/** How a write ended; `stored` and `repeat` carry the instant the server first received the response. */
export type WriteOutcome =
  | { status: "stored"; receivedAt: number }
  | { status: "repeat"; receivedAt: number }
  | { status: "duplicate-id" }
  | { status: "token-used" };

export type GroupWriter = { write(response: PreparedResponse): Promise<WriteOutcome> };

type Entry = {
  response: PreparedResponse;
  taken: boolean;
  settle(outcome: WriteOutcome | Error): void;
  settled: Promise<WriteOutcome>;
  wake: (() => void) | undefined;
};

/**
 * A writer for one database. `maxGroup` bounds a batch; `gatherMs` is how long an idle writer waits for
 * company before committing (0: the next turn of the event loop).
 */
export function createGroupWriter(db: Database, options: { maxGroup?: number; gatherMs?: number } = {}) {
  const maxGroup = options.maxGroup ?? 256;
  const gatherMs = options.gatherMs ?? 0;
  const queue: Entry[] = [];
  let busy = false;

  async function lead(): Promise<void> {
    busy = true;
    try {
      await new Promise((resolve) => setTimeout(resolve, gatherMs));
      const group = queue.splice(0, maxGroup);
      for (const entry of group) entry.taken = true;
      const later = await commitGroup(db, group);
      for (const entry of later) entry.taken = false;
      queue.unshift(...later);
    } finally {
      busy = false;
      queue[0]?.wake?.();
    }
  }

  return {
    async write(response: PreparedResponse): Promise<WriteOutcome> {
      const entry = newEntry(response);
      queue.push(entry);
      while (!entry.taken) {
        if (busy) await new Promise<void>((resolve) => (entry.wake = resolve));
        else await lead();
      }
      return entry.settled;
    },
  } satisfies GroupWriter;
}

function newEntry(response: PreparedResponse): Entry {
  let resolve!: (outcome: WriteOutcome) => void;
  let reject!: (error: Error) => void;
  const settled = new Promise<WriteOutcome>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // The owner may not be awaiting `settled` yet; keep an early rejection from counting as unhandled.
  settled.catch(() => {});
  const entry: Entry = {
    response,
    taken: false,
    settled,
    wake: undefined,
    settle(outcome) {
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
      entry.wake?.();
    },
  };
  return entry;
}

/**
 * Writes a group: answers repeats and collisions from one look-up, then stores the rest in one batch. If
 * that batch fails (a concurrent writer took an id or a token between look-up and write, or one row is
 * refused), each response is retried on its own, so one bad response never fails the others. Returns the
 * entries that collide with another entry of the group: they wait for the next group, when the one they
 * collide with is either stored or refused.
 */
async function commitGroup(db: Database, group: Entry[]): Promise<Entry[]> {
  try {
    const { fresh, later } = await settleCollisions(db, group);
    if (fresh.length === 0) return later;
    try {
      await store(db, fresh);
      for (const entry of fresh)
        entry.settle({ status: "stored", receivedAt: entry.response.row.submittedAt });
    } catch {
      for (const entry of fresh) await commitAlone(db, entry);
    }
    return later;
  } catch (error) {
    for (const entry of group) entry.settle(error as Error);
    return [];
  }
}

async function commitAlone(db: Database, entry: Entry): Promise<void> {
  try {
    const { fresh } = await settleCollisions(db, [entry]);
    if (fresh.length === 0) return;
    await store(db, fresh);
    entry.settle({ status: "stored", receivedAt: entry.response.row.submittedAt });
  } catch (error) {
    if (!isUniqueViolation(error)) return entry.settle(error as Error);
    // Lost a race for the id or the token after the look-up: the stored row now decides.
    try {
      const { fresh } = await settleCollisions(db, [entry]);
      for (const unexplained of fresh) unexplained.settle(error as Error);
    } catch (lookupError) {
      entry.settle(lookupError as Error);
    }
  }
}

async function store(db: Database, entries: Entry[]): Promise<void> {
  const rows = entries.map((entry) => entry.response.row);
  // The rollup writer folds the whole group's increments into one row per item, day and month.
  const increments = entries.flatMap((entry) => entry.response.increments);
  await runBatch(db, [insertResponsesStatement(db, rows), ...addToRollupsStatements(db, increments)]);
}

/**
 * Settles the entries that repeat or collide with a stored response; returns the ones to write now and the
 * ones that share an id, a token or a dossier with an earlier entry of the same group.
 */
async function settleCollisions(db: Database, entries: Entry[]): Promise<{ fresh: Entry[]; later: Entry[] }> {
  const rows = entries.map((entry) => entry.response.row);
  const stored = await findStoredIdentities(db, {
    ids: rows.map((row) => row.id),
    tokenIds: rows.flatMap((row) => (row.tokenId ? [row.tokenId] : [])),
    dossierHashes: rows.flatMap((row) => (row.dossierHash ? [row.dossierHash] : [])),
  });
  const byId = new Map<string, StoredIdentity>(stored.map((s) => [s.id, s]));
  const tokens = new Set(stored.flatMap((s) => (s.tokenId ? [s.tokenId] : [])));
  const dossiers = new Set(stored.flatMap((s) => (s.dossierHash ? [s.dossierHash] : [])));
  const fresh: Entry[] = [];
  const later: Entry[] = [];
  const inGroup = new Set<string>();
  for (const entry of entries) {
    const row = entry.response.row;
    const keys = [
      `id:${row.id}`,
      ...(row.tokenId ? [`token:${row.tokenId}`] : []),
      ...(row.dossierHash ? [`dossier:${row.dossierHash}`] : []),
    ];
    if (keys.some((key) => inGroup.has(key))) {
      later.push(entry);
      continue;
    }
    const earlier = byId.get(row.id);
    if (earlier) {
      entry.settle(
        earlier.contentHash === row.contentHash
          ? { status: "repeat", receivedAt: earlier.submittedAt }
          : { status: "duplicate-id" },
      );
    } else if (
      (row.tokenId && tokens.has(row.tokenId)) ||
      (row.dossierHash && dossiers.has(row.dossierHash))
    ) {
      entry.settle({ status: "token-used" });
    } else {
      for (const key of keys) inGroup.add(key);
      fresh.push(entry);
    }
  }
  return { fresh, later };
}
