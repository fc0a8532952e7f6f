import type { Database } from "../db/database.js";
import { findPointByCode } from "../db/queries/points.js";
import { listServicesOfUnit } from "../db/queries/services.js";

/** A survey point as the citizen's page and the submit path need it. */
export type SurveyPoint = {
  id: number;
  code: string;
  label: string;
  /** Optional Chinese and English labels (the citizen's pages fall back to `label`). */
  labelZh?: string | null;
  labelEn?: string | null;
  form: "full" | "quick";
  tokenRequired: boolean;
  /** Whether the survey page names the officer on duty. */
  showOfficer: boolean;
  /** The point or its unit is archived: old posters lead to a "this counter has moved" page. */
  archived: boolean;
  unit: { id: number; code: string; name: string; nameZh?: string | null; nameEn?: string | null };
  /** The service fixed for this point, if any. */
  service: { id: number; code: string; name: string; nameZh?: string | null; nameEn?: string | null } | null;
  /** Submissions a day from one network address; null: the deployment's limit. */
  dailyLimit: number | null;
  /** When no service is fixed: the active services the unit offers, for the picker (by name). */
  services: Array<{
    id: number;
    code: string;
    name: string;
    nameZh?: string | null;
    nameEn?: string | null;
    field: string | null;
  }>;
};

/** Finds a point by code (cached); `forget()` drops every cached point after a change to the catalogue. */
export type PointLookup = ((code: string) => Promise<SurveyPoint | undefined>) & { forget(): void };

const MAX_CACHED = 10_000;

/**
 * Finds points by code, remembering found points for `ttlMs`: every submission needs its point and the
 * unit's services, and two queries per submission would cost more than writing it. A change made through
 * this app calls `forget()` and applies at once; a change made by another process (another Node process
 * on the same file, another Workers isolate) is seen within `ttlMs`. Unknown codes are not remembered, so
 * a new point works at once.
 */
export function createPointLookup(db: Database, now: () => number, ttlMs = 10_000): PointLookup {
  const cache = new Map<string, { point: SurveyPoint; until: number }>();
  // Bumped by forget(): a read that began before a change must not put its stale point back afterwards.
  let generation = 0;
  const lookup = async (code: string) => {
    const cached = cache.get(code);
    if (cached && cached.until > now()) return cached.point;
    const started = generation;
    const point = await loadPoint(db, code);
    if (!point) return undefined;
    if (started !== generation) return point;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(code, { point, until: now() + ttlMs });
    return point;
  };
  return Object.assign(lookup, {
    forget() {
      generation++;
      cache.clear();
    },
  });
}

async function loadPoint(db: Database, code: string): Promise<SurveyPoint | undefined> {
  const row = await findPointByCode(db, code);
  if (!row) return undefined;
  const service =
    row.serviceId !== null && row.serviceCode !== null && row.serviceName !== null
      ? {
          id: row.serviceId,
          code: row.serviceCode,
          name: row.serviceName,
          nameZh: row.serviceNameZh,
          nameEn: row.serviceNameEn,
        }
      : null;
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    labelZh: row.labelZh,
    labelEn: row.labelEn,
    form: row.form,
    tokenRequired: row.tokenRequired,
    dailyLimit: row.dailyLimit,
    showOfficer: row.showOfficer,
    archived: row.archivedAt !== null || row.unitArchivedAt !== null,
    unit: {
      id: row.unitId,
      code: row.unitCode,
      name: row.unitName,
      nameZh: row.unitNameZh,
      nameEn: row.unitNameEn,
    },
    service,
    services: service ? [] : await listServicesOfUnit(db, row.unitId),
  };
}
