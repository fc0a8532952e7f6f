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
  });
});
