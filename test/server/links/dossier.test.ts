import { describe, expect, it } from "vitest";
import { dossierKeyedHash, normaliseDossierCode } from "../../../server/links/dossier.js";

const secret = "dossier-test-secret-0123456789abcdefghijk";
const code = "000.00.10.H35-260315-0001";

describe("dossierKeyedHash", () => {
  it("is a short base64url text that does not contain the code", async () => {
    const hash = dossierKeyedHash(secret, code);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(hash).not.toContain("H35");
  });

  it("is the same for the same dossier however staff typed it", async () => {
    const hash = dossierKeyedHash(secret, code);
    for (const typed of [
      " 000.00.10.h35-260315-0001 ",
      "000.00.10.H35 - 260315 - 0001",
      "000.00.10.H35\u2013260315\u20130001",
      "０００.００.１０.Ｈ３５-２６０３１５-０００１",
    ]) {
      expect(dossierKeyedHash(secret, typed), typed).toBe(hash);
    }
  });

  it("differs between dossiers and between secrets", async () => {
    const hash = dossierKeyedHash(secret, code);
    expect(dossierKeyedHash(secret, "000.00.10.H35-260315-0002")).not.toBe(hash);
    expect(dossierKeyedHash(`${secret}x`, code)).not.toBe(hash);
  });
});

describe("normaliseDossierCode", () => {
  it("removes spaces, upper-cases and unifies dashes", () => {
    expect(normaliseDossierCode(" 000.00.10.h35 \u2212 260315-0001\n")).toBe(code);
  });
});
