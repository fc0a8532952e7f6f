import { createHash } from "node:crypto";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalContent, contentHash, type SubmittedContent } from "../../../server/submit/content-hash.js";

const base: SubmittedContent = {
  point: "K7F3QM",
  service: "1.001193",
  lang: "vi",
  answers: { TC1: 5, CC2: 4 },
  expectations: { E1: 2 },
  respondent: { gender: "female" },
  comment: "Tốt",
};

describe("contentHash", () => {
  it("gives the pure-JS hash's digest (the Workers path), lone surrogates and emoji included", () => {
    for (const comment of ["Tốt", "🙂 rất tốt", "half \ud83d pair", ""]) {
      const text = canonicalContent({ ...base, comment });
      expect(contentHash({ ...base, comment })).toBe(bytesToHex(sha256(utf8ToBytes(text))));
    }
  });

  it("keeps the canonical text that stored hashes were made from (a retry must hash as it did)", () => {
    const text = canonicalContent({
      ...base,
      answers: { TC1: 5, CC2: 4, TC10: 3, TC2: undefined },
      respondent: { occupation: "x", ageBand: "25-34", gender: "female", Ápp: "y", b: "z", B: "w" },
    });
    expect(text).toBe(
      '["K7F3QM","1.001193","vi",[["CC2",4],["TC1",5],["TC10",3]],[["E1",2]],[["B","w"],["ageBand","25-34"],["b","z"],["gender","female"],["occupation","x"],["Ápp","y"]],"Tốt",null,null]',
    );
  });

  it("is the same for the same content in any key order", () => {
    const reordered = {
      comment: "Tốt",
      respondent: { gender: "female" },
      expectations: { E1: 2 },
      answers: { CC2: 4, TC1: 5 },
      lang: "vi",
      service: "1.001193",
      point: "K7F3QM",
    };
    expect(contentHash(reordered)).toBe(contentHash(base));
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("treats an absent part, an undefined one and an empty one alike", () => {
    const bare = { point: "K7F3QM", lang: "vi", answers: { TC1: 5 } };
    const explicit = { ...bare, service: undefined, expectations: {}, respondent: {}, comment: undefined };
    expect(contentHash(explicit)).toBe(contentHash(bare));
  });

  it("changes with any answer, field or token", () => {
    const hash = contentHash(base);
    const variants: SubmittedContent[] = [
      { ...base, answers: { TC1: 5, CC2: 3 } },
      { ...base, answers: { TC1: 5 } },
      { ...base, expectations: { E1: 3 } },
      { ...base, respondent: { gender: "male" } },
      { ...base, comment: "Tốt." },
      { ...base, lang: "en" },
      { ...base, service: undefined },
      { ...base, token: "abc" },
      { ...base, channel: "kiosk" },
      { ...base, point: "K7F3QN" },
    ];
    for (const variant of variants) expect(contentHash(variant)).not.toBe(hash);
  });

  it("never mistakes one item's answer for another's (property)", () => {
    const answers = fc.dictionary(
      fc.constantFrom("TC1", "TC2", "CC1", "PA3"),
      fc.integer({ min: 1, max: 5 }),
    );
    fc.assert(
      fc.property(answers, answers, (a, b) => {
        const same = JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
        const ca = canonicalContent({ point: "K7F3QM", lang: "vi", answers: a });
        const cb = canonicalContent({ point: "K7F3QM", lang: "vi", answers: b });
        return (ca === cb) === same;
      }),
    );
  });
});

describe("contentHash and node:crypto", () => {
  it("agree, so that scripts may hash canonicalContent with node:crypto", () => {
    expect(contentHash(base)).toBe(createHash("sha256").update(canonicalContent(base)).digest("hex"));
  });
});
