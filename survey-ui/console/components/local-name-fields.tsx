import { useT } from "../lib/use-t.js";
import { TextField } from "./field.js";

/** The optional Chinese and English names of a unit or service (`name…`) or of a counter (`label…`). */
export type LocalNameValues = { zh: string; en: string };

/**
 * Two optional text fields for a catalogue entry's names in Chinese and English, shown to citizens who
 * choose those languages (the Vietnamese name is used where one is empty).
 */
export function LocalNameFields(props: {
  kind: "name" | "label";
  values: LocalNameValues;
  onValues: (values: LocalNameValues) => void;
  maxLength: number;
  invalid: (field: string) => boolean;
}) {
  const { tr } = useT();
  const zh = props.kind === "name" ? "nameZh" : "labelZh";
  const en = props.kind === "name" ? "nameEn" : "labelEn";
  return (
    <>
      <TextField
        name={zh}
        label={tr(`console.localNames.${zh}`)}
        value={props.values.zh}
        onValue={(value) => props.onValues({ ...props.values, zh: value })}
        maxLength={props.maxLength}
        invalid={props.invalid(zh)}
      />
      <TextField
        name={en}
        label={tr(`console.localNames.${en}`)}
        hint={tr("console.localNames.hint")}
        value={props.values.en}
        onValue={(value) => props.onValues({ ...props.values, en: value })}
        maxLength={props.maxLength}
        invalid={props.invalid(en)}
      />
    </>
  );
}

/** What a form sends for a local name: the trimmed text, or null (none) when left empty. */
export function localNameOrNull(value: string): string | null {
  return value.trim() === "" ? null : value.trim();
}

/** The names a create request carries: only those filled in. */
export function localNamesToCreate(values: LocalNameValues, kind: "name" | "label" = "name") {
  const zh = localNameOrNull(values.zh);
  const en = localNameOrNull(values.en);
  return kind === "name"
    ? { ...(zh ? { nameZh: zh } : {}), ...(en ? { nameEn: en } : {}) }
    : { ...(zh ? { labelZh: zh } : {}), ...(en ? { labelEn: en } : {}) };
}
