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
    console.log(statuses);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    for (const conflict of conflicts) expect(conflict.error.code).toBe("CONFLICT");
  });
});
