import { caseRefOf } from "../../shared/contract/cases.js";
import type { ResponseSubmission } from "../../shared/contract/submission.js";
import { localDay } from "../../shared/time/index.js";
import { findCaseRefOfResponse } from "../db/queries/cases.js";
import { rollupIncrements } from "../db/queries/rollups.js";
import type { AppDeps } from "../deps.js";
import { caseOpening } from "./follow-up.js";
import { createOnDutyLookup, type OnDutyLookup } from "./on-duty-lookup.js";
import { createPointLookup, type PointLookup, type SurveyPoint } from "./point-lookup.js";
import { createAddressHasher, createDatabaseRateLimiter, type RateLimits } from "./rate-limit.js";
import { responseRow } from "./response-row.js";
import { createGroupWriter, type ResponseWriter } from "./response-writer.js";
import {
  admitPoint,
  checkAgainstPoint,
  checkRateLimit,
  checkToken,
  isBot,
  parseSubmission,
  type Refusal,
  stopped,
  type TokenGrant,
} from "./steps.js";

/** How a submission ended: accepted (stored now, stored before, or a bot quietly dropped) or refused. */
export type SubmitResult =
  | {
      ok: true;
      status: "stored" | "repeat" | "dropped";
      id: string;
      receivedAt: number;
      /** The follow-up case the response opened (issue 17). */
      caseRef?: string | undefined;
    }
  | { ok: false; refusal: Refusal; point?: SurveyPoint | undefined };

/** Where a submission came from, as far as the pipeline needs to know. */
export type SubmitContext = { address: string | undefined };

export type Submitter = {
  /** Runs a submission (a parsed JSON body, or the object read from the no-JS form) through the pipeline. */
  submit(raw: unknown, context: SubmitContext): Promise<SubmitResult>;
  /** The point look-up the pipeline uses, shared with the survey page so both see the same point. */
  findPoint: PointLookup;
  /** The on-duty officer look-up, dropped with the point cache after a write to the catalogue or a shift. */
  findOnDuty: OnDutyLookup;
  /** The writer of responses, shared with paper entry so that every response is written one way. */
  writer: ResponseWriter;
};

/**
 * The submit pipeline of one app: parse → point → token → honeypot → rate limit → instrument → officer →
 * mask → write.
 * Holds the per-app state: the rate limiter (deps.rateLimiter, else one counting in the database), the
 * day's address key, the point cache and the response writer (deps.responseWriter, else a group writer).
 */
export function createSubmitter(deps: AppDeps): Submitter {
  const limiter = deps.rateLimiter ?? createDatabaseRateLimiter(deps.db, deps.now);
  const hashAddress = createAddressHasher(deps.config.secret, deps.now);
  const findPoint = createPointLookup(deps.db, deps.now);
  const findOnDuty = createOnDutyLookup(deps.db, deps.now);
  const writer = deps.responseWriter ?? createGroupWriter(deps.db);

  // HAILONG_RATE_LIMIT=0 turns limiting off; a point's own day limit replaces the deployment's.
  const limitsOf = (point: SurveyPoint): RateLimits =>
    deps.config.rateLimit === 0
      ? { perMinute: 0, perDay: 0 }
      : { perMinute: deps.config.rateLimit, perDay: point.dailyLimit ?? deps.config.rateLimitDay };

  async function submit(raw: unknown, context: SubmitContext): Promise<SubmitResult> {
    const submission = parseSubmission(raw);
    if (stopped(submission)) return { ok: false, refusal: submission.stop };
    const point = await admitPoint(findPoint, submission.point);
    if (stopped(point)) return { ok: false, refusal: point.stop, point: point.moved };
    const now = deps.now();
    const grant = await checkToken(point, submission.token, { secret: deps.config.secret, now });
    if (stopped(grant)) return { ok: false, refusal: grant.stop, point };
    if (isBot(submission)) {
      // Answered like a stored one, case reference included, so that a bot learns nothing.
      const caseRef = submission.followUp ? caseRefOf(submission.id) : undefined;
      return { ok: true, status: "dropped", id: submission.id, receivedAt: now, caseRef };
    }
    const limited = await checkRateLimit(limiter, hashAddress, {
      limits: limitsOf(point),
      address: context.address,
      pointCode: point.code,
    });
    if (stopped(limited)) return { ok: false, refusal: limited.stop, point };
    const serviceId = checkAgainstPoint(point, submission);
    if (stopped(serviceId)) return { ok: false, refusal: serviceId.stop, point };

    // Who served: the issuer of a one-time link (whatever the shift), else the officer on duty at the counter.
    const officerId = grant ? grant.issuerId : await findOnDuty(point.id);
    const row = onlineRow(submission, { point, serviceId, grant, officerId, now });
    const opening = caseOpening(submission, { point, serviceId, now, config: deps.config });
    const outcome = await writer.write({
      row,
      increments: rollupIncrements({
        day: row.localDay,
        unitId: point.unit.id,
        pointId: point.id,
        serviceId,
        officerId,
        channel: row.channel,
        answers: submission.answers as Record<string, number>,
        expectations: (submission.expectations as Record<string, number> | undefined) ?? null,
      }),
      caseOpening: opening,
    });
    switch (outcome.status) {
      case "stored":
        if (opening) deps.wakeScheduler?.();
        return {
          ok: true,
          status: "stored",
          id: submission.id,
          receivedAt: outcome.receivedAt,
          caseRef: opening?.row.ref,
        };
      case "repeat":
        return {
          ok: true,
          status: "repeat",
          id: submission.id,
          receivedAt: outcome.receivedAt,
          // The case the first delivery opened: a retry never opens another.
          caseRef: opening ? await findCaseRefOfResponse(deps.db, submission.id) : undefined,
        };
      case "refused":
        return { ok: false, refusal: outcome.refusal, point };
    }
  }

  return { submit, findPoint, findOnDuty, writer };
}

/** The row of an online response: its channel from the link or the kiosk, its day from the clock. */
function onlineRow(
  submission: ResponseSubmission,
  context: {
    point: SurveyPoint;
    serviceId: number | null;
    grant: TokenGrant;
    officerId: number | null;
    now: number;
  },
) {
  const { point, grant, now } = context;
  return responseRow({
    id: submission.id,
    point,
    serviceId: context.serviceId,
    channel: grant ? "link" : submission.channel === "kiosk" ? "kiosk" : "qr",
    submittedAt: now,
    day: localDay(now),
    content: submission,
    hashed: { ...submission, point: point.code },
    link: grant,
    officerId: context.officerId,
  });
}
