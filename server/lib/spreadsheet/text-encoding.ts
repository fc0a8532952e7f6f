/**
 * Decodes the bytes of a text file as spreadsheet programs save it, and says which encoding it was:
 * UTF-8 with or without a BOM, UTF-16 LE or BE ("Unicode text", with or without a BOM), and, when the
 * bytes are not valid UTF-8, Windows-1258 (Excel's "CSV" on a Vietnamese Windows) or Windows-1252.
 * Uses only TextDecoder (Node 20 and workerd both carry these WHATWG encodings).
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
      text = new TextDecoder(encoding).decode(bytes);
    }
  }
  return { text: text.replace(/^\uFEFF/, "").normalize("NFC"), encoding };
}

// Text in UTF-16 without a BOM: mostly ASCII, so every other byte (odd for LE, even for BE) is zero.
function looksLikeUtf16(bytes: Uint8Array, zeroAt: 0 | 1): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 400);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = zeroAt; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros >= (n / 2) * 0.6;
}
