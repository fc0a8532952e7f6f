import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { retryDelay } from "../../../server/alerts/deliver.js";
import { runScheduledWork } from "../../../server/alerts/scheduler.js";
import { openLibsqlDatabase } from "../../../server/db/libsql.js";
import { DAY_MS } from "../../../shared/time/index.js";
import { createTestApp, FROZEN_NOW } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit } from "../../helpers/factories.js";

const SECRET = "webhook-secret-0123456789";

/** A real HTTP receiver on 127.0.0.1 that records what it gets; it can be stopped and started again. */
function receiver() {
  const got: Array<{ body: string; signature: string | undefined; event: string | undefined }> = [];
  let server: Server | undefined;
  let port = 0;
  return {
    got,
    get url() {
      return `http://127.0.0.1:${port}/hook`;
    },
    async start() {
      server = createServer((req, res) => {
        let body = "";
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => {
          got.push({
            body,
            signature: req.headers["x-hailong-signature"] as string | undefined,
            event: req.headers["x-hailong-event"] as string | undefined,
          });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
    },
    async stop() {
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server?.closeAllConnections();
    },
  };
}

const verified = (item: { body: string; signature: string | undefined }) =>
  item.signature === `sha256=${createHmac("sha256", SECRET).update(item.body).digest("hex")}`;

const hook = receiver();
await hook.start();
const t = await createTestApp({
  config: { webhookUrl: hook.url, webhookSecret: SECRET, publicUrl: "http://hailong.test" },
});
afterAll(() => hook.stop().catch(() => {}));
await makeUnit(t, { code: "H35", name: "UBND tỉnh Lạng Sơn" });
await makeUnit(t, { code: "STP", parent: "H35", name: "Sở Tư pháp" });
const point = await makePoint(t, { unit: "STP", label: "Quầy số 3" });

const ask = async () => {
  const res = await t.request("POST", "/api/v1/responses", {
    body: {
      id: crypto.randomUUID(),
      point: point.code,
      lang: "vi",
      answers: { CC1: 1, TC1: 5 },
      comment: "Chờ quá lâu",
      followUp: { contact: "0912345678", consent: true },
    },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { case: { ref: string } }).case.ref;
};

describe("webhooks", () => {
  it("delivers case.opened signed, retries after the receiver was down, and loses nothing across a restart", async () => {
    // 05:00 in Hanoi: before the digest hour, so only the case's alert goes out.
    const start = Date.UTC(2026, 2, 14, 22, 0, 0);
    t.clock.set(start);
    await hook.stop();
    const ref = await ask();
    const down = await runScheduledWork({ ...t.deps, now: () => start });
    expect(down).toMatchObject({ delivered: 0, failed: 1 });
    expect(hook.got).toHaveLength(0);

    // A restart: a new database client on the same file, the receiver back on the same address.
    const restarted = await openLibsqlDatabase({ url: `file:${join(t.dir, "test.db")}` });
    try {
      await hook.start();
      const again = { ...t.deps, db: restarted.db };
      // Not before its backoff…
      expect(await runScheduledWork({ ...again, now: () => start + 1000 })).toMatchObject({ delivered: 0 });
      // …then delivered once.
      const later = start + retryDelay(1) + 1;
      expect(await runScheduledWork({ ...again, now: () => later })).toMatchObject({
        delivered: 1,
        failed: 0,
      });
      expect(await runScheduledWork({ ...again, now: () => later + 1 })).toMatchObject({ delivered: 0 });
    } finally {
      restarted.close();
    }
    expect(hook.got).toHaveLength(1);
    const [opened] = hook.got;
    expect(verified(opened!)).toBe(true);
    expect(opened!.event).toBe("case.opened");
    const body = JSON.parse(opened!.body);
    expect(body).toMatchObject({
      event: "case.opened",
      case: {
        ref,
        unit: { code: "STP" },
        point: { label: "Quầy số 3" },
        lowItems: ["CC1"],
        hasComment: true,
      },
    });
    expect(opened!.body).not.toMatch(/0912345678|912|Chờ quá lâu/);
  });

  it("sends case.overdue once when a case passes its due time", async () => {
    hook.got.length = 0;
    const start = Date.UTC(2026, 2, 15, 22, 0, 0);
    t.clock.set(start);
    const ref = await ask();
    await runScheduledWork({ ...t.deps, now: () => start });
    const overdue = start + 7 * DAY_MS + 60_000;
    await runScheduledWork({ ...t.deps, now: () => overdue });
    await runScheduledWork({ ...t.deps, now: () => overdue + 60_000 });
    const events = hook.got.map((item) => JSON.parse(item.body) as { event: string; case?: { ref: string } });
    expect(events.filter((e) => e.event === "case.overdue" && e.case?.ref === ref)).toHaveLength(1);
    expect(hook.got.every(verified)).toBe(true);
  });

  it("sends one daily digest per top unit from HAILONG_DIGEST_HOUR (Hanoi time)", async () => {
    hook.got.length = 0;
    // Yesterday's answers (2026-03-19, Hanoi).
    t.clock.set(Date.UTC(2026, 2, 19, 3, 0, 0));
    await ask();
    const sixAm = Date.UTC(2026, 2, 19, 23, 0, 0); // 06:00 on the 20th in Hanoi
    await runScheduledWork({ ...t.deps, now: () => sixAm });
    expect(hook.got.filter((item) => item.event === "digest")).toHaveLength(0);
    await runScheduledWork({ ...t.deps, now: () => sixAm + 60 * 60 * 1000 });
    await runScheduledWork({ ...t.deps, now: () => sixAm + 2 * 60 * 60 * 1000 });
    const digests = hook.got.filter((item) => item.event === "digest");
    expect(digests).toHaveLength(1);
    expect(verified(digests[0]!)).toBe(true);
    expect(JSON.parse(digests[0]!.body)).toMatchObject({
      event: "digest",
      day: "2026-03-19",
      unit: { code: "H35" },
      respondents: 1,
      sipasIndex: 50,
      lowestItems: [
        { item: "CC1", index: 0, n: 1 },
        { item: "TC1", index: 100, n: 1 },
      ],
      cases: { opened: 1 },
    });
    t.clock.set(FROZEN_NOW);
  });

  it("waits twice as long after each failure, at most six hours", () => {
    expect([1, 2, 3].map(retryDelay)).toEqual([30_000, 60_000, 120_000]);
    expect(retryDelay(40)).toBe(6 * 60 * 60 * 1000);
  });
});
