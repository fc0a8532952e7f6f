// HSTS sent over plain HTTP is ignored by browsers at best, and at worst (a proxy that later strips TLS, a
// test server on a LAN address) pins a name to HTTPS that does not serve it. So: only over HTTPS.

/** Strict-Transport-Security as the app sends it over HTTPS (180 days, as Hono's default). */
export const HSTS_VALUE = "max-age=15552000; includeSubDomains";

/**
 * True when the client reached us over HTTPS: the request URL says so (Workers, a TLS server), or, only
 * behind a proxy the operator trusts (HAILONG_TRUST_PROXY), its X-Forwarded-Proto's last hop says "https".
 */
export function cameOverHttps(url: string, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (url.startsWith("https:")) return true;
  if (!trustProxy || forwardedProto === undefined) return false;
  const hops = forwardedProto.split(",");
  return hops[hops.length - 1]?.trim().toLowerCase() === "https";
}
