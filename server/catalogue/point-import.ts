import { FORMS_OF_POINT, tthcCodeSchema, unitCodeSchema } from "../../shared/contract/catalogue.js";
import * as z from "../../shared/contract/zod.js";
import { inScope } from "../auth/guard.js";
import type { Database } from "../db/database.js";
import { insertPointStatement, listPoints, updatePointStatement } from "../db/queries/points.js";
import { listServices, listServicesOfUnit } from "../db/queries/services.js";
import { findUnitsByCode } from "../db/queries/units.js";
import type { AuthUser } from "../deps.js";
import {
  type ImportPlan,
  importIssue,
  invalidValueIssues,
  readImportRecords,
  refusedFile,
} from "./import-table.js";
import { randomPointCode } from "./point-code.js";

const YES = ["true", "1", "yes", "y", "x", "có", "co"];
const NO = ["", "false", "0", "no", "n", "không", "khong"];
const FORM_WORDS: Record<string, (typeof FORMS_OF_POINT)[number]> = {
  "": "full",
  full: "full",
  "đầy đủ": "full",
  quick: "quick",
  "rút gọn": "quick",
};

const pointRowSchema = z.object({
  unit: unitCodeSchema,
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  service: z.optional(tthcCodeSchema),
  form: z.enum(FORMS_OF_POINT),
  token_required: z.boolean(),
});

/**
 * Plans a counters import (`unit,label,service,form,token_required`): a row creates a survey point at
 * the unit, or updates the active point of that unit with the same label (so a file can be imported
 * again). The server picks each new point's code. Staff and admins import for units in their scope.
 */
export async function planPointImport(
  db: Database,
  user: AuthUser,
  bytes: Uint8Array,
  now: number,
  sheet?: string,
): Promise<ImportPlan> {
  const read = readImportRecords("points", bytes, sheet);
  if ("issues" in read) return refusedFile(read.issues);
  const units = await findUnitsByCode(db, [
    ...new Set(read.records.map((r) => (r.values.unit ?? "").trim().toUpperCase()).filter(Boolean)),
  ]);
  const existing = new Map(
    (await listPoints(db, { scopePath: user.scopePath, includeArchived: false })).map((p) => [
      `${p.unitCode}\n${p.label.toLocaleLowerCase("vi")}`,
      p,
    ]),
  );
  const serviceIds = new Map(
    (await listServices(db, { scopePath: null, includeArchived: false })).map((s) => [s.code, s.id]),
  );
  const offered = new Map<number, Set<number>>();
  const plan: ImportPlan = {
    issues: [],
    created: [],
    updated: [],
    rows: [],
    statements: [],
    file: read.file,
  };
  const seen = new Set<string>();
  const newCodes = new Set<string>();
  for (const { row, values } of read.records) {
    const label = values.label ?? "";
    const refuse = (...issues: ImportPlan["issues"]) => {
      plan.issues.push(...issues);
      plan.rows.push({ row, code: label, action: "refuse" });
    };
    const token = (values.token_required ?? "").toLocaleLowerCase("vi");
    const form = FORM_WORDS[(values.form ?? "").toLocaleLowerCase("vi")];
    const parsed = pointRowSchema.safeParse({
      unit: values.unit,
      label,
      service: values.service || undefined,
      form,
      token_required: YES.includes(token) ? true : NO.includes(token) ? false : undefined,
    });
    if (!parsed.success) {
      refuse(
        ...invalidValueIssues(
          "points",
          row,
          parsed.error.issues.map((i) => i.path),
        ),
      );
      continue;
    }
    const point = parsed.data;
    const unit = units.get(point.unit);
    if (!unit) {
      refuse(importIssue(row, "unit", "unknown_unit", { code: point.unit }));
      continue;
    }
    if (!inScope(user, unit.path)) {
      refuse(importIssue(row, "unit", "out_of_scope", { code: point.unit }));
      continue;
    }
    if (unit.archivedAt !== null) {
      refuse(importIssue(row, "unit", "unit_archived", { code: point.unit }));
      continue;
    }
    const key = `${unit.code}\n${point.label.toLocaleLowerCase("vi")}`;
    if (seen.has(key)) {
      refuse(importIssue(row, "label", "duplicate_in_file", { code: point.label }));
      continue;
    }
    seen.add(key);
    let serviceId: number | null = null;
    if (point.service) {
      const id = serviceIds.get(point.service);
      if (id === undefined) {
        refuse(importIssue(row, "service", "unknown_service", { code: point.service }));
        continue;
      }
      if (!offered.has(unit.id))
        offered.set(unit.id, new Set((await listServicesOfUnit(db, unit.id)).map((s) => s.id)));
      if (!offered.get(unit.id)?.has(id)) {
        refuse(
          importIssue(row, "service", "service_not_offered", { unit: unit.code, service: point.service }),
        );
        continue;
      }
      serviceId = id;
    }
    const fields = { label: point.label, serviceId, form: point.form, tokenRequired: point.token_required };
    const current = existing.get(key);
    if (current) {
      plan.updated.push(current.code);
      plan.rows.push({ row, code: current.code, action: "update" });
      plan.statements.push(updatePointStatement(db, current.id, fields));
      continue;
    }
    let code = randomPointCode();
    // The unique index guards against a clash with a stored code: the batch then fails whole.
    while (newCodes.has(code)) code = randomPointCode();
    newCodes.add(code);
    plan.created.push(code);
    plan.rows.push({ row, code, action: "create" });
    plan.statements.push(insertPointStatement(db, { code, unitId: unit.id, ...fields, createdAt: now }));
  }
  return plan;
}
