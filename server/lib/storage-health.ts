// What the health check knows beyond its own probe: whether real requests found the database unable to take
// a write (disk full, I/O error, locked) a moment ago. One record per database handle, so per app.

/** How long after a failed write /healthz keeps answering 503. */
export const STORAGE_FAILURE_WINDOW_MS = 30_000;

type Record = { lastFailureAt: number | undefined };
const records = new WeakMap<object, Record>();

function recordOf(db: object): Record {
  let record = records.get(db);
  if (!record) {
    record = { lastFailureAt: undefined };
    records.set(db, record);
  }
  return record;
}

/** Notes that a write to this database failed for lack of space, an I/O error or a lock. */
export function noteStorageFailure(db: object, now: number): void {
  recordOf(db).lastFailureAt = now;
}

/** True when a write to this database failed within the window. */
export function storageFailedRecently(db: object, now: number): boolean {
  const at = recordOf(db).lastFailureAt;
  return at !== undefined && now - at < STORAGE_FAILURE_WINDOW_MS;
}
