import { beforeAll, describe, expect, it } from "vitest";
import { type Credentials, createTestApp, FROZEN_NOW, type TestApp } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit, makeUser } from "../../helpers/factories.js";

// POST /api/v1/responses/entered and its corrections (issue 18): paper forms typed in by staff, analysts
// and admins of the point's unit. FROZEN_NOW is 2026-03-15 10:00 in Hanoi.

let t: TestApp;
let staff: Credentials;
let analyst: Credentials;
let otherStaff: Credentials;
let colleague: Credentials;
let counter: { code: string };
let quick: { code: string };
let elsewhere: { code: string };

const form = (overrides: Record<string, unknown> = {}) => ({
  point: counter.code,
  formNumber: "000101",
  day: "2026-03-14",
  answers: { TC1: 5, TC2: 4, CC1: 2 },
  ...overrides,
});

const enter = (body: unknown, auth: Credentials = staff) =>
  t.request("POST", "/api/v1/responses/entered", { body, auth });

async function respondents(by: string, from = "2026-03-01", to = "2026-03-31") {
  const res = await t.request("GET", `/api/v1/reports/sipas?from=${from}&to=${to}&by=${by}&unit=H35`, {
    auth: analyst,
  });
  return (await res.json()).rows as Array<Record<string, unknown>>;
}

beforeAll(async () => {
  t = await createTestApp();
  await makeUnit(t, { code: "H35" });
  await makeUnit(t, { code: "H35.STP", parent: "H35" });
  await makeUnit(t, { code: "H35.SYT", parent: "H35" });
  await makeService(t, { code: "1.001193", units: ["H35.STP"] });
  counter = await makePoint(t, { unit: "H35.STP", label: "Quầy số 3" });
  quick = await makePoint(t, { unit: "H35.STP", form: "quick" });
  elsewhere = await makePoint(t, { unit: "H35.SYT" });
  staff = (await makeUser(t, { role: "staff", unit: "H35.STP" })).auth;
  colleague = (await makeUser(t, { role: "staff", unit: "H35.STP" })).auth;
  analyst = (await makeUser(t, { role: "analyst", unit: "H35" })).auth;
  otherStaff = (await makeUser(t, { role: "staff", unit: "H35.SYT" })).auth;
});

describe("POST /api/v1/responses/entered", () => {
  it("stores a paper form with channel paper, the day written on it, who typed it and when", async () => {
    const res = await enter(form({ service: "1.001193", comment: "Gọi 0912345678 nhé" }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ point: counter.code, formNumber: "101", day: "2026-03-14" });
    expect(body.enteredAt).toBe(new Date(FROZEN_NOW).toISOString());
    const row = (
      await t.client.execute({
        sql: `SELECT r.channel, r.local_day, r.submitted_at, r.comment, e.form_number, u.username
          FROM responses r JOIN response_entries e ON e.response_id = r.id JOIN users u ON u.id = e.entered_by
          WHERE r.id = ?`,
        args: [body.id],
      })
    ).rows[0]!;
    expect(row.channel).toBe("paper");
    expect(row.local_day).toBe("2026-03-14");
    expect(row.submitted_at).toBe(FROZEN_NOW);
    expect(row.form_number).toBe("101");
    expect(String(row.username)).toMatch(/^staff/);
    // The comment is masked as an online one is.
    expect(row.comment).not.toContain("0912345678");
  });

  it("counts paper forms in the rollups under their own channel and the day on the form", async () => {
    const rows = await respondents("channel");
    expect(rows.map((row) => [row.channel, row.respondents])).toEqual([
      ["qr", 0],
      ["kiosk", 0],
      ["link", 0],
      ["paper", 1],
      ["import", 0],
    ]);
    const day = (await respondents("day", "2026-03-14", "2026-03-14"))[0]!;
    expect(day.respondents).toBe(1);
    expect(day.TC_index).toBe(100);
  });

  it("refuses the same form number at the same counter with 409 DUPLICATE_FORM, naming the first entry", async () => {
    const res = await enter(form({ formNumber: 101, answers: { TC1: 1 } }), colleague);
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe("DUPLICATE_FORM");
    expect(error.message).toMatch(/Form 101 .* already entered by staff/);
    // The same number at another counter is another form.
    expect((await enter(form({ point: quick.code, answers: { TC: 4 } }))).status).toBe(201);
  });

  it("validates like the API: items of the point's form, scale, service, unknown fields, the day", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [form({ formNumber: "102", answers: { TC1: 6 } }), "answers"],
      [form({ formNumber: "102", answers: {} }), "answers"],
      [form({ formNumber: "102", answers: { TC: 4 } }), "answers"],
      [form({ formNumber: "102", service: "2.000001" }), "service"],
      [form({ formNumber: "102", extra: 1 }), ""],
      [form({ formNumber: "0" }), "formNumber"],
      [form({ formNumber: "12a" }), "formNumber"],
      [form({ formNumber: "102", day: "2026-02-30" }), "day"],
      [form({ formNumber: "102", day: "2026-03-16" }), "day"],
      [form({ formNumber: "102", day: "2025-01-01" }), "day"],
      [form({ formNumber: "102", day: undefined }), "day"],
    ];
    for (const [body, path] of cases) {
      const res = await enter(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("VALIDATION_FAILED");
      if (path) expect(error.issues.map((issue: { path: string[] }) => issue.path[0])).toContain(path);
    }
    expect((await t.request("POST", "/api/v1/responses/entered", { body: "{", auth: staff })).status).toBe(
      400,
    );
  });

  it("is for the unit's staff, analysts and admins only: 401 without, 403 outside the scope, 404 unknown", async () => {
    expect((await t.request("POST", "/api/v1/responses/entered", { body: form() })).status).toBe(401);
    const outside = await enter(form({ formNumber: 103 }), otherStaff);
    expect(outside.status).toBe(403);
    expect((await enter(form({ point: elsewhere.code, formNumber: 103 }))).status).toBe(403);
    expect((await enter(form({ point: "ZZZZZZ", formNumber: 103 }))).status).toBe(404);
    expect((await enter(form({ formNumber: 103 }), analyst)).status).toBe(201);
  });

  it("refuses a form for an archived point as the survey does, 404 POINT_NOT_FOUND", async () => {
    const archived = await makePoint(t, { unit: "H35.STP", archived: true });
    const res = await enter(form({ point: archived.code, formNumber: 104 }));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("POINT_NOT_FOUND");
  });
});

describe("corrections of a paper form", () => {
  async function entered(number: number, auth = staff) {
    const res = await enter(form({ formNumber: number }), auth);
    expect(res.status).toBe(201);
    return (await res.json()).id as string;
  }
  const correct = (id: string, body: unknown, auth = staff) =>
    t.request("PUT", `/api/v1/responses/entered/${id}`, { body, auth });

  it("lets the same user correct within 24 hours, moves the rollups and audits the change", async () => {
    const id = await entered(201);
    const before = (await respondents("total"))[0]!;
    t.clock.advance(23 * 3600_000);
    const res = await correct(id, form({ formNumber: 202, day: "2026-03-13", answers: { TC1: 1 } }));
    expect(res.status).toBe(200);
    const { entry } = await res.json();
    expect(entry).toMatchObject({ formNumber: "202", day: "2026-03-13", answers: { TC1: 1 } });
    expect(entry.correctedAt).not.toBeNull();
    // One respondent still, now on the 13th with TC1 = 1.
    expect((await respondents("total"))[0]!.respondents).toBe(before.respondents);
    const day13 = (await respondents("day", "2026-03-13", "2026-03-13"))[0]!;
    expect(day13).toMatchObject({ respondents: 1, TC_index: 0 });
    const audit = (
      await t.client.execute(
        "SELECT action, entity, entity_code, detail FROM audit_log WHERE action = 'correct'",
      )
    ).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_code).toBe(`${counter.code}/202`);
    expect(JSON.parse(String(audit[0]!.detail)).changed).toMatchObject({
      localDay: { from: "2026-03-14", to: "2026-03-13" },
      formNumber: { from: "201", to: "202" },
    });
    // The old number is free again; the new one is taken.
    expect((await enter(form({ formNumber: 202 }))).status).toBe(409);
    t.clock.set(FROZEN_NOW);
  });

  it("refuses another user, a correction after 24 hours, another point and a taken number", async () => {
    const id = await entered(301);
    await entered(302);
    expect((await correct(id, form({ formNumber: 301 }), colleague)).status).toBe(403);
    expect((await correct(id, form({ formNumber: 302 }))).status).toBe(409);
    expect((await correct(id, form({ point: quick.code, formNumber: 301, answers: { TC: 3 } }))).status).toBe(
      400,
    );
    expect((await correct("no-such-id", form({ formNumber: 301 }))).status).toBe(404);
    t.clock.advance(24 * 3600_000 + 1);
    const late = await correct(id, form({ formNumber: 301, answers: { TC1: 2 } }));
    expect(late.status).toBe(403);
    t.clock.set(FROZEN_NOW);
  });

  it("finds an entered form by number, and lists the user's own recent forms", async () => {
    const one = await t.request("GET", `/api/v1/responses/entered?point=${counter.code}&formNumber=0301`, {
      auth: colleague,
    });
    expect((await one.json()).entries.map((e: { formNumber: string }) => e.formNumber)).toEqual(["301"]);
    const mine = await t.request("GET", `/api/v1/responses/entered?point=${counter.code}`, { auth: staff });
    const numbers = (await mine.json()).entries.map((e: { formNumber: string }) => e.formNumber);
    expect(numbers).toEqual(expect.arrayContaining(["101", "202", "301", "302"]));
    expect(numbers).not.toContain("103");
  });
});
