import { createHash, createHmac } from "node:crypto";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { hmacSha256, sha256Hex, toHex } from "../../../server/lib/crypto.js";

describe("server/lib/crypto", () => {
  it("hashes text as UTF-8 and bytes as they are, as node:crypto does", () => {
    const text = "Phiếu số 𠀀 😀";
    expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    const bytes = new Uint8Array([0, 1, 254, 255]);
    expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("computes HMAC-SHA-256 under a text or a byte key, as node:crypto does", () => {
    const expected = createHmac("sha256", "secret").update("message").digest("hex");
    expect(toHex(hmacSha256("secret", "message"))).toBe(expected);
    expect(toHex(hmacSha256(new TextEncoder().encode("secret"), new TextEncoder().encode("message")))).toBe(
      expected,
    );
  });

  it("gives what the pure-JS hashes used on Workers give", () => {
    const text = "hailong rate limit\n2026-12-07 𠀀";
    expect(sha256Hex(text)).toBe(bytesToHex(sha256(utf8ToBytes(text))));
    expect(toHex(hmacSha256("secret", text))).toBe(
      bytesToHex(hmac(sha256, utf8ToBytes("secret"), utf8ToBytes(text))),
    );
  });
});
