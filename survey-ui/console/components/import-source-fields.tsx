import { useT } from "../lib/use-t.js";

/** Where an import's table comes from: a file (XLSX or CSV) and its sheet, or text pasted into the page. */
export function ImportSourceFields(props: {
  /** The id prefix of the import's elements. */
  id: string;
  sheet: string;
  text: string;
  onFile: (file: File | undefined) => void;
  onSheet: (sheet: string) => void;
  onText: (text: string) => void;
}) {
  const { tr } = useT();
  const { id } = props;
  return (
    <>
      <div class="field">
        <label for={`${id}-file`}>{tr("imports.file")}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => props.onFile(event.currentTarget.files?.[0])}
        />
      </div>
      <div class="field">
        <label for={`${id}-sheet`}>{tr("imports.sheet")}</label>
        <input
          id={`${id}-sheet`}
          value={props.sheet}
          onInput={(event) => props.onSheet(event.currentTarget.value)}
        />
      </div>
      <div class="field field-wide">
        <label for={`${id}-text`}>{tr("console.import.text")}</label>
        <textarea
          id={`${id}-text`}
          class="csv-text"
          rows={6}
          spellcheck={false}
          value={props.text}
          aria-describedby={`${id}-hint`}
          onInput={(event) => props.onText(event.currentTarget.value)}
        />
        <p class="field-hint" id={`${id}-hint`}>
          {tr("console.import.textHint")}
        </p>
      </div>
    </>
  );
}
