import { itemsOfForm } from "../../../shared/instrument/index.js";
import { answeredCount } from "../../lib/progress.js";
import { fill, type SurveyProps } from "../survey-props.js";
import { ServicePicker } from "./service-picker.js";

/**
 * The survey as a real form that posts to /s/:code without JavaScript; the client script takes its submit
 * over (client.ts). What went wrong with a refused post sits just above the first question (the one
 * concerned when nothing was answered), with `autofocus` so that the browser takes the eye there on load;
 * the element is always there (hidden when empty) for the script to say the same.
 */
export function SurveyForm(props: { survey: SurveyProps }) {
  const { survey } = props;
  const text = survey.text.survey;
  const items = itemsOfForm(survey.point.form);
  const answered = answeredCount(items, (name) => survey.values[name]);
  return (
    <form method="post" action={survey.action}>
      <p class="hint">{text.intro}</p>
      <ServicePicker
        text={text.service}
        service={survey.service}
        services={survey.services}
        value={survey.values.service}
      />
      <p
        id="survey-error"
        class="msg alert"
        role="alert"
        tabIndex={-1}
        autofocus={survey.error !== null}
        hidden={survey.error === null}
      >
        {survey.error}
      </p>
      <div dangerouslySetInnerHTML={{ __html: survey.questionsHtml }} />
      <input type="hidden" name="id" value={survey.id} />
      <input type="hidden" name="lang" value={survey.lang} />
      {survey.token && <input type="hidden" name="token" value={survey.token} />}
      {survey.kiosk && <input type="hidden" name="channel" value="kiosk" />}
      <div class="bar">
        <p>
          <progress max={items.length} value={answered} aria-hidden="true" />
          {fill(text.progress, { answered, total: items.length })}
        </p>
        <button type="submit">{text.submit}</button>
      </div>
    </form>
  );
}
