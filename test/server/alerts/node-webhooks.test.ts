import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { adminApi, makeSurveyPoints } from "../../e2e/helpers/catalogue.js";
import { type RunningServer, removeServerFiles, startServer } from "../../e2e/helpers/server.js";

// The Node entry's timer loop (server/node.ts) delivering the webhook outbox to a real receiver on
// 127.0.0.1, and an alert queued just before the process is killed going out after the restart.

const SECRET = "node-webhook-secret-0123";
const got: Array<{ body: string; signature: string }> = [];
const hook = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    got.push({ body, signature: String(req.headers["x-hailong-signature"]) });
    res.writeHead(200).end("ok");
  });
});
await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
const env = {
  HAILONG_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
  HAILONG_WEBHOOK_SECRET: SECRET,
  // Far from the test's hour, so that only case alerts are sent.
  HAILONG_DIGEST_HOUR: "23",
};
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  if (servers[0]) removeServerFiles(servers[0]);
  hook.close();
});

async function until(check: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const refsReceived = () =>
  got.map((item) => (JSON.parse(item.body) as { case?: { ref: string } }).case?.ref).filter(Boolean);

async function askForReply(url: string, point: string) {
  const res = await fetch(`${url}/api/v1/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: crypto.randomUUID(),
      point,
      lang: "vi",
      answers: { CC1: 1 },
      followUp: { contact: "0912345678", consent: true },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { case: { ref: string } }).case.ref;
}

describe("webhooks from the Node entry", () => {
  it("sends case.opened soon after a case opens, and what was queued before a kill after the restart", async () => {
    const first = await startServer(env);
    servers.push(first);
    const api = await adminApi(first.url);
    const [point] = (await makeSurveyPoints(api, {
      unit: { code: "H35", name: "UBND tỉnh" },
      services: [],
      points: [{ label: "Quầy 1" }],
    })) as [string];
    const ref = await askForReply(first.url, point);
    await until(() => refsReceived().includes(ref));

    const queued = await askForReply(first.url, point);
    // Killed before its timer ran (it waits a second after a case opens): the alert is only in the outbox.
    await first.stop("SIGKILL");
    expect(refsReceived()).not.toContain(queued);

    const second = await startServer(env, { dir: first.dir });
    servers.push(second);
    await until(() => refsReceived().includes(queued));
    expect(refsReceived().filter((r) => r === queued)).toHaveLength(1);
    for (const item of got) {
      expect(item.signature).toBe(`sha256=${createHmac("sha256", SECRET).update(item.body).digest("hex")}`);
      expect(item.body).not.toContain("0912345678");
    }
  });
});
