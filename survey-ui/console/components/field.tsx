import type { ComponentChildren } from "preact";
import { useT } from "../lib/use-t.js";
import "./field.css";

type Common = {
  /** The field's name in the request body; also makes its id, so issues can point at it. */
  name: string;
  label: string;
  hint?: string | undefined;
  /** Set when the server (or the browser) found this field wrong. */
  invalid?: boolean | undefined;
  /** What is wrong when the field is invalid, where the general wording would not help (a rule). */
  errorText?: string | undefined;
  required?: boolean | undefined;
};

function Frame(props: Common & { children: ComponentChildren }) {
  const { tr } = useT();
  const id = `field-${props.name}`;
  return (
    <div class={props.invalid ? "field field-invalid" : "field"}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="field-required"> {tr("console.form.required")}</span> : null}
      </label>
      {props.children}
      {props.hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.invalid && (
        <p class="field-error" id={`${id}-error`}>
          {props.errorText ?? tr("console.form.invalidField")}
        </p>
      )}
    </div>
  );
}

function described(props: Common): string | undefined {
  const id = `field-${props.name}`;
  const ids = [props.hint ? `${id}-hint` : "", props.invalid ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A labelled text input with its hint and, when wrong, a message tied to it for screen readers. */
export function TextField(
  props: Common & {
    value: string;
    onValue: (value: string) => void;
    type?: "text" | "password" | "date" | "number" | "search";
    autoComplete?: string;
    maxLength?: number;
    min?: number;
    max?: number;
  },
) {
  return (
    <Frame {...props}>
      <input
        id={`field-${props.name}`}
        name={props.name}
        // Preact's types tie the allowed ARIA roles to each input type; these inputs set no role.
        type={(props.type ?? "text") as "text"}
        value={props.value}
        required={props.required}
        autocomplete={props.autoComplete}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        aria-invalid={props.invalid ? "true" : undefined}
        aria-describedby={described(props)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </Frame>
  );
}

/** A labelled select from value/label pairs. */
export function SelectField(
  props: Common & {
    value: string;
    onValue: (value: string) => void;
    options: readonly { value: string; label: string }[];
  },
) {
  return (
    <Frame {...props}>
      <select
        id={`field-${props.name}`}
        name={props.name}
        value={props.value}
        required={props.required}
        aria-invalid={props.invalid ? "true" : undefined}
        aria-describedby={described(props)}
        onChange={(event) => props.onValue(event.currentTarget.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A checkbox with its label on the right, as people expect. */
export function CheckField(props: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
}) {
  const id = `field-${props.name}`;
  return (
    <div class="field field-check">
      <input
        id={id}
        name={props.name}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => props.onChecked(event.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
