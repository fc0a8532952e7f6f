import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

// The one SHA-256 and HMAC path of the server, synchronous: WebCrypto's digest and sign cost a thread-pool
// round trip each on Node, several times the hashing of the short texts hashed here (bench/qr-render.ts,
// bench/submit-throughput.ts). Node's own hashes where the runtime hands them out synchronously
// (process.getBuiltinModule, Node >= 20.16, which also has the one-shot crypto.hash: a third to a half of
// createHash's cost for a submission's few hundred bytes), a few times faster again under load; pure JS
// (@noble/hashes) elsewhere (Workers). Both give the same bytes; texts are hashed as UTF-8.

const encoder = new TextEncoder();

type Data = string | Uint8Array;

type NodeCrypto = typeof import("node:crypto");
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;

const bytesOf = (data: Data): Uint8Array => (typeof data === "string" ? utf8ToBytes(data) : data);

/** SHA-256 of a text or of bytes, hex encoded: how secrets, submissions and imported files are fingerprinted. */
export function sha256Hex(data: Data): string {
  if (nodeCrypto) return nodeCrypto.hash("sha256", data, "hex");
  return bytesToHex(sha256(bytesOf(data)));
}

/** HMAC-SHA-256 of a text or bytes under a key, as raw bytes; callers choose the encoding. */
export function hmacSha256(key: Data, data: Data): Uint8Array {
  if (nodeCrypto) {
    const mac = nodeCrypto.createHmac("sha256", key).update(data).digest();
    return new Uint8Array(mac.buffer, mac.byteOffset, mac.byteLength);
  }
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
