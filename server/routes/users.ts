import { Hono } from "hono";
import { userCreateSchema, userPatchSchema } from "../../shared/contract/catalogue.js";
import { assertInScope, currentUser, requireUser } from "../auth/guard.js";
import { hashPassword } from "../auth/passwords.js";
import { type Database, runBatch, type Statement } from "../db/database.js";
import { auditStatement } from "../db/queries/access.js";
import { findUnitByCode } from "../db/queries/units.js";
import {
  deleteSessionsOfUserStatement,
  findUserByUsername,
  insertUserStatement,
  listUsers,
  updateUserStatement,
} from "../db/queries/users.js";
import type { AppEnv, AuthUser } from "../deps.js";
import { conflict, forbidden, invalid, notFound } from "../errors.js";
import { created } from "../lib/request.js";
import { validate } from "../lib/validate.js";

type UserView = NonNullable<Awaited<ReturnType<typeof findUserByUsername>>>;

const presentUser = (u: UserView) => ({
  username: u.username,
  role: u.role,
  unit: u.unitCode,
  unitName: u.unitName,
  disabled: u.disabledAt !== null,
  createdAt: new Date(u.createdAt).toISOString(),
});

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

/** A user the caller may manage: 404 when unknown, 403 when their scope is not inside the caller's. */
async function managedUser(db: Database, admin: AuthUser, username: string) {
  const user = await findUserByUsername(db, username.toLowerCase());
  if (!user) throw notFound(`The user ${username}`);
  if (admin.scopePath !== null && (user.unitPath === null || !user.unitPath.startsWith(admin.scopePath))) {
    throw forbidden("This user is outside your scope.");
  }
  return user;
}

/** Console users and their roles; admins manage users inside their own scope. */
export const userRoutes = new Hono<AppEnv>()
  .use(requireUser("admin"))
  .get("/", async (c) => {
    const rows = await listUsers(c.var.deps.db, currentUser(c).scopePath);
    return c.json({ users: rows.map(presentUser) });
  })
  .get("/:username", async (c) => {
    return c.json({
      user: presentUser(await managedUser(c.var.deps.db, currentUser(c), c.req.param("username"))),
    });
  })
  .post("/", validate("json", userCreateSchema), async (c) => {
    const { db, now } = c.var.deps;
    const admin = currentUser(c);
    const body = c.req.valid("json");
    const unit = await grantableUnit(db, admin, body.unit);
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
      auditStatement(
        db,
        {
          userId: admin.id,
          action: "create",
          entity: "user",
          entityCode: body.username,
          detail: { role: body.role, unit: body.unit ?? null },
        },
        now(),
      ),
    ]);
    return created(c, { user: presentUser((await findUserByUsername(db, body.username)) as UserView) });
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
    const changes = {
      ...(patch.role ? { role: patch.role } : {}),
      ...(unit === undefined ? {} : { unitId: unit?.id ?? null }),
      ...(patch.password ? { passwordHash: await hashPassword(patch.password) } : {}),
      ...(patch.disabled === undefined ? {} : { disabledAt: patch.disabled ? now() : null }),
    };
    if (Object.keys(changes).length === 0) return c.json({ user: presentUser(user) });
    const statements: Statement[] = [updateUserStatement(db, user.id, changes)];
    // A new password, scope or a disabled account ends the user's open sessions.
    if (patch.password || patch.disabled || unit !== undefined || patch.role)
      statements.push(deleteSessionsOfUserStatement(db, user.id));
    const { password: _password, ...logged } = patch;
    statements.push(
      auditStatement(
        db,
        {
          userId: admin.id,
          action: "update",
          entity: "user",
          entityCode: user.username,
          detail: { ...logged, passwordReset: patch.password !== undefined },
        },
        now(),
      ),
    );
    await runBatch(db, statements);
    return c.json({ user: presentUser((await findUserByUsername(db, user.username)) as UserView) });
  });
