// Webhook signatures: HMAC-SHA-256 of the raw body with HAILONG_WEBHOOK_SECRET, sent as
// `X-Hailong-Signature: sha256=<hex>`.

import { hmacSha256, toHex } from "../lib/crypto.js";

export const SIGNATURE_HEADER = "x-hailong-signature";

/** The header value for a body: "sha256=" and the hex HMAC. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${toHex(hmacSha256(secret, body))}`;
}
