import { describe, expect, it } from "vitest";
import { type Credentials, createTestApp } from "../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit, makeUser, signIn } from "../helpers/factories.js";

type Role = "admin" | "analyst" | "staff";
type Rule =
  | { public: true }
  | {
      /** Roles that may call the route; every other role gets 403. */
      roles: Role[];
      /** The path names a unit-bound resource: a user of another unit (with an allowed role) gets 403. */
      unitBound?: boolean;
    };

const ALL: Role[] = ["admin", "analyst", "staff"];

/**
 * Every route of the app and who may call it. The first test fails when a route is added without an
 * entry here, so no route escapes the checks below.
 */
const ACCESS: Record<string, Rule> = {
  "GET /healthz": { public: true },
  "GET /": { public: true },
  "GET /favicon.ico": { public: true },
  "GET /s/:code": { public: true },
  "POST /s/:code": { public: true },
  "GET /api/v1/points/:code": { public: true },
  "POST /api/v1/responses": { public: true },
  "GET /qr/:file": { public: true },
  "GET /console/*": { public: true },
  "GET /console/assets/*": { public: true },
  "GET /posters": { roles: ["admin", "staff"] },
  "GET /posters/:code": { roles: ["admin", "staff"], unitBound: true },
  "POST /api/v1/points/:code/links": { roles: ["admin", "staff"], unitBound: true },
  "GET /links/:code": { roles: ["admin", "staff"], unitBound: true },
  "POST /links/:code": { roles: ["admin", "staff"], unitBound: true },
  "POST /api/v1/auth/login": { public: true },
  "POST /api/v1/auth/logout": { public: true },
  "GET /api/v1/auth/me": { roles: ALL },
  "POST /api/v1/auth/password": { roles: ALL },
  "GET /api/v1/tokens": { roles: ALL },
  "POST /api/v1/tokens": { roles: ALL },
  "DELETE /api/v1/tokens/:id": { roles: ALL },
  "DELETE /api/v1/tokens": { roles: ALL },
  "GET /api/v1/units": { roles: ALL },
  "POST /api/v1/units/import": { roles: ["admin"] },
  "GET /api/v1/units/:code": { roles: ALL, unitBound: true },
  "POST /api/v1/units": { roles: ["admin"] },
  "PATCH /api/v1/units/:code": { roles: ["admin"], unitBound: true },
  "PUT /api/v1/units/:code/services": { roles: ["admin"], unitBound: true },
  "POST /api/v1/units/:code/archive": { roles: ["admin"], unitBound: true },
  "POST /api/v1/units/:code/restore": { roles: ["admin"], unitBound: true },
  "GET /api/v1/services": { roles: ALL },
  "POST /api/v1/services/import": { roles: ["admin"] },
  "GET /api/v1/services/:code": { roles: ALL },
  "POST /api/v1/services": { roles: ["admin"] },
  "PATCH /api/v1/services/:code": { roles: ["admin"] },
  "POST /api/v1/services/:code/archive": { roles: ["admin"] },
  "POST /api/v1/services/:code/restore": { roles: ["admin"] },
  "GET /api/v1/points": { roles: ALL },
  "POST /api/v1/points": { roles: ["admin", "staff"] },
  "PATCH /api/v1/points/:code": { roles: ["admin", "staff"], unitBound: true },
  "POST /api/v1/points/:code/archive": { roles: ["admin", "staff"], unitBound: true },
  "POST /api/v1/points/:code/restore": { roles: ["admin", "staff"], unitBound: true },
  "GET /api/v1/users": { roles: ["admin"] },
  "GET /api/v1/users/:username": { roles: ["admin"], unitBound: true },
  "POST /api/v1/users": { roles: ["admin"] },
  "PATCH /api/v1/users/:username": { roles: ["admin"], unitBound: true },
  "POST /api/v1/users/:username/unlock": { roles: ["admin"], unitBound: true },
  "GET /api/v1/audit": { roles: ["admin"] },
  // Staff read their own results as officers (by=officer|month|total); other groupings answer them 403.
  "GET /api/v1/reports/sipas": { roles: ALL },
  "GET /api/v1/reports/items": { roles: ALL },
  "GET /api/v1/reports/responses.csv": { roles: ["admin", "analyst"] },
  "GET /api/v1/reports/comments": { roles: ALL },
  "GET /api/v1/reports/method": { roles: ["admin", "analyst"] },
  "GET /api/v1/reports/pack": { roles: ["admin", "analyst"] },
  "GET /p/:unitCode": { public: true },
  "GET /posters/results/:unitCode": { roles: ["admin", "staff"], unitBound: true },
  // Issue 17: follow-up cases.
  "GET /r/:ref": { public: true },
  "GET /api/v1/cases": { roles: ALL },
  "GET /api/v1/cases/:ref": { roles: ALL, unitBound: true },
  "PATCH /api/v1/cases/:ref": { roles: ["admin", "staff"], unitBound: true },
  "GET /api/v1/reports/cases": { roles: ["admin", "analyst"] },
  // Shifts (issue 16).
  "GET /api/v1/shifts": { roles: ALL },
  "GET /api/v1/points/:code/shift": { roles: ALL, unitBound: true },
  "POST /api/v1/points/:code/shift": { roles: ["admin", "staff"], unitBound: true },
  "DELETE /api/v1/points/:code/shift": { roles: ["admin", "staff"], unitBound: true },
  // Issue 18: paper forms, paper entry, imports, served counts.
  "GET /posters/paper/:code": { roles: ["admin", "staff"], unitBound: true },
  "POST /api/v1/responses/entered": { roles: ALL, unitBound: true },
  "GET /api/v1/responses/entered": { roles: ALL, unitBound: true },
  "PUT /api/v1/responses/entered/:id": { roles: ALL, unitBound: true },
  "POST /api/v1/responses/import": { roles: ALL, unitBound: true },
  "PUT /api/v1/points/:code/served/:day": { roles: ALL, unitBound: true },
  "POST /api/v1/served/import": { roles: ALL, unitBound: true },
  // Issue 19: imports from files, their templates, counters in bulk, the API description.
  "GET /api/v1/units/import/template": { roles: ["admin"] },
  "GET /api/v1/services/import/template": { roles: ["admin"] },
  "POST /api/v1/points/import": { roles: ["admin", "staff"] },
  "GET /api/v1/points/import/template": { roles: ["admin", "staff"] },
  "POST /api/v1/units/:code/points/per-service": { roles: ["admin", "staff"], unitBound: true },
  "GET /api/v1/openapi.json": { public: true },
  "GET /api/v1/docs": { public: true },
};

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "MINE", parent: "H35" });
await makeUnit(t, { code: "OTHER", parent: "H35" });
await makeService(t, { code: "1.001193", units: ["MINE", "OTHER"] });
const point = await makePoint(t, { unit: "OTHER" });
const target = await makeUser(t, { role: "staff", unit: "OTHER" });
// A case of the unit OTHER (issue 17), for the unit-bound case routes.
const caseRef = (
  (await (
    await t.request("POST", "/api/v1/responses", {
      body: {
        id: crypto.randomUUID(),
        point: point.code,
        lang: "vi",
        answers: { CC1: 1 },
        followUp: { contact: "0912345678", consent: true },
      },
    })
  ).json()) as { case: { ref: string } }
).case.ref;
// A paper form of the other unit's point, typed by someone who may: the target of a correction.
const typist = await makeUser(t, { role: "staff", unit: "OTHER" });
const entered = (await (
  await t.request("POST", "/api/v1/responses/entered", {
    auth: typist.auth,
    body: { point: point.code, formNumber: 1, day: "2026-03-14", answers: { TC1: 5 } },
  })
).json()) as { id: string };
const users = {
  admin: await makeUser(t, { role: "admin", unit: "MINE" }),
  analyst: await makeUser(t, { role: "analyst", unit: "MINE" }),
  staff: await makeUser(t, { role: "staff", unit: "MINE" }),
};

/** A concrete URL for a route pattern; unit-bound parameters name something of the unit OTHER. */
function concrete(path: string): string {
  return path
    .replace(/^\/api\/v1\/units\/:code/, "/api/v1/units/OTHER")
    .replace(/^\/api\/v1\/services\/:code/, "/api/v1/services/1.001193")
    .replace(/^\/api\/v1\/points\/:code/, `/api/v1/points/${point.code}`)
    .replace(/^\/(s|posters|links)\/:code/, `/$1/${point.code}`)
    .replace(/^\/posters\/paper\/:code/, `/posters/paper/${point.code}`)
    .replace(/\/served\/:day$/, "/served/2026-03-14")
    .replace(/^\/api\/v1\/responses\/entered$/, `/api/v1/responses/entered?point=${point.code}`)
    .replace(
      /^\/api\/v1\/responses\/import$/,
      `/api/v1/responses/import?point=${point.code}&fileName=a.csv&mapping=${encodeURIComponent('{"columns":{"day":"day","q":"TC1"}}')}`,
    )
    .replace(/^\/qr\/:file/, `/qr/${point.code}.svg`)
    .replace(/:unitCode$/, "OTHER")
    .replace(/\*$/, "index.html")
    .replace(/:username/, target.username)
    .replace(/^\/api\/v1\/responses\/entered\/:id/, `/api/v1/responses/entered/${entered.id}`)
    .replace(/:id/, "unknown-id")
    .replace(/:ref$/, caseRef);
}

const routes = [
  ...new Set(t.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`)),
];
/** Bodies that pass validation where an empty JSON object would not, so that scope is what gets tested. */
const VALID_BODIES: Record<string, { body: string; type: string }> = {
  "PUT /api/v1/units/:code/services": { body: '{"services":[]}', type: "application/json" },
  "POST /links/:code": { body: "count=1", type: "application/x-www-form-urlencoded" },
  "PATCH /api/v1/cases/:ref": { body: '{"status":"in_progress"}', type: "application/json" },
  "POST /api/v1/responses/entered": {
    body: JSON.stringify({ point: point.code, formNumber: 2, day: "2026-03-14", answers: { TC1: 5 } }),
    type: "application/json",
  },
  "PUT /api/v1/responses/entered/:id": {
    body: JSON.stringify({ point: point.code, formNumber: 1, day: "2026-03-14", answers: { TC1: 4 } }),
    type: "application/json",
  },
  "POST /api/v1/responses/import": { body: "day,q\n2026-03-14,5\n", type: "text/csv" },
  "PUT /api/v1/points/:code/served/:day": { body: '{"count":10}', type: "application/json" },
  "POST /api/v1/served/import": { body: `day,point,served\n2026-03-14,${point.code},10\n`, type: "text/csv" },
};

const call = (route: string, auth?: Credentials) => {
  const [method, path] = route.split(" ") as [string, string];
  if (method === "GET" || method === "DELETE") return t.request(method, concrete(path), { auth });
  const { body, type } = VALID_BODIES[route] ?? { body: "{}", type: "application/json" };
  return t.request(method, concrete(path), { auth, body, headers: { "content-type": type } });
};
const protectedRoutes = Object.entries(ACCESS).filter(
  (entry): entry is [string, Exclude<Rule, { public: true }>] => !("public" in entry[1]),
);

describe("the access matrix", () => {
  it("lists every route of the app, and nothing else", () => {
    expect([...routes].sort()).toEqual(Object.keys(ACCESS).sort());
  });

  it.each(Object.keys(ACCESS).filter((route) => "public" in (ACCESS[route] as Rule)))(
    "%s is open to anonymous callers",
    async (route) => {
      const res = await call(route);
      expect([401, 403]).not.toContain(res.status);
    },
  );

  it.each(protectedRoutes)("%s answers 401 without credentials", async (route) => {
    const res = await call(route);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it.each(protectedRoutes)("%s answers 401 to a revoked token and an expired session", async (route) => {
    const user = await makeUser(t, { role: "admin" });
    const session = await signIn(t, user.username, user.password);
    // "hl_<12-character id>_<secret>": the id by position, since base64url text may contain "_".
    const id = (user.auth as { token: string }).token.slice(3, 15);
    await t.client.execute({
      sql: "UPDATE api_tokens SET revoked_at = 1 WHERE id = ?",
      args: [id as string],
    });
    await t.client.execute("UPDATE sessions SET expires_at = 1");
    expect((await call(route, user.auth)).status).toBe(401);
    expect((await call(route, session)).status).toBe(401);
  });

  it.each(
    protectedRoutes.flatMap(([route, rule]) =>
      ALL.filter((role) => !rule.roles.includes(role)).map((role) => [route, role] as const),
    ),
  )("%s answers 403 to %s", async (route, role) => {
    const res = await call(route, users[role].auth);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
  });

  it.each(
    protectedRoutes
      .filter(([, rule]) => rule.unitBound)
      .flatMap(([route, rule]) => rule.roles.map((role) => [route, role] as const)),
  )("%s answers 403 to a %s of another unit", async (route, role) => {
    const res = await call(route, users[role].auth);
    expect(res.status).toBe(403);
  });
});
