import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../../../server/submit/pii.js";

describe("maskPersonalData", () => {
  const masked: Array<[string, string]> = [
    ["CCCD 001234567890 của tôi", "CCCD *** của tôi"],
    ["CCCD 001 234 567 890", "CCCD ***"],
    ["CMND 123456789", "CMND ***"],
    ["gọi 0912345678 nhé", "gọi *** nhé"],
    ["gọi 0912 345 678", "gọi ***"],
    ["gọi 0912.345.678", "gọi ***"],
    ["gọi 0912-345-678", "gọi ***"],
    ["gọi +84 912 345 678", "gọi ***"],
    ["gọi (+84) 912345678", "gọi ***"],
    ["gọi 84912345678", "gọi ***"],
    ["máy bàn 024 3825 1234", "máy bàn ***"],
    ["số cũ 01234567890", "số cũ ***"],
    ["thư: nguyen.van.a+1@gmail.com.", "thư: ***."],
    ["thư: trần@bưuđiện.vn", "thư: ***"],
    ["Quầy 3 0912345678", "Quầy 3 ***"],
    ["0912345678,0987654321", "***,***"],
    // What the attacker typed to slip past (issue 12): full-width digits, underscores, spaced dashes.
    ["gọi ０９１２３４５６７８", "gọi ***"],
    ["gọi 0912_345_678", "gọi ***"],
    ["gọi 0912 - 345 - 678", "gọi ***"],
    ["gọi 0912 – 345 – 678", "gọi ***"],
    ["gọi 0912\u200b345\u200b678", "gọi ***"],
    ["CCCD ００１２３４５６７８９０", "CCCD ***"],
    ["CCCD 001_234_567_890", "CCCD ***"],
    ["CCCD 001 - 234 - 567 - 890", "CCCD ***"],
  ];
  it.each(masked)("masks %j", (text, expected) => {
    expect(maskPersonalData(text)).toEqual({ text: expected, masked: true });
  });

  const kept = [
    "Lệ phí 1.500.000 đồng là hợp lý",
    "Tôi đến ngày 15/03/2026 lúc 8:30",
    "Chờ 45 phút ở quầy số 3",
    "Mã hồ sơ 000.00.24.H35-260315-0001",
    "Năm 2026, quý 1",
    "Số 1234567890 không phải điện thoại",
    "Cán bộ rất nhiệt tình @quầy",
  ];
  it.each(kept)("keeps %j", (text) => {
    expect(maskPersonalData(text)).toEqual({ text, masked: false });
  });

  it("never cuts a longer number in two", () => {
    expect(maskPersonalData("0123456789012345").masked).toBe(false);
    expect(maskPersonalData("0123-4567-8901-2345").masked).toBe(false);
    expect(maskPersonalData("0123_4567_8901_2345").masked).toBe(false);
  });

  it("matches on the NFKC form but stores the rest as typed (full-width Chinese punctuation stays)", () => {
    expect(maskPersonalData("办事人员很热情，效率很高。")).toEqual({
      text: "办事人员很热情，效率很高。",
      masked: false,
    });
    expect(maskPersonalData("电话０９１２３４５６７８，谢谢")).toEqual({
      text: "电话***，谢谢",
      masked: true,
    });
  });

  it("strips bidi embedding, override and isolate controls", () => {
    const controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
    expect(maskPersonalData(`Tốt${controls} lắm`)).toEqual({ text: "Tốt lắm", masked: false });
    // Reversed by an override, a number still reads as a number once the control is gone.
    expect(maskPersonalData("gọi \u202e0912345678\u202c")).toEqual({ text: "gọi ***", masked: true });
  });

  it("keeps a comment within the stored limit when NFKC lengthens it", () => {
    const { text } = maskPersonalData("\ufdfa".repeat(2000));
    expect(Array.from(text).length).toBeLessThanOrEqual(2000);
  });
});
