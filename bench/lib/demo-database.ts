import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The path of a demo database with `responses` seeded responses over a year (`npm run seed:demo`), built
 * once into a temp folder and reused by later runs: seeding a million responses takes minutes. Set
 * HAILONG_BENCH_DIR to keep the databases elsewhere.
 */
export function demoDatabase(responses: number): string {
  const dir = process.env.HAILONG_BENCH_DIR ?? join(tmpdir(), "hailong-bench-demo");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `demo-${responses}.db`);
  const done = `${path}.done`;
  if (existsSync(done)) return path;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  console.error(`Seeding ${responses.toLocaleString("en")} demo responses into ${path}…`);
  execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/seed-demo.ts", "--responses", String(responses)],
    {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: `file:${path}` },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  writeFileSync(done, new Date().toISOString());
  return path;
}
