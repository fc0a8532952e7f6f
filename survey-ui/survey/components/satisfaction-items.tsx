import type { Messages } from "../../../shared/i18n/index.js";
import { ELEMENTS, type Form, type ItemCode } from "../../../shared/instrument/index.js";
import { ScaleQuestion } from "./scale-question.js";

/**
 * The satisfaction questions of the point's form: the full form grouped under its five elements, the quick
 * form as five questions, each one row of 1–5. Numbered, so that "question 7" means the same on every phone.
 */
export function SatisfactionItems(props: {
  text: Messages["instrument"];
  skip: string;
  form: Form;
  values: Readonly<Record<string, string>>;
}) {
  const { text } = props;
  let number = 0;
  const question = (item: ItemCode) => (
    <ScaleQuestion
      key={item}
      name={item}
      number={++number}
      legend={text.items[item]}
      words={text.scale}
      skip={props.skip}
      value={props.values[item]}
      ends={props.form === "full"}
    />
  );
  return (
    <section>
      <h2>{text.satisfaction.title}</h2>
      <p class="hint">
        <b>1</b> = {text.scale[1]}, <b>5</b> = {text.scale[5]}
      </p>
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
