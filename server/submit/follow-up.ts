import { caseRefOf } from "../../shared/contract/cases.js";
import type { ResponseSubmission } from "../../shared/contract/submission.js";
import { DAY_MS, localDay } from "../../shared/time/index.js";
import { caseOpenedEvent } from "../alerts/events.js";
import type { AppConfig } from "../config.js";
import type { CaseOpening } from "../db/queries/cases.js";
import type { SurveyPoint } from "./point-lookup.js";

// The pipeline's follow-up step (issue 17): a submission that asks for a reply opens a case, written in
// the same batch as the response (server/submit/response-writer.ts), so that a retry of the same response (the
// same id and content, answered 200) never opens a second one. Privacy rule: the contact goes to
// case_contacts only; the case.opened alert carries the items rated 1 or 2, never the contact.

/** The case a submission opens, or undefined when it asks for no reply. */
export function caseOpening(
  submission: ResponseSubmission,
  context: {
    point: SurveyPoint;
    serviceId: number | null;
    now: number;
    config: Pick<AppConfig, "caseDays" | "publicUrl" | "webhookUrl">;
  },
): CaseOpening | undefined {
  const followUp = submission.followUp;
  if (!followUp) return undefined;
  const { point, now, config } = context;
  const ref = caseRefOf(submission.id);
  const dueAt = now + config.caseDays * DAY_MS;
  const service = context.serviceId === null ? null : findService(point, context.serviceId);
  const lowItems = Object.entries(submission.answers)
    .filter(([, value]) => value !== undefined && value <= 2)
    .map(([item]) => item)
    .sort();
  return {
    row: {
      ref,
      responseId: submission.id,
      unitId: point.unit.id,
      pointId: point.id,
      serviceId: context.serviceId,
      lang: submission.lang,
      status: "received",
      openedAt: now,
      openedDay: localDay(now),
      dueAt,
      updatedAt: now,
    },
    contact: { ...followUp.contact, consentAt: now },
    alert: config.webhookUrl
      ? caseOpenedEvent(
          {
            ref,
            openedAt: now,
            dueAt,
            unit: { code: point.unit.code, name: point.unit.name },
            point: { code: point.code, label: point.label },
            service,
            lowItems,
            hasComment: submission.comment !== undefined,
          },
          config.publicUrl,
          now,
        )
      : null,
  };
}

function findService(point: SurveyPoint, id: number) {
  const service = point.service?.id === id ? point.service : point.services.find((s) => s.id === id);
  return service ? { code: service.code, name: service.name } : null;
}
