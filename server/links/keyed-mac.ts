// WebCrypto only: link tokens are signed and checked on Node and on Workers alike.

const encoder = new TextEncoder();

// Importing a key costs more than the HMAC itself; the secret is fixed for a process or isolate.
let cached: { secret: string; key: Promise<CryptoKey> } | undefined;

function hmacKey(secret: string): Promise<CryptoKey> {
  if (cached?.secret !== secret) {
    const key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    cached = { secret, key };
  }
  return cached.key;
}

/**
 * HMAC-SHA-256 of `data` under the server secret, cut to `length` bytes. The `purpose` label keeps the
 * MACs of different uses (link tokens, dossier hashes) apart, so that one can never stand in for another.
 */
export async function keyedMac(
  secret: string,
  purpose: string,
  data: Uint8Array,
  length: number,
): Promise<Uint8Array> {
  const label = encoder.encode(`hailong:${purpose}\n`);
  const message = new Uint8Array(label.length + data.length);
  message.set(label);
  message.set(data, label.length);
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(secret), message);
  return new Uint8Array(mac).slice(0, length);
}
