// Two hex digits of every byte value: a million demo responses format a million ids.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/**
 * A new response's id: a UUID v7 (RFC 9562 §5.7), the instant in milliseconds and then 74 random bits. The
 * id is the responses table's key, and ids that grow with time are written at the end of its index, where a
 * random UUID v4 lands anywhere in it and dirties a page of it per response: storing a response took about
 * twice the CPU with v4 ids at a quarter of a million stored, and the gap grows with the table (issue 20,
 * bench/submit-throughput.ts). Any version is accepted on submit (an API client's v4 is stored alike).
 *
 * The instant is when the form was opened (the server makes the page's id; a kiosk makes the next citizen's
 * after the thank-you), so beside the response's submission time it shows how long the form took: a fact
 * about the form, not about who filled it.
 *
 * The random bits come from `random` (16 bytes; the demo data and load plans pass seeded ones), by default
 * from getRandomValues: crypto.randomUUID exists only on secure origins, and a counter's survey may be
 * opened over plain http on a local network.
 */
export function newResponseId(
  now: number = Date.now(),
  random: Uint8Array = crypto.getRandomValues(new Uint8Array(16)),
): string {
  const bytes = Uint8Array.from(random);
  // 48 bits of milliseconds, big-endian; bitwise operators see only 32 bits, so the top 16 come by division.
  const high = Math.floor(now / 2 ** 32);
  const low = now >>> 0;
  bytes.set([
    (high >>> 8) & 0xff,
    high & 0xff,
    low >>> 24,
    (low >>> 16) & 0xff,
    (low >>> 8) & 0xff,
    low & 0xff,
  ]);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  let hex = "";
  for (const byte of bytes) hex += HEX[byte];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
