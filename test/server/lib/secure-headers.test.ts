import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit } from "../../helpers/factories.js";

// The two header sets of server/lib/request-frame.ts: documents get the full set and a CSP that lets their
// own scripts run; JSON gets the headers that act on data, and a CSP under which nothing runs or frames.

const t = await createTestApp();
await makeUnit(t, { code: "STP" });
const point = await makePoint(t, { unit: "STP", label: "Quầy số 1" });

const DOCUMENT = {
  "cross-origin-resource-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "same-origin",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "SAMEORIGIN",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

function expectDocument(res: Response) {
  for (const [name, value] of Object.entries(DOCUMENT)) expect(res.headers.get(name), name).toBe(value);
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(res.headers.get("x-request-id")).toMatch(/^[\w-]+$/);
}

function expectData(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
  expect(res.headers.get("content-security-policy")).toBe(DATA_CSP);
  expect(res.headers.get("x-request-id")).toMatch(/^[\w-]+$/);
  // The document-only switches are not sent with data.
  expect(res.headers.get("x-frame-options")).toBeNull();
  expect(res.headers.get("referrer-policy")).toBeNull();
}

describe("secure headers", () => {
  it("give a page the full set and a script nonce of its own", async () => {
    const first = await t.app.request(`/s/${point.code}`);
    const second = await t.app.request(`/s/${point.code}`);
    expect(first.headers.get("content-type")).toMatch(/^text\/html/);
    expectDocument(first);
    const nonce = (res: Response) =>
      /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(first)).toBeTruthy();
    expect(nonce(first)).not.toBe(nonce(second));
    expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"));
  });

  it("give anything else a browser may show (an HTML page under /api, an image) the full set", async () => {
    expectDocument(await t.app.request("/favicon.ico"));
    const docs = await t.app.request("/api/v1/docs");
    expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
    expectDocument(docs);
  });

  it("give JSON answers, errors and refusals included, the data set", async () => {
    expectData(await t.app.request("/healthz"));
    expectData(await t.app.request("/api/v1/nothing-here"));
    expectData(await t.app.request("/api/v1/units"));
    const stored = await t.request("POST", "/api/v1/responses", {
      body: { id: crypto.randomUUID(), point: point.code, lang: "vi", answers: { TC1: 5 } },
    });
    expect(stored.status).toBe(201);
    expectData(stored);
    const refused = await t.request("POST", "/api/v1/responses", { body: { id: "not-a-uuid" } });
    expect(refused.status).toBe(400);
    expectData(refused);
  });

  it("keep an incoming plain X-Request-Id and replace one that is not", async () => {
    const kept = await t.app.request("/healthz", { headers: { "x-request-id": "proxy-123_ab=" } });
    expect(kept.headers.get("x-request-id")).toBe("proxy-123_ab=");
    const replaced = await t.app.request("/healthz", { headers: { "x-request-id": "bad id\u0001" } });
    expect(replaced.headers.get("x-request-id")).not.toContain("bad");
  });
});
