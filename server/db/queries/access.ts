import { and, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Database, Statement } from "../database.js";
import { apiTokens, auditLog, sessions, settings, units, users } from "../schema.js";
import { inSubtree } from "./units.js";

const callerView = {
  id: users.id,
  username: users.username,
  role: users.role,
  unitId: users.unitId,
  unitCode: units.code,
  scopePath: units.path,
  disabledAt: users.disabledAt,
};

export async function insertSession(db: Database, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The user behind a live session (by the hash of its cookie), opened after `openedAfter`. */
export async function findSessionUser(db: Database, sessionId: string, now: number, openedAfter: number) {
  return db
    .select({ ...callerView, expiresAt: sessions.expiresAt, createdAt: sessions.createdAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), gt(sessions.createdAt, openedAfter)))
    .get();
}

export async function extendSession(db: Database, sessionId: string, expiresAt: number): Promise<void> {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteExpiredSessions(db: Database, now: number): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function insertApiToken(db: Database, token: typeof apiTokens.$inferInsert): Promise<void> {
  await db.insert(apiTokens).values(token);
}

/** The owner of a live (not revoked, not expired) API token, with the stored hash to compare against. */
export async function findTokenUser(db: Database, tokenId: string, now: number) {
  return db
    .select({ ...callerView, secretHash: apiTokens.secretHash, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(apiTokens.id, tokenId),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .get();
}

export async function touchApiToken(db: Database, tokenId: string, now: number): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}

export async function listApiTokens(db: Database, userId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

export async function findApiToken(db: Database, tokenId: string) {
  return db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get();
}

export async function revokeApiToken(db: Database, tokenId: string, now: number): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, tokenId));
}

/** Revokes every live token of a user (password reset or change, disabling, "revoke all"). */
export function revokeTokensOfUserStatement(db: Database, userId: number, now: number): Statement {
  return db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** How many of a user's tokens still work. */
export async function countLiveTokens(db: Database, userId: number, now: number): Promise<number> {
  const rows = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.userId, userId),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .all();
  return rows.length;
}

export type AuditEntry = {
  userId: number | null;
  action: string;
  entity: string;
  entityCode?: string | null;
  detail?: Record<string, unknown>;
};

/** An audit row, to be written in the same batch as the change it records. */
export function auditStatement(db: Database, entry: AuditEntry, now: number) {
  return db.insert(auditLog).values({
    at: now,
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityCode: entry.entityCode ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  });
}

/** The newest audit rows first; `before` pages backwards by id. */
export async function listAudit(
  db: Database,
  options: { limit: number; before?: number | undefined; scopePath: string | null },
) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      username: users.username,
      action: auditLog.action,
      entity: auditLog.entity,
      entityCode: auditLog.entityCode,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        options.before ? lt(auditLog.id, options.before) : undefined,
        options.scopePath === null ? undefined : inSubtree(options.scopePath),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(options.limit)
    .all();
}

export async function getSetting(db: Database, key: string): Promise<string | undefined> {
  const row = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row?.value;
}

/** Stores a setting unless one is there already; returns the value that won. */
export async function putSettingOnce(db: Database, key: string, value: string): Promise<string> {
  await db.insert(settings).values({ key, value }).onConflictDoNothing();
  return (await getSetting(db, key)) ?? value;
}
