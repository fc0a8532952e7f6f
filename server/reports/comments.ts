import type { CommentsPage } from "../../shared/contract/reports.js";
import type { Period } from "../../shared/time/index.js";
import type { Database } from "../db/database.js";
import { listComments, type ResponseCursor } from "../db/queries/reports.js";

// GET /api/v1/reports/comments: what citizens wrote, newest first, with the point, service and day. The
// text is stored masked (personal numbers replaced before it was written); the flag says masking happened.

/** The text form of a page cursor, as `next` gives it and `before` takes it back: "<day>_<id>". */
export const formatCursor = (cursor: ResponseCursor) => `${cursor.day}_${cursor.id}`;

/** A cursor from its text form; the route has checked the shape. */
export const parseCursor = (text: string): ResponseCursor => ({ day: text.slice(0, 10), id: text.slice(11) });

/**
 * One page of a period's comments in a unit subtree (null: all), optionally of one service. `before` comes
 * from the previous page's `next`, which is null on the last page.
 */
export async function commentsPage(
  db: Database,
  options: {
    period: Period;
    subtree: string | null;
    serviceId: number | null;
    /** Only the comments on this officer's service (a staff user's own). */
    officerId?: number | null | undefined;
    limit: number;
    before: ResponseCursor | null;
  },
): Promise<CommentsPage> {
  const rows = await listComments(db, options);
  const last = rows.at(-1);
  return {
    comments: rows.map((row) => ({
      day: row.day,
      submitted_at: new Date(row.submitted_at).toISOString(),
      unit_code: row.unit_code,
      unit_name: row.unit_name,
      point_code: row.point_code,
      point_label: row.point_label,
      service_code: row.service_code,
      service_name: row.service_name,
      lang: row.lang,
      comment: row.comment,
      comment_has_pii: Boolean(row.comment_has_pii),
    })),
    next: last && rows.length === options.limit ? formatCursor(last) : null,
  };
}
