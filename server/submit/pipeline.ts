import { INSTRUMENT_VERSION } from "../../shared/instrument/index.js";
import { localDay } from "../../shared/time/index.js";
import type { AppDeps } from "../deps.js";
import { contentHash } from "./content-hash.js";
import { createGroupWriter, type GroupWriter } from "./group-writer.js";
import { maskPersonalData } from "./pii.js";
import { createPointLookup, type PointLookup, type SurveyPoint } from "./point-lookup.js";
import { createAddressHasher, createMemoryRateLimiter, type RateLimiter } from "./rate-limit.js";
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
  | { ok: true; status: "stored" | "repeat" | "dropped"; id: string; receivedAt: number }
  | { ok: false; refusal: Refusal; point?: SurveyPoint | undefined };

/** Where a submission came from, as far as the pipeline needs to know. */
export type SubmitContext = { address: string | undefined };

export type Submitter = {
  /** Runs a submission (a parsed JSON body, or the object read from the no-JS form) through the pipeline. */
  submit(raw: unknown, context: SubmitContext): Promise<SubmitResult>;
  /** The point look-up the pipeline uses, shared with the survey page so both see the same point. */
  findPoint: PointLookup;
  /** The writer of responses, shared with paper entry so that every response is written one way. */
  writer: GroupWriter;
};

/**
 * The submit pipeline of one app: parse → point → token → honeypot → rate limit → instrument → mask → write.
 * Holds the per-app state: the rate limiter, the daily address salt, the point cache and the group writer.
 */
export function createSubmitter(
  deps: AppDeps,
  options: { limiter?: RateLimiter | undefined; writer?: GroupWriter } = {},
): Submitter {
  const limiter =
    options.limiter ?? createMemoryRateLimiter({ perMinute: deps.config.rateLimit, now: deps.now });
  const hashAddress = createAddressHasher(deps.now);
  const findPoint = createPointLookup(deps.db, deps.now);
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
    if (isBot(submission)) return { ok: true, status: "dropped", id: submission.id, receivedAt: now };
    const limited = await checkRateLimit(limiter, hashAddress, {
      perMinute: deps.config.rateLimit,
      address: context.address,
      pointCode: point.code,
    });
    if (limited) return { ok: false, refusal: limited.stop, point };
    const serviceId = checkAgainstPoint(point, submission);
    if (stopped(serviceId)) return { ok: false, refusal: serviceId.stop, point };

    const comment = submission.comment === undefined ? undefined : maskPersonalData(submission.comment);
    const day = localDay(now);
    const answers = submission.answers as Record<string, number>;
    const expectations = nonEmpty(submission.expectations as Record<string, number> | undefined);
    const respondent = submission.respondent ?? {};
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
      },
      increments: rollupIncrements({
        day,
        unitId: point.unit.id,
        pointId: point.id,
        serviceId,
        channel,
        answers,
        expectations: expectations ?? null,
      }),
    });
    switch (outcome.status) {
      case "stored":
      case "repeat":
        return { ok: true, status: outcome.status, id: submission.id, receivedAt: outcome.receivedAt };
      case "duplicate-id":
        return { ok: false, refusal: { reason: "duplicate_id" }, point };
      case "token-used":
        return { ok: false, refusal: { reason: "token_used" }, point };
    }
  }

  return { submit, findPoint, writer };
}

function nonEmpty<T extends object>(record: T | undefined): T | undefined {
  return record && Object.keys(record).length > 0 ? record : undefined;
}
