import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { DAY_MS } from "../../shared/time/index.js";
import {
  extendSession,
  findSessionUser,
  findTokenUser,
  insertApiToken,
  insertSession,
  touchApiToken,
} from "../db/queries/access.js";
import type { AppEnv } from "../deps.js";
import { constantTimeEqualText, randomToken, sha256Hex } from "../lib/crypto.js";

export const SESSION_COOKIE = "hailong_session";
/** A console session lasts 8 hours after its last use: a working day, not a week on a shared PC. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** However busy, a session ends 12 hours after sign-in: a stolen cookie is not good for ever. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** Days an API token lasts when its creator does not say. */
export const TOKEN_DEFAULT_DAYS = 90;
const TOKEN_PREFIX = "hl_";

type CallerRow = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

/** Opens a session for a user and sets its HttpOnly cookie; only the cookie's hash is stored. */
export async function startSession(c: Context<AppEnv>, userId: number): Promise<void> {
  const { db, now, config } = c.var.deps;
  const value = randomToken(32);
  await insertSession(db, {
    id: sha256Hex(value),
    userId,
    createdAt: now(),
    expiresAt: now() + SESSION_IDLE_MS,
  });
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "Lax",
    secure: config.publicUrl.startsWith("https:"),
    path: "/",
    // The server decides when the session ends (idle or absolute); the cookie never outlives the latter.
    maxAge: SESSION_MAX_MS / 1000,
  });
}

/** The stored id of the session in the request's cookie, if any. */
export function sessionIdOf(c: Context<AppEnv>): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value ? sha256Hex(value) : undefined;
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/**
 * Issues an API token "hl_<id>_<secret>" that stops working after `expiresInDays`; the secret is shown
 * once and only its hash is kept.
 */
export async function issueApiToken(
  c: Context<AppEnv>,
  userId: number,
  name: string,
  expiresInDays = TOKEN_DEFAULT_DAYS,
) {
  const { db, now } = c.var.deps;
  const id = randomToken(9);
  const secret = randomToken(32);
  const expiresAt = now() + expiresInDays * DAY_MS;
  await insertApiToken(db, {
    id,
    userId,
    name,
    secretHash: sha256Hex(secret),
    createdAt: now(),
    expiresAt,
  });
  return { id, token: `${TOKEN_PREFIX}${id}_${secret}`, expiresAt };
}

/** Who is calling: a bearer token wins over a cookie; undefined when neither is valid. */
export async function identifyCaller(c: Context<AppEnv>) {
  const { db, now } = c.var.deps;
  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+hl_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/.exec(authorization.trim());
    if (!match) return undefined;
    const [, id, secret] = match as unknown as [string, string, string];
    const row = await findTokenUser(db, id, now());
    if (!row || !constantTimeEqualText(row.secretHash, sha256Hex(secret))) return undefined;
    // "Last used" to the minute is enough, and saves a write on every scripted request.
    if (row.lastUsedAt === null || now() - row.lastUsedAt > 60_000) await touchApiToken(db, id, now());
    return toCaller(row, "token");
  }
  const sessionId = sessionIdOf(c);
  if (!sessionId) return undefined;
  const row = await findSessionUser(db, sessionId, now(), now() - SESSION_MAX_MS);
  if (!row) return undefined;
  // Slide the expiry only when less than half is left, so that most requests write nothing; never past
  // the absolute end.
  const end = Math.min(now() + SESSION_IDLE_MS, row.createdAt + SESSION_MAX_MS);
  if (row.expiresAt - now() < SESSION_IDLE_MS / 2 && end > row.expiresAt)
    await extendSession(db, sessionId, end);
  return toCaller(row, "session");
}

function toCaller(row: Omit<CallerRow, "expiresAt" | "createdAt">, via: "session" | "token") {
  if (row.disabledAt !== null) return undefined;
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    unitId: row.unitId,
    unitCode: row.unitCode,
    scopePath: row.unitId === null ? null : row.scopePath,
    via,
  } as const;
}
