import { describe, expect, it } from "vitest";
import { signLinkToken } from "../../../server/links/link-token.js";
import type { PointLookup, SurveyPoint } from "../../../server/submit/point-lookup.js";
import { createAddressHasher, createDatabaseRateLimiter } from "../../../server/submit/rate-limit.js";
import {
  admitPoint,
  checkAgainstPoint,
  checkRateLimit,
  checkToken,
  isBot,
  parseSubmission,
  stopped,
} from "../../../server/submit/steps.js";
import { createTestApp } from "../../helpers/create-test-app.js";

const NOW = Date.UTC(2026, 2, 15, 3);
const t = await createTestApp();
const SECRET = "test-secret-test-secret-test-secret-0123456789";

const point: SurveyPoint = {
  id: 7,
  code: "K7F3QM",
  label: "Quầy số 3",
  form: "full",
  tokenRequired: false,
  dailyLimit: null,
  showOfficer: true,
  archived: false,
  unit: { id: 2, code: "STP", name: "Sở Tư pháp" },
  service: null,
  services: [{ id: 11, code: "1.001193", name: "Đăng ký khai sinh", field: null }],
};

const submission = (overrides: Record<string, unknown> = {}) => {
  const parsed = parseSubmission({
    id: "0b5c2a9e-3a57-4b8e-9a55-0c1b7d0e2f11",
    point: "K7F3QM",
    lang: "vi",
    answers: { TC1: 5 },
    ...overrides,
  });
  if (stopped(parsed)) throw new Error(JSON.stringify(parsed.stop));
  return parsed;
};

describe("the submit pipeline's steps", () => {
  it("parseSubmission stops with the issues of a body that breaks the contract", () => {
    const result = parseSubmission({ id: "x", point: "K7F3QM", lang: "vi", answers: { TC1: 7 } });
    expect(stopped(result) && result.stop.code).toBe("VALIDATION_FAILED");
    expect(stopped(result) && result.stop.code === "VALIDATION_FAILED" && result.stop.issues.length).toBe(2);
  });

  it("admitPoint admits a well-formed code of an open point, and brings an archived one along", async () => {
    const asked: string[] = [];
    const lookupOf = (found: SurveyPoint): PointLookup =>
      Object.assign(
        async (code: string) => {
          asked.push(code);
          return code === found.code ? found : undefined;
        },
        { forget() {} },
      );
    expect(await admitPoint(lookupOf(point), " k7f3qm ")).toBe(point);
    expect(await admitPoint(lookupOf(point), "K7F3QN")).toEqual({ stop: { code: "POINT_NOT_FOUND" } });
    const archived = { ...point, archived: true };
    expect(await admitPoint(lookupOf(archived), "K7F3QM")).toEqual({
      stop: { code: "POINT_NOT_FOUND" },
      moved: archived,
    });
    // A code no point can have is not looked up.
    expect(await admitPoint(lookupOf(point), "K0F3QM")).toEqual({ stop: { code: "POINT_NOT_FOUND" } });
    expect(asked).toEqual(["K7F3QM", "K7F3QN", "K7F3QM"]);
  });

  it("checkToken grants a valid link, refuses a bad one, and requires one where the point says so", async () => {
    const options = { secret: SECRET, now: NOW };
    expect(await checkToken(point, undefined, options)).toBeNull();
    expect(await checkToken({ ...point, tokenRequired: true }, undefined, options)).toEqual({
      stop: { code: "TOKEN_REQUIRED" },
    });
    const link = await signLinkToken({ secret: SECRET, pointCode: point.code, expiresAt: NOW + 60_000 });
    expect(await checkToken(point, link.token, options)).toEqual({
      tokenId: link.tokenId,
      dossierHash: null,
      issuerId: null,
    });
    expect(await checkToken(point, link.token, { ...options, now: NOW + 60_000 })).toEqual({
      stop: { code: "TOKEN_INVALID" },
    });
    expect(await checkToken({ ...point, code: "K7F3QN" }, link.token, options)).toEqual({
      stop: { code: "TOKEN_INVALID" },
    });
  });

  it("isBot is true only when the honeypot carries something", () => {
    expect(isBot(submission())).toBe(false);
    expect(isBot(submission({ website: "" }))).toBe(false);
    expect(isBot(submission({ website: "x" }))).toBe(true);
  });

  it("checkRateLimit counts per address and point, and not at all when the limit is 0", async () => {
    const limiter = createDatabaseRateLimiter(t.db, () => NOW);
    const hash = createAddressHasher(SECRET, () => NOW);
    const check = (perMinute: number, address: string | undefined) =>
      checkRateLimit(limiter, hash, {
        limits: { perMinute, perDay: perMinute * 60 },
        address,
        pointCode: point.code,
      });
    expect(await check(1, "203.0.113.7")).toBeNull();
    expect(await check(1, "203.0.113.7")).toEqual({ stop: { code: "RATE_LIMITED" } });
    expect(await check(1, "203.0.113.8")).toBeNull();
    expect(await check(0, "203.0.113.7")).toBeNull();
  });

  it("checkAgainstPoint keeps to the point's form and the services its unit offers", () => {
    expect(checkAgainstPoint(point, submission())).toBeNull();
    expect(checkAgainstPoint(point, submission({ service: "1.001193" }))).toBe(11);
    const wrong = checkAgainstPoint(point, submission({ answers: { TC: 5, TC1: 4 }, service: "1.000656" }));
    expect(wrong).toEqual({
      stop: {
        code: "VALIDATION_FAILED",
        issues: [
          { path: ["answers", "TC"], message: "not an item of this point's full form" },
          { path: ["service"], message: "not a service offered by this point's unit" },
        ],
      },
    });
    const fixed = {
      ...point,
      service: { id: 11, code: "1.001193", name: "Đăng ký khai sinh" },
      services: [],
    };
    expect(checkAgainstPoint(fixed, submission())).toBe(11);
    expect(stopped(checkAgainstPoint(fixed, submission({ service: "1.000656" })))).toBe(true);
    expect(stopped(checkAgainstPoint({ ...point, form: "quick" }, submission()))).toBe(true);
  });
});
