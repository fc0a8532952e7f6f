import type { JSX } from "preact";

export type Choice = { value: string; label: string };

/**
 * One question as a fieldset of large radio buttons: the legend is what a screen reader announces, each
 * option's text is its label. `skipLabel` adds an option that posts "" (an answer taken back).
 */
export function ChoiceQuestion(props: {
  name: string;
  legend: JSX.Element | string;
  choices: readonly Choice[];
  skipLabel?: string | undefined;
  value: string | undefined;
}) {
  const option = (choice: Choice, className: string) => (
    <label class={className} key={choice.value}>
      <input
        type="radio"
        name={props.name}
        value={choice.value}
        defaultChecked={props.value === choice.value}
      />
      {choice.label}
    </label>
  );
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => option(choice, "o"))}
      {props.skipLabel !== undefined && option({ value: "", label: props.skipLabel }, "o skip")}
    </fieldset>
  );
}
