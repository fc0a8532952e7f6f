import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../server/deps.js";
import { ApiError, handleError } from "../../server/errors.js";
import { ERROR_CODES, type ErrorCode, errorEnvelopeSchema } from "../../shared/contract/errors.js";
import { createTestApp } from "../helpers/create-test-app.js";
import { makePoint, makeUnit, makeUser, signIn } from "../helpers/factories.js";

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
const admin = await makeUser(t, { role: "admin" });
const analyst = await makeUser(t, { role: "analyst" });
const session = await signIn(t, admin.username, admin.password);
const point = await makePoint(t, { unit: "H35" });

/** A bare app with the shared error handler, throwing what the test gives it. */
function throwing(error: Error) {
  const app = new Hono<AppEnv>().get("/", () => {
    throw error;
  });
  app.onError(handleError);
  return app;
}

/** Status and code of an answer, after checking that its body is the one error envelope. */
async function outcome(res: Response): Promise<[number, ErrorCode]> {
  const body = errorEnvelopeSchema.parse(await res.json());
  return [res.status, body.error.code];
}

describe("the error vocabulary", () => {
  const expected: Record<ErrorCode, number> = {
    VALIDATION_FAILED: 400,
    INVALID_JSON: 400,
    UNAUTHENTICATED: 401,
    INVALID_CREDENTIALS: 401,
    TOO_MANY_ATTEMPTS: 429,
    FORBIDDEN: 403,
    CSRF_REJECTED: 403,
    NOT_FOUND: 404,
    POINT_NOT_FOUND: 404,
    CONFLICT: 409,
    DUPLICATE_ID: 409,
    TOKEN_REQUIRED: 403,
    TOKEN_INVALID: 403,
    TOKEN_USED: 409,
    PAYLOAD_TOO_LARGE: 413,
    UNSUPPORTED_MEDIA_TYPE: 415,
    RATE_LIMITED: 429,
    INTERNAL_ERROR: 500,
    SERVICE_UNAVAILABLE: 503,
    DUPLICATE_FORM: 409,
  };

  it.each(ERROR_CODES)("answers %s with its status and the envelope", async (code) => {
    const res = await throwing(new ApiError(code, "Said in English.")).request("/");
    expect(await outcome(res)).toEqual([expected[code], code]);
  });

  it("names each code once", () => {
    expect([...ERROR_CODES].sort()).toEqual(Object.keys(expected).sort());
  });
});

describe("Hono's own exceptions", () => {
  it("answers a 403 that is not a CSRF refusal as FORBIDDEN", async () => {
    expect(await outcome(await throwing(new HTTPException(403)).request("/"))).toEqual([403, "FORBIDDEN"]);
    const role = await t.request("GET", "/api/v1/users", { auth: analyst.auth });
    expect(await outcome(role)).toEqual([403, "FORBIDDEN"]);
  });

  it("answers a cross-site cookie write as CSRF_REJECTED", async () => {
    const res = await t.request("POST", `/links/${point.code}`, {
      body: "count=1",
      headers: {
        cookie: (session as { cookie: string }).cookie,
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expect(await outcome(res)).toEqual([403, "CSRF_REJECTED"]);
  });

  it("answers a JSON body that does not parse with 400 INVALID_JSON", async () => {
    const res = await t.request("POST", "/api/v1/units", { auth: admin.auth, body: '{"code": "X",' });
    expect(await outcome(res)).toEqual([400, "INVALID_JSON"]);
  });

  it("answers a form body that cannot be read with 400 VALIDATION_FAILED", async () => {
    const res = await t.request("POST", `/links/${point.code}`, {
      auth: admin.auth,
      body: "not a multipart body",
      headers: { "content-type": "multipart/form-data; boundary=nothing-here" },
    });
    expect(await outcome(res)).toEqual([400, "VALIDATION_FAILED"]);
    const survey = await t.app.request(`/s/${point.code}`, {
      method: "POST",
      body: "not a multipart body",
      headers: { "content-type": "multipart/form-data; boundary=nothing-here" },
    });
    expect(await outcome(survey)).toEqual([400, "VALIDATION_FAILED"]);
  });

  it("answers a body over the limit with 413 PAYLOAD_TOO_LARGE", async () => {
    const res = await t.request("POST", "/api/v1/units", {
      auth: admin.auth,
      body: { code: "X", name: "x".repeat(100_000) },
    });
    expect(await outcome(res)).toEqual([413, "PAYLOAD_TOO_LARGE"]);
  });

  it("answers an unexpected exception with a 500 that says nothing internal", async () => {
    const res = await throwing(new HTTPException(500, { message: "secret detail" })).request("/");
    expect(await res.clone().text()).not.toContain("secret detail");
    expect(await outcome(res)).toEqual([500, "INTERNAL_ERROR"]);
  });
});
