import type { Client } from "@libsql/client";

/**
 * SQLite's quick check of the database file (the structure of every page and index, without comparing
 * index entries with rows: seconds for a large file, where integrity_check takes minutes). Returns the
 * problems it reports, or an empty list for a sound file.
 */
export async function quickCheck(client: Client): Promise<string[]> {
  const result = await client.execute("PRAGMA quick_check");
  const lines = result.rows.map((row) => String(row[0]));
  return lines.length === 1 && lines[0] === "ok" ? [] : lines;
}

/** The message printed when the server refuses to start on a damaged file: what happened and what to do. */
export function damagedDatabaseMessage(file: string, problems: string[]): string {
  const shown = problems.slice(0, 5).map((line) => `    ${line}`);
  if (problems.length > 5) shown.push(`    … and ${problems.length - 5} more`);
  return [
    `hailong will not start: the database ${file} is damaged (PRAGMA quick_check found problems):`,
    ...shown,
    "",
    "Serving it would lose or corrupt answers. Stop every process that uses it, then restore the latest backup:",
    "",
    "    npm run restore -- backups/hailong-<time>.db",
    "",
    `(the damaged file is kept beside it as ${file}.before-restore-<time>), and start again with npm start.`,
  ].join("\n");
}
