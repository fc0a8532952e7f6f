import { generatePassword, hashPassword } from "../server/auth/passwords.js";
import { parseConfig } from "../server/config.js";
import { runBatch } from "../server/db/database.js";
import { openLibsqlDatabase } from "../server/db/libsql.js";
import { applyMigrations } from "../server/db/migrate.js";
import { auditStatement, revokeTokensOfUserStatement } from "../server/db/queries/access.js";
import { clearAttemptsOfUserStatement } from "../server/db/queries/sign-in-attempts.js";
import { findUnitByCode } from "../server/db/queries/units.js";
import {
  deleteSessionsOfUserStatement,
  findUserByUsername,
  insertUserStatement,
  updateUserStatement,
} from "../server/db/queries/users.js";
import { ROLES, type Role, unitCodeSchema, usernameSchema } from "../shared/contract/catalogue.js";
import { existingDatabaseFile, fail, scriptArgs } from "./lib/cli.js";

// `npm run admin -- reset-password <username>` and `npm run admin -- create <username> --role admin`:
// access that cannot be lost. Works on the local database (DATABASE_URL=file:…), on the same machine as
// the server; prints the new password once; each change has its audit row ("by": "admin script").

const USAGE = `
Usage:
  npm run admin -- reset-password <username>
  npm run admin -- create <username> --role admin|analyst|staff [--unit <unit code>]

Works on the local database of DATABASE_URL (default file:data/hailong.db); the server may keep running.
A new random password is printed once; the user's sessions end and a lock after failed sign-ins is lifted.
Every change is written to the audit log.
`;

const SCRIPT = "admin";
const { values, positionals } = scriptArgs(
  SCRIPT,
  USAGE,
  { role: { type: "string" }, unit: { type: "string" } },
  true,
);
const [command, name, ...extra] = positionals;
if (command !== "reset-password" && command !== "create")
  fail(SCRIPT, `${command ? `unknown command ${command}` : "name a command"}. See: npm run admin -- --help`);
if (!name) fail(SCRIPT, `name the user: npm run admin -- ${command} <username>`);
if (extra.length > 0) fail(SCRIPT, `unexpected argument ${extra[0]}. See: npm run admin -- --help`);
const parsedName = usernameSchema.safeParse(name);
if (!parsedName.success) fail(SCRIPT, `"${name}" is not a username (2–64 letters, digits, . _ -).`);
const username = parsedName.data;

const config = parseConfig(process.env);
existingDatabaseFile(SCRIPT, config);
const database = await openLibsqlDatabase({ url: config.databaseUrl });
try {
  const { db } = database;
  await applyMigrations(database);
  const now = Date.now();
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const existing = await findUserByUsername(db, username);
  if (command === "reset-password") {
    if (!existing)
      fail(
        SCRIPT,
        `there is no user "${username}". Create one: npm run admin -- create ${username} --role admin`,
        1,
      );
    await runBatch(db, [
      updateUserStatement(db, existing.id, { passwordHash }),
      deleteSessionsOfUserStatement(db, existing.id),
      // As an admin's reset in the console: the lock-out is lifted and the user's API tokens stop working.
      clearAttemptsOfUserStatement(db, username),
      revokeTokensOfUserStatement(db, existing.id, now),
      auditStatement(
        db,
        {
          userId: null,
          action: "reset_password",
          entity: "user",
          entityCode: username,
          detail: { by: "admin script" },
        },
        now,
      ),
    ]);
    if (existing.disabledAt !== null)
      console.log(`Note: ${username} is disabled; an admin can enable the account in the console (Users).`);
  } else {
    if (existing)
      fail(
        SCRIPT,
        `the user "${username}" exists already. New password: npm run admin -- reset-password ${username}`,
        1,
      );
    if (!values.role || !ROLES.includes(values.role as Role))
      fail(SCRIPT, `choose a role: --role ${ROLES.join("|")}`);
    let unitId: number | null = null;
    if (values.unit) {
      const unit = await findUnitByCode(db, unitCodeSchema.parse(values.unit));
      if (!unit) fail(SCRIPT, `there is no unit ${values.unit}.`, 1);
      unitId = unit.id;
    }
    await runBatch(db, [
      insertUserStatement(db, { username, passwordHash, role: values.role as Role, unitId, createdAt: now }),
      auditStatement(
        db,
        {
          userId: null,
          action: "create",
          entity: "user",
          entityCode: username,
          detail: { role: values.role, unit: values.unit ?? null, by: "admin script" },
        },
        now,
      ),
    ]);
  }
  console.log(
    `\n${command === "create" ? "Created" : "New password for"} ${username}. Sign in at ${config.publicUrl}/console with the password\n\n    ${password}\n\nIt is shown only this once; change it under "My account".\n`,
  );
} finally {
  database.close();
}
