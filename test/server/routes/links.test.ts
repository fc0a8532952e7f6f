import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../server/db/schema.js";
import { dossierKeyedHash } from "../../../server/links/dossier.js";
import { verifyLinkToken } from "../../../server/links/link-token.js";
import type { Logger } from "../../../server/logger.js";
import { type Credentials, createTestApp, FROZEN_NOW, type TestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit, makeUser, signIn } from "../../helpers/factories.js";

type Link = { url: string; token: string; expiresAt: string };

let t: TestApp;
let staff: Credentials;
let parentStaff: Credentials;
let otherStaff: Credentials;
let admin: Credentials;
let analyst: Credentials;
let counter: { code: string };
let linkOnly: { code: string };
let archived: { code: string };
let elsewhere: { code: string };

// 2026-03-15 10:00 in Hanoi + 7 days: links work until the end of 22/03 Hanoi time (17:00 UTC).
const END_OF_22_MARCH = "2026-03-22T17:00:00.000Z";
const DOSSIER = "000.00.10.H35-260315-0001";

beforeAll(async () => {
  t = await createTestApp({ config: { publicUrl: "https://hailong.example.gov.vn" } });
  await makeUnit(t, { code: "H35" });
  await makeUnit(t, { code: "H35.STP", parent: "H35" });
  await makeUnit(t, { code: "H35.SYT", parent: "H35" });
  counter = await makePoint(t, { unit: "H35.STP", label: "Quầy số 3" });
  linkOnly = await makePoint(t, { unit: "H35.STP", tokenRequired: true });
  archived = await makePoint(t, { unit: "H35.STP", archived: true });
  elsewhere = await makePoint(t, { unit: "H35.SYT" });
  staff = (await makeUser(t, { role: "staff", unit: "H35.STP" })).auth;
  parentStaff = (await makeUser(t, { role: "staff", unit: "H35" })).auth;
  otherStaff = (await makeUser(t, { role: "staff", unit: "H35.SYT" })).auth;
  admin = (await makeUser(t, { role: "admin" })).auth;
  analyst = (await makeUser(t, { role: "analyst", unit: "H35" })).auth;
});

const issue = (code: string, body: unknown = {}, auth: Credentials | null = staff) =>
  t.request("POST", `/api/v1/points/${code}/links`, { body, auth: auth ?? undefined });

async function linksOf(res: Response): Promise<Link[]> {
  expect(res.status).toBe(201);
  return ((await res.json()) as { links: Link[] }).links;
}

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

const verify = (token: string, pointCode: string, now = FROZEN_NOW) =>
  verifyLinkToken({ secret: t.deps.config.secret, token, pointCode, now });

const submit = (pointCode: string, token: string) =>
  t.request("POST", "/api/v1/responses", {
    body: { id: crypto.randomUUID(), point: pointCode, lang: "vi", answers: { TC1: 5, CC1: 4 }, token },
  });

describe("POST /api/v1/points/:code/links", () => {
  it("issues one signed link to the point's survey by default, valid until the end of the 7th day", async () => {
    const res = await issue(linkOnly.code);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const [link, ...rest] = await linksOf(res);
    expect(rest).toEqual([]);
    expect(link!.url).toBe(`https://hailong.example.gov.vn/s/${linkOnly.code}?t=${link!.token}`);
    expect(link!.expiresAt).toBe(END_OF_22_MARCH);
    expect(await verify(link!.token, linkOnly.code)).toMatchObject({ ok: true, dossierHash: null });
    expect(await verify(link!.token, linkOnly.code, Date.parse(END_OF_22_MARCH))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("issues up to 100 distinct links at once", async () => {
    const links = await linksOf(await issue(counter.code, { count: 100 }));
    expect(new Set(links.map((l) => l.token)).size).toBe(100);
    for (const link of links.slice(0, 5)) expect((await verify(link.token, counter.code)).ok).toBe(true);
  });

  it("ties a link to a dossier by its keyed hash, never by its code", async () => {
    const [link] = await linksOf(await issue(linkOnly.code, { dossier: DOSSIER }));
    const check = await verify(link!.token, linkOnly.code);
    expect(check).toMatchObject({
      ok: true,
      dossierHash: dossierKeyedHash(t.deps.config.secret, DOSSIER),
    });
    expect(link!.url).not.toContain("H35-260315");
  });

  it("refuses a count outside 1..100, a dossier with more than one link, and unknown fields", async () => {
    const bad = [
      { count: 0 },
      { count: 101 },
      { count: 1.5 },
      { count: "3" },
      { dossier: DOSSIER, count: 2 },
      { dossier: "" },
      { dossier: "<script>" },
      { dossier: "x".repeat(101) },
      { dossier: 42 },
      { url: "https://evil.example" },
    ];
    for (const body of bad) {
      const res = await issue(counter.code, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorCode(res)).toBe("VALIDATION_FAILED");
    }
    const res = await issue(counter.code, { dossier: DOSSIER, count: 2 });
    expect(
      ((await res.json()) as { error: { issues: Array<{ path: string[] }> } }).error.issues[0]!.path,
    ).toEqual(["count"]);
  });

  it("follows HAILONG_LINK_DAYS", async () => {
    const short = await createTestApp({ config: { linkDays: 1 } });
    await makeUnit(short, { code: "U1" });
    const point = await makePoint(short, { unit: "U1" });
    const user = await makeUser(short, { role: "admin" });
    const res = await short.request("POST", `/api/v1/points/${point.code}/links`, {
      body: {},
      auth: user.auth,
    });
    expect((await linksOf(res))[0]!.expiresAt).toBe("2026-03-16T17:00:00.000Z");
  });

  it("lets admins, staff of the unit and staff of a parent unit issue links", async () => {
    for (const auth of [admin, staff, parentStaff]) {
      expect((await issue(counter.code, {}, auth)).status).toBe(201);
    }
  });

  it("refuses callers without credentials (401), analysts and staff of another unit (403)", async () => {
    expect(await errorCode(await issue(counter.code, {}, null))).toBe("UNAUTHENTICATED");
    const analystRes = await issue(counter.code, {}, analyst);
    expect([analystRes.status, await errorCode(analystRes)]).toEqual([403, "FORBIDDEN"]);
    const otherRes = await issue(counter.code, {}, otherStaff);
    expect([otherRes.status, await errorCode(otherRes)]).toEqual([403, "FORBIDDEN"]);
  });

  it("answers 404 for an unknown point and 409 for an archived one", async () => {
    expect((await issue("ZZZZZZ")).status).toBe(404);
    const res = await issue(archived.code);
    expect([res.status, await errorCode(res)]).toEqual([409, "CONFLICT"]);
  });

  it("records the issue in the audit log without the dossier code or a token", async () => {
    const [link] = await linksOf(await issue(elsewhere.code, { dossier: DOSSIER }, otherStaff));
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityCode, elsewhere.code)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "issue_links", entity: "point" });
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ count: 1, dossier: true, expiresAt: END_OF_22_MARCH });
    expect(rows[0]!.detail).not.toContain("H35-260315");
    expect(rows[0]!.detail).not.toContain(link!.token);
  });

  it("never writes a token into the logs", async () => {
    const lines: string[] = [];
    const capture: Logger = {
      info: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
      warn: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
      error: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
    };
    const original = t.deps.log;
    t.deps.log = capture;
    try {
      const [link] = await linksOf(await issue(linkOnly.code));
      await submit(linkOnly.code, link!.token);
      await submit(linkOnly.code, link!.token);
      await t.request("GET", `/s/${linkOnly.code}?t=${link!.token}`);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join("\n")).not.toContain(link!.token);
      expect(lines.join("\n")).not.toContain(link!.token.slice(0, 20));
    } finally {
      t.deps.log = original;
    }
  });
});

describe("one-time links at the survey", () => {
  it("can be used exactly once", async () => {
    const [link] = await linksOf(await issue(linkOnly.code));
    expect((await submit(linkOnly.code, link!.token)).status).toBe(201);
    const again = await submit(linkOnly.code, link!.token);
    expect([again.status, await errorCode(again)]).toEqual([409, "TOKEN_USED"]);
  });

  it("rates a dossier once, even when staff issue a second link for it", async () => {
    const dossier = "000.00.10.H35-260315-0777";
    const [first] = await linksOf(await issue(linkOnly.code, { dossier }));
    const [second] = await linksOf(await issue(linkOnly.code, { dossier: ` ${dossier.toLowerCase()} ` }));
    expect(second!.token).not.toBe(first!.token);
    expect((await submit(linkOnly.code, first!.token)).status).toBe(201);
    const res = await submit(linkOnly.code, second!.token);
    expect([res.status, await errorCode(res)]).toEqual([409, "TOKEN_USED"]);
  });

  it("refuses a forged, tampered, expired or other point's link with TOKEN_INVALID", async () => {
    const [link] = await linksOf(await issue(linkOnly.code));
    const [other] = await linksOf(await issue(counter.code));
    const token = link!.token;
    const tampered = `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
    const forged = "A".repeat(token.length);
    for (const bad of [tampered, forged, other!.token, `${token}x`, token.slice(0, -1)]) {
      const res = await submit(linkOnly.code, bad);
      expect([res.status, await errorCode(res)], bad).toEqual([403, "TOKEN_INVALID"]);
    }
    t.clock.set(Date.parse(END_OF_22_MARCH));
    try {
      const res = await submit(linkOnly.code, token);
      expect([res.status, await errorCode(res)]).toEqual([403, "TOKEN_INVALID"]);
    } finally {
      t.clock.set(FROZEN_NOW);
    }
    expect((await submit(linkOnly.code, token)).status).toBe(201);
  });

  it("is required by a point that accepts links only", async () => {
    const res = await t.request("POST", "/api/v1/responses", {
      body: { id: crypto.randomUUID(), point: linkOnly.code, lang: "vi", answers: { TC1: 5 } },
    });
    expect([res.status, await errorCode(res)]).toEqual([403, "TOKEN_REQUIRED"]);
  });
});

const form = (code: string, fields: Record<string, string>, auth: Credentials = staff) =>
  t.request("POST", `/links/${code}`, {
    body: new URLSearchParams(fields).toString(),
    // A browser on our own pages sends our origin (PUBLIC_URL) with a form post.
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "https://hailong.example.gov.vn",
    },
    auth,
  });

describe("the staff slip pages", () => {
  it("GET /links/:code shows the form that posts to the slip page", async () => {
    const res = await t.request("GET", `/links/${counter.code}`, { auth: staff });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(`<form method="post" action="/links/${counter.code}">`);
    expect(html).toContain('name="count"');
    expect(html).toContain('name="dossier"');
    expect(html).toContain("Quầy số 3");
  });

  it("POST /links/:code prints the links as slips, each QR carrying its own token", async () => {
    const res = await form(linkOnly.code, { count: "12", dossier: "" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html.match(/class="sheet sheet--slips"/g)).toHaveLength(2);
    const urls = [...html.matchAll(/<svg class="slip__qr"[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(12);
    expect(new Set(urls).size).toBe(12);
    for (const url of urls) {
      const token = new URL(url).searchParams.get("t")!;
      expect((await verify(token, linkOnly.code)).ok).toBe(true);
    }
    expect(html).toContain("22/03/2026");
    expect(html).toContain(`hailong.example.gov.vn/s/${linkOnly.code}`);
  });

  it("prints one slip for a dossier and refuses more", async () => {
    const one = await form(linkOnly.code, { count: "1", dossier: DOSSIER });
    expect((await one.text()).match(/class="slip"/g)).toHaveLength(1);
    expect((await form(linkOnly.code, { count: "2", dossier: DOSSIER })).status).toBe(400);
    expect((await form(linkOnly.code, { count: "0" })).status).toBe(400);
  });

  it("accepts only a web form (415 otherwise)", async () => {
    const res = await t.request("POST", `/links/${counter.code}`, { body: { count: 1 }, auth: staff });
    expect([res.status, await errorCode(res)]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
  });

  it("refuses a signed-in form post from another site", async () => {
    const user = await makeUser(t, { role: "staff", unit: "H35.STP" });
    const cookie = await signIn(t, user.username, user.password);
    const ours = await form(counter.code, { count: "1" }, cookie);
    expect(ours.status).toBe(200);
    const res = await t.request("POST", `/links/${counter.code}`, {
      body: "count=1",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: (cookie as { cookie: string }).cookie,
        origin: "https://evil.example",
      },
    });
    expect([res.status, await errorCode(res)]).toEqual([403, "CSRF_REJECTED"]);
  });

  it("keeps the same access rules as the API", async () => {
    expect((await t.request("GET", `/links/${counter.code}`)).status).toBe(401);
    expect((await t.request("GET", `/links/${counter.code}`, { auth: analyst })).status).toBe(403);
    expect((await t.request("GET", `/links/${counter.code}`, { auth: otherStaff })).status).toBe(403);
    expect((await form(counter.code, { count: "1" }, otherStaff)).status).toBe(403);
    expect((await t.request("GET", `/links/${archived.code}`, { auth: staff })).status).toBe(409);
  });
});
