import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainSubmission } from "../../../server/submit/plain-submission.js";
import { responseSubmissionSchema } from "../../../shared/contract/submission.js";
import { ITEM_CODES } from "../../../shared/instrument/index.js";

// The hand-checked path must agree with the shared schema: whatever it accepts, the schema accepts and
// parses to the same object; whatever the schema refuses, it refuses too.

const maybe = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const submissions = fc.record(
  {
    id: maybe(
      fc.uuid(),
      fc.oneof(
        fc.constant(" 0b5c2a9e-3a57-4b8e-9a55-0c1b7d0e2f11"),
        fc.constant("0B5C2A9E-3A57-4B8E-9A55-0C1B7D0E2F11"),
        fc.string(),
        fc.integer(),
      ),
    ),
    point: maybe(
      fc.stringMatching(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/),
      fc.oneof(fc.constant("k7f3qm"), fc.constant(" K7F3QM"), fc.constant("K7F3Q0"), fc.string()),
    ),
    lang: maybe(fc.constantFrom("vi", "zh", "en"), fc.constantFrom("fr", "VI", "", 1)),
    answers: maybe(
      fc.dictionary(fc.constantFrom(...ITEM_CODES), fc.integer({ min: 1, max: 5 }), {
        minKeys: 1,
        maxKeys: 19,
      }),
      fc.oneof(
        fc.constant({}),
        fc.constant({ TC1: 6 }),
        fc.constant({ TC1: 2.5 }),
        fc.constant({ XX9: 3 }),
        fc.constant({ TC1: "5" }),
        fc.constant([5]),
        fc.constant(null),
      ),
    ),
    service: maybe(fc.stringMatching(/^\d\.\d{6}$/), fc.constantFrom(" 1.001193", "1.00119", null, 1)),
    channel: maybe(fc.constantFrom("qr", "kiosk", "link"), fc.constantFrom("web", "", null)),
    comment: fc.constantFrom("  Tốt ", ""),
    website: fc.constantFrom("", "spam"),
    extra: fc.constant(1),
  },
  { requiredKeys: [] },
);

describe("plainSubmission", () => {
  it("accepts exactly what the shared schema accepts unchanged, and nothing the schema refuses", () => {
    fc.assert(
      fc.property(submissions, (raw) => {
        const plain = plainSubmission(raw);
        const parsed = responseSubmissionSchema.safeParse(raw);
        if (plain !== undefined) {
          expect(parsed.success).toBe(true);
          expect(plain).toStrictEqual(parsed.data);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("takes the common phone post, and leaves comments, respondents and tokens to the schema", () => {
    const post = {
      id: "0b5c2a9e-3a57-4b8e-9a55-0c1b7d0e2f11",
      point: "K7F3QM",
      lang: "vi",
      answers: { TC1: 5, CC: 4 },
      channel: "kiosk",
    };
    expect(plainSubmission(post)).toBe(post);
    expect(plainSubmission({ ...post, comment: "Tốt" })).toBeUndefined();
    expect(plainSubmission({ ...post, respondent: { gender: "female" } })).toBeUndefined();
    expect(plainSubmission({ ...post, token: "abc" })).toBeUndefined();
  });
});
