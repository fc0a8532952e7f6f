import type { Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { submissionFromForm } from "../../../shared/contract/form-record.js";
import { itemsOfForm } from "../../../shared/instrument/index.js";
import type { PendingResponse } from "../../lib/outbox.js";
import { fill, type SurveyProps } from "../survey-props.js";
import { ServicePicker } from "./service-picker.js";
import { StaticHtml } from "./static-html.js";

/** The number of satisfaction items with an answer in a form's fields. */
export function answeredCount(items: readonly string[], fields: Readonly<Record<string, unknown>>): number {
  return items.filter((item) => typeof fields[item] === "string" && fields[item] !== "").length;
}

/** A form's fields as the no-JS post would send them. */
export function formFields(form: HTMLFormElement): Record<string, FormDataEntryValue> {
  return Object.fromEntries(new FormData(form));
}

/**
 * What went wrong with a submission, placed just above the first question (the one concerned when nothing
 * was answered) and taken to: focused and scrolled into view on every attempt. Without JavaScript the
 * server renders it with `autofocus`, which does the same when the page loads.
 */
function FormError(props: { text: string; attempt: number }) {
  const element = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    element.current?.scrollIntoView({ block: "start" });
    element.current?.focus({ preventScroll: true });
  }, [props.attempt]);
  return (
    <p ref={element} id="survey-error" class="msg alert" role="alert" tabIndex={-1} autofocus>
      {props.text}
    </p>
  );
}

/**
 * The survey as a real form that posts to /s/:code without JavaScript. With it, the submit is taken over:
 * the same reader as the server's turns the fields into the JSON body, which goes through the outbox.
 * `round` counts the citizens served on this page; a new round gets a fresh service picker.
 */
export function SurveyForm(props: {
  survey: SurveyProps;
  form: Ref<HTMLFormElement>;
  id: string;
  round: number;
  answered: number;
  hidden: boolean;
  error: string | null;
  onAnswer: (fields: Record<string, FormDataEntryValue>) => void;
  onSend: (response: PendingResponse) => void;
}) {
  const { survey } = props;
  const { text } = survey;
  const total = itemsOfForm(survey.point.form).length;
  const [missing, setMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const error = missing ? text.errors.answerOne : props.error;
  return (
    <form
      ref={props.form}
      method="post"
      action={survey.action}
      hidden={props.hidden}
      onChange={(event) => props.onAnswer(formFields(event.currentTarget))}
      onSubmit={(event) => {
        event.preventDefault();
        const response = submissionFromForm(formFields(event.currentTarget), {
          point: survey.point.code,
          id: props.id,
        });
        const none = Object.keys(response.answers as object).length === 0;
        setMissing(none);
        setAttempt(attempt + 1);
        if (!none) props.onSend(response as PendingResponse);
      }}
    >
      <p class="hint">{text.intro}</p>
      <ServicePicker
        key={props.round}
        text={text.service}
        service={survey.service}
        services={survey.services}
        value={props.round === 0 ? survey.values.service : undefined}
      />
      {error && <FormError text={error} attempt={attempt} />}
      <StaticHtml html={survey.questionsHtml} />
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="lang" value={survey.lang} />
      {survey.token && <input type="hidden" name="token" value={survey.token} />}
      {survey.kiosk && <input type="hidden" name="channel" value="kiosk" />}
      <div class="bar">
        <p>
          <progress max={total} value={props.answered} aria-hidden="true" />
          {fill(text.progress, { answered: props.answered, total })}
        </p>
        <button type="submit">{text.submit}</button>
      </div>
    </form>
  );
}
