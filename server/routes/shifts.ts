import type { Context } from "hono";
import { Hono } from "hono";
import { type OnDuty, type PointShift, shiftStartSchema } from "../../shared/contract/shifts.js";
import { currentUser, requireUser } from "../auth/guard.js";
import { runBatch } from "../db/database.js";
import {
  endShiftsOfPointStatement,
  findOnDuty,
  listOpenShifts,
  officerName,
  setDisplayNameStatement,
  startShiftStatements,
} from "../db/queries/shifts.js";
import type { AppEnv } from "../deps.js";
import { ApiError, forbidden, invalid, zodIssues } from "../errors.js";
import { audit } from "../lib/audit.js";
import { activePointInScope } from "../links/active-point.js";
import { endOfLocalDay } from "../shifts/end-of-day.js";
import { pointInScope } from "./points.js";

// Shifts (issue 16): a staff user takes a counter for their shift; responses through the counter's QR or
// kiosk meanwhile record them as the officer who served. Staff take counters of their own unit subtree;
// staff end their own shift, admins anyone's in their scope. Start and end go to the audit log.

type Shown = NonNullable<Awaited<ReturnType<typeof findOnDuty>>>;

const presentOnDuty = (shift: Shown): OnDuty => ({
  username: shift.username,
  name: officerName(shift.username, shift.displayName),
  startedAt: new Date(shift.startedAt).toISOString(),
  endsAt: new Date(shift.endsAt).toISOString(),
});

async function pointShift(
  c: Context<AppEnv>,
  point: { id: number; code: string; label: string; showOfficer: boolean },
) {
  const onDuty = await findOnDuty(c.var.deps.db, point.id, c.var.deps.now());
  const body: PointShift = {
    point: point.code,
    label: point.label,
    showOfficer: point.showOfficer,
    onDuty: onDuty ? presentOnDuty(onDuty) : null,
  };
  c.header("cache-control", "no-store");
  return c.json(body);
}

/** The optional JSON body of "take this counter": empty means `{}`. */
async function readStartBody(c: Context<AppEnv>) {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_JSON", "The request body is not valid JSON.");
  }
  const parsed = shiftStartSchema.safeParse(raw);
  if (!parsed.success) throw invalid("The shift request is not valid.", zodIssues(parsed.error));
  return parsed.data;
}

/** `GET /api/v1/shifts` (who holds which counter in my scope) and the per-point shift routes. */
export const shiftRoutes = new Hono<AppEnv>()
  .get("/api/v1/shifts", requireUser(), async (c) => {
    const { db, now } = c.var.deps;
    const user = currentUser(c);
    const rows = await listOpenShifts(db, user.scopePath, now());
    c.header("cache-control", "no-store");
    return c.json({
      // Below this many respondents an officer's figures are withheld: the console's "my results" says so.
      minResponses: c.var.deps.config.officerMinResponses,
      shifts: rows.map((row) => ({
        point: row.pointCode,
        label: row.pointLabel,
        unit: row.unitCode,
        mine: row.userId === user.id,
        ...presentOnDuty(row),
      })),
    });
  })
  .get("/api/v1/points/:code/shift", requireUser(), async (c) => {
    const point = await pointInScope(c.var.deps.db, currentUser(c), c.req.param("code"));
    return pointShift(c, point);
  })
  .post("/api/v1/points/:code/shift", requireUser("admin", "staff"), async (c) => {
    const { db, now } = c.var.deps;
    const user = currentUser(c);
    const point = await activePointInScope(db, user, c.req.param("code"));
    const body = await readStartBody(c);
    const at = now();
    const endsAt = endOfLocalDay(at);
    await runBatch(db, [
      ...(body.name === undefined ? [] : [setDisplayNameStatement(db, user.id, body.name)]),
      ...startShiftStatements(db, { pointId: point.id, userId: user.id, now: at, endsAt }),
      audit(
        c,
        {
          action: "start_shift",
          entity: "point",
          entityCode: point.code,
          detail: { endsAt: new Date(endsAt).toISOString(), ...(body.name ? { name: body.name } : {}) },
        },
        at,
      ),
    ]);
    return pointShift(c, point);
  })
  .delete("/api/v1/points/:code/shift", requireUser("admin", "staff"), async (c) => {
    const { db, now } = c.var.deps;
    const user = currentUser(c);
    const point = await pointInScope(db, user, c.req.param("code"));
    const at = now();
    const onDuty = await findOnDuty(db, point.id, at);
    if (onDuty) {
      // Staff end their own shift; admins end anyone's within their scope (pointInScope checked it).
      if (user.role !== "admin" && onDuty.userId !== user.id) {
        throw forbidden("Only the officer on duty or an admin can end this shift.");
      }
      await runBatch(db, [
        endShiftsOfPointStatement(db, point.id, at, user.id),
        audit(
          c,
          {
            action: "end_shift",
            entity: "point",
            entityCode: point.code,
            detail: { officer: onDuty.username },
          },
          at,
        ),
      ]);
    }
    return pointShift(c, point);
  });
