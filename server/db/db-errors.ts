// What a database error means for the caller, read from the driver's error (libSQL on Node, D1 on Workers)
// and the errors it wraps. Only the SQLite result code is read: never the statement or its values.

/** The messages and causes of an error, outermost first (drivers wrap the SQLite error once or twice). */
function chain(error: unknown): Array<{ message: string; code: string }> {
  const found: Array<{ message: string; code: string }> = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e instanceof Error) {
      const code = (e as { code?: unknown }).code;
      found.push({ message: e.message, code: typeof code === "string" ? code : "" });
    }
    e = (e as { cause?: unknown }).cause;
  }
  return found;
}

/** True when a SQLite error is a UNIQUE constraint failure (duplicate code under a race). */
export function isUniqueViolation(error: unknown): boolean {
  return chain(error).some(({ message, code }) =>
    /UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(`${code} ${message}`),
  );
}

/**
 * True when the database cannot take a write just now but may later: disk full (SQLITE_FULL), locked by
 * another writer past the busy timeout (SQLITE_BUSY, SQLITE_LOCKED), or an I/O error (SQLITE_IOERR). The
 * request is answered 503 with Retry-After, so that the survey's outbox sends it again.
 */
export function isStorageUnavailable(error: unknown): boolean {
  return chain(error).some(({ message, code }) =>
    /SQLITE_(FULL|BUSY|LOCKED|IOERR)|database or disk is full|database is locked|disk I\/O error/.test(
      `${code} ${message}`,
    ),
  );
}

/**
 * What may be logged of an error: its name, the SQLite result code, and the driver's own message (a
 * table, a column, a constraint). Drizzle's "Failed query: … params: …" wrapper is skipped, and so is
 * anything after "params:": SQL parameters carry passwords, secrets and citizens' comments.
 */
export function loggableError(error: unknown): { error: string; code?: string; message: string } {
  const links = chain(error);
  const name = error instanceof Error ? error.name : typeof error;
  const code = links.map((link) => link.code).find((c) => c !== "");
  const own = links.find((link) => !/^Failed query:/.test(link.message)) ?? { message: "" };
  const message =
    own.message
      .split(/\bparams:/)[0]
      ?.trim()
      .slice(0, 300) ?? "";
  return code ? { error: name, code, message } : { error: name, message };
}

/** True when SQLite says the file is damaged or not a database at all. */
export function isCorruption(error: unknown): boolean {
  return chain(error).some(({ message, code }) =>
    /SQLITE_(CORRUPT|NOTADB)|malformed|file is not a database/.test(`${code} ${message}`),
  );
}
