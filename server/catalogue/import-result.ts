import type { Context } from "hono";
import type { ImportEntity } from "../../shared/contract/import-columns.js";
import * as z from "../../shared/contract/zod.js";
import { runBatch } from "../db/database.js";
import type { AppEnv } from "../deps.js";
import { invalid } from "../errors.js";
import { audit } from "../lib/audit.js";
import { CSV_CONTENT_TYPE } from "../reports/csv.js";
import { downloadHeaders } from "../reports/download.js";
import { XLSX_CONTENT_TYPE } from "../reports/xlsx.js";
import type { ImportPlan } from "./import-table.js";
import { importTemplateFile } from "./import-template.js";

/** Query of every import: a dry run, and the XLSX sheet to read (else the first). */
export const importQuerySchema = z.object({
  dryRun: z.optional(z.enum(["true", "false", "1", "0"])),
  sheet: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
});

export const templateQuerySchema = z.object({
  format: z._default(z.enum(["csv", "xlsx"]), "xlsx"),
  headers: z._default(z.enum(["code", "vi"]), "code"),
});

/**
 * Answers an import. A dry run answers 200 with every row's outcome (create, update or refuse) and the
 * problems, and writes nothing. A real run with any problem answers 400 with every row's problems and
 * writes nothing; without, it writes the plan as one batch with its audit row: all rows or none. A file
 * that cannot be read at all (no header, wrong sheet) is a 400 in both.
 */
export async function importResult(
  c: Context<AppEnv>,
  plan: ImportPlan,
  dryRun: string | undefined,
  entity: string,
) {
  const isDryRun = dryRun === "true" || dryRun === "1";
  const unreadable = plan.file === undefined;
  if (plan.issues.length > 0 && (unreadable || !isDryRun)) {
    throw invalid(`The file has ${plan.issues.length} problem(s); nothing was saved.`, plan.issues);
  }
  const summary = {
    created: plan.created,
    updated: plan.updated,
    dryRun: isDryRun,
    valid: plan.issues.length === 0,
    rows: plan.rows,
    issues: plan.issues,
    file: plan.file,
  };
  if (!isDryRun) {
    const { db } = c.var.deps;
    await runBatch(db, [
      ...plan.statements,
      audit(c, {
        action: "import",
        entity,
        detail: { created: plan.created.length, updated: plan.updated.length, file: plan.file },
      }),
    ]);
  }
  return c.json(summary);
}

/** The template of an import, as a download. */
export function templateResponse(
  c: Context<AppEnv>,
  entity: ImportEntity,
  query: z.infer<typeof templateQuerySchema>,
) {
  const body = importTemplateFile(entity, query.headers, query.format);
  const type = query.format === "xlsx" ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE;
  return c.body(body as string, 200, downloadHeaders(type, `hailong-${entity}-template.${query.format}`));
}
