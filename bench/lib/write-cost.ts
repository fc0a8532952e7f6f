import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBatch } from "../../server/db/database.js";
import { openLibsqlDatabase } from "../../server/db/libsql.js";
import { applyMigrations } from "../../server/db/migrate.js";
import { type PreparedResponse, responseWriteStatements } from "../../server/submit/response-writer.js";
import { newResponseId } from "../../shared/contract/response-id.js";
import { FULL_ITEM_CODES } from "../../shared/instrument/index.js";
import { preparedResponse } from "../../test/helpers/prepared-response.js";

/**
 * Response ids as the survey makes them (UUID v7, growing with time) or as random UUID v4s (the survey's
 * before issue 20, and what an API client may send).
 */
export type IdKind = "v7" | "v4";

/**
 * What storing costs alone: CPU µs per response for the response writer's own statements (the response rows
 * and their daily and monthly rollups, one batch per group), run in this process through @libsql/client on
 * a fresh temp-file database already holding `stored` responses (written the same way, not timed), in
 * groups of `groupSize` full-form responses, as the group commit writes them under load. No HTTP, no
 * validation, no hashing.
 */
export async function storingCostUs(
  groupSize: number,
  options: { ids: IdKind; stored: number; groups?: number },
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "hailong-bench-write-"));
  const database = await openLibsqlDatabase({ url: `file:${join(dir, "write.db")}` });
  try {
    await applyMigrations(database);
    await database.client.execute(
      "INSERT INTO units (id, code, name, path, created_at) VALUES (1, 'H35', 'Bộ phận một cửa', '/1/', 0)",
    );
    await database.client.execute(
      "INSERT INTO points (id, code, unit_id, label, created_at) VALUES (1, 'ABCDEF', 1, 'Quầy số 1', 0)",
    );
    const start = Date.UTC(2026, 11, 7);
    let n = 0;
    const response = (): PreparedResponse => {
      n++;
      // One response a millisecond, on one day: the rollups stay a handful of rows, as under load.
      const submittedAt = start + n;
      return preparedResponse({
        id: options.ids === "v7" ? newResponseId(submittedAt) : crypto.randomUUID(),
        pointId: 1,
        unitId: 1,
        submittedAt,
        localDay: "2026-12-07",
        answers: JSON.stringify(
          Object.fromEntries(FULL_ITEM_CODES.map((item, i) => [item, ((n + i) % 5) + 1])),
        ),
        contentHash: n.toString(16).padStart(64, "0"),
      });
    };
    const write = (group: PreparedResponse[]) =>
      runBatch(database.db, responseWriteStatements(database.db, group));
    for (let left = options.stored; left > 0; left -= 500) {
      await write(Array.from({ length: Math.min(500, left) }, response));
    }
    const groups = options.groups ?? 400;
    const warmUp = 20;
    let cpu = 0;
    for (let g = 0; g < warmUp + groups; g++) {
      const group = Array.from({ length: groupSize }, response);
      const before = process.cpuUsage();
      await write(group);
      const used = process.cpuUsage(before);
      if (g >= warmUp) cpu += used.user + used.system;
    }
    return cpu / (groups * groupSize);
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
