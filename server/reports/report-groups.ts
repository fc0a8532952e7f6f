import { type GroupValues, RESPONSE_CHANNELS, type ReportGrouping } from "../../shared/contract/reports.js";
import { daysInRange, monthOf, type Period } from "../../shared/time/index.js";
import type { Database } from "../db/database.js";
import {
  findOfficersByIds,
  findServicesByIds,
  listReportPoints,
  listReportUnits,
  type RollupKey,
} from "../db/queries/reports.js";
import type { GroupKey, GroupMap } from "./group-map.js";

// Which rows a report has, in which order, and how each is labelled.
//
// by=unit counts the points attached directly to each unit, not its subtree: the rows of a department and
// of its divisions then add up to the whole without counting anyone twice. by=unit and by=point list every
// active unit or point of the scope (a unit without responses is news for an analyst), archived ones only
// when they have responses in the period; by=month and by=day list every month or day of the period, so a
// series has no holes; by=service, by=unit,service and by=officer list the groups that have responses
// (officers in tree order of their account's unit, then by username; responses without an officer last).

/** The rollup columns each grouping sums by, in the order of its key. */
export const GROUPING_KEYS: Record<ReportGrouping, readonly RollupKey[]> = {
  unit: ["unit"],
  service: ["service"],
  point: ["point"],
  month: ["month"],
  day: ["day"],
  "unit,service": ["unit", "service"],
  total: [],
  officer: ["officer"],
  channel: ["channel"],
};

/** One row-to-be of a report: its rollup key and its group columns. */
export type ReportGroup = { key: GroupKey; values: GroupValues<ReportGrouping> };

// service_id 0 in the rollups is "no service chosen"; it sorts after every real code.
const NO_SERVICE = 0;
/** officer_id 0 is "no officer": its group comes last, with empty officer columns. */
export const NO_OFFICER = 0;

/**
 * The groups of a report in display order. `seen` holds the keys that have data in the period: they decide
 * the data-driven groupings and let archived units and points appear.
 */
export async function reportGroups(
  db: Database,
  by: ReportGrouping,
  period: Period,
  subtree: string | null,
  seen: Pick<GroupMap<unknown>, "has" | "keys">,
): Promise<ReportGroup[]> {
  switch (by) {
    case "total":
      return [{ key: [], values: {} }];
    case "channel":
      // Every channel, in a fixed order, so that a channel nobody used shows as a row of zeros.
      return RESPONSE_CHANNELS.map((channel) => ({ key: [channel], values: { channel } }));
    case "month": {
      const months = [...new Set(daysInRange(period.from, period.to).map(monthOf))];
      return months.map((month) => ({ key: [month], values: { month } }));
    }
    case "day":
      return daysInRange(period.from, period.to).map((day) => ({ key: [day], values: { day } }));
    case "unit": {
      const units = await listReportUnits(db, subtree);
      return units
        .filter((unit) => !unit.archived || seen.has([unit.id]))
        .map((unit) => ({
          key: [unit.id],
          values: { unit_code: unit.code, unit_name: unit.name },
        }));
    }
    case "point": {
      const points = await listReportPoints(db, subtree);
      return points
        .filter((point) => !point.archived || seen.has([point.id]))
        .map((point) => ({
          key: [point.id],
          values: { point_code: point.code, point_label: point.label, unit_code: point.unitCode },
        }));
    }
    case "service": {
      const ids = seen.keys().map(([id]) => Number(id));
      const services = await findServicesByIds(db, ids);
      return sortByService(ids, services).map((id) => ({
        key: [id],
        values: {
          service_code: services.get(id)?.code ?? null,
          service_name: services.get(id)?.name ?? null,
        },
      }));
    }
    case "officer": {
      const ids = seen.keys().map(([id]) => Number(id));
      const officers = await findOfficersByIds(db, ids);
      const sortKey = (id: number) => {
        const officer = officers.get(id);
        return id === NO_OFFICER || !officer
          ? "\uffff"
          : `${officer.unitPath ?? ""}\u0000${officer.username}`;
      };
      return [...new Set(ids)]
        .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a - b))
        .map((id) => {
          const officer = officers.get(id);
          return {
            key: [id],
            values: {
              officer_username: officer?.username ?? null,
              officer_name: officer?.name ?? null,
              unit_code: officer?.unitCode ?? null,
            },
          };
        });
    }
    case "unit,service": {
      const pairs = seen.keys().map(([unit, service]) => [Number(unit), Number(service)] as const);
      const [units, services] = await Promise.all([
        listReportUnits(db, subtree),
        findServicesByIds(
          db,
          pairs.map(([, service]) => service),
        ),
      ]);
      return units.flatMap((unit) => {
        const offered = pairs.filter(([unitId]) => unitId === unit.id).map(([, service]) => service);
        return sortByService(offered, services).map((id) => ({
          key: [unit.id, id],
          values: {
            unit_code: unit.code,
            unit_name: unit.name,
            service_code: services.get(id)?.code ?? null,
            service_name: services.get(id)?.name ?? null,
          },
        }));
      });
    }
  }
}

function sortByService(ids: number[], services: Map<number, { code: string }>): number[] {
  const code = (id: number) => (id === NO_SERVICE ? "\uffff" : (services.get(id)?.code ?? ""));
  return [...new Set(ids)].sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0));
}
