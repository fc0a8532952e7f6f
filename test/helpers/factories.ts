import { eq } from "drizzle-orm";
import { hashPassword } from "../../server/auth/passwords.js";
import { randomPointCode } from "../../server/catalogue/point-code.js";
import { runBatch } from "../../server/db/database.js";
import { findPointByCode } from "../../server/db/queries/points.js";
import { setUnitServicesStatements, upsertServiceStatement } from "../../server/db/queries/services.js";
import { findUnitByCode, insertUnitStatements } from "../../server/db/queries/units.js";
import { apiTokens, points, users } from "../../server/db/schema.js";
import { sha256Hex } from "../../server/lib/crypto.js";
import type { Credentials, TestApp } from "./create-test-app.js";

// Small factories with overrides: each test makes the data it needs, never shared seed ids.

let sequence = 0;
const next = () => ++sequence;

export async function makeUnit(
  t: TestApp,
  overrides: { code?: string; name?: string; parent?: string } = {},
) {
  const code = overrides.code ?? `U${next()}`;
  await runBatch(
    t.db,
    insertUnitStatements(
      t.db,
      { code, name: overrides.name ?? `Đơn vị ${code}`, parentCode: overrides.parent ?? null },
      t.deps.now(),
    ),
  );
  return (await findUnitByCode(t.db, code))!;
}

export async function makeService(
  t: TestApp,
  overrides: { code?: string; name?: string; field?: string; units?: string[] } = {},
) {
  const code = overrides.code ?? `2.${String(100000 + next()).padStart(6, "0")}`;
  await runBatch(t.db, [
    upsertServiceStatement(
      t.db,
      { code, name: overrides.name ?? `Thủ tục ${code}`, field: overrides.field ?? null, localCode: null },
      t.deps.now(),
    ),
  ]);
  for (const unitCode of overrides.units ?? []) {
    const unit = (await findUnitByCode(t.db, unitCode))!;
    const offered = await t.db.query.unitServices.findMany({
      where: (us, { eq: is }) => is(us.unitId, unit.id),
    });
    const codes = await Promise.all(
      offered.map(
        async (o) =>
          (await t.db.query.services.findFirst({ where: (s, { eq: is }) => is(s.id, o.serviceId) }))!.code,
      ),
    );
    await runBatch(t.db, setUnitServicesStatements(t.db, unit.id, [...codes, code]));
  }
  return (await t.db.query.services.findFirst({ where: (s, { eq: is }) => is(s.code, code) }))!;
}

export async function makePoint(
  t: TestApp,
  overrides: {
    unit: string;
    code?: string;
    label?: string;
    service?: string;
    form?: "full" | "quick";
    tokenRequired?: boolean;
    archived?: boolean;
  },
) {
  const unit = (await findUnitByCode(t.db, overrides.unit))!;
  const service = overrides.service
    ? await t.db.query.services.findFirst({ where: (s, { eq: is }) => is(s.code, overrides.service!) })
    : undefined;
  const code = overrides.code ?? randomPointCode();
  await t.db.insert(points).values({
    code,
    unitId: unit.id,
    label: overrides.label ?? `Quầy số ${next()}`,
    serviceId: service?.id ?? null,
    form: overrides.form ?? "full",
    tokenRequired: overrides.tokenRequired ?? false,
    archivedAt: overrides.archived ? t.deps.now() : null,
    createdAt: t.deps.now(),
  });
  return (await findPointByCode(t.db, code))!;
}

/** The password of every factory user, unless a test gives its own. */
const DEFAULT_PASSWORD = "correct horse battery";
// Its hash, computed once with hashPassword (real PBKDF2, so sign-in verifies it as in production):
// hashing per user cost ~50–100 ms of CPU each, and route tests make hundreds of users.
const DEFAULT_PASSWORD_HASH =
  "pbkdf2-sha256$100000$MIBuuNSZcgWMPbz0hn7kHA$BFmDGM5dwZ8LiNu7z_0mdcLUy-efw5j0rZIYYlYvmD8";

/**
 * A user with the given role and scope, and a bearer token to act as them. The password is real, so
 * sign-in tests can use it; a password of the test's own is hashed when the user is made.
 */
export async function makeUser(
  t: TestApp,
  overrides: { role: "admin" | "analyst" | "staff"; unit?: string; username?: string; password?: string },
): Promise<{ username: string; password: string; auth: Credentials }> {
  const username = overrides.username ?? `${overrides.role}${next()}`;
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const unit = overrides.unit ? await findUnitByCode(t.db, overrides.unit) : undefined;
  const [user] = await t.db
    .insert(users)
    .values({
      username,
      passwordHash: overrides.password ? await hashPassword(password) : DEFAULT_PASSWORD_HASH,
      role: overrides.role,
      unitId: unit?.id ?? null,
      createdAt: t.deps.now(),
    })
    .returning();
  const id = `tok${String(next()).padStart(9, "0")}`;
  const secret = "s".repeat(43 - String(user!.id).length) + String(user!.id);
  await t.db.insert(apiTokens).values({
    id,
    userId: user!.id,
    name: "test",
    secretHash: sha256Hex(secret),
    createdAt: t.deps.now(),
  });
  return { username, password, auth: { token: `hl_${id}_${secret}` } };
}

/** Signs in through the API and returns the session cookie. */
export async function signIn(t: TestApp, username: string, password: string): Promise<Credentials> {
  const res = await t.request("POST", "/api/v1/auth/login", { body: { username, password } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  return { cookie };
}

export async function disableUser(t: TestApp, username: string) {
  await t.db.update(users).set({ disabledAt: t.deps.now() }).where(eq(users.username, username));
}
