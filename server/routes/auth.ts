import { Hono } from "hono";
import { loginSchema, passwordChangeSchema } from "../../shared/contract/catalogue.js";
import { clearSessionCookie, sessionIdOf, startSession } from "../auth/credentials.js";
import { currentUser, noStore, requireSameOrigin, requireUser } from "../auth/guard.js";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../auth/passwords.js";
import { admitSignIn, signInSucceeded } from "../auth/sign-in-throttle.js";
import { runBatch, type Statement } from "../db/database.js";
import { deleteExpiredSessions, deleteSession, revokeTokensOfUserStatement } from "../db/queries/access.js";
import { clearAttemptsOfUserStatement, deleteOldAttempts } from "../db/queries/sign-in-attempts.js";
import {
  deleteSessionsOfUserStatement,
  findUserById,
  findUserForLogin,
  updateUserStatement,
} from "../db/queries/users.js";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { audit } from "../lib/audit.js";
import { validate } from "../lib/validate.js";

const invalidCredentials = () =>
  new ApiError("INVALID_CREDENTIALS", "The username or password is not correct.");

/** Sign-in, sign-out, "who am I" and password change for console users. */
export const authRoutes = new Hono<AppEnv>()
  .use(noStore)
  .post("/login", validate("json", loginSchema), async (c) => {
    const { db, now } = c.var.deps;
    const { username, password } = c.req.valid("json");
    // Counted before the password is checked, known username or not (see sign-in-throttle.ts).
    const ticket = await admitSignIn(c, username);
    const user = await findUserForLogin(db, username);
    // Verify even for an unknown user, so that the answer time does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok || user.disabledAt !== null) throw invalidCredentials();
    await signInSucceeded(c, ticket);
    await deleteExpiredSessions(db, now());
    await deleteOldAttempts(db, now());
    await startSession(c, user.id);
    return c.json({ user: { username: user.username, role: user.role, unit: user.unitCode } });
  })
  // Logging out writes a cookie too: the same origin check as every other cookie write.
  .post("/logout", requireSameOrigin, async (c) => {
    const sessionId = sessionIdOf(c);
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
    const { currentPassword, newPassword, keepTokens } = c.req.valid("json");
    const user = await findUserById(db, caller.id);
    if (!user) throw invalidCredentials();
    // Guessing the current password through a borrowed session meets the same lock-out as signing in.
    const ticket = await admitSignIn(c, user.username);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) throw invalidCredentials();
    await signInSucceeded(c, ticket);
    // Other sessions end and API tokens are revoked (unless the user asks to keep them): a changed
    // password should lock out whoever knew the old one.
    const statements: Statement[] = [
      updateUserStatement(db, user.id, { passwordHash: await hashPassword(newPassword) }),
      deleteSessionsOfUserStatement(db, user.id, sessionIdOf(c)),
      clearAttemptsOfUserStatement(db, user.username),
    ];
    if (!keepTokens) statements.push(revokeTokensOfUserStatement(db, user.id, now()));
    statements.push(
      audit(c, {
        action: "change_password",
        entity: "user",
        entityCode: user.username,
        detail: { tokensKept: keepTokens === true },
      }),
    );
    await runBatch(db, statements);
    return c.json({ ok: true });
  });
