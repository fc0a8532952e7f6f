import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/database.js";
import { runBatch } from "../../../server/db/database.js";
import type { ResponseRow } from "../../../server/db/queries/responses.js";
import { responses, rollups } from "../../../server/db/schema.js";
import {
  createGroupWriter,
  type PreparedResponse,
  responseWriteStatements,
} from "../../../server/submit/response-writer.js";
import { createTestApp, FROZEN_NOW } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit } from "../../helpers/factories.js";
import { preparedResponse } from "../../helpers/prepared-response.js";

const t = await createTestApp();
const unit = await makeUnit(t, { code: "STP" });

/** The app's database, counting the batches written through it. */
function countingDb(): { db: Database; batches: () => number } {
  let batches = 0;
  const db = Object.create(t.db) as Database;
  db.batch = ((items: never) => {
    batches++;
    return t.db.batch(items);
  }) as Database["batch"];
  return { db, batches: () => batches };
}

const prepared = (pointId: number, overrides: Partial<ResponseRow> = {}): PreparedResponse =>
  preparedResponse({
    pointId,
    unitId: unit.id,
    submittedAt: FROZEN_NOW,
    localDay: "2026-03-15",
    ...overrides,
  });

async function respondents(pointId: number): Promise<number> {
  const rows = await t.db.select().from(rollups).where(eq(rollups.pointId, pointId)).all();
  return rows.find((r) => r.item === "#")?.count1 ?? 0;
}

describe("createGroupWriter", () => {
  it("commits concurrent responses together, each answered only once its batch is written", async () => {
    const point = await makePoint(t, { unit: "STP" });
    const { db, batches } = countingDb();
    const writer = createGroupWriter(db);
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => writer.write(prepared(point.id))));
    expect(outcomes.every((o) => o.status === "stored" && o.receivedAt === FROZEN_NOW)).toBe(true);
    expect(batches()).toBeLessThan(40);
    expect(await respondents(point.id)).toBe(40);
    const stored = await t.db.select().from(responses).where(eq(responses.pointId, point.id)).all();
    expect(stored).toHaveLength(40);
  });

  it("stores one of two copies sent at once and answers the other as a repeat", async () => {
    const point = await makePoint(t, { unit: "STP" });
    const writer = createGroupWriter(t.db);
    const copy = prepared(point.id);
    const outcomes = await Promise.all([writer.write(copy), writer.write(copy)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["repeat", "stored"]);
    expect(await respondents(point.id)).toBe(1);
    expect(await writer.write(copy)).toEqual({ status: "repeat", receivedAt: FROZEN_NOW });
  });

  it("refuses the same id with other content, and a second use of a link or a dossier", async () => {
    const point = await makePoint(t, { unit: "STP" });
    const writer = createGroupWriter(t.db);
    const first = prepared(point.id, { tokenId: "tok-1", dossierHash: "dossier-1" });
    const outcomes = await Promise.all([
      writer.write(first),
      writer.write(prepared(point.id, { id: first.row.id, contentHash: "b".repeat(64) })),
      writer.write(prepared(point.id, { tokenId: "tok-1" })),
      writer.write(prepared(point.id, { tokenId: "tok-2", dossierHash: "dossier-1" })),
    ]);
    expect(outcomes.map((o) => (o.status === "refused" ? o.refusal.code : o.status))).toEqual([
      "stored",
      "DUPLICATE_ID",
      "TOKEN_USED",
      "TOKEN_USED",
    ]);
    expect(await respondents(point.id)).toBe(1);
  });

  it("does not let one response that cannot be written fail the others of its group", async () => {
    const point = await makePoint(t, { unit: "STP" });
    const writer = createGroupWriter(t.db);
    const results = await Promise.allSettled([
      writer.write(prepared(point.id)),
      writer.write(prepared(999_999)), // no such point: the foreign key refuses the row
      writer.write(prepared(point.id)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await respondents(point.id)).toBe(2);
  });
});

describe("responseWriteStatements", () => {
  it("keeps each INSERT's JSON parameter under D1's 2 MB limit on a value, even with long comments", async () => {
    const point = await makePoint(t, { unit: "STP" });
    // 2,000 characters (the longest comment), three UTF-8 bytes each: 500 of them make ~3 MB.
    const comment = "服务态度很好，办理速度快。".repeat(154).slice(0, 2000);
    const group = Array.from({ length: 500 }, () => prepared(point.id, { comment }));
    const inserts = responseWriteStatements(t.db, group)
      .map((statement) =>
        (statement as unknown as { getQuery(): { sql: string; params: unknown[] } }).getQuery(),
      )
      .filter((query) => query.sql.includes("INSERT INTO responses"));
    expect(inserts.length).toBeGreaterThan(1);
    for (const { params } of inserts)
      expect(new TextEncoder().encode(String(params[0])).length).toBeLessThan(2e6);
    expect(
      inserts.reduce((sum, { params }) => sum + (JSON.parse(String(params[0])) as unknown[]).length, 0),
    ).toBe(500);
    await runBatch(t.db, responseWriteStatements(t.db, group));
    const stored = await t.db.select().from(responses).where(eq(responses.pointId, point.id)).all();
    expect(stored.map((row) => row.comment)).toEqual(Array(500).fill(comment));
  });

  it("puts up to 500 ordinary responses in one INSERT", () => {
    const group = Array.from({ length: 501 }, () => prepared(1));
    const inserts = responseWriteStatements(t.db, group)
      .map((statement) => (statement as unknown as { getQuery(): { sql: string } }).getQuery().sql)
      .filter((sql) => sql.includes("INSERT INTO responses"));
    expect(inserts).toHaveLength(2);
  });
});
