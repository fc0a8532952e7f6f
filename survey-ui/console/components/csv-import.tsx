import { useState } from "preact/hooks";
import type { ErrorIssue } from "../../../shared/contract/errors.js";
import type { MessageKey } from "../../../shared/i18n/index.js";
import { ApiFailure } from "../lib/api.js";
import { type ImportSummary, importCsv } from "../lib/console-api.js";
import { useSubmit } from "../lib/use-submit.js";
import { optionalText, useT } from "../lib/use-t.js";
import { fieldName } from "./form-error.js";
import { ErrorNotice, Notice } from "./status.js";
import "./csv-import.css";

/**
 * A catalogue CSV import in two steps: check (the server's dry run lists every row's problems and saves
 * nothing), then save. The text stays editable, so a bad row can be fixed here and checked again.
 */
export function CsvImport(props: { entity: "units" | "services"; onSaved: () => void }) {
  const { tr } = useT();
  const [csv, setCsv] = useState("");
  const [checked, setChecked] = useState<{ csv: string; summary: ImportSummary } | null>(null);
  const [saved, setSaved] = useState<ImportSummary | null>(null);
  // Excel's plain "CSV" is saved in the Windows code page, which reads back as replacement characters.
  const [notUtf8, setNotUtf8] = useState(false);
  const check = useSubmit(
    () => importCsv(props.entity, csv, true),
    (summary) => setChecked({ csv, summary }),
  );
  const save = useSubmit(
    () => importCsv(props.entity, csv, false),
    (summary) => {
      setSaved(summary);
      setChecked(null);
      setCsv("");
      props.onSaved();
    },
  );
  const rowIssues =
    check.error instanceof ApiFailure && check.error.code === "VALIDATION_FAILED" ? check.error.issues : [];
  const ready = checked !== null && checked.csv === csv;
  const prefix = `console.import.${props.entity}` as const;
  return (
    <section class="panel" aria-labelledby={`import-${props.entity}-title`}>
      <h2 id={`import-${props.entity}-title`}>{tr(`${prefix}.title` as MessageKey)}</h2>
      <p class="intro">{tr(`${prefix}.columns` as MessageKey)}</p>
      <p class="muted">
        {tr("console.import.example")} <code>{tr(`${prefix}.example` as MessageKey)}</code>
      </p>
      <div class="field">
        <label for={`import-${props.entity}-file`}>{tr("console.import.file")}</label>
        <input
          id={`import-${props.entity}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file)
              void file.text().then((text) => {
                setNotUtf8(text.includes("\uFFFD"));
                setCsv(text.replace(/^\uFEFF/, ""));
              });
          }}
        />
      </div>
      <div class="field field-wide">
        <label for={`import-${props.entity}-text`}>{tr("console.import.text")}</label>
        <textarea
          id={`import-${props.entity}-text`}
          class="csv-text"
          rows={8}
          spellcheck={false}
          value={csv}
          aria-describedby={`import-${props.entity}-hint`}
          onInput={(event) => {
            setCsv(event.currentTarget.value);
            setSaved(null);
          }}
        />
        <p class="field-hint" id={`import-${props.entity}-hint`}>
          {tr("console.import.textHint")}
        </p>
      </div>
      {notUtf8 && (
        <p class="status status-error" role="alert">
          {tr("console.import.notUtf8")}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          disabled={check.pending || csv.trim() === ""}
          onClick={() => void check.submit()}
        >
          {tr("console.import.check")}
        </button>
        <button type="button" disabled={!ready || save.pending} onClick={() => void save.submit()}>
          {tr("console.import.save")}
        </button>
      </div>
      {rowIssues.length > 0 && <IssueTable entity={props.entity} issues={rowIssues} />}
      {check.error && rowIssues.length === 0 ? <ErrorNotice error={check.error} /> : null}
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {ready && (
        <Notice>
          {tr("console.import.checked", {
            created: checked.summary.created.length,
            updated: checked.summary.updated.length,
          })}
        </Notice>
      )}
      {saved && (
        <Notice>
          {tr("console.import.saved", { created: saved.created.length, updated: saved.updated.length })}
        </Notice>
      )}
    </section>
  );
}

/** The problems of an import, one line per row and column, in the order of the file. */
function IssueTable({ entity, issues }: { entity: "units" | "services"; issues: readonly ErrorIssue[] }) {
  const { tr } = useT();
  const sorted = [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return (
    <div class="status status-error" role="alert">
      <p>{tr("console.import.problems", { count: issues.length })}</p>
      <div class="table-wrap">
        <table class="issue-table">
          <thead>
            <tr>
              <th scope="col">{tr("console.import.row")}</th>
              <th scope="col">{tr("console.import.column")}</th>
              <th scope="col">{tr("console.import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((issue, index) => (
              <tr key={`${issue.row}:${issue.path.join(".")}:${index}`}>
                <td class="number">{issue.row ?? ""}</td>
                <td>{issue.path.length > 0 ? fieldName(tr, String(issue.path[0])) : ""}</td>
                <td>
                  <IssueText entity={entity} issue={issue} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A problem in the user's language where the column has a rule to explain, with the server's detail. */
function IssueText({ entity, issue }: { entity: "units" | "services"; issue: ErrorIssue }) {
  const { tr } = useT();
  const rule =
    issue.path.length > 0 ? optionalText(tr, `console.import.${entity}.rules.${issue.path[0]}`) : null;
  return rule ? (
    <>
      {rule}
      <br />
      <span class="muted">{issue.message}</span>
    </>
  ) : (
    issue.message
  );
}
