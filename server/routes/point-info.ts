import { Hono } from "hono";
import { LANGUAGES } from "../../shared/i18n/index.js";
import type { AppEnv } from "../deps.js";
import type { Submitter } from "../submit/pipeline.js";
import type { SurveyPoint } from "../submit/point-lookup.js";
import { refusalError } from "../submit/refusal-error.js";
import { admitPoint, stopped } from "../submit/steps.js";

const namesOf = (s: { code: string; name: string; nameZh?: string | null; nameEn?: string | null }) => ({
  code: s.code,
  name: s.name,
  nameZh: s.nameZh ?? null,
  nameEn: s.nameEn ?? null,
});

/** The public description of a survey point, for the citizen's UI (DESIGN.md §3 "Citizen"). */
export function presentSurveyPoint(point: SurveyPoint) {
  return {
    point: {
      code: point.code,
      label: point.label,
      labelZh: point.labelZh ?? null,
      labelEn: point.labelEn ?? null,
      tokenRequired: point.tokenRequired,
    },
    unit: namesOf(point.unit),
    ...(point.service ? { service: namesOf(point.service) } : {}),
    services: point.services.map((s) => ({ ...namesOf(s), field: s.field })),
    form: point.form,
    languages: LANGUAGES,
  };
}

/**
 * GET /api/v1/points/:code, public: what the survey needs to show for a point. Unknown and archived points
 * are 404 POINT_NOT_FOUND. Mounted next to the staff point routes, which have no GET /:code.
 */
export function pointInfoRoutes(submitter: Submitter) {
  return new Hono<AppEnv>().get("/:code", async (c) => {
    const point = await admitPoint(submitter.findPoint, c.req.param("code"));
    if (stopped(point)) throw refusalError(point.stop);
    // Short: a catalogue change should reach phones soon, but a crowd at one counter asks the same thing.
    c.header("cache-control", "public, max-age=60");
    return c.json(presentSurveyPoint(point));
  });
}
