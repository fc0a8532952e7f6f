import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { databaseContentHash } from "../helpers/database-hash.js";

const dir = mkdtempSync(join(tmpdir(), "hailong-seed-"));
const databaseUrl = `file:${join(dir, "demo.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (script: string, args: string[] = [], url = databaseUrl) =>
  spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
/** `npm run seed:demo` with these arguments into the database at `url`; throws if it fails. */
const seedDemo = (args: string[], url = databaseUrl) =>
  execFileSync(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url },
  });
const query = async (sql: string) => {
  const client = createClient({ url: databaseUrl });
  try {
    return (await client.execute(sql)).rows;
  } finally {
    client.close();
  }
};

describe("npm run seed:demo", () => {
  it("fills a fresh database with the demo catalogue, demo officers and reproducible responses", async () => {
    seedDemo(["--responses", "1500", "--seed", "7"]);
    const [counts] =
      await query(`SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM services) AS services,
      (SELECT count(*) FROM points) AS points, (SELECT count(*) FROM responses) AS responses, (SELECT count(*) FROM users) AS users`);
    // The only accounts are the seven demo officers (staff), whose passwords nobody knows.
    expect(counts).toMatchObject({ units: 7, services: 30, points: 10, responses: 1500, users: 7 });
    const [officers] = await query(
      "SELECT count(*) AS staff, (SELECT count(*) FROM responses WHERE officer_id IS NOT NULL) AS served FROM users WHERE role = 'staff'",
    );
    expect(Number(officers?.staff)).toBe(7);
    // Most responses were served by an officer on duty; the kiosk's and some others by nobody.
    expect(Number(officers?.served)).toBeGreaterThan(1000);
    expect(Number(officers?.served)).toBeLessThan(1400);
    const [respondents] = await query("SELECT sum(count_1) AS n FROM rollups_monthly WHERE item = '#'");
    expect(Number(respondents?.n)).toBe(1500);
    // Every stored comment that carried a personal number is flagged.
    const [unflagged] = await query(
      "SELECT count(*) AS n FROM responses WHERE comment LIKE '%*%' AND comment_has_pii = 0",
    );
    expect(Number(unflagged?.n)).toBe(0);
  });
});

describe("npm run seed:demo reproducibility", () => {
  it("writes the same content into every table from the same seed and end date", () => {
    const seeded = (name: string, seed: string) => {
      const path = join(dir, name);
      seedDemo(["--responses", "300", "--seed", seed, "--until", "2026-11-30T12:00:00Z"], `file:${path}`);
      // The demo officers' passwords are random on purpose: nobody may sign in as them.
      return databaseContentHash(path, { users: ["password_hash"] });
    };
    const first = seeded("a.db", "42");
    expect(seeded("b.db", "42")).toBe(first);
    expect(seeded("c.db", "43")).not.toBe(first);
  });
});

describe("npm run db:check", () => {
  it("agrees with the seeded rollups", () => {
    const result = run("db-check");
    expect(result.stdout).toMatch(/Rollups agree with the 1,500 responses/);
    expect(result.status).toBe(0);
  });

  it("finds a tampered rollup, exits 1, and repairs it with --repair", async () => {
    await query("UPDATE rollups SET count_5 = count_5 + 3 WHERE rowid = (SELECT min(rowid) FROM rollups)");
    await query("DELETE FROM rollups_monthly WHERE rowid = (SELECT max(rowid) FROM rollups_monthly)");
    const found = run("db-check");
    expect(found.status).toBe(1);
    expect(found.stdout).toMatch(/2 rollup row\(s\) differed/);
    expect(run("db-check", ["--repair"]).status).toBe(0);
    expect(run("db-check").status).toBe(0);
  });
});

describe("npm run seed:demo into a database that holds responses", () => {
  it("adds its rollups to the stored ones, across chunk boundaries, as db:check recomputes them", () => {
    const url = `file:${join(dir, "twice.db")}`;
    const seed = (responses: string, seedValue: string) =>
      seedDemo(["--responses", responses, "--seed", seedValue, "--until", "2026-11-30T12:00:00Z"], url);
    seed("300", "1");
    // 50,000 responses to a transaction: the second run writes two, and days on both sides of the boundary.
    seed("50001", "2");
    const check = run("db-check", [], url);
    expect(check.stdout).toMatch(/Rollups agree with the 50,301 responses/);
    expect(check.status).toBe(0);
  }, 120_000);
});
