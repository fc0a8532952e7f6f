import { createHash } from "node:crypto";
import Database from "libsql";

/**
 * A SHA-256 over the content of every table of a database file: each table's rows in the order of all
 * their columns, so that two databases with the same rows hash alike whatever order they were written in.
 * `ignore` names columns that are random by design (e.g. `users.password_hash`), left out of the hash.
 */
export function databaseContentHash(path: string, ignore: Record<string, string[]> = {}): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash("sha256");
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .raw()
      .all() as [string][];
    for (const [table] of tables) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).raw().all(table) as [string][])
        .map(([name]) => name)
        .filter((name) => !ignore[table]?.includes(name));
      const list = columns.map((name) => `"${name}"`).join(", ");
      hash.update(`\n${table}(${columns.join(",")})\n`);
      for (const row of db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().iterate())
        hash.update(`${JSON.stringify(row)}\n`);
    }
    return hash.digest("hex");
  } finally {
    db.close();
  }
}
