import { serviceCreateSchema } from "../../shared/contract/catalogue.js";
import type { ErrorIssue } from "../../shared/contract/errors.js";
import { inScope } from "../auth/guard.js";
import type { Database } from "../db/database.js";
import {
  findServiceByCode,
  setServiceUnitsStatements,
  upsertServiceStatement,
} from "../db/queries/services.js";
import { existingUnitCodes } from "../db/queries/units.js";
import type { AuthUser } from "../deps.js";
import { readCsvRecords } from "../lib/csv-table.js";
import type { ImportPlan } from "./unit-import.js";

/**
 * Plans a services CSV import (`code,name,name_zh,name_en,field,local_code,units`, units separated by ";";
 * a Chinese or English name column that is absent leaves those names as they are): every row
 * is checked first; new codes are created, existing ones updated; a row with a units cell sets exactly
 * the units (within the caller's scope) that offer the service.
 */
export async function planServiceImport(
  db: Database,
  user: AuthUser,
  csv: string,
  now: number,
): Promise<ImportPlan> {
  const read = readCsvRecords(csv, {
    required: ["code", "name"],
    optional: ["name_zh", "name_en", "field", "local_code", "units"],
  });
  if ("problems" in read)
    return {
      issues: read.problems.map((message) => ({ path: [], message, row: 1 })),
      created: [],
      updated: [],
      statements: [],
    };
  const unitCodesOf = (cell: string | undefined) =>
    (cell ?? "")
      .split(/[;|]/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
  const units = await existingUnitCodes(db, [
    ...new Set(read.records.flatMap((r) => unitCodesOf(r.values.units))),
  ]);
  const issues: ErrorIssue[] = [];
  const plan: ImportPlan = { issues, created: [], updated: [], statements: [] };
  const seen = new Set<string>();
  for (const { row, values } of read.records) {
    const unitCodes = unitCodesOf(values.units);
    const parsed = serviceCreateSchema.safeParse({
      code: values.code,
      name: values.name,
      nameZh: values.name_zh || undefined,
      nameEn: values.name_en || undefined,
      field: values.field || undefined,
      localCode: values.local_code || undefined,
      units: unitCodes,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ row, path: issue.path.map(String), message: issue.message });
      continue;
    }
    const service = parsed.data;
    if (seen.has(service.code)) {
      issues.push({ row, path: ["code"], message: `The code ${service.code} appears twice in the file.` });
      continue;
    }
    seen.add(service.code);
    const unknown = unitCodes.filter((code) => !units.has(code));
    const outside = unitCodes.filter(
      (code) => units.has(code) && !inScope(user, units.get(code)?.path ?? ""),
    );
    if (unknown.length > 0)
      issues.push({ row, path: ["units"], message: `Unknown units: ${unknown.join(", ")}.` });
    if (outside.length > 0)
      issues.push({ row, path: ["units"], message: `Units outside your scope: ${outside.join(", ")}.` });
    if (unknown.length > 0 || outside.length > 0) continue;
    const exists = (await findServiceByCode(db, service.code)) !== undefined;
    (exists ? plan.updated : plan.created).push(service.code);
    plan.statements.push(
      upsertServiceStatement(
        db,
        {
          code: service.code,
          name: service.name,
          nameZh: values.name_zh === undefined ? undefined : (service.nameZh ?? null),
          nameEn: values.name_en === undefined ? undefined : (service.nameEn ?? null),
          field: service.field ?? null,
          localCode: service.localCode ?? null,
        },
        now,
      ),
    );
    if (values.units !== undefined && values.units !== "") {
      plan.statements.push(...setServiceUnitsStatements(db, service.code, unitCodes, user.scopePath));
    }
  }
  return plan;
}
