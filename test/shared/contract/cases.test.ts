import { describe, expect, it } from "vitest";
import { CASE_REF_ALPHABET, caseRefOf } from "../../../shared/contract/case-ref.js";
import { parseContact } from "../../../shared/contract/cases.js";
import { POINT_CODE_ALPHABET } from "../../../shared/contract/catalogue.js";
import { submissionFromForm } from "../../../shared/contract/form-record.js";
import { newResponseId } from "../../../shared/contract/response-id.js";

describe("caseRefOf", () => {
  it("derives the same ten characters from the same response id, in any case", () => {
    const id = "3f2a9c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b";
    expect(caseRefOf(id)).toBe(caseRefOf(id.toUpperCase()));
    expect(caseRefOf(id)).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/);
  });

  it("rarely gives two responses the same reference", () => {
    const refs = new Set(Array.from({ length: 20_000 }, () => caseRefOf(crypto.randomUUID())));
    expect(refs.size).toBe(20_000);
  });

  it("keeps the reference a v4 id always had", () => {
    expect(caseRefOf("3f2a9c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b")).toBe("NA7BTVWPJT");
  });

  it("gives responses of the same millisecond different references (v7 ids share their instant)", () => {
    const at = Date.UTC(2026, 11, 7, 9, 30);
    const refs = new Set(Array.from({ length: 20_000 }, () => caseRefOf(newResponseId(at))));
    expect(refs.size).toBe(20_000);
  });

  it("uses the point codes' alphabet", () => {
    expect(CASE_REF_ALPHABET).toBe(POINT_CODE_ALPHABET);
  });
});

describe("parseContact", () => {
  it.each([
    ["0912 345 678", "0912345678"],
    ["+84 912.345.678", "0912345678"],
    ["84912345678", "0912345678"],
    ["(0205) 3812-345", "02053812345"],
    ["0345678901", "0345678901"],
  ])("reads the phone number %s", (text, value) => {
    expect(parseContact(text)).toEqual({ kind: "phone", value });
  });

  it("reads an e-mail address in lower case", () => {
    expect(parseContact(" Lan.Nguyen@LangSon.gov.vn ")).toEqual({
      kind: "email",
      value: "lan.nguyen@langson.gov.vn",
    });
  });

  it.each(["0112345678", "091234567", "+1 415 555 0100", "lan@", "@x.vn", "a b@x.vn", ""])(
    "refuses %j",
    (text) => {
      expect(parseContact(text)).toBeNull();
    },
  );
});

describe("submissionFromForm with a follow-up", () => {
  it("carries the contact and the consent box", () => {
    const form = { CC1: "1", contact: "0912345678", consent: "on" };
    expect(submissionFromForm(form, { point: "ABCDEF", id: "x" }).followUp).toEqual({
      contact: "0912345678",
      consent: true,
    });
  });

  it("asks for nothing when the contact is empty, even with the box ticked", () => {
    expect(
      submissionFromForm({ CC1: "1", contact: " ", consent: "on" }, { point: "ABCDEF", id: "x" }),
    ).not.toHaveProperty("followUp");
  });
});
