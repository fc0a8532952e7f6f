import { renderToString } from "preact-render-to-string";
import { type Lang, MESSAGES, t } from "../../../shared/i18n/index.js";
import type { Form } from "../../../shared/instrument/index.js";
import { CaseNote } from "../components/follow-up.js";
import { SurveyForm } from "../components/survey-form.js";
import { SurveyQuestions } from "../components/survey-questions.js";
import { ThankYou } from "../components/thank-you.js";
import {
  CLIENT_TEXT_ID,
  type ClientText,
  KIOSK_RESET_SECONDS,
  type SurveyProps,
  THANKS_TEMPLATE_ID,
} from "../survey-props.js";
import { type PageFrame, renderSurveyDocument, scriptSafeJson } from "./survey-document.js";

export type { LanguageLink, PageFrame } from "./survey-document.js";

/** What the client script needs of the page's texts and of the point (see ClientText). */
function clientText(props: SurveyProps): ClientText {
  const { survey, cases } = props.text;
  const { rateLimited: _shownByTheServerOnly, ...errors } = survey.errors;
  return {
    point: props.point.code,
    kiosk: props.kiosk,
    progress: survey.progress,
    commentLeft: survey.commentLeft,
    search: survey.service,
    status: survey.status,
    errors,
    kioskLeft: survey.thanks.kiosk,
    caseNote: cases.thanks,
  };
}

/** The questions of a point's form in a language, as markup for SurveyProps.questionsHtml. */
export function renderQuestions(
  lang: Lang,
  form: Form,
  values: Readonly<Record<string, string>>,
  contactDays?: number,
): string {
  return renderToString(
    <SurveyQuestions text={MESSAGES[lang]} form={form} values={values} contactDays={contactDays} />,
  );
}

/**
 * The survey page: the complete no-JS form and, when the build provided the client script, the script that
 * enhances it in place (no second render: the markup stays), its texts, and the thank-you it shows.
 */
export function renderSurveyPage(frame: PageFrame, props: SurveyProps, script: string | undefined): string {
  return renderSurveyDocument(frame, {
    title: `${t(frame.lang, "survey.title")} · ${frame.place?.label ?? ""}`,
    body: (
      <main>
        <SurveyForm survey={props} />
        {script && (
          <>
            <template id={THANKS_TEMPLATE_ID}>
              <ThankYou text={props.text.survey.thanks} kiosk={props.kiosk} againHref={props.action} />
            </template>
            <script
              type="application/json"
              id={CLIENT_TEXT_ID}
              dangerouslySetInnerHTML={{ __html: scriptSafeJson(clientText(props)) }}
            />
            <script nonce={frame.nonce} dangerouslySetInnerHTML={{ __html: script }} />
          </>
        )}
      </main>
    ),
  });
}

/** The thank-you after a no-JS post; a kiosk goes back to a fresh form by itself. */
export function renderThankYouPage(
  frame: PageFrame,
  options: { kiosk: boolean; againHref: string; caseRef?: string | undefined; origin?: string },
): string {
  return renderSurveyDocument(frame, {
    title: t(frame.lang, "survey.thanks.title"),
    ...(options.kiosk ? { refresh: { seconds: KIOSK_RESET_SECONDS, url: options.againHref } } : {}),
    body: (
      <main>
        <ThankYou
          text={MESSAGES[frame.lang].survey.thanks}
          kiosk={options.kiosk}
          againHref={options.againHref}
          caseNote={
            options.caseRef ? (
              <CaseNote
                text={MESSAGES[frame.lang].cases.thanks}
                caseRef={options.caseRef}
                origin={options.origin ?? ""}
              />
            ) : undefined
          }
        />
      </main>
    ),
  });
}

/** A page that only says something: an unknown code, a moved counter, a link that cannot be used. */
export function renderMessagePage(frame: PageFrame, message: { title: string; body: string }): string {
  return renderSurveyDocument(frame, {
    title: message.title,
    body: (
      <main>
        <div class="msg">
          <h1>{message.title}</h1>
          <p>{message.body}</p>
        </div>
      </main>
    ),
  });
}
