import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { Database, Statement } from "../database.js";
import { points, shifts, units, users } from "../schema.js";
import { inSubtree } from "./units.js";

// Shifts: who holds which counter now. A shift is open while ended_at is NULL and ends_at (the end of its
// local day) lies ahead; every query below takes `now` and applies both, so a forgotten shift lapses by
// itself at midnight in Hanoi.

const open = (now: number) => and(isNull(shifts.endedAt), gt(shifts.endsAt, now));

const shiftView = {
  id: shifts.id,
  pointId: shifts.pointId,
  pointCode: points.code,
  pointLabel: points.label,
  unitCode: units.code,
  userId: shifts.userId,
  username: users.username,
  displayName: users.displayName,
  startedAt: shifts.startedAt,
  endsAt: shifts.endsAt,
};

export type OpenShift = Awaited<ReturnType<typeof listOpenShifts>>[number];

/** The officer on duty at a point now (the newest open shift), or undefined. */
export async function findOnDuty(db: Database, pointId: number, now: number) {
  return db
    .select(shiftView)
    .from(shifts)
    .innerJoin(points, eq(points.id, shifts.pointId))
    .innerJoin(units, eq(units.id, points.unitId))
    .innerJoin(users, eq(users.id, shifts.userId))
    .where(and(eq(shifts.pointId, pointId), open(now)))
    .orderBy(desc(shifts.startedAt), desc(shifts.id))
    .get();
}

/** Just the id of the officer on duty at a point now: the one look-up a QR or kiosk submission adds. */
export async function findOnDutyOfficerId(
  db: Database,
  pointId: number,
  now: number,
): Promise<number | null> {
  const row = await db
    .select({ userId: shifts.userId })
    .from(shifts)
    .where(and(eq(shifts.pointId, pointId), open(now)))
    .orderBy(desc(shifts.startedAt), desc(shifts.id))
    .get();
  return row?.userId ?? null;
}

/** The open shifts at the points of a unit subtree (null: all), by point. */
export async function listOpenShifts(db: Database, scopePath: string | null, now: number) {
  return db
    .select(shiftView)
    .from(shifts)
    .innerJoin(points, eq(points.id, shifts.pointId))
    .innerJoin(units, eq(units.id, points.unitId))
    .innerJoin(users, eq(users.id, shifts.userId))
    .where(and(open(now), inSubtree(scopePath)))
    .orderBy(points.code, desc(shifts.startedAt))
    .all();
}

/**
 * Statements that start a shift: they end the user's other open shifts (one counter at a time) and anyone
 * else's open shift at this point (one officer per counter), then open the new one until `endsAt`.
 */
export function startShiftStatements(
  db: Database,
  shift: { pointId: number; userId: number; now: number; endsAt: number },
): Statement[] {
  return [
    db
      .update(shifts)
      .set({ endedAt: shift.now, endedBy: shift.userId })
      .where(and(open(shift.now), or(eq(shifts.userId, shift.userId), eq(shifts.pointId, shift.pointId)))),
    db.insert(shifts).values({
      pointId: shift.pointId,
      userId: shift.userId,
      startedAt: shift.now,
      endsAt: shift.endsAt,
    }),
  ];
}

/** A statement that ends the open shifts of a point now. */
export function endShiftsOfPointStatement(db: Database, pointId: number, now: number, byUserId: number) {
  return db
    .update(shifts)
    .set({ endedAt: now, endedBy: byUserId })
    .where(and(eq(shifts.pointId, pointId), open(now)));
}

/** A statement that sets the name an officer shows citizens and reports. */
export function setDisplayNameStatement(db: Database, userId: number, displayName: string | null) {
  return db.update(users).set({ displayName }).where(eq(users.id, userId));
}

/** The name shown for an officer: the display name they set, else their username. */
export const officerName = (username: string, displayName: string | null) =>
  displayName && displayName.trim() !== "" ? displayName : username;

/** The display name an officer set (null when they set none): what the survey page may show of them. */
export async function findOfficerName(db: Database, userId: number): Promise<string | null | undefined> {
  const row = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).get();
  return row?.name;
}
