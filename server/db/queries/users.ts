import { and, asc, eq, sql } from "drizzle-orm";
import type { Database, Statement } from "../database.js";
import { sessions, units, users } from "../schema.js";
import { inSubtree } from "./units.js";

export type UserRow = typeof users.$inferSelect;

const userView = {
  id: users.id,
  username: users.username,
  role: users.role,
  unitId: users.unitId,
  unitCode: units.code,
  unitName: units.name,
  unitPath: units.path,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

/** A user with the password hash, for sign-in. */
export async function findUserForLogin(db: Database, username: string) {
  return db
    .select({ ...userView, passwordHash: users.passwordHash })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username))
    .get();
}

export async function findUserByUsername(db: Database, username: string) {
  return db
    .select(userView)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username))
    .get();
}

export async function findUserById(db: Database, id: number) {
  return db
    .select({ ...userView, passwordHash: users.passwordHash })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id))
    .get();
}

/**
 * Users whose scope lies inside the given subtree. An unscoped user (the whole tree) is visible only
 * to an unscoped caller.
 */
export async function listUsers(db: Database, scopePath: string | null) {
  return db
    .select(userView)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(scopePath === null ? undefined : inSubtree(scopePath))
    .orderBy(asc(users.username))
    .all();
}

export async function anyAdminExists(db: Database): Promise<boolean> {
  const row = await db.select({ one: sql<number>`1` }).from(users).where(eq(users.role, "admin")).get();
  return row !== undefined;
}

export function insertUserStatement(db: Database, user: typeof users.$inferInsert): Statement {
  return db.insert(users).values(user);
}

export function updateUserStatement(
  db: Database,
  id: number,
  patch: Partial<Pick<UserRow, "role" | "unitId" | "passwordHash" | "disabledAt">>,
): Statement {
  return db.update(users).set(patch).where(eq(users.id, id));
}

/** Signs a user out everywhere (password change, disabling). */
export function deleteSessionsOfUserStatement(
  db: Database,
  userId: number,
  exceptSessionId?: string,
): Statement {
  return db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    );
}
