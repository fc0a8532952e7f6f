/**
 * Decodes the bytes of a text file as spreadsheet programs save it, and says which encoding it was:
 * UTF-8 with or without a BOM, UTF-16 LE or BE ("Unicode text", with or without a BOM), and, when the
 * bytes are not valid UTF-8, Windows-1258 (Excel's "CSV" on a Vietnamese Windows) or Windows-1252.
 * UTF-8 and UTF-16 go through TextDecoder; the two Windows code pages through tables of their own, since
 * runtimes differ there (Node 20 decodes "windows-1252" as Latin-1, so 0x80 gives U+0080 instead of €,
 * and workerd's TextDecoder is not promised to know windows-1258).
 */
export type TextEncodingName =
  | "utf-8"
  | "utf-8-bom"
  | "utf-16le"
  | "utf-16be"
  | "windows-1258"
  | "windows-1252";

// Bytes where Windows-1258 has a Vietnamese letter or a combining tone mark and Windows-1252 a
// Western letter (Ă ă Đ đ Ơ ơ Ư ư, and the five tone marks): one of them makes 1258 the likelier reading.
const VIETNAMESE_1258_BYTES = new Set([
  0xc3, 0xe3, 0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd, 0xcc, 0xd2, 0xde, 0xec, 0xf2,
]);

/** The text of `bytes` (normalised to NFC: Windows-1258 writes tone marks as separate characters). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  let text: string;
  let encoding: TextEncodingName;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    encoding = "utf-8-bom";
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  } else if (a === 0xff && b === 0xfe) {
    encoding = "utf-16le";
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (a === 0xfe && b === 0xff) {
    encoding = "utf-16be";
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else if (looksLikeUtf16(bytes, 1)) {
    encoding = "utf-16le";
    text = new TextDecoder("utf-16le").decode(bytes);
  } else if (looksLikeUtf16(bytes, 0)) {
    encoding = "utf-16be";
    text = new TextDecoder("utf-16be").decode(bytes);
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      encoding = "utf-8";
    } catch {
      encoding = bytes.some((byte) => VIETNAMESE_1258_BYTES.has(byte)) ? "windows-1258" : "windows-1252";
      text = decodeSingleByte(bytes, encoding === "windows-1258" ? WINDOWS_1258 : WINDOWS_1252);
    }
  }
  return { text: text.replace(/^\uFEFF/, "").normalize("NFC"), encoding };
}

// The characters of bytes 0x80–0xFF (WHATWG Encoding Standard indexes; 0x81, 0x8D… are unassigned there too).
const HIGH_80_9F_1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
const LATIN1_A0_FF = Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join("");
const WINDOWS_1252 = HIGH_80_9F_1252 + LATIN1_A0_FF;
const WINDOWS_1258 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u008a\u2039\u0152\u008d\u008e\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u009a\u203a\u0153\u009d\u009e\u0178" +
  "\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf" +
  "\u00c0\u00c1\u00c2\u0102\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u0300\u00cd\u00ce\u00cf\u0110\u00d1\u0309\u00d3\u00d4\u01a0\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u01af\u0303\u00df" +
  "\u00e0\u00e1\u00e2\u0103\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u0301\u00ed\u00ee\u00ef\u0111\u00f1\u0323\u00f3\u00f4\u01a1\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u01b0\u20ab\u00ff";

function decodeSingleByte(bytes: Uint8Array, high: string): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += Array.from(chunk, (byte) =>
      byte < 0x80 ? String.fromCharCode(byte) : (high[byte - 0x80] as string),
    ).join("");
  }
  return text;
}

// Text in UTF-16 without a BOM: mostly ASCII, so every other byte (odd for LE, even for BE) is zero.
function looksLikeUtf16(bytes: Uint8Array, zeroAt: 0 | 1): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 400);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = zeroAt; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros >= (n / 2) * 0.6;
}
