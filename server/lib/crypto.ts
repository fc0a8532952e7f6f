import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

// The one SHA-256 and HMAC path of the server: synchronous pure JS (@noble/hashes), the same on Node and on
// Workers. WebCrypto's digest and sign cost a thread-pool round trip each on Node, several times the hashing
// of the short texts hashed here (bench/submit-throughput.ts, bench/qr-render.ts).

const encoder = new TextEncoder();

type Data = string | Uint8Array;

const bytesOf = (data: Data): Uint8Array => (typeof data === "string" ? utf8ToBytes(data) : data);

/** SHA-256 of a text (as UTF-8) or of bytes, hex encoded: how secrets and imported files are fingerprinted. */
export function sha256Hex(data: Data): string {
  return bytesToHex(sha256(bytesOf(data)));
}

/** HMAC-SHA-256 of a text (as UTF-8) or bytes under a key, as raw bytes; callers choose the encoding. */
export function hmacSha256(key: Data, data: Data): Uint8Array {
  return hmac(sha256, bytesOf(key), bytesOf(data));
}

/** Bytes as lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/** Random bytes as base64url text, for session cookies, API token secrets and ids. */
export function randomToken(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Compares two byte strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** Text comparison for secrets, constant in time for equal lengths. */
export function constantTimeEqualText(a: string, b: string): boolean {
  return constantTimeEqual(encoder.encode(a), encoder.encode(b));
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}
