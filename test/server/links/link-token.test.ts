import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../../server/lib/crypto.js";
import { dossierKeyedHash } from "../../../server/links/dossier.js";
import { LINK_TOKEN_MAX_LENGTH, signLinkToken, verifyLinkToken } from "../../../server/links/link-token.js";
import { POINT_CODE_ALPHABET } from "../../../shared/contract/catalogue.js";

const secret = "link-test-secret-0123456789abcdefghijklmnop";
const now = Date.UTC(2026, 2, 15, 3, 0, 0);
const week = 7 * 24 * 3600 * 1000;
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const sign = (pointCode = "K7F3QM", dossierHash?: string) =>
  signLinkToken({ secret, pointCode, expiresAt: now + week, dossierHash });
const verify = (token: string, pointCode = "K7F3QM", at = now) =>
  verifyLinkToken({ secret, token, pointCode, now: at });

/** The token with the character at `index` replaced by another one of the alphabet. */
function tamper(token: string, index: number, shift = 1): string {
  const ch = token[index] as string;
  const other = BASE64URL[(BASE64URL.indexOf(ch) + shift) % BASE64URL.length] as string;
  return token.slice(0, index) + other + token.slice(index + 1);
}

describe("signLinkToken and verifyLinkToken", () => {
  it("verifies a token it signed, for its point, before it expires", async () => {
    const { token, tokenId, expiresAt } = await sign();
    expect(token).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(tokenId).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(expiresAt).toBe(now + week);
    expect(await verify(token)).toEqual({ ok: true, tokenId, dossierHash: null, issuerId: null, expiresAt });
  });

  it("carries the dossier hash in a longer token", async () => {
    const dossierHash = dossierKeyedHash(secret, "000.00.10.H35-260315-0001");
    const { token, tokenId } = await sign("K7F3QM", dossierHash);
    expect(token).toHaveLength(60);
    expect(await verify(token)).toEqual({
      ok: true,
      tokenId,
      dossierHash,
      issuerId: null,
      expiresAt: now + week,
    });
  });

  it("carries the issuer's user id, signed, with or without a dossier", async () => {
    const dossierHash = dossierKeyedHash(secret, "000.00.10.H35-260315-0001");
    const plain = await signLinkToken({
      secret,
      pointCode: "K7F3QM",
      expiresAt: now + week,
      issuerId: 70_001,
    });
    expect(plain.token).toHaveLength(48);
    expect(await verify(plain.token)).toMatchObject({ ok: true, tokenId: plain.tokenId, issuerId: 70_001 });
    const both = await signLinkToken({
      secret,
      pointCode: "K7F3QM",
      expiresAt: now + week,
      dossierHash,
      issuerId: 3,
    });
    expect(both.token).toHaveLength(LINK_TOKEN_MAX_LENGTH);
    expect(both.token).toHaveLength(64);
    expect(await verify(both.token)).toMatchObject({ ok: true, dossierHash, issuerId: 3 });
    // Changing any character of the issuer breaks the signature.
    for (let i = 9; i < 13; i++) expect((await verify(tamper(plain.token, i))).ok).toBe(false);
    await expect(
      signLinkToken({ secret, pointCode: "K7F3QM", expiresAt: now + week, issuerId: 2 ** 24 }),
    ).rejects.toThrow(RangeError);
  });

  it("gives every token its own random id", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add((await sign()).tokenId);
    expect(ids.size).toBe(200);
  });

  it("keeps the expiry to the second, as signed", async () => {
    const { token, expiresAt } = await signLinkToken({ secret, pointCode: "K7F3QM", expiresAt: now + 1999 });
    expect(expiresAt).toBe(now + 1000);
    expect(await verify(token, "K7F3QM", now + 999)).toMatchObject({ ok: true, expiresAt });
  });

  it("refuses a token from the moment it expires", async () => {
    const { token, expiresAt } = await sign();
    expect((await verify(token, "K7F3QM", expiresAt - 1)).ok).toBe(true);
    expect(await verify(token, "K7F3QM", expiresAt)).toEqual({ ok: false, reason: "expired" });
    expect(await verify(token, "K7F3QM", expiresAt + week)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a genuine token presented at another point", async () => {
    const { token } = await sign("K7F3QM");
    expect(await verify(token, "K7F3QN")).toEqual({ ok: false, reason: "other_point" });
    expect(await verify(token, "")).toEqual({ ok: false, reason: "other_point" });
  });

  it("accepts the point code in lower case, as a hand-typed URL may carry it", async () => {
    const { token } = await sign("K7F3QM");
    expect((await verify(token, "k7f3qm")).ok).toBe(true);
  });

  it("refuses a token whose point was rewritten without the secret", async () => {
    const { token } = await sign("K7F3QM");
    const other = fromBase64Url((await sign("ABCDEF")).token);
    const forged = fromBase64Url(token);
    forged.set(other.subarray(5, 9), 5);
    expect(await verify(toBase64Url(forged), "ABCDEF")).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a token signed with another secret", async () => {
    const { token } = await signLinkToken({
      secret: "another-secret-0123456789abcdefghijklmnopq",
      pointCode: "K7F3QM",
      expiresAt: now + week,
    });
    expect(await verify(token)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a token with a later expiry put in by hand", async () => {
    const bytes = fromBase64Url((await sign()).token);
    new DataView(bytes.buffer).setUint32(1, Math.floor((now + 10 * week) / 1000));
    expect(await verify(toBase64Url(bytes), "K7F3QM", now + 8 * week)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a token tampered by one character, at every position", async () => {
    for (const signed of [await sign(), await sign("K7F3QM", dossierKeyedHash(secret, "X-1"))]) {
      for (let i = 0; i < signed.token.length; i++) {
        for (const shift of [1, 32, 63]) {
          const result = await verify(tamper(signed.token, i, shift));
          expect(result.ok, `position ${i} shift ${shift}`).toBe(false);
        }
      }
    }
  });

  it("refuses truncated, padded and re-encoded tokens as malformed", async () => {
    const { token } = await sign();
    const malformed = [
      token.slice(0, -1),
      token.slice(1),
      `${token}A`,
      `${token}=`,
      `${token} `,
      ` ${token}`,
      token.replace(/-/g, "+").replace(/_/g, "/").padEnd(44, "+"),
      `${token}${token.slice(0, 16)}`,
      "",
    ];
    for (const candidate of malformed) {
      if (candidate === token) continue;
      expect(await verify(candidate), JSON.stringify(candidate)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("refuses a token whose kind does not match its length", async () => {
    const plain = fromBase64Url((await sign()).token);
    plain[0] = 2;
    expect(await verify(toBase64Url(plain))).toEqual({ ok: false, reason: "malformed" });
    const withDossier = fromBase64Url((await sign("K7F3QM", dossierKeyedHash(secret, "X-1"))).token);
    withDossier[0] = 1;
    expect(await verify(toBase64Url(withDossier))).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses to sign for something that is not a point code, a representable expiry or a dossier hash", async () => {
    await expect(signLinkToken({ secret, pointCode: "K7F3Q0", expiresAt: now })).rejects.toThrow(RangeError);
    await expect(signLinkToken({ secret, pointCode: "k7f3qm", expiresAt: now })).rejects.toThrow(RangeError);
    await expect(signLinkToken({ secret, pointCode: "K7F3QM", expiresAt: Number.NaN })).rejects.toThrow(
      RangeError,
    );
    await expect(signLinkToken({ secret, pointCode: "K7F3QM", expiresAt: 2 ** 33 * 1000 })).rejects.toThrow(
      RangeError,
    );
    await expect(
      signLinkToken({
        secret,
        pointCode: "K7F3QM",
        expiresAt: now,
        dossierHash: "000.00.10.H35-260315-0001",
      }),
    ).rejects.toThrow(RangeError);
  });

  it("round-trips every point code of the alphabet's extremes", async () => {
    const first = POINT_CODE_ALPHABET[0]!.repeat(6);
    const last = POINT_CODE_ALPHABET.at(-1)!.repeat(6);
    for (const code of [first, last, "ABCDEF", "Z23456"]) {
      const { token } = await sign(code);
      expect((await verify(token, code)).ok, code).toBe(true);
    }
  });
});

describe("verifyLinkToken on arbitrary input", () => {
  it("never verifies and never throws for random strings", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), async (token) => {
        expect((await verify(token)).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("never verifies and never throws for random base64url of a token's exact lengths", async () => {
    const base64urlOf = (length: number) =>
      fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: length, maxLength: length });
    await fc.assert(
      fc.asyncProperty(fc.oneof(base64urlOf(44), base64urlOf(60)), async (token) => {
        const result = await verify(token);
        expect(result.ok).toBe(false);
        expect(["malformed", "bad_signature"]).toContain((result as { reason: string }).reason);
      }),
      { numRuns: 500 },
    );
  });

  it("never verifies a genuine token with random edits", async () => {
    const { token } = await sign();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: token.length - 1 }),
        fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 3 }),
        fc.integer({ min: 0, max: 3 }),
        async (at, insert, removed) => {
          const edited = token.slice(0, at) + insert + token.slice(at + removed);
          fc.pre(edited !== token);
          expect((await verify(edited)).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
