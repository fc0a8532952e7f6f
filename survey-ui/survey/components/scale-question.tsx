import { SCALE_VALUES } from "../../../shared/instrument/index.js";

/**
 * One satisfaction question as a single row of five radios (1–5) and a "skip": one tap answers it. Plain
 * radios styled by CSS, so the row works without JavaScript. Each option's label carries its number and
 * the scale's word (the word is read by screen readers, the ends' words are shown under the row).
 */
export function ScaleQuestion(props: {
  name: string;
  number: number;
  legend: string;
  words: Readonly<Record<"1" | "2" | "3" | "4" | "5", string>>;
  skip: string;
  value: string | undefined;
  /** Show the ends' words under the row (the quick form says them once, above its five questions). */
  ends: boolean;
}) {
  const option = (value: string, shown: string, spoken: string, className: string) => (
    <label class={className} key={value}>
      <input type="radio" name={props.name} value={value} defaultChecked={props.value === value} />
      <span>
        {shown}
        {spoken && <span class="sr"> {spoken}</span>}
      </span>
    </label>
  );
  return (
    <fieldset class="q" id={`q-${props.name}`}>
      <legend>
        <b>{props.number}.</b> {props.legend}
      </legend>
      <div class="row">
        {SCALE_VALUES.map((value) => option(String(value), String(value), props.words[value], "s"))}
        {option("", props.skip, "", "s k")}
        {props.ends && (
          <>
            <span class="e" aria-hidden="true">
              {props.words[1]}
            </span>
            <span class="e r" aria-hidden="true">
              {props.words[5]}
            </span>
          </>
        )}
      </div>
    </fieldset>
  );
}
