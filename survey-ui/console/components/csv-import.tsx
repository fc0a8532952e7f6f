import { useState } from "preact/hooks";
import type { ErrorIssue } from "../../../shared/contract/errors.js";
import type { MessageKey } from "../../../shared/i18n/console/index.js";
import { ApiFailure } from "../lib/api.js";
import {
  type ImportEntity,
  type ImportSource,
  type ImportSummary,
  importFile,
  importTemplateUrl,
} from "../lib/console-api.js";
import { useSubmit } from "../lib/use-submit.js";
import { optionalText, type Translate, useT } from "../lib/use-t.js";
import { fieldName } from "./form-error.js";
import { ErrorNotice, Notice } from "./status.js";
import "./csv-import.css";

const TITLES: Record<ImportEntity, MessageKey> = {
  units: "console.import.units.title",
  services: "console.import.services.title",
  points: "imports.points.title",
};
const COLUMNS: Record<ImportEntity, MessageKey> = {
  units: "console.import.units.columns",
  services: "console.import.services.columns",
  points: "imports.points.columns",
};

/**
 * A catalogue import in two steps: check (the server's dry run says what each row will do, and every
 * problem, in the console's language; nothing is saved), then save (all rows or none). Takes the file as
 * it is, XLSX or CSV in any encoding Excel writes, or text pasted into the page.
 */
export function CsvImport(props: { entity: ImportEntity; onSaved: () => void }) {
  const { tr, lang } = useT();
  const [source, setSource] = useState<ImportSource | null>(null);
  const [text, setText] = useState("");
  const [sheet, setSheet] = useState("");
  const [checked, setChecked] = useState<{
    source: ImportSource;
    sheet: string;
    summary: ImportSummary;
  } | null>(null);
  const [saved, setSaved] = useState<ImportSummary | null>(null);
  const check = useSubmit(
    () => importFile(props.entity, source as ImportSource, true, sheet),
    (summary) => {
      setSaved(null);
      setChecked({ source: source as ImportSource, sheet, summary });
    },
  );
  const save = useSubmit(
    () => importFile(props.entity, source as ImportSource, false, sheet),
    (summary) => {
      setSaved(summary);
      setChecked(null);
      setSource(null);
      setText("");
      props.onSaved();
    },
  );
  const changed = () => {
    setChecked(null);
    setSaved(null);
    check.clear();
    save.clear();
  };
  const fileIssues =
    check.error instanceof ApiFailure && check.error.code === "VALIDATION_FAILED" ? check.error.issues : [];
  const current = checked !== null && checked.source === source && checked.sheet === sheet;
  const ready = current && checked.summary.valid;
  const id = `import-${props.entity}`;
  return (
    <section class="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{tr(TITLES[props.entity])}</h2>
      <p class="intro">{tr(COLUMNS[props.entity])}</p>
      <p class="muted">
        {tr("imports.template")}{" "}
        <a href={importTemplateUrl(props.entity, "xlsx", lang)}>{tr("imports.templateXlsx")}</a>
        {" · "}
        <a href={importTemplateUrl(props.entity, "csv", lang)}>{tr("imports.templateCsv")}</a>
      </p>
      <div class="field">
        <label for={`${id}-file`}>{tr("imports.file")}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setText("");
            setSource(file ? { file } : null);
            changed();
          }}
        />
      </div>
      <div class="field">
        <label for={`${id}-sheet`}>{tr("imports.sheet")}</label>
        <input
          id={`${id}-sheet`}
          value={sheet}
          onInput={(event) => {
            setSheet(event.currentTarget.value);
            changed();
          }}
        />
      </div>
      <div class="field field-wide">
        <label for={`${id}-text`}>{tr("console.import.text")}</label>
        <textarea
          id={`${id}-text`}
          class="csv-text"
          rows={6}
          spellcheck={false}
          value={text}
          aria-describedby={`${id}-hint`}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setText(value);
            setSource(value.trim() === "" ? null : { text: value });
            changed();
          }}
        />
        <p class="field-hint" id={`${id}-hint`}>
          {tr("console.import.textHint")}
        </p>
      </div>
      <div class="actions">
        <button type="button" disabled={check.pending || source === null} onClick={() => void check.submit()}>
          {tr("console.import.check")}
        </button>
        <button type="button" disabled={!ready || save.pending} onClick={() => void save.submit()}>
          {tr("console.import.save")}
        </button>
      </div>
      {fileIssues.length > 0 && <IssueList entity={props.entity} issues={fileIssues} />}
      {check.error && fileIssues.length === 0 ? <ErrorNotice error={check.error} /> : null}
      {save.error instanceof ApiFailure && save.error.issues.length > 0 ? (
        <IssueList entity={props.entity} issues={save.error.issues} />
      ) : save.error ? (
        <ErrorNotice error={save.error} />
      ) : null}
      {current && <Preview entity={props.entity} summary={checked.summary} />}
      {saved && (
        <Notice>
          {tr("console.import.saved", { created: saved.created.length, updated: saved.updated.length })}
        </Notice>
      )}
    </section>
  );
}

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
function Preview({ entity, summary }: { entity: ImportEntity; summary: ImportSummary }) {
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

/** Problems with the file as a whole (no header, wrong sheet) or a refused save. */
function IssueList({ entity, issues }: { entity: ImportEntity; issues: readonly ErrorIssue[] }) {
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
