import { Hono } from "hono";
import { loginSchema, passwordChangeSchema } from "../../shared/contract/catalogue.js";
import { clearSessionCookie, sessionIdOf, startSession } from "../auth/credentials.js";
import { currentUser, requireUser } from "../auth/guard.js";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../auth/passwords.js";
import { runBatch } from "../db/database.js";
import { auditStatement, deleteExpiredSessions, deleteSession } from "../db/queries/access.js";
import {
  deleteSessionsOfUserStatement,
  findUserById,
  findUserForLogin,
  recordFailedLogin,
  resetFailedLogins,
  updateUserStatement,
} from "../db/queries/users.js";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { validate } from "../lib/validate.js";

const invalidCredentials = () =>
  new ApiError(401, "INVALID_CREDENTIALS", "The username or password is not correct.");

/** Sign-in, sign-out, "who am I" and password change for console users. */
export const authRoutes = new Hono<AppEnv>()
  .post("/login", validate("json", loginSchema), async (c) => {
    const { db, now } = c.var.deps;
    const { username, password } = c.req.valid("json");
    const user = await findUserForLogin(db, username);
    if (user?.lockedUntil && user.lockedUntil > now()) {
      const seconds = Math.ceil((user.lockedUntil - now()) / 1000);
      c.header("Retry-After", String(seconds));
      throw new ApiError(
        429,
        "TOO_MANY_ATTEMPTS",
        `Too many failed sign-ins. Try again in ${seconds} seconds.`,
      );
    }
    // Verify even for an unknown user, so that the answer time does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok || user.disabledAt !== null) {
      if (user) await recordFailedLogin(db, user.id, user.failedLogins, now());
      throw invalidCredentials();
    }
    if (user.failedLogins > 0) await resetFailedLogins(db, user.id);
    await deleteExpiredSessions(db, now());
    await startSession(c, user.id);
    return c.json({ user: { username: user.username, role: user.role, unit: user.unitCode } });
  })
  .post("/logout", async (c) => {
    const sessionId = await sessionIdOf(c);
    if (sessionId) await deleteSession(c.var.deps.db, sessionId);
    clearSessionCookie(c);
    return c.json({ ok: true });
  })
  .get("/me", requireUser(), (c) => {
    const user = currentUser(c);
    return c.json({ user: { username: user.username, role: user.role, unit: user.unitCode } });
  })
  .post("/password", requireUser(), validate("json", passwordChangeSchema), async (c) => {
    const { db, now } = c.var.deps;
    const caller = currentUser(c);
    const { currentPassword, newPassword } = c.req.valid("json");
    const user = await findUserById(db, caller.id);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) throw invalidCredentials();
    // Other sessions end: a changed password should lock out whoever knew the old one.
    await runBatch(db, [
      updateUserStatement(db, user.id, { passwordHash: await hashPassword(newPassword) }),
      deleteSessionsOfUserStatement(db, user.id, await sessionIdOf(c)),
      auditStatement(
        db,
        { userId: user.id, action: "change_password", entity: "user", entityCode: user.username },
        now(),
      ),
    ]);
    return c.json({ ok: true });
  });
