import type { Context } from "hono";
import { currentUser } from "../auth/guard.js";
import { runBatch } from "../db/database.js";
import { auditStatement } from "../db/queries/access.js";
import type { AppEnv } from "../deps.js";
import { invalid } from "../errors.js";
import type { ImportPlan } from "./unit-import.js";

/**
 * Answers an import: 400 with every row's problems (nothing written), the plan alone on a dry run, or
 * the plan written as one batch with its audit row: all rows or none.
 */
export async function importResult(
  c: Context<AppEnv>,
  plan: ImportPlan,
  dryRun: string | undefined,
  entity: string,
) {
  if (plan.issues.length > 0) {
    throw invalid(`The file has ${plan.issues.length} problem(s); nothing was saved.`, plan.issues);
  }
  const summary = {
    created: plan.created,
    updated: plan.updated,
    dryRun: dryRun === "true" || dryRun === "1",
  };
  if (!summary.dryRun) {
    const { db, now } = c.var.deps;
    await runBatch(db, [
      ...plan.statements,
      auditStatement(
        db,
        {
          userId: currentUser(c).id,
          action: "import",
          entity,
          detail: { created: plan.created.length, updated: plan.updated.length },
        },
        now(),
      ),
    ]);
  }
  return c.json(summary);
}
