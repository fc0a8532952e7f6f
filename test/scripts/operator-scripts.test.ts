import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../server/auth/passwords.js";

// The operator scripts as an operator runs them (real processes, a real database file): they explain
// themselves, say one clear line on a wrong argument, and never create a database where none was.

const dir = mkdtempSync(join(tmpdir(), "hailong-scripts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], databaseFile = join(dir, "hailong.db")) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, PUBLIC_URL: "http://192.168.1.20:8787" },
    encoding: "utf8",
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const SCRIPTS = ["backup", "restore", "db-check", "seed-demo", "admin"];

describe("every operator script", () => {
  it.each(SCRIPTS)("%s answers --help with its usage", (script) => {
    const { code, out } = run(script, ["--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: npm run|^Usage:\n/);
  });

  it.each(SCRIPTS)("%s says one line on an unknown option, without a stack trace", (script) => {
    const { code, err } = run(script, ["--bogus"]);
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/unknown option --bogus\. See: npm run [a-z:-]+ -- --help/);
  });

  it.each([
    ["db-check", []],
    ["backup", ["--out", join(dir, "copy.db")]],
    ["admin", ["reset-password", "admin"]],
  ])("%s on a mistyped database path says so and creates nothing", (script, args) => {
    const missing = join(dir, "typo", "hailong.db");
    const { code, err } = run(script, args, missing);
    expect(code).toBe(1);
    expect(err.trim()).toBe(
      `${script === "db-check" ? "db:check" : script}: there is no database at ${missing} (check DATABASE_URL; npm start creates one).`,
    );
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, "copy.db"))).toBe(false);
  });
});

describe("npm run admin", () => {
  const file = join(dir, "admin.db");
  const client = () => createClient({ url: `file:${file}` });
  const passwordIn = (out: string) => /\n {4}(\S+)\n/.exec(out)?.[1] ?? "";
  const hashOf = async (username: string) => {
    const db = client();
    const row = (
      await db.execute({ sql: "SELECT password_hash FROM users WHERE username = ?", args: [username] })
    ).rows[0];
    db.close();
    return String(row?.password_hash);
  };

  it("creates an admin with a password printed once, and audits it", async () => {
    expect(run("migrate", [], file).code).toBe(0);
    const { code, out } = run("admin", ["create", "Chi.Nguyen", "--role", "admin"], file);
    expect(code).toBe(0);
    expect(out).toContain("Sign in at http://192.168.1.20:8787/console");
    const password = passwordIn(out);
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(await verifyPassword(password, await hashOf("chi.nguyen"))).toBe(true);
    const db = client();
    const audit = (
      await db.execute("SELECT action, entity_code, detail FROM audit_log ORDER BY id DESC LIMIT 1")
    ).rows[0];
    db.close();
    expect(audit).toMatchObject({ action: "create", entity_code: "chi.nguyen" });
    expect(JSON.parse(String(audit?.detail))).toMatchObject({ role: "admin", by: "admin script" });
    const again = run("admin", ["create", "chi.nguyen", "--role", "admin"], file);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/exists already/);
  });

  it("resets a lost password: the old one stops working, sessions end, tokens are revoked, the lock-out lifts, the change is audited", async () => {
    const before = await hashOf("chi.nguyen");
    const db = client();
    const user = (await db.execute("SELECT id FROM users WHERE username = 'chi.nguyen'")).rows[0];
    await db.execute({
      sql: "INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ('s1', ?, 1, 9999999999999)",
      args: [Number(user?.id)],
    });
    // Locked out from some address (sign-in lock-out is counted per address and username).
    await db.execute(
      "INSERT INTO sign_in_attempts (key, username, attempts, blocked_until, last_at) VALUES ('k1', 'chi.nguyen', 9, 9999999999999, 1)",
    );
    await db.execute({
      sql: "INSERT INTO api_tokens (id, user_id, name, secret_hash, created_at) VALUES ('t1', ?, 'script', 'x', 1)",
      args: [Number(user?.id)],
    });
    db.close();
    const { code, out } = run("admin", ["reset-password", "chi.nguyen"], file);
    expect(code).toBe(0);
    const hash = await hashOf("chi.nguyen");
    expect(hash).not.toBe(before);
    expect(await verifyPassword(passwordIn(out), hash)).toBe(true);
    const check = client();
    expect((await check.execute("SELECT count(*) AS n FROM sessions")).rows[0]?.n).toBe(0);
    expect((await check.execute("SELECT count(*) AS n FROM sign_in_attempts")).rows[0]?.n).toBe(0);
    expect(
      (await check.execute("SELECT revoked_at FROM api_tokens WHERE id = 't1'")).rows[0]?.revoked_at,
    ).not.toBe(null);
    expect(
      (await check.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")).rows[0]?.action,
    ).toBe("reset_password");
    check.close();
    const unknown = run("admin", ["reset-password", "nobody"], file);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/there is no user "nobody"/);
    expect(run("admin", ["frobnicate", "x"], file).err).toMatch(/unknown command frobnicate/);
  });
});
