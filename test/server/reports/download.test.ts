import { describe, expect, it } from "vitest";
import { contentDisposition, downloadName } from "../../../server/reports/download.js";

describe("contentDisposition", () => {
  it("gives an ASCII filename and the exact name as RFC 5987 filename*", () => {
    expect(contentDisposition("sipas_2026-01-01_2026-06-30_unit.csv")).toBe(
      "attachment; filename=\"sipas_2026-01-01_2026-06-30_unit.csv\"; filename*=UTF-8''sipas_2026-01-01_2026-06-30_unit.csv",
    );
    expect(contentDisposition('báo cáo "6 tháng"; (2026)*.xlsx')).toBe(
      "attachment; filename=\"b_o_c_o__6_th_ng____2026__.xlsx\"; filename*=UTF-8''b%C3%A1o%20c%C3%A1o%20%226%20th%C3%A1ng%22%3B%20%282026%29%2A.xlsx",
    );
  });
});

describe("downloadName", () => {
  it("joins the parts that are present, with '-' for the comma of a grouping", () => {
    expect(downloadName(["sipas", "2026-01-01", "2026-06-30", "unit,service", undefined], "csv")).toBe(
      "sipas_2026-01-01_2026-06-30_unit-service.csv",
    );
    expect(downloadName(["responses", "2026-01-01", "2026-06-30", "000.00.17.H35"], "csv")).toBe(
      "responses_2026-01-01_2026-06-30_000.00.17.H35.csv",
    );
  });
});
