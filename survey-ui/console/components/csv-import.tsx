import { useState } from "preact/hooks";
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
import { useT } from "../lib/use-t.js";
import { IssueList } from "./import-issues.js";
import { ImportPreview } from "./import-preview.js";
import { ImportSourceFields } from "./import-source-fields.js";
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
      <ImportSourceFields
        id={id}
        sheet={sheet}
        text={text}
        onFile={(file) => {
          setText("");
          setSource(file ? { file } : null);
          changed();
        }}
        onSheet={(value) => {
          setSheet(value);
          changed();
        }}
        onText={(value) => {
          setText(value);
          setSource(value.trim() === "" ? null : { text: value });
          changed();
        }}
      />
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
      {current && <ImportPreview entity={props.entity} summary={checked.summary} />}
      {saved && (
        <Notice>
          {tr("console.import.saved", { created: saved.created.length, updated: saved.updated.length })}
        </Notice>
      )}
    </section>
  );
}
