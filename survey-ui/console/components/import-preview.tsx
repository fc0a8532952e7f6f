import type { ImportEntity, ImportSummary } from "../lib/console-api.js";
import { optionalText, useT } from "../lib/use-t.js";
import { fieldName } from "./form-error.js";
import { issueText } from "./import-issues.js";

/** What the file was read as (format, encoding, separator, sheet) and the columns left out. */
function FileRead({ summary }: { summary: ImportSummary }) {
  const { tr } = useT();
  const file = summary.file;
  if (!file) return null;
  const separator = file.delimiter === "\t" ? "Tab" : (file.delimiter ?? "");
  return (
    <p class="muted">
      {file.format === "xlsx"
        ? tr("imports.readXlsx", { sheet: file.sheet ?? "" })
        : tr("imports.readCsv", {
            encoding: optionalText(tr, `imports.encodings.${file.encoding}`) ?? file.encoding ?? "",
            delimiter: separator,
          })}
      {file.ignoredColumns.length > 0 &&
        ` ${tr("imports.ignored", { columns: file.ignoredColumns.join(", ") })}`}
    </p>
  );
}

/** The dry run, row by row: what each row will do, and why a refused row is refused. */
export function ImportPreview({ entity, summary }: { entity: ImportEntity; summary: ImportSummary }) {
  const { tr } = useT();
  const refused = summary.rows.filter((row) => row.action === "refuse").length;
  const issuesOf = (row: number) => summary.issues.filter((issue) => issue.row === row);
  return (
    <div
      class={`status ${summary.valid ? "status-ok" : "status-error"}`}
      role={summary.valid ? "status" : "alert"}
    >
      <FileRead summary={summary} />
      <p>
        {summary.valid
          ? tr("console.import.checked", { created: summary.created.length, updated: summary.updated.length })
          : tr("console.import.problems", { count: summary.issues.length })}
      </p>
      <p>
        {tr("imports.previewSummary", {
          created: summary.created.length,
          updated: summary.updated.length,
          refused,
        })}
      </p>
      <div class="table-wrap">
        <table class="issue-table">
          <caption class="sr-only">{tr("imports.preview")}</caption>
          <thead>
            <tr>
              <th scope="col">{tr("console.import.row")}</th>
              <th scope="col">{tr("imports.code")}</th>
              <th scope="col">{tr("imports.result")}</th>
              <th scope="col">{tr("console.import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={row.row} class={`import-${row.action}`}>
                <td class="number">{row.row}</td>
                <td>{row.code}</td>
                <td>{tr(`imports.actions.${row.action}`)}</td>
                <td>
                  {issuesOf(row.row).map((issue, index) => (
                    <span key={index} class="import-issue">
                      {issue.path.length > 0 && <strong>{fieldName(tr, String(issue.path[0]))}: </strong>}
                      {issueText(tr, entity, issue)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
