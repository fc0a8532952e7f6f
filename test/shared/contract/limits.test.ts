import { describe, expect, it } from "vitest";
import { COMMENT_MAX_CHARACTERS, commentLength } from "../../../shared/contract/limits.js";
import { responseSubmissionSchema } from "../../../shared/contract/submission.js";

const submission = (comment: string) => ({
  id: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  point: "K7F3QM",
  lang: "vi",
  answers: { TC1: 5 },
  comment,
});

describe("commentLength", () => {
  it("counts astral characters as one each, as people see them", () => {
    // 𠀀 (U+20000) and 😀 are two UTF-16 units each: String.length and HTML maxlength count 2.
    const atLimit = "𠀀😀".repeat(COMMENT_MAX_CHARACTERS / 2);
    expect(atLimit.length).toBe(2 * COMMENT_MAX_CHARACTERS);
    expect(commentLength(atLimit)).toBe(COMMENT_MAX_CHARACTERS);
    expect(commentLength(`  ${atLimit}\n`)).toBe(COMMENT_MAX_CHARACTERS);
    expect(commentLength("e\u0323\u0302")).toBe(1);
  });

  it("is the count the submission schema applies: astral text at the limit passes, one more fails", () => {
    const atLimit = "𠀀".repeat(COMMENT_MAX_CHARACTERS);
    expect(responseSubmissionSchema.safeParse(submission(atLimit)).success).toBe(true);
    expect(responseSubmissionSchema.safeParse(submission(`${atLimit}😀`)).success).toBe(false);
  });
});
