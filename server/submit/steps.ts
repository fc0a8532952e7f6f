import { pointCodeSchema } from "../../shared/contract/catalogue.js";
import type { ErrorIssue } from "../../shared/contract/errors.js";
import { type ResponseSubmission, responseSubmissionSchema } from "../../shared/contract/submission.js";
import { itemsOfForm } from "../../shared/instrument/index.js";
import { zodIssues } from "../errors.js";
import { verifyLinkToken } from "../links/link-token.js";
import { plainSubmission } from "./plain-submission.js";
import type { PointLookup, SurveyPoint } from "./point-lookup.js";
import type { AddressHasher, RateLimiter, RateLimits } from "./rate-limit.js";
import type { WriteRefusal } from "./response-writer.js";

// The steps of the submit pipeline (HOUSE-STYLE "The submit path is a pipeline"). Each returns the next
// state or a named reason to stop; the pipeline (pipeline.ts) runs them in order.

/**
 * Why a submission was not stored, as the API's error code (shared/contract/errors.ts), with the problems of
 * an invalid one. Refusals found when writing come from the writer as they are.
 */
export type Refusal =
  | { code: "VALIDATION_FAILED"; issues: ErrorIssue[] }
  | { code: "POINT_NOT_FOUND" }
  | { code: "TOKEN_REQUIRED" }
  | { code: "TOKEN_INVALID" }
  | { code: "RATE_LIMITED" }
  | WriteRefusal;

export type Stop = { stop: Refusal };
const stop = (refusal: Refusal): Stop => ({ stop: refusal });

/**
 * Shape and scales against the shared contract schema: the same check for the JSON and the form path (a
 * plain submission is recognised by hand first, to the schema's answer).
 */
export function parseSubmission(raw: unknown): ResponseSubmission | Stop {
  const plain = plainSubmission(raw);
  if (plain) return plain;
  const result = responseSubmissionSchema.safeParse(raw);
  return result.success ? result.data : stop({ code: "VALIDATION_FAILED", issues: zodIssues(result.error) });
}

/** A point that cannot take answers; an archived one comes along, for the page saying the counter has moved. */
export type PointStop = Stop & { moved?: SurveyPoint };

/**
 * The one admission of a point, for the survey page, the no-JS post, GET /api/v1/points/:code and the
 * pipeline: a well-formed code of a point that still collects answers.
 */
export async function admitPoint(findPoint: PointLookup, code: string): Promise<SurveyPoint | PointStop> {
  const parsed = pointCodeSchema.safeParse(code);
  const point = parsed.success ? await findPoint(parsed.data) : undefined;
  if (!point) return stop({ code: "POINT_NOT_FOUND" });
  if (point.archived) return { ...stop({ code: "POINT_NOT_FOUND" }), moved: point };
  return point;
}

export type TokenGrant = { tokenId: string; dossierHash: string | null; issuerId: number | null } | null;

/**
 * A presented token must be a valid, unexpired link for this point; a point that requires one refuses a
 * submission without it. Whether the link was already used is decided when writing (unique columns).
 */
export async function checkToken(
  point: SurveyPoint,
  token: string | undefined,
  options: { secret: string; now: number },
): Promise<TokenGrant | Stop> {
  if (token === undefined) return point.tokenRequired ? stop({ code: "TOKEN_REQUIRED" }) : null;
  const check = await verifyLinkToken({
    secret: options.secret,
    token,
    pointCode: point.code,
    now: options.now,
  });
  if (!check.ok) return stop({ code: "TOKEN_INVALID" });
  return { tokenId: check.tokenId, dossierHash: check.dossierHash, issuerId: check.issuerId };
}

/** The hidden honeypot field is left empty by people; bots that fill it are answered as if stored. */
export function isBot(submission: ResponseSubmission): boolean {
  return submission.website !== undefined && submission.website !== "";
}

/**
 * At most `limits.perMinute` submissions a minute and `limits.perDay` a day from one network address to one
 * point (0: that window is unlimited). The limiter sees only a keyed hash of the address; an unknown address
 * shares one key per point. Null: within the limits.
 */
export async function checkRateLimit(
  limiter: RateLimiter,
  hashAddress: AddressHasher,
  options: { limits: RateLimits; address: string | undefined; pointCode: string },
): Promise<null | Stop> {
  if (options.limits.perMinute === 0 && options.limits.perDay === 0) return null;
  const key = hashAddress(options.address ?? "unknown", options.pointCode);
  return (await limiter.limit(key, options.limits)) ? null : stop({ code: "RATE_LIMITED" });
}

/**
 * What the shared schema cannot know: the items must be those of the point's form, and the service must be
 * the point's fixed one or one its unit offers. Returns the service id to store (null: none chosen).
 */
export function checkAgainstPoint(
  point: SurveyPoint,
  submission: Pick<ResponseSubmission, "answers" | "service">,
): number | null | Stop {
  const asked = new Set<string>(itemsOfForm(point.form));
  const issues: ErrorIssue[] = Object.keys(submission.answers)
    .filter((item) => !asked.has(item))
    .map((item) => ({ path: ["answers", item], message: `not an item of this point's ${point.form} form` }));
  let serviceId: number | null = null;
  if (point.service) {
    if (submission.service !== undefined && submission.service !== point.service.code) {
      issues.push({ path: ["service"], message: "this point is for another service" });
    }
    serviceId = point.service.id;
  } else if (submission.service !== undefined) {
    const offered = point.services.find((service) => service.code === submission.service);
    if (offered) serviceId = offered.id;
    else issues.push({ path: ["service"], message: "not a service offered by this point's unit" });
  }
  return issues.length > 0 ? stop({ code: "VALIDATION_FAILED", issues }) : serviceId;
}

/** True when a step stopped the pipeline. */
export function stopped(value: unknown): value is Stop {
  return typeof value === "object" && value !== null && "stop" in value;
}
