import { unitCreateSchema } from "../../shared/contract/catalogue.js";
import type { ErrorIssue } from "../../shared/contract/errors.js";
import { inScope } from "../auth/guard.js";
import type { Database, Statement } from "../db/database.js";
import {
  existingUnitCodes,
  insertUnitStatements,
  updateUnitLocalNamesStatement,
  updateUnitNameStatement,
} from "../db/queries/units.js";
import type { AuthUser } from "../deps.js";
import { readCsvRecords } from "../lib/csv-table.js";

export type ImportPlan = {
  issues: ErrorIssue[];
  created: string[];
  updated: string[];
  statements: Statement[];
};

/**
 * Plans a units CSV import (`code,name,name_zh,name_en,parent`; a Chinese or English name column that is
 * absent leaves those names as they are): every row is checked before anything is written, and
 * the plan's statements run as one batch. Existing codes get their name updated (parents are moved
 * with PATCH, on purpose: a file must not silently move a subtree); new codes are created, and a
 * parent may be a unit created earlier in the same file.
 */
export async function planUnitImport(
  db: Database,
  user: AuthUser,
  csv: string,
  now: number,
): Promise<ImportPlan> {
  const read = readCsvRecords(csv, {
    required: ["code", "name"],
    optional: ["name_zh", "name_en", "parent"],
  });
  if ("problems" in read)
    return {
      issues: read.problems.map((message) => ({ path: [], message, row: 1 })),
      created: [],
      updated: [],
      statements: [],
    };
  const codes = read.records
    .flatMap((r) => [r.values.code ?? "", r.values.parent ?? ""])
    .map((c) => c.toUpperCase());
  const existing = await existingUnitCodes(db, [...new Set(codes.filter(Boolean))]);
  const issues: ErrorIssue[] = [];
  const plan: ImportPlan = { issues, created: [], updated: [], statements: [] };
  const seen = new Set<string>();
  for (const { row, values } of read.records) {
    const parsed = unitCreateSchema.safeParse({
      code: values.code,
      name: values.name,
      nameZh: values.name_zh || undefined,
      nameEn: values.name_en || undefined,
      parent: values.parent || undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ row, path: issue.path.map(String), message: issue.message });
      continue;
    }
    const { code, name, parent } = parsed.data;
    const names = {
      nameZh: values.name_zh === undefined ? undefined : (parsed.data.nameZh ?? null),
      nameEn: values.name_en === undefined ? undefined : (parsed.data.nameEn ?? null),
    };
    if (seen.has(code)) {
      issues.push({ row, path: ["code"], message: `The code ${code} appears twice in the file.` });
      continue;
    }
    seen.add(code);
    const current = existing.get(code);
    if (current) {
      if (!inScope(user, current.path))
        issues.push({ row, path: ["code"], message: `The unit ${code} is outside your scope.` });
      else {
        plan.updated.push(code);
        plan.statements.push(updateUnitNameStatement(db, current.id, name));
        if (names.nameZh !== undefined || names.nameEn !== undefined)
          plan.statements.push(updateUnitLocalNamesStatement(db, current.id, names));
      }
      continue;
    }
    const parentRow = parent ? existing.get(parent) : undefined;
    if (parent && !parentRow && !plan.created.includes(parent)) {
      issues.push({
        row,
        path: ["parent"],
        message: `The parent unit ${parent} does not exist (nor earlier in the file).`,
      });
      continue;
    }
    if (parentRow ? !inScope(user, parentRow.path) : !parent && user.scopePath !== null) {
      issues.push({ row, path: ["parent"], message: "The parent unit is outside your scope." });
      continue;
    }
    plan.created.push(code);
    plan.statements.push(
      ...insertUnitStatements(db, { code, name, ...names, parentCode: parent ?? null }, now),
    );
  }
  return plan;
}
