// Webhook signatures: HMAC-SHA-256 of the raw body with HAILONG_WEBHOOK_SECRET, sent as
// `X-Hailong-Signature: sha256=<hex>`. WebCrypto only, for both runtimes.

const encoder = new TextEncoder();

export const SIGNATURE_HEADER = "x-hailong-signature";

/** The header value for a body: "sha256=" and the hex HMAC. */
export async function signWebhookBody(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(body)));
  return `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
