import { describe, expect, it } from "vitest";
import { runScheduledWork } from "../../../server/alerts/scheduler.js";
import { caseRefOf } from "../../../shared/contract/cases.js";
import { DAY_MS } from "../../../shared/time/index.js";
import { createTestApp, FROZEN_NOW } from "../../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit, makeUser } from "../../helpers/factories.js";

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
await makeUnit(t, { code: "SYT", parent: "H35" });
await makeService(t, { code: "1.001193", units: ["STP"] });
const counter = await makePoint(t, { unit: "STP", label: "Quầy số 3" });
const other = await makePoint(t, { unit: "SYT" });
const staff = await makeUser(t, { role: "staff", unit: "STP" });
const parentStaff = await makeUser(t, { role: "staff", unit: "H35" });
const otherStaff = await makeUser(t, { role: "staff", unit: "SYT" });
const analyst = await makeUser(t, { role: "analyst", unit: "H35" });
const admin = await makeUser(t, { role: "admin", unit: "H35" });

const PHONE = "0912 345 678";
const COMMENT = "Cán bộ CC1 trả lời cộc lốc";

const submission = (overrides: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  point: counter.code,
  lang: "vi",
  answers: { TC1: 5, CC1: 1, CC2: 2 },
  comment: COMMENT,
  followUp: { contact: PHONE, consent: true },
  ...overrides,
});

const post = (body: unknown) => t.request("POST", "/api/v1/responses", { body });
const count = async (sql: string) => Number((await t.client.execute(sql)).rows[0]?.[0] ?? 0);

async function openCase(overrides: Record<string, unknown> = {}) {
  const body = submission(overrides);
  const res = await post(body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { case: { ref: string } }).case.ref;
}

describe("asking for a reply", () => {
  it("opens exactly one case, answered 201 with its ref, and a retry names the same case", async () => {
    const body = submission();
    const first = await post(body);
    expect(first.status).toBe(201);
    const answer = (await first.json()) as { id: string; receivedAt: string; case: { ref: string } };
    expect(answer.case.ref).toBe(caseRefOf(body.id));
    expect(answer.case.ref).toMatch(/^[A-Z2-9]{10}$/);
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { case: { ref: string } }).case.ref).toBe(answer.case.ref);
    expect(await count(`SELECT count(*) FROM cases WHERE response_id = '${body.id}'`)).toBe(1);
    expect(await count(`SELECT count(*) FROM case_contacts WHERE case_ref = '${answer.case.ref}'`)).toBe(1);
  });

  it("concurrent retries of one response open one case", async () => {
    const body = submission();
    const answers = await Promise.all([post(body), post(body), post(body), post(body)]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 200, 200, 201]);
    expect(await count(`SELECT count(*) FROM cases WHERE response_id = '${body.id}'`)).toBe(1);
  });

  it("keeps the contact in its own table only, normalised", async () => {
    const body = submission({ followUp: { contact: "+84 912.345.678", consent: true } });
    await post(body);
    const row = (await t.client.execute(`SELECT * FROM responses WHERE id = '${body.id}'`)).rows[0]!;
    // The digits as typed or normalised; a shorter probe could match the random id or the content hash.
    expect(JSON.stringify(row)).not.toMatch(/912\.345|912345678/);
    const contact = await t.client.execute(
      `SELECT kind, contact FROM case_contacts WHERE case_ref = '${caseRefOf(body.id)}'`,
    );
    expect(contact.rows[0]).toMatchObject({ kind: "phone", contact: "0912345678" });
  });

  it.each([
    ["a foreign number", { contact: "+1 415 555 0100", consent: true }],
    ["a short number", { contact: "0912 345", consent: true }],
    ["a broken e-mail", { contact: "an@example", consent: true }],
    ["no consent", { contact: PHONE, consent: false }],
    ["an unknown field", { contact: PHONE, consent: true, name: "Nguyễn Văn A" }],
  ])("refuses %s with 400 and stores nothing", async (_, followUp) => {
    const body = submission({ followUp });
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
    expect(await count(`SELECT count(*) FROM responses WHERE id = '${body.id}'`)).toBe(0);
  });

  it("takes an e-mail address and a landline", async () => {
    expect(
      await post(submission({ followUp: { contact: " Dan@Example.VN ", consent: true } })),
    ).toHaveProperty("status", 201);
    expect(await post(submission({ followUp: { contact: "0205 3812 345", consent: true } }))).toHaveProperty(
      "status",
      201,
    );
  });

  it("answers without a case when no reply is asked for", async () => {
    const res = await post(submission({ followUp: undefined }));
    expect(res.status).toBe(201);
    expect(await res.json()).not.toHaveProperty("case");
  });

  it("works without JavaScript: the thank-you names the case, and a re-post opens no second one", async () => {
    const id = crypto.randomUUID();
    const form = new URLSearchParams({
      id,
      lang: "vi",
      CC1: "2",
      comment: "Chờ lâu",
      contact: "0987654321",
      consent: "on",
    });
    const postForm = () =>
      t.app.request(`/s/${counter.code}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
    // Post/redirect/get: the thank-you is a GET that carries the case's reference.
    const posted = await postForm();
    expect(posted.status).toBe(303);
    const page = await (await t.app.request(posted.headers.get("location") as string)).text();
    const ref = caseRefOf(id);
    expect(page).toContain(ref);
    expect(page).toContain(`http://hailong.test/r/${ref}`);
    const again = await postForm();
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toContain(`case=${ref}`);
    expect(await count(`SELECT count(*) FROM cases WHERE response_id = '${id}'`)).toBe(1);
  });

  it("without JavaScript, a contact without consent shows the form again with the reason", async () => {
    const id = crypto.randomUUID();
    const res = await t.app.request(`/s/${counter.code}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ id, lang: "vi", CC1: "1", contact: "0987654321" }).toString(),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("chưa đánh dấu ô đồng ý");
    expect(await count(`SELECT count(*) FROM responses WHERE id = '${id}'`)).toBe(0);
  });

  it("the survey page offers the follow-up with the consent line", async () => {
    const page = await (await t.app.request(`/s/${counter.code}?lang=vi`)).text();
    expect(page).toContain("Tôi muốn được phản hồi");
    expect(page).toContain("90 ngày");
    const zh = await (await t.app.request(`/s/${counter.code}?lang=zh`)).text();
    expect(zh).toContain("我希望得到答复");
  });
});

describe("GET /r/:ref", () => {
  it("shows status, dates and the reply, never the contact, the comment or the answers", async () => {
    const ref = await openCase();
    const before = await (await t.app.request(`/r/${ref}`)).text();
    expect(before).toContain("Đã tiếp nhận");
    await t.request("PATCH", `/api/v1/cases/${ref}`, {
      auth: staff.auth,
      body: { status: "answered", reply: "Đơn vị đã nhắc nhở cán bộ.", note: "Gọi lại lúc 9 giờ" },
    });
    const res = await t.app.request(`/r/${ref.toLowerCase()}?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const page = await res.text();
    expect(page).toContain("Answered");
    expect(page).toContain("Đơn vị đã nhắc nhở cán bộ.");
    for (const secret of ["0912345678", "912 345", COMMENT, "Gọi lại", "CC1", counter.code]) {
      expect(page).not.toContain(secret);
    }
  });

  it("answers 404 for an unknown reference", async () => {
    expect((await t.app.request("/r/AAAAAAAAAA")).status).toBe(404);
    expect((await t.app.request("/r/<script>")).status).toBe(404);
  });
});

describe("/api/v1/cases", () => {
  it("lists the cases of the caller's subtree with filters", async () => {
    const ref = await openCase();
    await openCase({ point: other.code });
    const list = async (query: string, auth = analyst.auth) =>
      (
        (await (await t.request("GET", `/api/v1/cases${query}`, { auth })).json()) as {
          cases: Array<{ ref: string; unit: { code: string }; overdue: boolean }>;
        }
      ).cases;
    expect((await list("?unit=STP")).every((item) => item.unit.code === "STP")).toBe(true);
    expect((await list("", staff.auth)).every((item) => item.unit.code === "STP")).toBe(true);
    expect((await list("?status=received")).map((item) => item.ref)).toContain(ref);
    expect(await list("?overdue=true")).toEqual([]);
    const res = await t.request("GET", "/api/v1/cases?unit=SYT", { auth: staff.auth });
    expect(res.status).toBe(403);
    expect((await t.request("GET", "/api/v1/cases?status=lost", { auth: staff.auth })).status).toBe(400);
  });

  it("flags a case overdue after HAILONG_CASE_DAYS", async () => {
    const ref = await openCase();
    t.clock.advance(7 * DAY_MS + 1);
    try {
      const body = (await (
        await t.request("GET", "/api/v1/cases?overdue=true", { auth: admin.auth })
      ).json()) as {
        cases: Array<{ ref: string; overdue: boolean }>;
      };
      expect(body.cases.find((item) => item.ref === ref)?.overdue).toBe(true);
    } finally {
      t.clock.set(FROZEN_NOW);
    }
  });

  it("shows the contact masked to staff of the unit, in full on request, and audits each showing", async () => {
    const ref = await openCase();
    const view = await t.request("GET", `/api/v1/cases/${ref}`, { auth: staff.auth });
    const body = (await view.json()) as {
      case: { response: { answers: Record<string, number>; comment: string } };
      contact: { masked: string; value?: string };
      contactAccess: string;
    };
    expect(body.contactAccess).toBe("allowed");
    expect(body.contact.masked).toBe("091*****78");
    expect(body.contact.value).toBeUndefined();
    expect(body.case.response.answers).toEqual({ TC1: 5, CC1: 1, CC2: 2 });
    const audits = () =>
      count(`SELECT count(*) FROM audit_log WHERE action = 'case.contact_viewed' AND entity_code = '${ref}'`);
    expect(await audits()).toBe(0);
    const shown = await t.request("GET", `/api/v1/cases/${ref}?show=contact`, { auth: staff.auth });
    expect(((await shown.json()) as { contact: { value: string } }).contact.value).toBe("0912345678");
    await t.request("GET", `/api/v1/cases/${ref}?show=contact`, { auth: admin.auth });
    expect(await audits()).toBe(2);
  });

  it("hides the contact from analysts and staff of a parent unit; other units get 403", async () => {
    const ref = await openCase();
    for (const user of [analyst, parentStaff]) {
      const body = (await (await t.request("GET", `/api/v1/cases/${ref}`, { auth: user.auth })).json()) as {
        contact: unknown;
        contactAccess: string;
      };
      expect(body.contact).toBeNull();
      expect(body.contactAccess).toBe("hidden");
      expect((await t.request("GET", `/api/v1/cases/${ref}?show=contact`, { auth: user.auth })).status).toBe(
        403,
      );
    }
    expect((await t.request("GET", `/api/v1/cases/${ref}`, { auth: otherStaff.auth })).status).toBe(403);
    expect(
      (
        await t.request("PATCH", `/api/v1/cases/${ref}`, {
          auth: otherStaff.auth,
          body: { status: "closed" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.request("PATCH", `/api/v1/cases/${ref}`, { auth: analyst.auth, body: { status: "closed" } }))
        .status,
    ).toBe(403);
  });

  it("PATCH moves the status, needs a reply to answer, and keeps the first answer's time", async () => {
    const ref = await openCase();
    const patch = (body: unknown) => t.request("PATCH", `/api/v1/cases/${ref}`, { auth: staff.auth, body });
    expect((await patch({ status: "answered" })).status).toBe(400);
    expect((await patch({ status: "waiting" })).status).toBe(400);
    expect((await patch({})).status).toBe(400);
    expect((await patch({ status: "in_progress" })).status).toBe(200);
    t.clock.advance(2 * DAY_MS);
    const answered = (await (await patch({ status: "answered", reply: "Đã xử lý" })).json()) as {
      case: { status: string; answeredAt: string };
    };
    expect(answered.case.status).toBe("answered");
    expect(answered.case.answeredAt).toBe(new Date(FROZEN_NOW + 2 * DAY_MS).toISOString());
    t.clock.advance(DAY_MS);
    const closed = (await (await patch({ status: "closed" })).json()) as {
      case: { status: string; answeredAt: string; closedAt: string };
    };
    expect(closed.case.answeredAt).toBe(answered.case.answeredAt);
    expect(closed.case.closedAt).toBe(new Date(FROZEN_NOW + 3 * DAY_MS).toISOString());
    t.clock.set(FROZEN_NOW);
    expect(
      await count(`SELECT count(*) FROM audit_log WHERE action = 'case.updated' AND entity_code = '${ref}'`),
    ).toBe(3);
  });

  it("answers 404 for an unknown case and 400 for a malformed reference", async () => {
    expect((await t.request("GET", "/api/v1/cases/AAAAAAAAAA", { auth: admin.auth })).status).toBe(404);
    expect((await t.request("GET", "/api/v1/cases/x", { auth: admin.auth })).status).toBe(400);
  });
});

describe("privacy of contacts", () => {
  it("never puts a contact in responses.csv or the comments", async () => {
    await openCase({ followUp: { contact: "0977111222", consent: true } });
    const csv = await (
      await t.request("GET", "/api/v1/reports/responses.csv?from=2026-03-01&to=2026-03-31", {
        auth: admin.auth,
      })
    ).text();
    const comments = await (
      await t.request("GET", "/api/v1/reports/comments?from=2026-03-01&to=2026-03-31", { auth: admin.auth })
    ).text();
    expect(csv).toContain(COMMENT);
    for (const text of [csv, comments]) expect(text).not.toMatch(/0977111222|977 ?111/);
  });

  it("deletes a contact HAILONG_CONTACT_DAYS after its case closes, by the daily job", async () => {
    const ref = await openCase();
    const kept = await openCase();
    await t.request("PATCH", `/api/v1/cases/${ref}`, { auth: staff.auth, body: { status: "closed" } });
    const contacts = () =>
      count(`SELECT count(*) FROM case_contacts WHERE case_ref IN ('${ref}', '${kept}')`);
    const run = (at: number) =>
      runScheduledWork({ db: t.db, config: t.deps.config, now: () => at, log: t.deps.log });
    expect((await run(FROZEN_NOW + 89 * DAY_MS)).contactsDeleted).toBe(0);
    expect(await contacts()).toBe(2);
    await run(FROZEN_NOW + 90 * DAY_MS);
    expect(await contacts()).toBe(1);
    const view = (await (await t.request("GET", `/api/v1/cases/${ref}`, { auth: staff.auth })).json()) as {
      contactAccess: string;
    };
    expect(view.contactAccess).toBe("deleted");
  });
});

describe("GET /api/v1/reports/cases", () => {
  it("gives follow-through per unit: opened, answered in time, median days", async () => {
    const t2 = await createTestApp();
    await makeUnit(t2, { code: "A" });
    await makeUnit(t2, { code: "B", parent: "A" });
    const point = await makePoint(t2, { unit: "B" });
    const boss = await makeUser(t2, { role: "admin" });
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t2.request("POST", "/api/v1/responses", {
        body: { ...submission(), point: point.code },
      });
      refs.push(((await res.json()) as { case: { ref: string } }).case.ref);
    }
    const answerAfter = async (ref: string, days: number) => {
      t2.clock.set(FROZEN_NOW + days * DAY_MS);
      await t2.request("PATCH", `/api/v1/cases/${ref}`, {
        auth: boss.auth,
        body: { status: "answered", reply: "ok" },
      });
    };
    await answerAfter(refs[0]!, 2);
    await answerAfter(refs[1]!, 9);
    t2.clock.set(FROZEN_NOW + 10 * DAY_MS);
    const res = await t2.request("GET", "/api/v1/reports/cases?from=2026-03-01&to=2026-03-31&by=unit", {
      auth: boss.auth,
    });
    const body = (await res.json()) as { rows: Array<Record<string, unknown>> };
    expect(body.rows.find((row) => row.unit_code === "A")).toMatchObject({ cases_opened: 0 });
    expect(body.rows.find((row) => row.unit_code === "B")).toEqual({
      period_from: "2026-03-01",
      period_to: "2026-03-31",
      unit_code: "B",
      unit_name: "Đơn vị B",
      cases_opened: 3,
      answered: 2,
      answered_in_time: 1,
      answered_in_time_pct: (1 / 3) * 100,
      median_days_to_answer: 5.5,
      open: 1,
      overdue: 1,
    });
    const csv = await (
      await t2.request("GET", "/api/v1/reports/cases?from=2026-03-01&to=2026-03-31&format=csv", {
        auth: boss.auth,
      })
    ).text();
    expect(csv).toContain("B,Đơn vị B,3,2,1,33.33,5.50,1,1");
    const xlsx = await t2.request("GET", "/api/v1/reports/cases?from=2026-03-01&to=2026-03-31&format=xlsx", {
      auth: boss.auth,
    });
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const total = (await (
      await t2.request("GET", "/api/v1/reports/cases?from=2026-03-01&to=2026-03-31&by=total", {
        auth: boss.auth,
      })
    ).json()) as { rows: Array<Record<string, unknown>> };
    expect(total.rows).toHaveLength(1);
    expect(total.rows[0]).toMatchObject({ cases_opened: 3, unit_code: null });
  });
});
