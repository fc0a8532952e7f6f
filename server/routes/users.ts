import { Hono } from "hono";
import { userCreateSchema, userPatchSchema } from "../../shared/contract/catalogue.js";
import { sessionIdOf } from "../auth/credentials.js";
import { assertInScope, currentUser, requireUser } from "../auth/guard.js";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { admitSignIn, signInSucceeded, USER_POLICY } from "../auth/sign-in-throttle.js";
import { type Database, runBatch, type Statement } from "../db/database.js";
import { revokeTokensOfUserStatement } from "../db/queries/access.js";
import { clearAttemptsOfUserStatement, lockedUsernames } from "../db/queries/sign-in-attempts.js";
import { findUnitByCode } from "../db/queries/units.js";
import {
  deleteSessionsOfUserStatement,
  findUserById,
  findUserByUsername,
  insertUserStatement,
  listUsers,
  updateUserStatement,
} from "../db/queries/users.js";
import type { AppEnv, AuthUser } from "../deps.js";
import { ApiError, conflict, forbidden, invalid, notFound } from "../errors.js";
import { audit } from "../lib/audit.js";
import { created } from "../lib/request.js";
import { validate } from "../lib/validate.js";

type UserView = NonNullable<Awaited<ReturnType<typeof findUserByUsername>>>;

const presentUser = (u: UserView, locked: ReadonlySet<string>) => ({
  username: u.username,
  role: u.role,
  unit: u.unitCode,
  unitName: u.unitName,
  disabled: u.disabledAt !== null,
  /** Some address has run into the sign-in lock-out for this username; an admin can unlock it. */
  locked: locked.has(u.username),
  createdAt: new Date(u.createdAt).toISOString(),
});

/** One user as an answer, with their lock-out state. */
async function userAnswer(db: Database, now: number, username: string) {
  const user = (await findUserByUsername(db, username)) as UserView;
  return { user: presentUser(user, await lockedUsernames(db, USER_POLICY, now)) };
}

/**
 * Whether a scoped admin may give or manage a user with this unit (by path) and role: inside the admin's
 * subtree, and never a peer (another admin at the admin's own unit). Province-wide admins manage all.
 */
function ranksBelow(admin: AuthUser, unitPath: string | null, role: AuthUser["role"]): boolean {
  if (admin.scopePath === null) return true;
  if (unitPath === null || !unitPath.startsWith(admin.scopePath)) return false;
  return !(unitPath === admin.scopePath && role === "admin");
}

/**
 * The unit a user may be scoped to by this admin: inside the admin's own scope; "no unit" (the whole
 * tree) only from a province-wide admin.
 */
async function grantableUnit(db: Database, admin: AuthUser, code: string | null | undefined) {
  if (code === null || code === undefined) {
    if (admin.scopePath !== null)
      throw forbidden("Only a province-wide admin can create province-wide users.");
    return null;
  }
  const unit = await findUnitByCode(db, code);
  if (!unit) throw invalid(`The unit ${code} does not exist.`, [{ path: ["unit"], message: "unknown unit" }]);
  assertInScope(admin, unit.path);
  return unit;
}

/**
 * A user the caller may manage (or the caller themself): 404 when unknown, 403 when their scope is not
 * inside the caller's, or when they are a peer admin at the caller's own unit.
 */
async function managedUser(db: Database, admin: AuthUser, username: string) {
  const user = await findUserByUsername(db, username.toLowerCase());
  if (!user) throw notFound(`The user ${username}`);
  if (user.id !== admin.id && !ranksBelow(admin, user.unitPath, user.role)) {
    throw forbidden("This user is outside your scope, or an admin at your own level.");
  }
  return user;
}

/** Console users and their roles; admins manage users inside their own scope. */
export const userRoutes = new Hono<AppEnv>()
  .use(requireUser("admin"))
  .get("/", async (c) => {
    const { db, now } = c.var.deps;
    const rows = await listUsers(db, currentUser(c).scopePath);
    const locked = await lockedUsernames(db, USER_POLICY, now());
    return c.json({ users: rows.map((row) => presentUser(row, locked)) });
  })
  .get("/:username", async (c) => {
    const { db, now } = c.var.deps;
    const user = await managedUser(db, currentUser(c), c.req.param("username"));
    return c.json(await userAnswer(db, now(), user.username));
  })
  .post("/", validate("json", userCreateSchema), async (c) => {
    const { db, now } = c.var.deps;
    const admin = currentUser(c);
    const body = c.req.valid("json");
    const unit = await grantableUnit(db, admin, body.unit);
    if (!ranksBelow(admin, unit?.path ?? null, body.role))
      throw forbidden("Only an admin above your unit can create an admin at your own unit.");
    if (await findUserByUsername(db, body.username))
      throw conflict(`The username ${body.username} is taken.`);
    await runBatch(db, [
      insertUserStatement(db, {
        username: body.username,
        passwordHash: await hashPassword(body.password),
        role: body.role,
        unitId: unit?.id ?? null,
        createdAt: now(),
      }),
      audit(c, {
        action: "create",
        entity: "user",
        entityCode: body.username,
        detail: { role: body.role, unit: body.unit ?? null },
      }),
    ]);
    return created(c, await userAnswer(db, now(), body.username));
  })
  .patch("/:username", validate("json", userPatchSchema), async (c) => {
    const { db, now } = c.var.deps;
    const admin = currentUser(c);
    const user = await managedUser(db, admin, c.req.param("username"));
    const patch = c.req.valid("json");
    if (user.id === admin.id && (patch.role !== undefined || patch.disabled || patch.unit !== undefined)) {
      throw forbidden("You cannot change your own role, scope or access; ask another admin.");
    }
    const unit = patch.unit === undefined ? undefined : await grantableUnit(db, admin, patch.unit);
    if (
      user.id !== admin.id &&
      !ranksBelow(admin, unit === undefined ? user.unitPath : (unit?.path ?? null), patch.role ?? user.role)
    ) {
      throw forbidden("Only an admin above your unit can make an admin at your own unit.");
    }
    if (user.id === admin.id && patch.password !== undefined) {
      // Whoever holds an admin's session or token must not be able to take the account over.
      if (patch.currentPassword === undefined)
        throw invalid("Give your current password to change it.", [
          { path: ["currentPassword"], message: "required to change your own password" },
        ]);
      const self = await findUserById(db, admin.id);
      const ticket = await admitSignIn(c, admin.username);
      if (!self || !(await verifyPassword(patch.currentPassword, self.passwordHash)))
        throw new ApiError("INVALID_CREDENTIALS", "The current password is not correct.");
      await signInSucceeded(c, ticket);
    }
    const changes = {
      ...(patch.role ? { role: patch.role } : {}),
      ...(unit === undefined ? {} : { unitId: unit?.id ?? null }),
      ...(patch.password ? { passwordHash: await hashPassword(patch.password) } : {}),
      ...(patch.disabled === undefined ? {} : { disabledAt: patch.disabled ? now() : null }),
    };
    if (Object.keys(changes).length === 0) return c.json(await userAnswer(db, now(), user.username));
    const statements: Statement[] = [updateUserStatement(db, user.id, changes)];
    // A new password, scope or a disabled account ends the user's open sessions (the admin's own session
    // stays when they set their own password).
    if (patch.password || patch.disabled || unit !== undefined || patch.role)
      statements.push(
        deleteSessionsOfUserStatement(db, user.id, user.id === admin.id ? sessionIdOf(c) : undefined),
      );
    // A reset password or a disabled account also stops the user's API tokens; a reset clears the lock-out.
    if (patch.password || patch.disabled) statements.push(revokeTokensOfUserStatement(db, user.id, now()));
    if (patch.password) statements.push(clearAttemptsOfUserStatement(db, user.username));
    const { password: _password, currentPassword: _current, ...logged } = patch;
    statements.push(
      audit(c, {
        action: "update",
        entity: "user",
        entityCode: user.username,
        detail: { ...logged, passwordReset: patch.password !== undefined },
      }),
    );
    await runBatch(db, statements);
    return c.json(await userAnswer(db, now(), user.username));
  })
  // Lifts the sign-in lock-out of a user from every address (the owner locked out by a stranger).
  .post("/:username/unlock", async (c) => {
    const { db, now } = c.var.deps;
    const admin = currentUser(c);
    const user = await managedUser(db, admin, c.req.param("username"));
    await runBatch(db, [
      clearAttemptsOfUserStatement(db, user.username),
      audit(c, { action: "unlock", entity: "user", entityCode: user.username }),
    ]);
    return c.json(await userAnswer(db, now(), user.username));
  });
