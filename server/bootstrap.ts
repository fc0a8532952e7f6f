import { generatePassword, hashPassword } from "./auth/passwords.js";
import type { Database } from "./db/database.js";
import { runBatch } from "./db/database.js";
import { auditStatement, getSetting, putSettingOnce } from "./db/queries/access.js";
import { anyAdminExists, insertUserStatement } from "./db/queries/users.js";
import { randomToken } from "./lib/crypto.js";
import type { Logger } from "./logger.js";

/**
 * The signing secret: the configured one, else one generated at first start and kept in the database
 * (so that links signed before a restart stay valid). Concurrent first starts agree on one value.
 */
export async function resolveSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  // Read first: every later start finds it and needs no write lock (another process may hold it).
  return (await getSetting(db, "secret")) ?? putSettingOnce(db, "secret", randomToken(48));
}

/**
 * Creates the first admin when there is none: with HAILONG_ADMIN_PASSWORD, or a random password that is
 * returned so the entry can print it once. Returns undefined when an admin exists already.
 */
export async function ensureFirstAdmin(
  db: Database,
  options: { password: string | undefined; now: number; log: Logger },
): Promise<{ username: string; generatedPassword?: string } | undefined> {
  if (await anyAdminExists(db)) return undefined;
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    await runBatch(db, [
      insertUserStatement(db, {
        username: "admin",
        passwordHash,
        role: "admin",
        unitId: null,
        createdAt: options.now,
      }),
      auditStatement(
        db,
        { userId: null, action: "create", entity: "user", entityCode: "admin" },
        options.now,
      ),
    ]);
  } catch (error) {
    // Another process or isolate created it in the meantime.
    if (await anyAdminExists(db)) return undefined;
    throw error;
  }
  options.log.info("first_admin_created", { username: "admin" });
  return options.password ? { username: "admin" } : { username: "admin", generatedPassword: password };
}
