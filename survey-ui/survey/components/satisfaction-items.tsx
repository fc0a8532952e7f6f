import type { Messages } from "../../../shared/i18n/index.js";
import { ELEMENTS, type Form, type ItemCode, SCALE_VALUES } from "../../../shared/instrument/index.js";
import { ChoiceQuestion } from "./choice-question.js";

/**
 * The satisfaction questions of the point's form: the full form grouped under its five elements, the quick
 * form as five questions. Numbered, so that "question 7" means the same on every phone.
 */
export function SatisfactionItems(props: {
  text: Messages["instrument"];
  form: Form;
  values: Readonly<Record<string, string>>;
}) {
  const { text } = props;
  const scale = SCALE_VALUES.map((value) => ({ value: String(value), label: text.scale[value] }));
  let number = 0;
  const question = (item: ItemCode) => (
    <ChoiceQuestion
      key={item}
      name={item}
      legend={`${++number}. ${text.items[item]}`}
      choices={scale}
      skipLabel={text.scale.skip}
      value={props.values[item]}
    />
  );
  return (
    <section>
      <h2>{text.satisfaction.title}</h2>
      <p class="hint">{text.satisfaction.prompt}</p>
      {props.form === "quick"
        ? ELEMENTS.map((element) => question(element.quickItem))
        : ELEMENTS.map((element) => (
            <div key={element.code}>
              <h3>{text.elements[element.code]}</h3>
              {element.items.map(question)}
            </div>
          ))}
    </section>
  );
}
