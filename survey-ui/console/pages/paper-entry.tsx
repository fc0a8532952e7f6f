import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { itemsOfForm } from "../../../shared/instrument/index.js";
import { localDay } from "../../../shared/time/index.js";
import { SelectField, TextField } from "../components/field.js";
import { FormError } from "../components/form-error.js";
import { Page } from "../components/page.js";
import { Empty, Notice } from "../components/status.js";
import { ApiFailure } from "../lib/api.js";
import { listPoints, type Point } from "../lib/console-api.js";
import { correctForm, type EnteredForm, enterForm, listEntered } from "../lib/paper-api.js";
import type { ScreenProps } from "../lib/screens.js";
import { useResource } from "../lib/use-resource.js";
import { useT } from "../lib/use-t.js";
import "./paper-entry.css";

// Keyboard entry of paper forms, made for speed: the form number, then one key per question (1–5; 0 or
// space for no answer) with the cursor moving on by itself, Enter to save and start the next form.

type Answers = Record<string, string>;

/** The paper-form entry screen. */
export function PaperEntryPage(_: ScreenProps) {
  const { tr } = useT();
  const points = useResource(() => listPoints(), "points");
  const [code, setCode] = useState("");
  const list = (points.data ?? []).filter((point) => !point.archived);
  const point = list.find((candidate) => candidate.code === code);
  return (
    <Page title={tr("paper.entry.title")} intro={tr("paper.entry.hint")}>
      <SelectField
        name="point"
        label={tr("paper.entry.point")}
        value={code}
        onValue={setCode}
        options={[
          { value: "", label: "—" },
          ...list.map((p) => ({ value: p.code, label: `${p.label} · ${p.unit.name} (${p.code})` })),
        ]}
      />
      {point ? <EntryDesk key={point.code} point={point} /> : <Empty>{tr("paper.entry.choosePoint")}</Empty>}
    </Page>
  );
}

function EntryDesk({ point }: { point: Point }) {
  const { tr } = useT();
  const items = itemsOfForm(point.form);
  const [day, setDay] = useState(() => localDay(Date.now()));
  const [formNumber, setFormNumber] = useState("");
  const [answers, setAnswers] = useState<Answers>({});
  const [editing, setEditing] = useState<EnteredForm | null>(null);
  const [notice, setNotice] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const numberRef = useRef<HTMLInputElement>(null);
  const boxes = useRef<Array<HTMLInputElement | null>>([]);
  const recent = useResource(() => listEntered(point.code), `entered-${point.code}`);

  useEffect(() => numberRef.current?.focus(), []);

  // Focus the first answer box in the same commit that shows "Đang sửa phiếu số …",
  // so digits typed as soon as the form is open are not lost to the "Sửa" button.
  useLayoutEffect(() => {
    if (!editing) return;
    const box = boxes.current[0];
    box?.focus();
    box?.select();
  }, [editing]);

  const focusBox = (index: number) => {
    const box = boxes.current[Math.max(0, Math.min(index, items.length - 1))];
    box?.focus();
    box?.select();
  };

  const startNext = (nextNumber: string) => {
    setAnswers({});
    setEditing(null);
    setFormNumber(nextNumber);
    requestAnimationFrame(() => {
      numberRef.current?.focus();
      numberRef.current?.select();
    });
  };

  async function save() {
    if (pending) return;
    const chosen: Record<string, number> = {};
    for (const item of items) if (answers[item]) chosen[item] = Number(answers[item]);
    setError(null);
    setNotice("");
    if (Object.keys(chosen).length === 0) {
      setError(new ApiFailure(400, "VALIDATION_FAILED", tr("paper.entry.noAnswer")));
      return;
    }
    setPending(true);
    const body = { point: point.code, formNumber, day, answers: chosen };
    try {
      // The notice waits for the list below (without holding up the next form), so it never says
      // "corrected" over the old answers.
      if (editing) {
        const { entry } = await correctForm(editing.id, body);
        startNext("");
        const notice = tr("paper.entry.corrected", { number: entry.formNumber ?? "" });
        void recent.reload().then(() => setNotice(notice));
      } else {
        const saved = await enterForm(body);
        startNext(String(Number(saved.formNumber) + 1));
        const notice = tr("paper.entry.saved", { number: saved.formNumber });
        void recent.reload().then(() => setNotice(notice));
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  const onBoxKey = (index: number, event: KeyboardEvent) => {
    const item = items[index] as string;
    const key = event.key;
    if (key === "Enter") {
      event.preventDefault();
      void save();
    } else if (/^[1-5]$/.test(key) || key === "0" || key === " ") {
      event.preventDefault();
      setAnswers((previous) => ({ ...previous, [item]: /^[1-5]$/.test(key) ? key : "" }));
      focusBox(index + 1);
    } else if (key === "Backspace") {
      event.preventDefault();
      if (answers[item]) setAnswers((previous) => ({ ...previous, [item]: "" }));
      else if (index > 0) focusBox(index - 1);
      else numberRef.current?.focus();
    } else if (key === "ArrowLeft") {
      event.preventDefault();
      focusBox(index - 1);
    } else if (key === "ArrowRight") {
      event.preventDefault();
      focusBox(index + 1);
    } else if (key.length === 1 && !event.ctrlKey && !event.metaKey) {
      // Anything else typed into a box is not an answer.
      event.preventDefault();
    }
  };

  const duplicate = error instanceof ApiFailure && error.code === "DUPLICATE_FORM";
  return (
    <section class="panel paper-entry" aria-labelledby="entry-title">
      <h2 id="entry-title">
        {editing ? tr("paper.entry.correcting", { number: editing.formNumber ?? "" }) : point.label}
      </h2>
      {notice && <Notice>{notice}</Notice>}
      {duplicate ? (
        <div class="status status-error" role="alert">
          <p>{tr("paper.entry.duplicate", { number: formNumber, message: (error as ApiFailure).message })}</p>
        </div>
      ) : (
        <FormError error={error} fields={[]} />
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div class="paper-entry__head">
          <TextField name="day" type="date" label={tr("paper.entry.day")} value={day} onValue={setDay} />
          <label class="paper-entry__number">
            <span>{tr("paper.entry.formNumber")}</span>
            <input
              ref={numberRef}
              id="field-formNumber"
              name="formNumber"
              inputMode="numeric"
              autocomplete="off"
              maxLength={9}
              value={formNumber}
              onInput={(event) => setFormNumber(event.currentTarget.value.replace(/\D/g, ""))}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  focusBox(0);
                }
              }}
            />
          </label>
        </div>
        <fieldset class="paper-entry__answers">
          <legend>{tr("paper.entry.answers")}</legend>
          {items.map((item, index) => (
            <label key={item} class="paper-entry__box">
              <span>
                {index + 1}
                <small>{item}</small>
              </span>
              <input
                ref={(element) => {
                  boxes.current[index] = element;
                }}
                name={item}
                inputMode="numeric"
                autocomplete="off"
                maxLength={1}
                aria-label={`${index + 1}. ${tr(`instrument.items.${item}`)}`}
                value={answers[item] ?? ""}
                placeholder="·"
                onKeyDown={(event) => onBoxKey(index, event)}
                onInput={(event) => {
                  // Phones without a key event: read what was typed.
                  const typed = event.currentTarget.value.slice(-1);
                  if (/^[1-5]$/.test(typed)) {
                    setAnswers((previous) => ({ ...previous, [item]: typed }));
                    focusBox(index + 1);
                  } else event.currentTarget.value = answers[item] ?? "";
                }}
              />
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={pending}>
            {tr("paper.entry.save")}
          </button>
          {editing && (
            <button type="button" class="button-secondary" onClick={() => startNext("")}>
              {tr("paper.entry.cancel")}
            </button>
          )}
        </div>
      </form>
      <h3>{tr("paper.entry.recent")}</h3>
      {(recent.data ?? []).length === 0 ? (
        <Empty>{tr("paper.entry.none")}</Empty>
      ) : (
        <table class="paper-entry__recent">
          <thead>
            <tr>
              <th scope="col">{tr("paper.entry.formNumber")}</th>
              <th scope="col">{tr("paper.entry.day")}</th>
              <th scope="col">{tr("paper.entry.answers")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(recent.data ?? []).map((entry) => (
              <tr key={entry.id} data-form-number={entry.formNumber ?? ""}>
                <td>{entry.formNumber}</td>
                <td>{entry.day}</td>
                <td class="paper-entry__digits">
                  {items.map((item) => entry.answers[item] ?? "·").join("")}
                </td>
                <td>
                  {entry.correctable && (
                    <button
                      type="button"
                      class="button-secondary"
                      onClick={() => {
                        setEditing(entry);
                        setError(null);
                        setNotice("");
                        setFormNumber(entry.formNumber ?? "");
                        setDay(entry.day);
                        setAnswers(
                          Object.fromEntries(
                            Object.entries(entry.answers).map(([key, value]) => [key, String(value)]),
                          ),
                        );
                      }}
                    >
                      {tr("paper.entry.correct")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
