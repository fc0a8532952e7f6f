import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { generatePassword } from "../server/auth/passwords.js";
import { applyLocalMigrations, offlineWranglerEnv, ROOT, WRANGLER } from "./worker-wrangler.js";

// `npm run dev:worker`: the Workers build on this machine: local D1 (in .wrangler/state) with migrations/
// applied, then `wrangler dev` on http://127.0.0.1:8787. Extra arguments go to wrangler dev.

const DEV_VARS = join(ROOT, ".dev.vars");

/**
 * Workers read secrets from .dev.vars in local development. The first run writes a random first-admin
 * password there and prints it once, as `npm start` does on Node.
 */
function ensureAdminPassword(): void {
  const current = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, "utf8") : "";
  if (/^HAILONG_ADMIN_PASSWORD=/m.test(current)) {
    console.log('Local Workers dev: the "admin" password is HAILONG_ADMIN_PASSWORD in .dev.vars.');
    return;
  }
  const password = generatePassword();
  appendFileSync(
    DEV_VARS,
    `${current && !current.endsWith("\n") ? "\n" : ""}HAILONG_ADMIN_PASSWORD=${password}\n`,
  );
  console.log(
    `\nLocal Workers dev: sign in at http://127.0.0.1:8787/console as "admin" with the password\n\n    ${password}\n\n(kept in .dev.vars, which git ignores).\n`,
  );
}

const env = offlineWranglerEnv(process.env.XDG_CONFIG_HOME ?? join(homedir(), ".config"));
ensureAdminPassword();
console.log(await applyLocalMigrations(undefined, env));
const dev = spawn(
  process.execPath,
  [WRANGLER, "dev", "--local", "--ip", "127.0.0.1", "--port", "8787", ...process.argv.slice(2)],
  { cwd: ROOT, env, stdio: "inherit" },
);
// Ctrl-C reaches wrangler through the terminal; a supervisor's SIGTERM is passed on, and wrangler ends workerd.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => dev.kill("SIGTERM"));
dev.once("exit", (code) => process.exit(code ?? 0));
