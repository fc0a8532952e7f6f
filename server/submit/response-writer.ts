import { type Database, runBatch, type Statement } from "../db/database.js";
import { isUniqueViolation } from "../db/db-errors.js";
import { type CaseOpening, openCasesStatements } from "../db/queries/cases.js";
import { findStoredIdentities, insertResponsesStatement, type ResponseRow } from "../db/queries/responses.js";
import { addToRollupsStatements, type RollupIncrement } from "../db/queries/rollups.js";
import { afterPendingIo } from "../lib/after-pending-io.js";

// The one way responses are written: online, paper and imported ones, with their rollups and cases.
//
// Group commit (createGroupWriter, Node): every row written through libSQL costs tens of microseconds and
// every statement and commit far more, so concurrent submissions are written together: one batch with one
// multi-row INSERT of the responses and their rollup increments folded per item. Each request is answered
// only after the batch holding it has committed. No background work: the request that finds the writer idle
// commits the queue ("leads"); when its batch is done it hands the lead to the oldest request still waiting.
//
// Workers use createSoloWriter instead (see there why).

/**
 * A validated response ready to store, with what it adds to the rollups, the follow-up case it opens
 * (issue 17) and, for paper and imported responses, the statements that record who entered it (all run in
 * the same batch, after the response rows).
 */
export type PreparedResponse = {
  row: ResponseRow;
  increments: RollupIncrement[];
  caseOpening?: CaseOpening | undefined;
  also?: Statement[];
};

/** Why a write was refused: the API's error codes (shared/contract/errors.ts). */
export type WriteRefusal = { code: "DUPLICATE_ID" } | { code: "TOKEN_USED" };

/**
 * How a write ended; `stored` and `repeat` carry the instant the server first received the response, a
 * refusal says why as the API does.
 */
export type WriteOutcome =
  | { status: "stored"; receivedAt: number }
  | { status: "repeat"; receivedAt: number }
  | { status: "refused"; refusal: WriteRefusal };

/** Writes one response (with its rollups, case and entry record) and says how it ended. */
export type ResponseWriter = { write(response: PreparedResponse): Promise<WriteOutcome> };

type Entry = {
  response: PreparedResponse;
  taken: boolean;
  settle(outcome: WriteOutcome | Error): void;
  settled: Promise<WriteOutcome>;
  wake: (() => void) | undefined;
};

// How long a leader may wait for company: requests already in the pipeline (hashing, validating) join while
// the queue keeps growing, which turns one commit per request into one per dozens under load.
const MAX_GATHER_MS = 2;

/** A writer for one database; `maxGroup` bounds a batch. */
export function createGroupWriter(db: Database, options: { maxGroup?: number } = {}): ResponseWriter {
  const maxGroup = options.maxGroup ?? 256;
  const queue: Entry[] = [];
  let busy = false;

  async function gather(): Promise<void> {
    const started = performance.now();
    let seen = -1;
    while (queue.length !== seen && queue.length < maxGroup && performance.now() - started < MAX_GATHER_MS) {
      seen = queue.length;
      await new Promise<void>(afterPendingIo);
    }
  }

  async function lead(): Promise<void> {
    busy = true;
    try {
      await gather();
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
    async write(response) {
      const entry = newEntry(response);
      queue.push(entry);
      while (!entry.taken) {
        if (busy) await new Promise<void>((resolve) => (entry.wake = resolve));
        else await lead();
      }
      return entry.settled;
    },
  };
}

/**
 * A writer without a queue: each request commits its own response. For Workers, where a request must not
 * wait for another one to write for it (workerd cancels a request that waits on another's I/O as hung).
 */
export function createSoloWriter(db: Database): ResponseWriter {
  return {
    async write(response) {
      const entry = newEntry(response);
      await commitGroup(db, [entry]);
      return entry.settled;
    },
  };
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
 * Writes a group in one batch, optimistically: most submissions are new. If the batch fails (a retry of a
 * stored response, a used link, a row the database refuses), the collisions are answered from one look-up
 * and the rest tried together once more, then one by one, so that one bad response never fails the others.
 * Returns the entries that share an id, a link or a dossier with another entry of the group: they wait for
 * the next group, when the one they collide with is stored or refused.
 */
async function commitGroup(db: Database, group: Entry[]): Promise<Entry[]> {
  const { fresh, later } = apartFromEachOther(group);
  if (await tryStore(db, fresh)) return later;
  try {
    const remaining = await settleStoredCollisions(db, fresh);
    if (await tryStore(db, remaining)) return later;
    for (const entry of remaining) await commitAlone(db, entry);
  } catch (error) {
    for (const entry of fresh) entry.settle(error as Error);
  }
  return later;
}

async function commitAlone(db: Database, entry: Entry): Promise<void> {
  try {
    const [fresh] = await settleStoredCollisions(db, [entry]);
    if (!fresh) return;
    await store(db, [fresh]);
    fresh.settle({ status: "stored", receivedAt: fresh.response.row.submittedAt });
  } catch (error) {
    if (!isUniqueViolation(error)) return entry.settle(error as Error);
    // Lost a race for the id or the link to another writer after the look-up: the stored row now decides.
    try {
      const [unexplained] = await settleStoredCollisions(db, [entry]);
      unexplained?.settle(error as Error);
    } catch (lookupError) {
      entry.settle(lookupError as Error);
    }
  }
}

/** Stores the entries in one batch and answers them; false (nothing answered) when the batch fails. */
async function tryStore(db: Database, entries: Entry[]): Promise<boolean> {
  if (entries.length === 0) return true;
  try {
    await store(db, entries);
  } catch {
    return false;
  }
  for (const entry of entries) entry.settle({ status: "stored", receivedAt: entry.response.row.submittedAt });
  return true;
}

async function store(db: Database, entries: Entry[]): Promise<void> {
  await runBatch(
    db,
    responseWriteStatements(
      db,
      entries.map((entry) => entry.response),
    ),
  );
}

// A statement's one JSON parameter must stay under D1's limit on a value (2 MB): at most 500 responses to an
// INSERT, fewer when their comments are long (500 comments of 2,000 Chinese characters make ~3 MB).
const RESPONSES_PER_STATEMENT = 500;
const PARAMETER_BYTES = 1_000_000;

/**
 * At least the bytes a row takes in that parameter: its short fields in far less than 1 KiB, answers as our
 * own ASCII JSON, and a comment's UTF-16 units in at most 6 bytes each (JSON writes a control one as \u001f).
 */
const rowBytesAtMost = (row: ResponseRow) =>
  1024 + row.answers.length + (row.expectations?.length ?? 0) + 6 * (row.comment?.length ?? 0);

/**
 * The statements that store responses with their cases and rollups (one batch, all or nothing): the group
 * writer's and the response import's one way of writing responses.
 */
export function responseWriteStatements(db: Database, responses: readonly PreparedResponse[]): Statement[] {
  const statements: Statement[] = [];
  let rows: ResponseRow[] = [];
  let bytes = 0;
  for (const { row } of responses) {
    const size = rowBytesAtMost(row);
    if (rows.length === RESPONSES_PER_STATEMENT || (rows.length > 0 && bytes + size > PARAMETER_BYTES)) {
      statements.push(insertResponsesStatement(db, rows));
      rows = [];
      bytes = 0;
    }
    rows.push(row);
    bytes += size;
  }
  if (rows.length > 0) statements.push(insertResponsesStatement(db, rows));
  for (const response of responses) if (response.also) statements.push(...response.also);
  // Loops, not flatMap: flatMap takes ~4 µs a response over a group's 1,600 increments, a loop a tenth.
  const openings: CaseOpening[] = [];
  const increments: RollupIncrement[] = [];
  for (const response of responses) {
    if (response.caseOpening) openings.push(response.caseOpening);
    for (const increment of response.increments) increments.push(increment);
  }
  statements.push(...openCasesStatements(db, openings));
  // The rollup writer folds all the increments into one row per item, day and month.
  statements.push(...addToRollupsStatements(db, increments));
  return statements;
}

/** What a response must not share with another: its id, its link token, its dossier. */
function uniqueKeys(row: Pick<ResponseRow, "id" | "tokenId" | "dossierHash">): string[] {
  return [
    `id:${row.id}`,
    ...(row.tokenId ? [`token:${row.tokenId}`] : []),
    ...(row.dossierHash ? [`dossier:${row.dossierHash}`] : []),
  ];
}

/** Splits a group into entries that can be written together and those colliding with an earlier one. */
function apartFromEachOther(entries: Entry[]): { fresh: Entry[]; later: Entry[] } {
  const taken = new Set<string>();
  const fresh: Entry[] = [];
  const later: Entry[] = [];
  for (const entry of entries) {
    const keys = uniqueKeys(entry.response.row);
    if (keys.some((key) => taken.has(key))) later.push(entry);
    else {
      for (const key of keys) taken.add(key);
      fresh.push(entry);
    }
  }
  return { fresh, later };
}

/**
 * Answers the entries that repeat or collide with a stored response (200 for the same content, 409 for other
 * content under the same id or a used link or dossier); returns the others.
 */
async function settleStoredCollisions(db: Database, entries: Entry[]): Promise<Entry[]> {
  const rows = entries.map((entry) => entry.response.row);
  const stored = await findStoredIdentities(db, {
    ids: rows.map((row) => row.id),
    tokenIds: rows.flatMap((row) => (row.tokenId ? [row.tokenId] : [])),
    dossierHashes: rows.flatMap((row) => (row.dossierHash ? [row.dossierHash] : [])),
  });
  const byId = new Map(stored.map((s) => [s.id, s]));
  // Ids are answered first, from byId; what is left to collide on is a link or a dossier.
  const used = new Set(stored.flatMap(uniqueKeys));
  return entries.filter((entry) => {
    const row = entry.response.row;
    const earlier = byId.get(row.id);
    if (earlier) {
      entry.settle(
        earlier.contentHash === row.contentHash
          ? { status: "repeat", receivedAt: earlier.submittedAt }
          : { status: "refused", refusal: { code: "DUPLICATE_ID" } },
      );
      return false;
    }
    if (uniqueKeys(row).some((key) => used.has(key))) {
      entry.settle({ status: "refused", refusal: { code: "TOKEN_USED" } });
      return false;
    }
    return true;
  });
}
