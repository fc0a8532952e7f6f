import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/create-test-app.js";
import { makeUnit, makeUser } from "../../helpers/factories.js";

// Two admins (or one double click) create the same code at the same moment: both pass the "exists
// already?" check, one insert wins, and the other must hear 409 CONFLICT, not 500.
const t = await createTestApp();
const admin = await makeUser(t, { role: "admin" });
await makeUnit(t, { code: "RACE" });

async function race(path: string, body: (i: number) => unknown) {
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) => t.request("POST", path, { auth: admin.auth, body: body(i) })),
  );
  const statuses = answers.map((res) => res.status);
  const conflicts = await Promise.all(answers.filter((res) => res.status === 409).map((res) => res.json()));
  return { statuses, conflicts };
}

describe("creating the same code from parallel requests", () => {
  it.each([
    ["a unit", "/api/v1/units", () => ({ code: "SAME1", name: "Sở A", parent: "RACE" })],
    ["a service", "/api/v1/services", () => ({ code: "3.000001", name: "Thủ tục", units: ["RACE"] })],
    [
      "a user",
      "/api/v1/users",
      () => ({ username: "cung.ten", password: "long enough password", role: "staff", unit: "RACE" }),
    ],
  ])("answers 201 once and 409 CONFLICT to the others for %s", async (_what, path, body) => {
    const { statuses, conflicts } = await race(path, body);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    for (const conflict of conflicts) expect(conflict.error.code).toBe("CONFLICT");
  });
});

describe("a code taken between the check and the insert", () => {
  // A trigger plays the other request: it inserts the same code just before our insert, after the route
  // found the code free. Deterministic where the parallel race above depends on timing.
  it.each([
    [
      "a unit",
      "units",
      "INSERT INTO units (code, name, path, created_at) VALUES (NEW.code, 'Khác', '/0/', 0)",
      "/api/v1/units",
      { code: "TAKEN1", name: "Sở B" },
    ],
    [
      "a service",
      "services",
      "INSERT INTO services (code, name, created_at) VALUES (NEW.code, 'Khác', 0)",
      "/api/v1/services",
      { code: "3.000009", name: "Thủ tục" },
    ],
  ])("answers 409 CONFLICT for %s", async (_what, table, insert, path, body) => {
    await t.client.execute(
      `CREATE TRIGGER steal_${table} BEFORE INSERT ON ${table} WHEN NEW.name <> 'Khác' BEGIN ${insert}; END`,
    );
    try {
      const res = await t.request("POST", path, { auth: admin.auth, body });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("CONFLICT");
      // Nothing half-written: the refused insert left no row of ours (the trigger's row went with it).
      const mine = await t.client.execute({
        sql: `SELECT count(*) FROM ${table} WHERE code = ? AND name <> 'Khác'`,
        args: [body.code],
      });
      expect(Number(mine.rows[0]?.[0])).toBe(0);
    } finally {
      await t.client.execute(`DROP TRIGGER steal_${table}`);
    }
  });
});
