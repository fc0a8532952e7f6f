import { describe, expect, it } from "vitest";
import { createTestApp, FROZEN_NOW } from "../../helpers/create-test-app.js";
import { makePoint, makeUnit, makeUser, signIn } from "../../helpers/factories.js";

// Shifts: who holds a counter, and which officer a response records (issue 16).

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "MINE", parent: "H35" });
await makeUnit(t, { code: "DESK", parent: "MINE" });
await makeUnit(t, { code: "OTHER", parent: "H35" });
const counter1 = await makePoint(t, { unit: "MINE", label: "Quầy số 1" });
const counter2 = await makePoint(t, { unit: "DESK", label: "Quầy số 2" });
const otherCounter = await makePoint(t, { unit: "OTHER" });
const archived = await makePoint(t, { unit: "MINE", archived: true });
const lan = await makeUser(t, { role: "staff", unit: "MINE", username: "lan" });
const hung = await makeUser(t, { role: "staff", unit: "MINE", username: "hung" });
const admin = await makeUser(t, { role: "admin", unit: "MINE" });
const otherAdmin = await makeUser(t, { role: "admin", unit: "OTHER" });
const analyst = await makeUser(t, { role: "analyst", unit: "MINE" });
const HOUR = 3_600_000;

type Shift = {
  point: string;
  label: string;
  showOfficer: boolean;
  onDuty: { username: string; name: string; startedAt: string; endsAt: string } | null;
};

async function shiftOf(code: string, auth = admin.auth): Promise<Shift> {
  const res = await t.request("GET", `/api/v1/points/${code}/shift`, { auth });
  expect(res.status).toBe(200);
  return (await res.json()) as Shift;
}

const take = (code: string, auth: typeof lan.auth, body?: unknown) =>
  t.request("POST", `/api/v1/points/${code}/shift`, { auth, body });
const end = (code: string, auth: typeof lan.auth) =>
  t.request("DELETE", `/api/v1/points/${code}/shift`, { auth });

async function submitAs(code: string, extra: Record<string, unknown> = {}) {
  const id = crypto.randomUUID();
  const res = await t.request("POST", "/api/v1/responses", {
    body: { id, point: code, lang: "vi", answers: { TC1: 5 }, ...extra },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const row = await t.client.execute({
    sql: "SELECT u.username FROM responses r LEFT JOIN users u ON u.id = r.officer_id WHERE r.id = ?",
    args: [id],
  });
  return row.rows[0]?.username ?? null;
}

async function auditActions() {
  const rows = await t.client.execute(
    "SELECT a.action, a.entity_code, u.username FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action LIKE '%shift' ORDER BY a.id",
  );
  return rows.rows.map((r) => [r.action, r.entity_code, r.username]);
}

describe("POST|GET|DELETE /api/v1/points/:code/shift", () => {
  it("takes a counter: the user is on duty until the end of the local day, and it is audited", async () => {
    t.clock.set(FROZEN_NOW);
    expect((await shiftOf(counter1.code)).onDuty).toBeNull();
    const res = await take(counter1.code, lan.auth, { name: "Nguyễn Thị Lan" });
    expect(res.status).toBe(200);
    const shift = (await res.json()) as Shift;
    expect(shift).toMatchObject({ point: counter1.code, label: "Quầy số 1", showOfficer: true });
    // 10:00 in Hanoi on 15 March: the shift lapses at midnight local time, 17:00 UTC.
    expect(shift.onDuty).toEqual({
      username: "lan",
      name: "Nguyễn Thị Lan",
      startedAt: new Date(FROZEN_NOW).toISOString(),
      endsAt: "2026-03-15T17:00:00.000Z",
    });
    expect(await shiftOf(counter1.code, analyst.auth)).toEqual(shift);
    expect((await auditActions()).at(-1)).toEqual(["start_shift", counter1.code, "lan"]);
  });

  it("takes another counter: the first one is left without an officer", async () => {
    t.clock.set(FROZEN_NOW + HOUR);
    expect((await take(counter2.code, lan.auth)).status).toBe(200);
    expect((await shiftOf(counter1.code)).onDuty).toBeNull();
    // The name given once is remembered.
    expect((await shiftOf(counter2.code)).onDuty).toMatchObject({ username: "lan", name: "Nguyễn Thị Lan" });
    const list = await t.request("GET", "/api/v1/shifts", { auth: lan.auth });
    expect(((await list.json()) as { shifts: unknown[] }).shifts).toEqual([
      expect.objectContaining({ point: counter2.code, username: "lan", mine: true }),
    ]);
  });

  it("one officer per counter: a colleague taking it ends the previous shift", async () => {
    t.clock.set(FROZEN_NOW + 2 * HOUR);
    expect((await take(counter2.code, hung.auth)).status).toBe(200);
    expect((await shiftOf(counter2.code)).onDuty).toMatchObject({ username: "hung", name: "hung" });
    const list = await t.request("GET", "/api/v1/shifts", { auth: lan.auth });
    expect(((await list.json()) as { shifts: Array<{ mine: boolean }> }).shifts).toEqual([
      expect.objectContaining({ username: "hung", mine: false }),
    ]);
  });

  it("ends by itself at the end of the local day", async () => {
    t.clock.set(Date.parse("2026-03-15T16:59:59Z"));
    expect((await shiftOf(counter2.code)).onDuty).toMatchObject({ username: "hung" });
    expect(await submitAs(counter2.code)).toBe("hung");
    t.clock.set(Date.parse("2026-03-15T17:00:00Z"));
    expect((await shiftOf(counter2.code)).onDuty).toBeNull();
    expect(await submitAs(counter2.code)).toBeNull();
  });

  it("staff end their own shift, not a colleague's; an admin of the scope ends anyone's", async () => {
    t.clock.set(Date.parse("2026-03-16T02:00:00Z"));
    expect((await take(counter1.code, lan.auth)).status).toBe(200);
    const refused = await end(counter1.code, hung.auth);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("FORBIDDEN");
    expect((await end(counter1.code, otherAdmin.auth)).status).toBe(403);
    expect((await end(counter1.code, analyst.auth)).status).toBe(403);
    expect((await shiftOf(counter1.code)).onDuty).toMatchObject({ username: "lan" });
    const ended = await end(counter1.code, admin.auth);
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as Shift).onDuty).toBeNull();
    expect((await auditActions()).at(-1)).toEqual(["end_shift", counter1.code, admin.username]);
    // Ending again changes nothing and writes nothing.
    const before = (await auditActions()).length;
    expect((await end(counter1.code, lan.auth)).status).toBe(200);
    expect((await auditActions()).length).toBe(before);
    expect((await take(counter1.code, lan.auth)).status).toBe(200);
    expect((await end(counter1.code, lan.auth)).status).toBe(200);
    expect((await shiftOf(counter1.code)).onDuty).toBeNull();
    expect((await auditActions()).slice(-2)).toEqual([
      ["start_shift", counter1.code, "lan"],
      ["end_shift", counter1.code, "lan"],
    ]);
  });

  it("staff take counters of their own unit subtree only, never an archived one", async () => {
    const outside = await take(otherCounter.code, lan.auth);
    expect(outside.status).toBe(403);
    expect((await take(archived.code, lan.auth)).status).toBe(409);
    expect((await take("ZZZZZZ", lan.auth)).status).toBe(404);
    expect((await take(counter1.code, analyst.auth)).status).toBe(403);
    const res = await t.request("GET", `/api/v1/points/${otherCounter.code}/shift`, { auth: lan.auth });
    expect(res.status).toBe(403);
  });

  it("works with a session cookie from our own page, and refuses cross-site writes", async () => {
    const session = await signIn(t, lan.username, lan.password);
    expect((await take(counter1.code, session)).status).toBe(200);
    const cookie = (session as { cookie: string }).cookie;
    const forged = await t.app.request(`/api/v1/points/${counter1.code}/shift`, {
      method: "DELETE",
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.code).toBe("CSRF_REJECTED");
    // What a cross-site form can post never reaches the route either.
    const form = await t.app.request(`/api/v1/points/${counter2.code}/shift`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "text/plain" },
      body: "",
    });
    expect([403, 415]).toContain(form.status);
    expect((await shiftOf(counter1.code)).onDuty).toMatchObject({ username: "lan" });
    expect((await end(counter1.code, session)).status).toBe(200);
  });

  it("refuses a bad body with 4xx and changes nothing", async () => {
    const before = await shiftOf(counter1.code);
    for (const body of [{ name: "" }, { name: "x".repeat(81) }, { name: "a\u0000b" }, { extra: 1 }]) {
      const res = await take(counter1.code, lan.auth, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
    }
    const broken = await take(counter1.code, lan.auth, "[1");
    expect([broken.status, (await broken.json()).error.code]).toEqual([400, "INVALID_JSON"]);
    const wrongType = await t.request("POST", `/api/v1/points/${counter1.code}/shift`, {
      auth: lan.auth,
      body: "name=x",
      headers: { "content-type": "text/plain" },
    });
    expect(wrongType.status).toBe(415);
    expect(await shiftOf(counter1.code)).toEqual(before);
  });
});

describe("attribution of responses", () => {
  it("a QR or kiosk response records the officer on duty; none without a shift", async () => {
    t.clock.set(Date.parse("2026-03-17T02:00:00Z"));
    expect(await submitAs(counter1.code)).toBeNull();
    expect((await take(counter1.code, lan.auth)).status).toBe(200);
    expect(await submitAs(counter1.code)).toBe("lan");
    expect(await submitAs(counter1.code, { channel: "kiosk" })).toBe("lan");
    // Responses at another counter are not hers.
    expect(await submitAs(counter2.code)).toBeNull();
    expect((await end(counter1.code, lan.auth)).status).toBe(200);
    expect(await submitAs(counter1.code)).toBeNull();
  });

  it("a one-time link records the staff user who issued it, whatever the shift", async () => {
    t.clock.set(Date.parse("2026-03-18T02:00:00Z"));
    const issued = await t.request("POST", `/api/v1/points/${counter1.code}/links`, {
      auth: hung.auth,
      body: { count: 2 },
    });
    expect(issued.status).toBe(201);
    const { links } = (await issued.json()) as { links: Array<{ token: string }> };
    // Lan holds the counter now; the link still records Hùng, who handed it over.
    expect((await take(counter1.code, lan.auth)).status).toBe(200);
    expect(await submitAs(counter1.code, { token: links[0]!.token })).toBe("hung");
    expect(await submitAs(counter1.code)).toBe("lan");
    // Through the no-JS form too.
    const form = new URLSearchParams({
      TC1: "4",
      token: links[1]!.token,
      lang: "vi",
      id: crypto.randomUUID(),
    });
    const res = await t.app.request(`/s/${counter1.code}`, {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    // Stored, then to the thank-you by a GET (post/redirect/get).
    expect(res.status).toBe(303);
    const row = await t.client.execute({
      sql: "SELECT u.username FROM responses r JOIN users u ON u.id = r.officer_id WHERE r.id = ?",
      args: [form.get("id")!],
    });
    expect(row.rows[0]?.username).toBe("hung");
  });

  it("counts the officer in the daily and monthly rollups", async () => {
    const rows = await t.client.execute(
      "SELECT u.username, sum(count_1) AS n FROM rollups_monthly r JOIN users u ON u.id = r.officer_id WHERE item = '#' GROUP BY u.username ORDER BY 1",
    );
    expect(rows.rows.map((r) => [r.username, Number(r.n)])).toEqual([
      ["hung", 3],
      ["lan", 3],
    ]);
    const daily = await t.client.execute(
      "SELECT sum(count_1) AS n FROM rollups WHERE item = '#' AND officer_id = 0",
    );
    const total = await t.client.execute("SELECT count(*) AS n FROM responses WHERE officer_id IS NULL");
    expect(Number(daily.rows[0]?.n)).toBe(Number(total.rows[0]?.n));
  });
});

describe("the survey page names the officer on duty", () => {
  it("shows 'Cán bộ tiếp nhận: …' while an officer holds the counter, unless switched off", async () => {
    t.clock.set(Date.parse("2026-03-19T02:00:00Z"));
    const page = async () => (await t.app.request(`/s/${counter1.code}`)).text();
    expect(await page()).not.toContain("Cán bộ tiếp nhận");
    await take(counter1.code, lan.auth);
    expect(await page()).toContain("Cán bộ tiếp nhận: Nguyễn Thị Lan");
    const off = await t.request("PATCH", `/api/v1/points/${counter1.code}`, {
      auth: lan.auth,
      body: { showOfficer: false },
    });
    expect(off.status).toBe(200);
    expect((await off.json()).showOfficer).toBe(false);
    t.clock.advance(11_000); // the point look-up is cached for ten seconds
    expect(await page()).not.toContain("Cán bộ tiếp nhận");
    // The public point info never names anyone.
    const info = await t.app.request(`/api/v1/points/${counter1.code}`);
    expect(await info.text()).not.toMatch(/Nguyễn|"lan"|officer/);
  });
});
