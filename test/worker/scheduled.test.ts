import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { offlineWranglerEnv, startWranglerDev } from "../../scripts/worker-wrangler.js";
import { makeCounterSetup } from "./helpers/catalogue.js";
import { adminToken, httpClient } from "./helpers/client.js";
import { migratedState } from "./helpers/local-d1.js";

// The Workers entry's Cron Trigger (issue 17): `scheduled` sends the webhook outbox. wrangler dev's
// --test-scheduled runs it on GET /__scheduled, as Cloudflare does every minute.

const dir = mkdtempSync(join(tmpdir(), "hailong-worker-scheduled-"));
const got: string[] = [];
const hook = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    got.push(body);
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
const dev = await startWranglerDev({
  persistTo: migratedState(join(dir, "state")),
  env: offlineWranglerEnv(join(dir, "config")),
  script: inject("workerdScripts").d1,
  vars: {
    HAILONG_ADMIN_PASSWORD: "admin-password-worker-suite",
    HAILONG_RATE_LIMIT: "0",
    HAILONG_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
    HAILONG_WEBHOOK_SECRET: "worker-webhook-secret-01",
    HAILONG_DIGEST_HOUR: "23",
  },
  args: ["--test-scheduled"],
});
afterAll(async () => {
  await dev.stop();
  hook.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("server/worker.ts scheduled", () => {
  it("sends case.opened from the Cron Trigger, without the contact", async () => {
    const client = httpClient(dev.url);
    const admin = await adminToken(client, "scheduled");
    const { points } = await makeCounterSetup(client, admin, "SCHED", [{ label: "Quầy 1" }]);
    const res = await client.request("POST", "/api/v1/responses", {
      body: {
        id: crypto.randomUUID(),
        point: points[0],
        lang: "vi",
        answers: { CC1: 1 },
        followUp: { contact: "0912345678", consent: true },
      },
    });
    expect(res.status).toBe(201);
    const { case: opened } = (await res.json()) as { case: { ref: string } };
    expect(got).toHaveLength(0);
    expect((await fetch(`${dev.url}/__scheduled?cron=*+*+*+*+*`)).status).toBe(200);
    // From 23:00 in Hanoi (the digest hour set above) the same run also sends yesterday's digest.
    const openedEvents = () => got.filter((body) => JSON.parse(body).event === "case.opened");
    for (const deadline = Date.now() + 15_000; openedEvents().length === 0 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(openedEvents()).toHaveLength(1);
    expect(JSON.parse(openedEvents()[0]!)).toMatchObject({ event: "case.opened", case: { ref: opened.ref } });
    for (const body of got) expect(body).not.toContain("0912345678");
  });
});
