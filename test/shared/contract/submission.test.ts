import { describe, expect, it } from "vitest";
import { POINT_CODE_ALPHABET, pointCodeSchema, tthcCodeSchema } from "../../../shared/contract/catalogue.js";
import { responseSubmissionSchema, submissionFromForm } from "../../../shared/contract/submission.js";

const ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const PAGE_ID = "9b2c6d1e-8f3a-4b5c-9d7e-1a2b3c4d5e6f";

// The example body of DESIGN.md §3, with a real UUID and comment.
const example = {
  id: ID,
  point: "K7F3QM",
  service: "1.001193",
  lang: "vi",
  answers: { TC1: 5, TC2: 4, CC1: 3 },
  expectations: { E1: 2 },
  respondent: { gender: "female", ageBand: "35-49" },
  comment: "Cán bộ nhiệt tình.",
  token: "abc.def",
};

const with_ = (patch: Record<string, unknown>) => ({ ...example, ...patch });
const rejects = (body: unknown) => expect(responseSubmissionSchema.safeParse(body).success).toBe(false);

describe("responseSubmissionSchema", () => {
  it("accepts the DESIGN.md example as it is", () => {
    expect(responseSubmissionSchema.parse(example)).toEqual(example);
  });

  it("accepts the smallest body: id, point, lang and one answer", () => {
    expect(
      responseSubmissionSchema.parse({ id: ID, point: "K7F3QM", lang: "zh", answers: { PA: 1 } }),
    ).toEqual({
      id: ID,
      point: "K7F3QM",
      lang: "zh",
      answers: { PA: 1 },
    });
  });

  it("normalises the point code and id to the stored case", () => {
    const parsed = responseSubmissionSchema.parse(with_({ point: "k7f3qm", id: ID.toUpperCase() }));
    expect(parsed.point).toBe("K7F3QM");
    expect(parsed.id).toBe(ID);
  });

  it("rejects unknown fields at every level", () => {
    rejects(with_({ name: "Nguyễn Văn A" }));
    rejects(with_({ respondent: { gender: "male", phone: "0912345678" } }));
    rejects(with_({ expectations: { E8: 1 } }));
  });

  it("rejects unknown item codes", () => {
    rejects(with_({ answers: { TC1: 5, TC9: 4 } }));
    rejects(with_({ answers: { tc1: 5 } }));
    rejects(with_({ answers: { E1: 2 } }));
  });

  it("rejects answers outside the 1–5 scale or not whole numbers", () => {
    for (const value of [0, 6, 2.5, -1, "5", null, true]) rejects(with_({ answers: { TC1: value } }));
  });

  it("rejects expectation levels outside 1–3", () => {
    for (const value of [0, 4, 1.5, "2"]) rejects(with_({ expectations: { E1: value } }));
  });

  it("requires at least one answered item", () => {
    rejects(with_({ answers: {} }));
    const { answers: _, ...withoutAnswers } = example;
    rejects(withoutAnswers);
  });

  it("rejects unknown respondent options, languages and channels", () => {
    rejects(with_({ respondent: { gender: "f" } }));
    rejects(with_({ respondent: { ageBand: "18–24" } }));
    rejects(with_({ lang: "fr" }));
    rejects(with_({ channel: "sms" }));
    expect(responseSubmissionSchema.parse(with_({ channel: "kiosk" })).channel).toBe("kiosk");
  });

  it("checks the id, point and service formats", () => {
    rejects(with_({ id: "not-a-uuid" }));
    rejects(with_({ point: "K7F3Q0" }));
    rejects(with_({ point: "K7F3QMX" }));
    rejects(with_({ service: "1.00119" }));
    rejects(with_({ service: "1.001193.000.00.00.H35" }));
  });

  it("trims the comment and allows 2,000 characters, not 2,001", () => {
    const limit = "ý".repeat(2000);
    expect(responseSubmissionSchema.parse(with_({ comment: `  ${limit}\n` })).comment).toBe(limit);
    rejects(with_({ comment: `${limit}a` }));
    rejects(with_({ comment: ` ${"a".repeat(2001)} ` }));
  });

  it("counts characters as seen, not UTF-16 units or combining marks", () => {
    // 2,000 emoji are 4,000 UTF-16 units; "ệ" typed as e + two combining marks is one letter.
    expect(responseSubmissionSchema.safeParse(with_({ comment: "🙂".repeat(2000) })).success).toBe(true);
    const decomposed = "e\u0323\u0302".repeat(2000);
    expect(responseSubmissionSchema.parse(with_({ comment: decomposed })).comment).toBe("ệ".repeat(2000));
  });

  it("treats a blank comment as no comment", () => {
    const parsed = responseSubmissionSchema.parse(with_({ comment: " \n\t " }));
    expect(parsed.comment).toBeUndefined();
  });

  it("accepts any honeypot value so the pipeline can drop the bot quietly", () => {
    expect(responseSubmissionSchema.parse(with_({ website: "http://spam.example" })).website).toBe(
      "http://spam.example",
    );
  });
});

describe("point and service codes", () => {
  it("uses an alphabet without look-alikes", () => {
    expect(POINT_CODE_ALPHABET).toBe("ABCDEFGHJKMNPQRSTUVWXYZ23456789");
    for (const lookalike of ["0", "O", "1", "I", "L"]) expect(POINT_CODE_ALPHABET).not.toContain(lookalike);
  });

  it("reads six characters of the alphabet, in any case", () => {
    expect(pointCodeSchema.parse("k7f3qm")).toBe("K7F3QM");
    expect(pointCodeSchema.safeParse("K7F3Q").success).toBe(false);
    expect(pointCodeSchema.safeParse("KLF3QM").success).toBe(false);
  });

  it("reads the national TTHC code d.dddddd", () => {
    expect(tthcCodeSchema.parse("1.001193")).toBe("1.001193");
    expect(tthcCodeSchema.safeParse("1001193").success).toBe(false);
  });
});

describe("submissionFromForm", () => {
  const form = {
    id: ID,
    lang: "vi",
    service: "1.001193",
    TC1: "5",
    TC2: "4",
    CC1: "3",
    E1: "2",
    gender: "female",
    ageBand: "35-49",
    comment: "Cán bộ nhiệt tình.",
    token: "abc.def",
  };
  const read = (fields: Record<string, unknown>) =>
    responseSubmissionSchema.safeParse(submissionFromForm(fields, { point: "K7F3QM", id: PAGE_ID }));

  it("gives the same submission as the JSON body", () => {
    const fromForm = read(form);
    expect(fromForm.success).toBe(true);
    expect(fromForm.data).toEqual(responseSubmissionSchema.parse(example));
  });

  it("treats empty values as unanswered (the skip radio) and leaves out empty sections", () => {
    const parsed = read({
      lang: "en",
      TC1: "",
      TC2: "4",
      E1: "",
      gender: "",
      comment: "",
      website: "",
      service: "",
    });
    expect(parsed.data).toEqual({ id: PAGE_ID, point: "K7F3QM", lang: "en", answers: { TC2: 4 } });
  });

  it("takes the id from the context when the page carried none", () => {
    const submission = submissionFromForm({ lang: "vi", TC1: "5" }, { point: "K7F3QM", id: ID });
    expect(responseSubmissionSchema.parse(submission).id).toBe(ID);
  });

  it("takes the point from the URL, not from the form", () => {
    expect(read({ ...form, point: "ZZZZZZ" }).data?.point).toBe("K7F3QM");
  });

  it("rejects what the JSON path rejects", () => {
    expect(read({ ...form, TC9: "5" }).success).toBe(false);
    expect(read({ ...form, TC1: "6" }).success).toBe(false);
    expect(read({ ...form, TC1: "2.5" }).success).toBe(false);
    expect(read({ ...form, TC1: "five" }).success).toBe(false);
    expect(read({ ...form, TC1: ["5", "4"] }).success).toBe(false);
    expect(read({ ...form, E1: "4" }).success).toBe(false);
    expect(read({ ...form, gender: "f" }).success).toBe(false);
    expect(read({ ...form, submit: "Gửi" }).success).toBe(false);
    expect(read({ lang: "vi", TC1: "" }).success).toBe(false);
  });
});
