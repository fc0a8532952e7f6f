import { spawnSync } from "node:child_process";

/**
 * Runs `npm run db:check` (scripts/db-check.ts) against a database file, as an operator would after an
 * incident: exit status 0 and its report when the rollups agree with the raw responses.
 */
export function runDbCheck(databaseFile: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-check.ts"], {
    cwd: new URL("../../..", import.meta.url).pathname,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}
