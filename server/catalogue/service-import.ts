import { serviceCreateSchema } from "../../shared/contract/catalogue.js";
import { inScope } from "../auth/guard.js";
import type { Database } from "../db/database.js";
import {
  findServiceByCode,
  setServiceUnitsStatements,
  upsertServiceStatement,
} from "../db/queries/services.js";
import { existingUnitCodes, listUnits } from "../db/queries/units.js";
import type { AuthUser } from "../deps.js";
import {
  type ImportPlan,
  importIssue,
  invalidValueIssues,
  readImportRecords,
  refusedFile,
} from "./import-table.js";

/** The cell's units: codes or names separated by `;`, `|` or line breaks (a name may hold a comma). */
const unitEntriesOf = (cell: string | undefined) =>
  (cell ?? "")
    .split(/[;|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Plans a services import (`code,name,field,local_code,units`, or the national list's Vietnamese
 * headers; CSV or XLSX): every row is checked first; new codes are created, existing ones updated; a
 * row with a units cell sets exactly the units (within the caller's scope) that offer the service. A unit
 * is named by its code or, as the national list writes "Cơ quan thực hiện", by its exact name.
 */
export async function planServiceImport(
  db: Database,
  user: AuthUser,
  bytes: Uint8Array,
  now: number,
  sheet?: string,
): Promise<ImportPlan> {
  const read = readImportRecords("services", bytes, sheet);
  if ("issues" in read) return refusedFile(read.issues);
  const entries = [...new Set(read.records.flatMap((r) => unitEntriesOf(r.values.units)))];
  const byCode = await existingUnitCodes(
    db,
    entries.map((e) => e.toUpperCase()),
  );
  const byName = new Map<string, string>();
  if (entries.some((e) => !byCode.has(e.toUpperCase()))) {
    for (const unit of await listUnits(db, { scopePath: null, includeArchived: false }))
      byName.set(unit.name.normalize("NFC").toLocaleLowerCase("vi"), unit.code);
    const named = entries.map((e) => byName.get(e.normalize("NFC").toLocaleLowerCase("vi"))).filter(Boolean);
    for (const [code, row] of await existingUnitCodes(db, named as string[])) byCode.set(code, row);
  }
  const resolve = (entry: string) =>
    byCode.has(entry.toUpperCase())
      ? entry.toUpperCase()
      : (byName.get(entry.normalize("NFC").toLocaleLowerCase("vi")) ?? entry);
  const plan: ImportPlan = {
    issues: [],
    created: [],
    updated: [],
    rows: [],
    statements: [],
    file: read.file,
  };
  const seen = new Set<string>();
  for (const { row, values } of read.records) {
    const code = values.code ?? "";
    const refuse = (...issues: ImportPlan["issues"]) => {
      plan.issues.push(...issues);
      plan.rows.push({ row, code, action: "refuse" });
    };
    const unitCodes = [...new Set(unitEntriesOf(values.units).map(resolve))];
    const unknown = unitCodes.filter((c) => !byCode.has(c));
    const parsed = serviceCreateSchema.safeParse({
      code,
      name: values.name,
      nameZh: values.name_zh || undefined,
      nameEn: values.name_en || undefined,
      field: values.field || undefined,
      localCode: values.local_code || undefined,
      units: unitCodes.filter((c) => byCode.has(c)),
    });
    if (!parsed.success) {
      refuse(
        ...invalidValueIssues(
          "services",
          row,
          parsed.error.issues.map((i) => i.path),
          { localCode: "local_code" },
        ),
      );
      continue;
    }
    const service = parsed.data;
    if (seen.has(service.code)) {
      refuse(importIssue(row, "code", "duplicate_in_file", { code: service.code }));
      continue;
    }
    seen.add(service.code);
    const outside = unitCodes.filter((c) => byCode.has(c) && !inScope(user, byCode.get(c)?.path ?? ""));
    const problems = [
      ...(unknown.length > 0
        ? [importIssue(row, "units", "unknown_units", { codes: unknown.join(", ") })]
        : []),
      ...(outside.length > 0
        ? [importIssue(row, "units", "units_out_of_scope", { codes: outside.join(", ") })]
        : []),
    ];
    if (problems.length > 0) {
      refuse(...problems);
      continue;
    }
    const existing = await findServiceByCode(db, service.code);
    // A scoped admin may attach an existing procedure to their units, not rename it for the province.
    if (
      existing &&
      user.scopePath !== null &&
      (existing.name !== service.name ||
        existing.field !== (service.field ?? null) ||
        existing.localCode !== (service.localCode ?? null))
    ) {
      refuse(importIssue(row, "code", "province_wide_change", { code: service.code }));
      continue;
    }
    const exists = existing !== undefined;
    (exists ? plan.updated : plan.created).push(service.code);
    plan.rows.push({ row, code: service.code, action: exists ? "update" : "create" });
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
    if (unitCodes.length > 0) {
      plan.statements.push(...setServiceUnitsStatements(db, service.code, unitCodes, user.scopePath));
    }
  }
  return plan;
}
