import { unitCreateSchema } from "../../shared/contract/catalogue.js";
import { inScope } from "../auth/guard.js";
import type { Database } from "../db/database.js";
import {
  existingUnitCodes,
  insertUnitStatements,
  updateUnitLocalNamesStatement,
  updateUnitNameStatement,
} from "../db/queries/units.js";
import type { AuthUser } from "../deps.js";
import {
  type ImportPlan,
  importIssue,
  invalidValueIssues,
  readImportRecords,
  refusedFile,
} from "./import-table.js";

export type { ImportPlan } from "./import-table.js";

/**
 * Plans a units import (`code,name,parent`, or their Vietnamese headers; CSV or XLSX): every row is
 * checked before anything is written, and the plan's statements run as one batch. Existing codes get
 * their name updated (parents are moved with PATCH, on purpose: a file must not silently move a
 * subtree); new codes are created, and a parent may be a unit created earlier in the same file.
 */
export async function planUnitImport(
  db: Database,
  user: AuthUser,
  bytes: Uint8Array,
  now: number,
  sheet?: string,
): Promise<ImportPlan> {
  const read = readImportRecords("units", bytes, sheet);
  if ("issues" in read) return refusedFile(read.issues);
  const codes = read.records
    .flatMap((r) => [r.values.code ?? "", r.values.parent ?? ""])
    .map((c) => c.trim().toUpperCase());
  const existing = await existingUnitCodes(db, [...new Set(codes.filter(Boolean))]);
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
    const refuse = (...issues: ImportPlan["issues"]) => {
      plan.issues.push(...issues);
      plan.rows.push({ row, code: (values.code ?? "").toUpperCase(), action: "refuse" });
    };
    const parsed = unitCreateSchema.safeParse({
      code: values.code,
      name: values.name,
      nameZh: values.name_zh || undefined,
      nameEn: values.name_en || undefined,
      parent: values.parent || undefined,
    });
    if (!parsed.success) {
      refuse(
        ...invalidValueIssues(
          "units",
          row,
          parsed.error.issues.map((i) => i.path),
        ),
      );
      continue;
    }
    const { code, name, parent } = parsed.data;
    const names = {
      nameZh: values.name_zh === undefined ? undefined : (parsed.data.nameZh ?? null),
      nameEn: values.name_en === undefined ? undefined : (parsed.data.nameEn ?? null),
    };
    if (seen.has(code)) {
      refuse(importIssue(row, "code", "duplicate_in_file", { code }));
      continue;
    }
    seen.add(code);
    const current = existing.get(code);
    if (current) {
      if (!inScope(user, current.path)) refuse(importIssue(row, "code", "out_of_scope", { code }));
      else {
        plan.updated.push(code);
        plan.rows.push({ row, code, action: "update" });
        plan.statements.push(updateUnitNameStatement(db, current.id, name));
        if (names.nameZh !== undefined || names.nameEn !== undefined)
          plan.statements.push(updateUnitLocalNamesStatement(db, current.id, names));
      }
      continue;
    }
    const parentRow = parent ? existing.get(parent) : undefined;
    if (parent && !parentRow && !plan.created.includes(parent)) {
      refuse(importIssue(row, "parent", "unknown_parent", { code: parent }));
      continue;
    }
    if (parentRow ? !inScope(user, parentRow.path) : !parent && user.scopePath !== null) {
      refuse(importIssue(row, "parent", "parent_out_of_scope"));
      continue;
    }
    plan.created.push(code);
    plan.rows.push({ row, code, action: "create" });
    plan.statements.push(
      ...insertUnitStatements(db, { code, name, ...names, parentCode: parent ?? null }, now),
    );
  }
  return plan;
}
