import { caseRefOf } from "../../shared/contract/cases.js";
import { INSTRUMENT_VERSION } from "../../shared/instrument/index.js";
import { localDay } from "../../shared/time/index.js";
import { findCaseRefOfResponse } from "../db/queries/cases.js";
import type { AppDeps } from "../deps.js";
import { contentHash } from "./content-hash.js";
import { caseOpening } from "./follow-up.js";
import { createGroupWriter, type GroupWriter } from "./group-writer.js";
import { createOnDutyLookup, type OnDutyLookup } from "./on-duty-lookup.js";
import { maskPersonalData } from "./pii.js";
import { createPointLookup, type PointLookup, type SurveyPoint } from "./point-lookup.js";
import { createAddressHasher, createDatabaseRateLimiter, type RateLimiter } from "./rate-limit.js";
import { rollupIncrements } from "./rollup-increments.js";
import {
  checkAgainstPoint,
  checkRateLimit,
  checkToken,
  isBot,
  openPoint,
  parseSubmission,
  type Refusal,
  stopped,
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
  writer: GroupWriter;
};

/**
 * The submit pipeline of one app: parse → point → token → honeypot → rate limit → instrument → officer →
 * mask → write.
 * Holds the per-app state: the rate limiter, the day's address key, the point cache and the group writer.
 */
export function createSubmitter(
  deps: AppDeps,
  options: { limiter?: RateLimiter | undefined; writer?: GroupWriter } = {},
): Submitter {
  const limiter = options.limiter ?? createDatabaseRateLimiter(deps.db, deps.now);
  const hashAddress = createAddressHasher(deps.config.secret, deps.now);
  const findPoint = createPointLookup(deps.db, deps.now);
  const findOnDuty = createOnDutyLookup(deps.db, deps.now);
  const writer = options.writer ?? createGroupWriter(deps.db);

  async function submit(raw: unknown, context: SubmitContext): Promise<SubmitResult> {
    const submission = parseSubmission(raw);
    if (stopped(submission)) return { ok: false, refusal: submission.stop };
    const found = await findPoint(submission.point);
    const point = openPoint(found);
    if (stopped(point)) return { ok: false, refusal: point.stop, point: found };
    const now = deps.now();
    const grant = await checkToken(point, submission.token, { secret: deps.config.secret, now });
    if (stopped(grant)) return { ok: false, refusal: grant.stop, point };
    if (isBot(submission)) {
      // Answered like a stored one, case reference included, so that a bot learns nothing.
      const caseRef = submission.followUp ? caseRefOf(submission.id) : undefined;
      return { ok: true, status: "dropped", id: submission.id, receivedAt: now, caseRef };
    }
    const limited = await checkRateLimit(limiter, hashAddress, {
      // HAILONG_RATE_LIMIT=0 turns limiting off; a point's own day limit replaces the deployment's.
      limits:
        deps.config.rateLimit === 0
          ? { perMinute: 0, perDay: 0 }
          : { perMinute: deps.config.rateLimit, perDay: point.dailyLimit ?? deps.config.rateLimitDay },
      address: context.address,
      pointCode: point.code,
    });
    if (limited) return { ok: false, refusal: limited.stop, point };
    const serviceId = checkAgainstPoint(point, submission);
    if (stopped(serviceId)) return { ok: false, refusal: serviceId.stop, point };

    // Who served: the issuer of a one-time link (whatever the shift), else the officer on duty at the counter.
    const officerId = grant ? grant.issuerId : await findOnDuty(point.id);
    const comment = submission.comment === undefined ? undefined : maskPersonalData(submission.comment);
    const day = localDay(now);
    const answers = submission.answers as Record<string, number>;
    const expectations = nonEmpty(submission.expectations as Record<string, number> | undefined);
    const respondent = submission.respondent ?? {};
    const opening = caseOpening(submission, { point, serviceId, now, config: deps.config });
    const channel = grant ? "link" : submission.channel === "kiosk" ? "kiosk" : "qr";
    const outcome = await writer.write({
      row: {
        id: submission.id,
        pointId: point.id,
        unitId: point.unit.id,
        serviceId,
        form: point.form,
        instrument: INSTRUMENT_VERSION,
        lang: submission.lang,
        channel,
        submittedAt: now,
        localDay: day,
        answers: JSON.stringify(answers),
        expectations: expectations ? JSON.stringify(expectations) : null,
        gender: respondent.gender ?? null,
        ageBand: respondent.ageBand ?? null,
        ethnicity: respondent.ethnicity ?? null,
        education: respondent.education ?? null,
        occupation: respondent.occupation ?? null,
        comment: comment?.text ?? null,
        commentHasPii: comment?.masked ?? false,
        // Hashed before masking: a retry carries the comment as typed, not as stored.
        contentHash: contentHash({ ...submission, point: point.code }),
        tokenId: grant?.tokenId ?? null,
        dossierHash: grant?.dossierHash ?? null,
        officerId,
      },
      increments: rollupIncrements({
        day,
        unitId: point.unit.id,
        pointId: point.id,
        serviceId,
        officerId,
        channel,
        answers,
        expectations: expectations ?? null,
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
      case "duplicate-id":
        return { ok: false, refusal: { reason: "duplicate_id" }, point };
      case "token-used":
        return { ok: false, refusal: { reason: "token_used" }, point };
    }
  }

  return { submit, findPoint, findOnDuty, writer };
}

function nonEmpty<T extends object>(record: T | undefined): T | undefined {
  return record && Object.keys(record).length > 0 ? record : undefined;
}
