import type { ErrorIssue } from "../../../shared/contract/errors.js";
import type { ImportEntity } from "../lib/console-api.js";
import { optionalText, type Translate, useT } from "../lib/use-t.js";

/** A problem in the user's language, from its code (never the validator's English). */
export function issueText(tr: Translate, entity: ImportEntity, issue: ErrorIssue): string {
  const params = issue.params ?? {};
  if (issue.code === "invalid_value")
    return (
      optionalText(tr, `imports.rules.${entity}.${String(params.column ?? issue.path[0])}`) ??
      tr("imports.issues.invalid_value", { column: String(params.column ?? "") })
    );
  if (issue.code) return optionalText(tr, `imports.issues.${issue.code}`, params) ?? issue.message;
  return issue.message;
}

/** Problems with the file as a whole (no header, wrong sheet) or a refused save. */
export function IssueList({ entity, issues }: { entity: ImportEntity; issues: readonly ErrorIssue[] }) {
  const { tr } = useT();
  return (
    <div class="status status-error" role="alert">
      <p>{tr("console.import.problems", { count: issues.length })}</p>
      <ul>
        {[...issues]
          .sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
          .map((issue, index) => (
            <li key={index}>
              {issue.row !== undefined && issue.row > 1 && `${tr("console.import.row")} ${issue.row}: `}
              {issueText(tr, entity, issue)}
            </li>
          ))}
      </ul>
    </div>
  );
}
