import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLoad } from "../../bench/lib/load.js";
import { type RunningServer, removeServerFiles, startServer } from "../e2e/helpers/server.js";
import { createLoadCatalogue, type LoadCatalogue } from "./helpers/catalogue.js";
import { runDbCheck } from "./helpers/db-check.js";
import { keepLedger } from "./helpers/ledger.js";
import { checkExport, checkReportedRespondents } from "./helpers/reports.js";
import { resendUnanswered } from "./helpers/resend.js";
import { checkStored, readStoredResponses } from "./helpers/stored.js";
import { planWorkload } from "./helpers/workload.js";

// A few thousand submissions at high concurrency against the real Node server, with retries and
// conflicting re-sends mixed in: what is stored, exported and reported is exactly what was acknowledged.
// The bench (bench/load-without-loss.ts) runs the same at ten times the size.

let server: RunningServer;
let catalogue: LoadCatalogue;
beforeAll(async () => {
  server = await startServer();
  catalogue = await createLoadCatalogue(server.url);
}, 60_000);
afterAll(async () => {
  await server?.stop("SIGKILL");
  if (server) removeServerFiles(server);
});

describe("POST /api/v1/responses under load", () => {
  it("stores, exports and reports every acknowledged response exactly once, no refused one, no 5xx", async () => {
    const workload = planWorkload({
      points: catalogue.points,
      count: 2000,
      retryShare: 0.1,
      conflictShare: 0.02,
      spread: 100,
      seed: 9,
    });
    const run = await runLoad(server.url, workload.calls, { concurrency: 64, deadlineMs: 60_000 });
    expect(run.sent).toBe(workload.calls.length);
    // A request left without an answer (a connection reset under load) is resent, as the survey's outbox does.
    const answers = await resendUnanswered(server.url, workload.calls, run.answers);
    expect([...new Set(answers.map((answer) => answer?.status))].sort()).toEqual([200, 201, 409]);

    const ledger = keepLedger(workload.sends, answers);
    expect(ledger.problems).toEqual([]);
    expect(ledger.unanswered.size).toBe(0);
    expect(ledger.acknowledged.size).toBe(2000);
    expect(ledger.refused.length).toBeGreaterThan(0);

    const stored = readStoredResponses(join(server.dir, "hailong.db"));
    expect(stored.size).toBe(2000);
    expect(checkStored(ledger, stored, { complete: true })).toEqual([]);

    expect(await checkExport(server.url, catalogue.token, ledger)).toEqual([]);
    expect(await checkReportedRespondents(server.url, catalogue.token, ledger)).toEqual([]);

    const check = runDbCheck(join(server.dir, "hailong.db"));
    expect(check.output).toMatch(/Rollups agree with the 2,000 responses/);
    expect(check.status).toBe(0);
  }, 120_000);
});
