import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signLinkToken } from "../../server/links/link-token.js";
import { DAY_MS } from "../../shared/time/index.js";
import { createTestApp, FROZEN_NOW } from "../helpers/create-test-app.js";
import { makePoint, makeUnit } from "../helpers/factories.js";
import { storeSnapshot } from "./helpers/store-state.js";
import { nastyText } from "./helpers/text.js";

// Adversarial one-time link tokens through every door a token comes in by: the JSON body's `token`, the
// survey page's `?t=`, and the no-JS form's `token` field. Whatever the token (near misses of a real one,
// right-shaped random ones, other points' and expired ones, garbage, broken percent-encoding): never a
// 5xx, always 403 (TOKEN_INVALID in JSON), and nothing stored.

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
const open = await makePoint(t, { unit: "H35" });
const linkOnly = await makePoint(t, { unit: "H35", tokenRequired: true });
const other = await makePoint(t, { unit: "H35" });
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const sign = async (pointCode: string, options: { expiresAt?: number; secret?: string } = {}) =>
  (
    await signLinkToken({
      secret: options.secret ?? t.deps.config.secret,
      pointCode,
      expiresAt: options.expiresAt ?? FROZEN_NOW + DAY_MS,
      dossierHash: null,
    })
  ).token;

/** Valid tokens of the two points, to start near misses from. */
const genuine = await Promise.all([sign(open.code), sign(linkOnly.code)]);

/** Tokens that must not open a survey at `point`: each one is a way a forged or damaged link looks. */
async function refusedTokens(point: string) {
  const wrong = [
    await sign(other.code),
    await sign(point, { expiresAt: FROZEN_NOW - 1000 }),
    await sign(point, { expiresAt: FROZEN_NOW }),
    await sign(point, { secret: "another-secret-another-secret-0123456789" }),
  ];
  const nearMiss = fc
    .record({
      token: fc.constantFrom(...genuine),
      at: fc.nat(),
      to: fc.constantFrom(...BASE64URL),
      how: fc.constantFrom("replace", "cut", "insert", "case", "pad", "space"),
    })
    .map(({ token, at, to, how }) => {
      const i = at % token.length;
      if (how === "replace") return token.slice(0, i) + to + token.slice(i + 1);
      if (how === "cut") return token.slice(0, i) || to;
      if (how === "insert") return token.slice(0, i) + to + token.slice(i);
      if (how === "case") return token.slice(0, i) + token.slice(i).toUpperCase();
      if (how === "pad") return `${token}=`;
      return ` ${token}`;
    })
    .filter((token) => !genuine.includes(token));
  return fc.oneof(
    fc.constantFrom(...wrong),
    nearMiss,
    fc
      .constantFrom(44, 60)
      .chain((n) => fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: n, maxLength: n })),
    fc.string({ unit: "binary", minLength: 1, maxLength: 512 }),
    nastyText(100).filter((text) => text.length > 0 && text.length <= 512),
  );
}

const submission = (point: string, token: string) => ({
  id: crypto.randomUUID(),
  point,
  lang: "vi",
  answers: { TC1: 5 },
  token,
});

describe.each([
  ["a point open to all", open.code],
  ["a point that requires a link", linkOnly.code],
])("adversarial link tokens at %s", { timeout: 60_000 }, (_, point) => {
  it("POST /api/v1/responses answers 403 TOKEN_INVALID and stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(await refusedTokens(point), async (token) => {
        const before = await storeSnapshot(t);
        const res = await t.request("POST", "/api/v1/responses", { body: submission(point, token) });
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe("TOKEN_INVALID");
        expect(await storeSnapshot(t)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it("GET /s/:code?t= answers the 403 link page, even with broken percent-encoding", async () => {
    const broken = fc.constantFrom("%", "%E0%A4%A", "%FF", "%00", "%u0041", "%%", "%C0%AF", "%ED%A0%80");
    await fc.assert(
      fc.asyncProperty(await refusedTokens(point), fc.option(broken), async (token, tail) => {
        const query = new URLSearchParams({ t: token }).toString() + (tail ?? "");
        const res = await t.app.request(`/s/${point}?${query}`);
        expect(res.status).toBe(403);
        expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      }),
      { numRuns: 150 },
    );
  });

  it("POST /s/:code (the no-JS form) answers the 403 link page and stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(await refusedTokens(point), async (token) => {
        const before = await storeSnapshot(t);
        const res = await t.app.request(`/s/${point}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ id: crypto.randomUUID(), lang: "vi", TC1: "5", token }).toString(),
        });
        expect(res.status).toBe(403);
        expect(await storeSnapshot(t)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe("a genuine link, for contrast", () => {
  it("is taken once through the JSON body", async () => {
    const res = await t.request("POST", "/api/v1/responses", { body: submission(open.code, genuine[0]!) });
    expect(res.status).toBe(201);
  });
});
