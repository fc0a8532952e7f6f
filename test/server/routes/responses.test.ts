import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../server/app.js";
import { responses, rollups, rollupsMonthly, units } from "../../../server/db/schema.js";
import { dossierKeyedHash } from "../../../server/links/dossier.js";
import { signLinkToken } from "../../../server/links/link-token.js";
import { createJsonLogger } from "../../../server/logger.js";
import { createTestApp, FROZEN_NOW, type TestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit } from "../../helpers/factories.js";

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
await makeUnit(t, { code: "OLD", parent: "H35" });
await makeService(t, { code: "1.001193", units: ["STP"] });
await makeService(t, { code: "1.003572" });
const counter = await makePoint(t, { unit: "STP", label: "Quầy số 3" });
const fixed = await makePoint(t, { unit: "STP", service: "1.001193" });
const quick = await makePoint(t, { unit: "STP", form: "quick" });
const linkOnly = await makePoint(t, { unit: "STP", tokenRequired: true });
const archived = await makePoint(t, { unit: "STP", archived: true });
const inOldUnit = await makePoint(t, { unit: "OLD" });
await t.db.update(units).set({ archivedAt: FROZEN_NOW }).where(eq(units.code, "OLD"));

const submission = (point: { code: string }, overrides: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  point: point.code,
  lang: "vi",
  answers: { TC1: 5, TC2: 4, CC1: 3 },
  ...overrides,
});

const post = (body: unknown, headers?: Record<string, string>, app: TestApp = t) =>
  app.request("POST", "/api/v1/responses", { body, ...(headers ? { headers } : {}) });

const storedRow = (id: string) => t.db.select().from(responses).where(eq(responses.id, id)).get();

/** The rollup counts of a point as "service:item=value" → count, from the daily or the monthly table. */
async function rollupCounts(
  pointId: number,
  table: typeof rollups | typeof rollupsMonthly = rollups,
): Promise<Record<string, number>> {
  const rows = await t.db.select().from(table).where(eq(table.pointId, pointId)).all();
  const counts: Record<string, number> = {};
  for (const r of rows) {
    [r.count1, r.count2, r.count3, r.count4, r.count5].forEach((n, i) => {
      if (n > 0) counts[`${r.serviceId}:${r.item}=${r.item === "#" ? 0 : i + 1}`] = n;
    });
  }
  return counts;
}

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

const token = (pointCode: string, options: { expiresAt?: number; dossierHash?: string } = {}) =>
  signLinkToken({
    secret: t.deps.config.secret,
    pointCode,
    expiresAt: options.expiresAt ?? FROZEN_NOW + 86_400_000,
    dossierHash: options.dossierHash ?? null,
  });

describe("POST /api/v1/responses", () => {
  it("stores a response with its day, form, instrument and channel, and answers 201", async () => {
    const body = submission(counter, {
      expectations: { E1: 2 },
      respondent: { gender: "female", ageBand: "35-49" },
    });
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: body.id, receivedAt: new Date(FROZEN_NOW).toISOString() });
    expect(await storedRow(body.id)).toMatchObject({
      pointId: counter.id,
      unitId: counter.unitId,
      serviceId: null,
      form: "full",
      instrument: "sipas-2023.1",
      lang: "vi",
      channel: "qr",
      submittedAt: FROZEN_NOW,
      localDay: "2026-03-15",
      gender: "female",
      ageBand: "35-49",
      comment: null,
      commentHasPii: false,
      tokenId: null,
    });
    const row = await storedRow(body.id);
    expect(JSON.parse(row!.answers)).toEqual({ TC1: 5, TC2: 4, CC1: 3 });
    expect(JSON.parse(row!.expectations!)).toEqual({ E1: 2 });
  });

  it("counts the respondent, each answer and each expectation in the rollups of the same batch", async () => {
    const point = await makePoint(t, { unit: "STP" });
    await post(submission(point, { answers: { TC1: 5, TC2: 4 }, expectations: { E3: 1 } }));
    await post(submission(point, { answers: { TC1: 5, PA3: 1 }, service: "1.001193" }));
    const serviceId = (await t.db.query.services.findFirst({
      where: (s, { eq: is }) => is(s.code, "1.001193"),
    }))!.id;
    expect(await rollupCounts(point.id)).toEqual({
      "0:#=0": 1,
      "0:TC1=5": 1,
      "0:TC2=4": 1,
      "0:E3=1": 1,
      [`${serviceId}:#=0`]: 1,
      [`${serviceId}:TC1=5`]: 1,
      [`${serviceId}:PA3=1`]: 1,
    });
    expect(await rollupCounts(point.id, rollupsMonthly)).toEqual(await rollupCounts(point.id));
  });

  it("answers a retry with the same id and content 200, without a second write", async () => {
    const point = await makePoint(t, { unit: "STP" });
    const body = submission(point, { answers: { TC1: 5, CC2: 4 }, comment: "Tốt" });
    expect((await post(body)).status).toBe(201);
    t.clock.advance(60_000);
    // The same content with the keys in another order is the same response.
    const retry = await post({ ...body, answers: { CC2: 4, TC1: 5 } });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ id: body.id, receivedAt: new Date(FROZEN_NOW).toISOString() });
    t.clock.set(FROZEN_NOW);
    expect((await rollupCounts(point.id))["0:#=0"]).toBe(1);
  });

  it("refuses the same id with other content: 409 DUPLICATE_ID, the first response kept", async () => {
    const body = submission(counter);
    await post(body);
    const res = await post({ ...body, answers: { TC1: 1 } });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe("DUPLICATE_ID");
    expect(JSON.parse((await storedRow(body.id))!.answers)).toEqual({ TC1: 5, TC2: 4, CC1: 3 });
  });

  it("stores a duplicate sent many times at once exactly once, and answers every copy 201 or 200", async () => {
    const point = await makePoint(t, { unit: "STP" });
    const body = submission(point);
    const statuses = (await Promise.all(Array.from({ length: 20 }, () => post(body)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect((await rollupCounts(point.id))["0:#=0"]).toBe(1);
  });

  it("stores many concurrent responses and counts each once", async () => {
    const point = await makePoint(t, { unit: "STP" });
    const bodies = Array.from({ length: 60 }, (_, i) => submission(point, { answers: { TC1: (i % 5) + 1 } }));
    const statuses = await Promise.all(bodies.map(async (b) => (await post(b)).status));
    expect(statuses.every((s) => s === 201)).toBe(true);
    const counts = await rollupCounts(point.id);
    expect(counts["0:#=0"]).toBe(60);
    for (let v = 1; v <= 5; v++) expect(counts[`0:TC1=${v}`]).toBe(12);
  });

  it("records the kiosk channel", async () => {
    const body = submission(counter, { channel: "kiosk" });
    expect((await post(body)).status).toBe(201);
    expect((await storedRow(body.id))?.channel).toBe("kiosk");
  });

  it("masks personal numbers in the comment and flags it", async () => {
    const body = submission(counter, {
      comment: "  Gọi tôi: 0912 345 678, CCCD 001234567890, a.b@example.vn  ",
    });
    expect((await post(body)).status).toBe(201);
    expect(await storedRow(body.id)).toMatchObject({
      comment: "Gọi tôi: ***, CCCD ***, ***",
      commentHasPii: true,
    });
  });

  it("keeps scripts and formula-looking comments as plain text, and never echoes them", async () => {
    const comment = '=HYPERLINK("http://x") <script>alert(1)</script>';
    const body = submission(counter, { comment });
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(await res.text()).not.toContain("script");
    expect((await storedRow(body.id))?.comment).toBe(comment);
  });

  it("drops a bot that fills the honeypot quietly: 201, nothing stored", async () => {
    const point = await makePoint(t, { unit: "STP" });
    const body = submission(point, { website: "http://spam.example" });
    expect((await post(body)).status).toBe(201);
    expect(await storedRow(body.id)).toBeUndefined();
    expect(await rollupCounts(point.id)).toEqual({});
  });
});

describe("POST /api/v1/responses refuses what does not fit", () => {
  const refusals: Array<[string, unknown, number, string]> = [
    ["an unknown item code", submission(counter, { answers: { TC9: 5 } }), 400, "VALIDATION_FAILED"],
    ["a value above the scale", submission(counter, { answers: { TC1: 6 } }), 400, "VALIDATION_FAILED"],
    ["a value below the scale", submission(counter, { answers: { TC1: 0 } }), 400, "VALIDATION_FAILED"],
    ["a fractional value", submission(counter, { answers: { TC1: 2.5 } }), 400, "VALIDATION_FAILED"],
    ["a value as text", submission(counter, { answers: { TC1: "5" } }), 400, "VALIDATION_FAILED"],
    [
      "an expectation above its scale",
      submission(counter, { expectations: { E1: 4 } }),
      400,
      "VALIDATION_FAILED",
    ],
    ["no answer at all", submission(counter, { answers: {} }), 400, "VALIDATION_FAILED"],
    ["an unknown field", submission(counter, { ip: "1.2.3.4" }), 400, "VALIDATION_FAILED"],
    [
      "an unknown respondent option",
      submission(counter, { respondent: { gender: "x" } }),
      400,
      "VALIDATION_FAILED",
    ],
    [
      "a comment over 2,000 characters",
      submission(counter, { comment: "a".repeat(2001) }),
      400,
      "VALIDATION_FAILED",
    ],
    ["an id that is not a UUID", submission(counter, { id: "1" }), 400, "VALIDATION_FAILED"],
    ["an unknown language", submission(counter, { lang: "fr" }), 400, "VALIDATION_FAILED"],
    ["a quick item on a full form", submission(counter, { answers: { TC: 5 } }), 400, "VALIDATION_FAILED"],
    ["a full item on a quick form", submission(quick, { answers: { TC1: 5 } }), 400, "VALIDATION_FAILED"],
    [
      "a service the unit does not offer",
      submission(counter, { service: "1.003572" }),
      400,
      "VALIDATION_FAILED",
    ],
    ["a service that does not exist", submission(counter, { service: "9.999999" }), 400, "VALIDATION_FAILED"],
    [
      "another service than the point's",
      submission(fixed, { service: "1.003572" }),
      400,
      "VALIDATION_FAILED",
    ],
    ["an array body", [submission(counter)], 400, "VALIDATION_FAILED"],
    ["a null body", null, 400, "VALIDATION_FAILED"],
    ["an unknown point", submission({ code: "ZZZZZZ" }), 404, "POINT_NOT_FOUND"],
    ["a malformed point code", submission({ code: "<b>" }), 400, "VALIDATION_FAILED"],
    ["an archived point", submission(archived), 404, "POINT_NOT_FOUND"],
    ["a point of an archived unit", submission(inOldUnit), 404, "POINT_NOT_FOUND"],
  ];
  it.each(refusals)("refuses %s", async (_name, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(await errorCode(res)).toBe(code);
  });

  it("names the offending item in the issues, without echoing the input", async () => {
    const res = await post(submission(counter, { answers: { TC1: 5, TC: 4 } }));
    const body = (await res.json()) as { error: { issues: Array<{ path: unknown[] }> } };
    expect(body.error.issues.map((i) => i.path)).toEqual([["answers", "TC"]]);
  });

  it("accepts the point's own service, or none, at a point with a fixed service", async () => {
    const body = submission(fixed, { service: "1.001193" });
    expect((await post(body)).status).toBe(201);
    expect((await storedRow(body.id))?.serviceId).toBe(fixed.serviceId);
    const none = submission(fixed);
    expect((await post(none)).status).toBe(201);
    expect((await storedRow(none.id))?.serviceId).toBe(fixed.serviceId);
  });

  it("answers malformed JSON 400 INVALID_JSON, another media type 415, a huge body 413", async () => {
    const bad = await post("{ not json");
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe("INVALID_JSON");
    const form = await post("TC1=5", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    const huge = await post(submission(counter, { comment: "x".repeat(70_000) }));
    expect(huge.status).toBe(413);
    expect(await errorCode(huge)).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("POST /api/v1/responses with one-time links", () => {
  it("takes a valid link once: channel link, then 409 TOKEN_USED for another id", async () => {
    const link = await token(linkOnly.code);
    const first = submission(linkOnly, { token: link.token });
    expect((await post(first)).status).toBe(201);
    expect(await storedRow(first.id)).toMatchObject({ channel: "link", tokenId: link.tokenId });
    // A retry of the same response is still a retry, not a second use.
    expect((await post(first)).status).toBe(200);
    const second = await post(submission(linkOnly, { token: link.token }));
    expect(second.status).toBe(409);
    expect(await errorCode(second)).toBe("TOKEN_USED");
  });

  it("rates a dossier once, whichever of its links is used", async () => {
    const dossierHash = dossierKeyedHash(t.deps.config.secret, "000.00.24.H35-260315-0001");
    const a = await token(linkOnly.code, { dossierHash });
    const b = await token(linkOnly.code, { dossierHash });
    expect((await post(submission(linkOnly, { token: a.token }))).status).toBe(201);
    const res = await post(submission(linkOnly, { token: b.token }));
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe("TOKEN_USED");
  });

  it("lets exactly one of many concurrent uses of a link through", async () => {
    const link = await token(linkOnly.code);
    const statuses = await Promise.all(
      Array.from(
        { length: 10 },
        async () => (await post(submission(linkOnly, { token: link.token }))).status,
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
  });

  it("refuses a missing, forged, expired or other point's token with its code", async () => {
    const missing = await post(submission(linkOnly));
    expect([missing.status, await errorCode(missing)]).toEqual([403, "TOKEN_REQUIRED"]);
    const link = await token(linkOnly.code);
    const forged = `${link.token.slice(0, -1)}${link.token.endsWith("A") ? "B" : "A"}`;
    const expired = await token(linkOnly.code, { expiresAt: FROZEN_NOW - 1000 });
    const elsewhere = await token(counter.code);
    for (const bad of [forged, expired.token, elsewhere.token, "x"]) {
      const res = await post(submission(linkOnly, { token: bad }));
      expect([res.status, await errorCode(res)]).toEqual([403, "TOKEN_INVALID"]);
    }
  });

  it("accepts a link at a point that does not require one, as channel link", async () => {
    const link = await token(counter.code);
    const body = submission(counter, { token: link.token });
    expect((await post(body)).status).toBe(201);
    expect((await storedRow(body.id))?.channel).toBe("link");
  });

  it("never writes a token or a comment to the log", async () => {
    const lines: string[] = [];
    const app = createApp({ ...t.deps, log: createJsonLogger((line) => lines.push(line)) });
    const link = await token(counter.code);
    const body = submission(counter, { token: link.token, comment: "bí mật 0912345678" });
    const res = await app.request("/api/v1/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    const log = lines.join("\n");
    expect(log).toContain("/api/v1/responses");
    for (const secret of [link.token, "bí mật", "0912345678", body.id]) expect(log).not.toContain(secret);
  });
});

const limited = await createTestApp({ config: { rateLimit: 2 } });
await makeUnit(limited, { code: "U" });
const a = await makePoint(limited, { unit: "U" });
const b = await makePoint(limited, { unit: "U" });
const proxied = await createTestApp({ config: { rateLimit: 1, trustProxy: true } });
await makeUnit(proxied, { code: "P" });
const p = await makePoint(proxied, { unit: "P" });

describe("POST /api/v1/responses rate limit", () => {
  const from = (address: string) => ({ "cf-connecting-ip": address });

  it("allows the limit per minute from one address to one point, then 429 with Retry-After", async () => {
    expect((await post(submission(a), from("203.0.113.7"), limited)).status).toBe(201);
    expect((await post(submission(a), from("203.0.113.7"), limited)).status).toBe(201);
    const third = await post(submission(a), from("203.0.113.7"), limited);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("60");
    expect(await errorCode(third)).toBe("RATE_LIMITED");
    // Another address, or another point, has its own allowance; the next minute starts afresh.
    expect((await post(submission(a), from("203.0.113.8"), limited)).status).toBe(201);
    expect((await post(submission(b), from("203.0.113.7"), limited)).status).toBe(201);
    limited.clock.advance(60_000);
    expect((await post(submission(a), from("203.0.113.7"), limited)).status).toBe(201);
  });

  it("reads X-Forwarded-For only behind a trusted proxy", async () => {
    const via = (client: string) => ({ "x-forwarded-for": `198.51.100.1, ${client}` });
    expect((await post(submission(p), via("192.0.2.1"), proxied)).status).toBe(201);
    expect((await post(submission(p), via("192.0.2.2"), proxied)).status).toBe(201);
    expect((await post(submission(p), via("192.0.2.1"), proxied)).status).toBe(429);
    // Without trust the header is ignored: both requests come from the same (unknown) address.
    expect((await post(submission(a), via("192.0.2.3"), limited)).status).toBe(201);
    expect((await post(submission(a), via("192.0.2.4"), limited)).status).toBe(201);
    expect((await post(submission(a), via("192.0.2.5"), limited)).status).toBe(429);
  });
});

describe("POST /api/v1/responses body checks from the headers", () => {
  it("refuses a declared Content-Length over the limit before reading the body, and a declared non-JSON body", async () => {
    const big = await post(submission(counter, { comment: "x".repeat(70_000) }), {
      "content-length": String(70_100),
    });
    expect(big.status).toBe(413);
    const body = "TC1=5";
    const form = await post(body, {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(body.length),
    });
    expect(form.status).toBe(415);
  });
});
