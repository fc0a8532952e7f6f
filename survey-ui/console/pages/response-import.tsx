import { useState } from "preact/hooks";

// The fields a column may hold besides an item (shared/contract/entry.ts IMPORT_FIELDS, without zod here).
const IMPORT_FIELDS = ["day", "service", "comment"] as const;

import { itemsOfForm } from "../../../shared/instrument/index.js";
import { localDay } from "../../../shared/time/index.js";
import { SelectField, TextField } from "../components/field.js";
import { FormError } from "../components/form-error.js";
import { Page } from "../components/page.js";
import { Notice } from "../components/status.js";
import { listPoints } from "../lib/console-api.js";
import { importResponses, importServed, setServed } from "../lib/paper-api.js";
import type { ScreenProps } from "../lib/screens.js";
import { useResource } from "../lib/use-resource.js";
import { useSubmit } from "../lib/use-submit.js";
import { type Translate, useT } from "../lib/use-t.js";

// Answers from another survey tool (a column mapping to item codes, a label mapping to 1–5, a dry run
// first) and the citizens served per counter and day, by hand or from a file.

const FIELD_LABELS = {
  day: "paper.import.fieldDay",
  service: "paper.import.fieldService",
  comment: "paper.import.fieldComment",
} as const;

/** The header row of a CSV or XLSX file, read in the browser to offer the column mapping. */
async function headerOf(file: File): Promise<string[]> {
  const { readTable } = await import("../../../server/lib/spreadsheet/read-table.js");
  const read = readTable(new Uint8Array(await file.arrayBuffer()));
  return "rows" in read ? (read.rows[0] ?? []).filter((cell) => cell.trim() !== "") : [];
}

function defaultValues(tr: Translate): string {
  return ([1, 2, 3, 4, 5] as const)
    .map((value) => `${tr(`instrument.scale.${value}`)} = ${value}`)
    .join("\n");
}

/** "label = 4" lines as the value mapping; a label without a number means no answer. */
function parseValues(text: string): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const line of text.split("\n")) {
    const [label, value] = line.split("=").map((part) => part.trim());
    if (!label) continue;
    values[label] = value && /^[1-5]$/.test(value) ? Number(value) : null;
  }
  return values;
}

/** The import screen. */
export function ResponseImportPage(_: ScreenProps) {
  const { tr } = useT();
  const points = useResource(() => listPoints(), "points");
  const [code, setCode] = useState("");
  const list = (points.data ?? []).filter((point) => !point.archived);
  const point = list.find((candidate) => candidate.code === code);
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [values, setValues] = useState(() => defaultValues(tr));
  const [result, setResult] = useState("");
  const targets = [
    ...IMPORT_FIELDS.map((field) => ({ value: field, label: tr(FIELD_LABELS[field]) })),
    ...(point ? itemsOfForm(point.form) : []).map((item) => ({ value: item, label: item })),
  ];
  const mapping = () => ({
    columns: Object.fromEntries(Object.entries(columns).filter(([, target]) => target !== "")),
    values: parseValues(values),
  });
  const run = useSubmit(
    (dryRun: boolean) => importResponses(file as File, code, mapping(), dryRun),
    (summary) =>
      setResult(tr(summary.dryRun ? "paper.import.checked" : "paper.import.done", { rows: summary.rows })),
  );
  return (
    <Page title={tr("paper.import.title")}>
      <SelectField
        name="point"
        label={tr("paper.entry.point")}
        value={code}
        onValue={setCode}
        options={[
          { value: "", label: "—" },
          ...list.map((p) => ({ value: p.code, label: `${p.label} (${p.code})` })),
        ]}
      />
      <section class="panel" aria-labelledby="import-title">
        <h2 id="import-title">{tr("paper.import.title")}</h2>
        {result && <Notice>{result}</Notice>}
        <FormError error={run.error} />
        <label class="field">
          <span>{tr("paper.import.file")}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={async (event) => {
              const chosen = event.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              setResult("");
              const names = chosen ? await headerOf(chosen).catch(() => []) : [];
              setHeaders(names);
              setColumns(
                Object.fromEntries(
                  names.map((name) => {
                    const guess = targets.find(
                      (target) => target.value.toLowerCase() === name.trim().toLowerCase(),
                    );
                    return [
                      name,
                      /^(ngày|day|date|thời gian|timestamp)/i.test(name) ? "day" : (guess?.value ?? ""),
                    ];
                  }),
                ),
              );
            }}
          />
        </label>
        {headers.length > 0 && (
          <table class="mapping">
            <thead>
              <tr>
                <th scope="col">{tr("paper.import.column")}</th>
                <th scope="col">{tr("paper.import.target")}</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((header) => (
                <tr key={header}>
                  <td>{header}</td>
                  <td>
                    <select
                      aria-label={header}
                      value={columns[header] ?? ""}
                      onChange={(event) => setColumns({ ...columns, [header]: event.currentTarget.value })}
                    >
                      <option value="">{tr("paper.import.ignore")}</option>
                      {targets.map((target) => (
                        <option key={target.value} value={target.value}>
                          {target.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <label class="field">
          <span>{tr("paper.import.values")}</span>
          <textarea
            name="values"
            rows={6}
            value={values}
            onInput={(event) => setValues(event.currentTarget.value)}
          />
        </label>
        <div class="actions">
          <button type="button" disabled={!file || !point || run.pending} onClick={() => void run.run(true)}>
            {tr("paper.import.check")}
          </button>
          <button type="button" disabled={!file || !point || run.pending} onClick={() => void run.run(false)}>
            {tr("paper.import.run")}
          </button>
        </div>
      </section>
      <ServedPanel point={code} />
    </Page>
  );
}

function ServedPanel({ point }: { point: string }) {
  const { tr } = useT();
  const [day, setDay] = useState(() => localDay(Date.now()));
  const [count, setCount] = useState("");
  const [notice, setNotice] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const save = useSubmit(
    () => setServed(point, day, Number(count)),
    (saved) => setNotice(tr("paper.import.servedSaved", { count: saved.count, day })),
  );
  const upload = useSubmit(
    (dryRun: boolean) => importServed(file as File, dryRun),
    (summary) =>
      setNotice(
        tr(summary.dryRun ? "paper.import.checked" : "paper.import.servedDone", { rows: summary.rows }),
      ),
  );
  return (
    <section class="panel" aria-labelledby="served-title">
      <h2 id="served-title">{tr("paper.import.servedTitle")}</h2>
      <p class="hint">{tr("paper.import.servedHint")}</p>
      {notice && <Notice>{notice}</Notice>}
      <FormError error={save.error ?? upload.error} />
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setNotice("");
          void save.submit();
        }}
      >
        <TextField name="servedDay" type="date" label={tr("paper.entry.day")} value={day} onValue={setDay} />
        <TextField
          name="count"
          type="number"
          min={0}
          label={tr("paper.import.servedCount")}
          value={count}
          onValue={setCount}
        />
        <button type="submit" disabled={!point || count === "" || save.pending}>
          {tr("paper.import.servedSave")}
        </button>
      </form>
      <label class="field">
        <span>{tr("paper.import.servedFile")}</span>
        <input
          type="file"
          name="servedFile"
          accept=".csv,.xlsx"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </label>
      <div class="actions">
        <button type="button" disabled={!file || upload.pending} onClick={() => void upload.run(true)}>
          {tr("paper.import.check")}
        </button>
        <button type="button" disabled={!file || upload.pending} onClick={() => void upload.run(false)}>
          {tr("paper.import.run")}
        </button>
      </div>
    </section>
  );
}
