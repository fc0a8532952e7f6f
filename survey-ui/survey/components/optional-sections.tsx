import type { Messages } from "../../../shared/i18n/index.js";
import {
  EXPECTATION_CODES,
  EXPECTATION_LEVELS,
  RESPONDENT_FIELDS,
  RESPONDENT_QUESTIONS,
} from "../../../shared/instrument/index.js";
import { ChoiceQuestion } from "./choice-question.js";

/** Expectations and "about you": optional, so folded away until the citizen opens them. */
export function OptionalSections(props: { text: Messages; values: Readonly<Record<string, string>> }) {
  const { instrument, survey } = props.text;
  const levels = EXPECTATION_LEVELS.map((level) => ({
    value: String(level),
    label: instrument.expectations.levels[level],
  }));
  const summary = (title: string) => (
    <summary>
      {title} ({survey.optional})
    </summary>
  );
  return (
    <>
      <details open={EXPECTATION_CODES.some((code) => props.values[code])}>
        {summary(instrument.expectations.title)}
        <p class="hint">{instrument.expectations.prompt}</p>
        {EXPECTATION_CODES.map((code) => (
          <ChoiceQuestion
            key={code}
            name={code}
            legend={instrument.expectations.items[code]}
            choices={levels}
            skipLabel={instrument.scale.skip}
            value={props.values[code]}
          />
        ))}
      </details>
      <details open={RESPONDENT_FIELDS.some((field) => props.values[field])}>
        {summary(instrument.respondent.title)}
        {RESPONDENT_FIELDS.map((field) => {
          const question = instrument.respondent[field];
          const options = question.options as Readonly<Record<string, string>>;
          return (
            <ChoiceQuestion
              key={field}
              name={field}
              legend={question.question}
              choices={RESPONDENT_QUESTIONS[field].options.map((value) => ({
                value,
                label: options[value] ?? value,
              }))}
              skipLabel={instrument.scale.skip}
              value={props.values[field]}
            />
          );
        })}
      </details>
    </>
  );
}
