import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { detectDelimiter, parseDelimited } from "../../../server/lib/spreadsheet/delimited.js";
import { decodeText } from "../../../server/lib/spreadsheet/text-encoding.js";

// The CSV decoder on bytes made by iconv (glibc's code pages), as Excel on Windows saves them.
const iconv = (text: string, to: string) =>
  new Uint8Array(execFileSync("iconv", ["-f", "UTF-8", "-t", to], { input: text }));

describe("decodeText", () => {
  it("reads Windows-1258 with its combining tone marks, composed", () => {
    const text = "Đăng ký khai sinh; Sở Tư pháp; Ưu tiên; giá 10.000₫";
    expect(decodeText(iconv(text, "CP1258"))).toEqual({ text, encoding: "windows-1258" });
  });

  it("reads Windows-1252 by its own table (€ and Š, where Node's TextDecoder gives C1 controls)", () => {
    expect(decodeText(iconv("Café 5€ Škoda", "CP1252"))).toEqual({
      text: "Café 5€ Škoda",
      encoding: "windows-1252",
    });
  });

  it("reads UTF-16 LE and BE with and without a BOM, and UTF-8 with and without one", () => {
    const text = "code\tname\r\nH35\tSở Y tế\r\n";
    expect(decodeText(iconv(text, "UTF-16LE"))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeText(iconv(text, "UTF-16BE"))).toEqual({ text, encoding: "utf-16be" });
    expect(decodeText(iconv(`\uFEFF${text}`, "UTF-16LE"))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeText(new TextEncoder().encode(`\uFEFF${text}`))).toEqual({ text, encoding: "utf-8-bom" });
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: "utf-8" });
  });
});

describe("delimited text", () => {
  it("detects the header's separator outside quotes", () => {
    expect(detectDelimiter('"a;b",c,d\nx;y;z;w')).toBe(",");
    expect(detectDelimiter("Mã;Tên;Lĩnh vực, khác\n")).toBe(";");
    expect(detectDelimiter("code\tname\n")).toBe("\t");
  });

  it("parses quoted separators, doubled quotes and line breaks inside quotes", () => {
    expect(parseDelimited('a;"b;c";"say ""hi"""\r\n"multi\nline";x;\n\n', ";")).toEqual([
      ["a", "b;c", 'say "hi"'],
      ["multi\nline", "x", ""],
    ]);
  });
});
