import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type LoadAnswer, runLoad } from "../../bench/lib/load.js";
import { type RunningServer, removeServerFiles, startServer } from "../e2e/helpers/server.js";
import { createLoadCatalogue } from "./helpers/catalogue.js";
import { runDbCheck } from "./helpers/db-check.js";
import { keepLedger } from "./helpers/ledger.js";
import { checkExport, checkReportedRespondents } from "./helpers/reports.js";
import { resendUnanswered } from "./helpers/resend.js";
import { checkStored, readStoredResponses } from "./helpers/stored.js";
import { planWorkload } from "./helpers/workload.js";

// The server is killed with SIGKILL while submissions pour in (no shutdown hook runs), then started again
// on the same database file. The group-commit writer answers only after its batch has committed, so every
// response acknowledged before the kill must be there, and the rollups, written in the same batch, must
// agree with the raw rows. Then the clients resend what got no answer, as the survey's outbox does.

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  for (const server of servers) removeServerFiles(server);
});

const isAcknowledgement = (answer: LoadAnswer) => answer.status === 201 || answer.status === 200;

describe.each(["normal", "full"] as const)(
  "a server killed mid-load (HAILONG_DURABILITY=%s)",
  (durability) => {
    it("keeps every acknowledged response; resent, the rest is stored exactly once", async () => {
      const env = { HAILONG_DURABILITY: durability };
      const first = await startServer(env);
      servers.push(first);
      const catalogue = await createLoadCatalogue(first.url);
      const workload = planWorkload({
        points: catalogue.points,
        count: 800,
        retryShare: 0.1,
        conflictShare: 0.02,
        spread: 100,
        seed: durability === "normal" ? 11 : 12,
      });

      const stop = new AbortController();
      let acknowledged = 0;
      let killed: Promise<number | null> | undefined;
      const beforeKill = await runLoad(first.url, workload.calls, {
        concurrency: 64,
        timeoutMs: 10_000,
        signal: stop.signal,
        onAnswer: (_index, answer) => {
          if (!isAcknowledgement(answer) || ++acknowledged !== 250) return;
          stop.abort();
          killed = first.stop("SIGKILL");
        },
      });
      await killed;
      expect(first.process.signalCode).toBe("SIGKILL");

      const second = await startServer(env, { dir: first.dir });
      servers.push(second);
      const file = join(first.dir, "hailong.db");
      const afterCrash = keepLedger(workload.sends, beforeKill.answers);
      expect(afterCrash.problems).toEqual([]);
      // The kill landed mid-load: requests were in flight and never answered.
      expect(afterCrash.unanswered.size).toBeGreaterThan(0);
      expect(checkStored(afterCrash, readStoredResponses(file), { complete: false })).toEqual([]);
      const check = runDbCheck(file);
      expect(check.output).toMatch(/Rollups agree with the [\d,]+ responses/);
      expect(check.status).toBe(0);

      // The clients resend everything that got no answer, and what was never sent, to the restarted server.
      const answers = await resendUnanswered(second.url, workload.calls, beforeKill.answers);
      const ledger = keepLedger(workload.sends, answers);
      expect(ledger.problems).toEqual([]);
      expect(ledger.acknowledged.size).toBe(800);
      expect(checkStored(ledger, readStoredResponses(file), { complete: true })).toEqual([]);
      expect(await checkExport(second.url, catalogue.token, ledger)).toEqual([]);
      expect(await checkReportedRespondents(second.url, catalogue.token, ledger)).toEqual([]);
    }, 180_000);
  },
);
