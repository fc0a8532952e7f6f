import { hmacSha256 } from "../lib/crypto.js";

const encoder = new TextEncoder();

/**
 * HMAC-SHA-256 of `data` under the server secret, cut to `length` bytes. The `purpose` label keeps the
 * MACs of different uses (link tokens, dossier hashes) apart, so that one can never stand in for another.
 */
export function keyedMac(secret: string, purpose: string, data: Uint8Array, length: number): Uint8Array {
  const label = encoder.encode(`hailong:${purpose}\n`);
  const message = new Uint8Array(label.length + data.length);
  message.set(label);
  message.set(data, label.length);
  return hmacSha256(secret, message).slice(0, length);
}
