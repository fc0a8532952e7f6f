import type { Context, MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import type { AppEnv, AuthUser } from "../deps.js";
import { ApiError, forbidden } from "../errors.js";
import { identifyCaller } from "./credentials.js";

type Role = AuthUser["role"];

/**
 * The one middleware every protected route uses: 401 without valid credentials, 403 for a role not in
 * the list. Cookie-authenticated writes must also come from our own pages (CSRF); bearer tokens carry no
 * ambient authority, so they need no such check.
 */
export function requireUser(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // What a signed-in user sees must not stay in a shared computer's cache or a proxy (refusals too).
    c.header("cache-control", "no-store");
    const user = c.var.user ?? (await identifyCaller(c));
    if (!user) throw new ApiError("UNAUTHENTICATED", "Please sign in.");
    if (user.via === "session") await checkSameOrigin(c);
    if (roles.length > 0 && !roles.includes(user.role)) throw forbidden("Your role does not allow this.");
    c.set("user", user);
    await next();
    c.header("cache-control", "no-store");
  };
}

/** No caching of the answer (sign-in, sign-out and every authenticated answer). */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header("cache-control", "no-store");
  await next();
  c.header("cache-control", "no-store");
};

/** The cross-site check of cookie writes, for routes that write a cookie without requiring a user. */
export const requireSameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  await checkSameOrigin(c);
  await next();
};

const sameOriginCheck = csrf({
  origin: (origin, c) => origin === new URL(c.req.url).origin || origin === c.var.deps.config.publicUrl,
});

async function checkSameOrigin(c: Context<AppEnv>): Promise<void> {
  if (c.req.method === "GET" || c.req.method === "HEAD") return;
  // Hono's check only looks at form-like bodies; a browser cannot send JSON cross-site without CORS.
  try {
    await sameOriginCheck(c, async () => {});
  } catch (error) {
    // Its refusal is a bare 403: named here, since other 403s (role, scope) mean something else.
    if (error instanceof HTTPException)
      throw new ApiError("CSRF_REJECTED", "The request came from another site.");
    throw error;
  }
}

/** The caller set by `requireUser`. */
export function currentUser(c: Context<AppEnv>): AuthUser {
  const user = c.var.user;
  if (!user) throw new ApiError("UNAUTHENTICATED", "Please sign in.");
  return user;
}

/** True when a unit (by its materialised path) lies inside the caller's scope. */
export function inScope(user: AuthUser, unitPath: string): boolean {
  return user.scopePath === null || unitPath.startsWith(user.scopePath);
}

/** 403 unless the unit lies inside the caller's scope. */
export function assertInScope(user: AuthUser, unitPath: string): void {
  if (!inScope(user, unitPath)) throw forbidden("This unit is outside your scope.");
}
