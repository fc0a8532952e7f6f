import type { ErrorIssue } from "../../shared/contract/errors.js";
import { type ResponseSubmission, responseSubmissionSchema } from "../../shared/contract/submission.js";
import { itemsOfForm } from "../../shared/instrument/index.js";
import { zodIssues } from "../errors.js";
import { verifyLinkToken } from "../links/link-token.js";
import { plainSubmission } from "./plain-submission.js";
import type { SurveyPoint } from "./point-lookup.js";
import type { AddressHasher, RateLimiter, RateLimits } from "./rate-limit.js";

// The steps of the submit pipeline (HOUSE-STYLE "The submit path is a pipeline"). Each returns the next
// state or a named reason to stop; the pipeline (pipeline.ts) runs them in order.

/** Why a submission was not stored. */
export type Refusal =
  | { reason: "invalid"; issues: ErrorIssue[] }
  | { reason: "point_not_found" }
  | { reason: "point_moved" }
  | { reason: "token_required" }
  | { reason: "token_invalid" }
  | { reason: "token_used" }
  | { reason: "rate_limited" }
  | { reason: "duplicate_id" };

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
  return result.success ? result.data : stop({ reason: "invalid", issues: zodIssues(result.error) });
}

/** The point must exist and still collect answers; an archived one has "moved". */
export function openPoint(point: SurveyPoint | undefined): SurveyPoint | Stop {
  if (!point) return stop({ reason: "point_not_found" });
  if (point.archived) return stop({ reason: "point_moved" });
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
  if (token === undefined) return point.tokenRequired ? stop({ reason: "token_required" }) : null;
  const check = await verifyLinkToken({
    secret: options.secret,
    token,
    pointCode: point.code,
    now: options.now,
  });
  if (!check.ok) return stop({ reason: "token_invalid" });
  return { tokenId: check.tokenId, dossierHash: check.dossierHash, issuerId: check.issuerId };
}

/** The hidden honeypot field is left empty by people; bots that fill it are answered as if stored. */
export function isBot(submission: ResponseSubmission): boolean {
  return submission.website !== undefined && submission.website !== "";
}

/**
 * At most `limits.perMinute` submissions a minute and `limits.perDay` a day from one network address to one
 * point (0: that window is unlimited). The limiter sees only a keyed hash of the address; an unknown address
 * shares one key per point.
 */
export async function checkRateLimit(
  limiter: RateLimiter,
  hashAddress: AddressHasher,
  options: { limits: RateLimits; address: string | undefined; pointCode: string },
): Promise<Stop | undefined> {
  if (options.limits.perMinute === 0 && options.limits.perDay === 0) return undefined;
  const key = hashAddress(options.address ?? "unknown", options.pointCode);
  return (await limiter.limit(key, options.limits)) ? undefined : stop({ reason: "rate_limited" });
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
  return issues.length > 0 ? stop({ reason: "invalid", issues }) : serviceId;
}

/** True when a step stopped the pipeline. */
export function stopped(value: unknown): value is Stop {
  return typeof value === "object" && value !== null && "stop" in value;
}
