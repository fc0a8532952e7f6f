import { renderToString } from "preact-render-to-string";
import { type Lang, MESSAGES, t } from "../../../shared/i18n/index.js";
import type { Form } from "../../../shared/instrument/index.js";
import { CaseNote } from "../components/follow-up.js";
import { SurveyQuestions } from "../components/survey-questions.js";
import { ThankYou } from "../components/thank-you.js";
import { KIOSK_RESET_SECONDS, PROPS_ELEMENT_ID, type SurveyProps, type SurveyText } from "../survey-props.js";
import { SurveyApp } from "./survey-app.js";
import { type PageFrame, renderSurveyDocument, scriptSafeJson } from "./survey-document.js";

export type { LanguageLink, PageFrame } from "./survey-document.js";

/** The texts of one language that the live part of the survey needs (see SurveyText). */
export function surveyText(lang: Lang): SurveyText {
  const { intro, service, progress, submit, status, thanks, errors } = MESSAGES[lang].survey;
  const { rateLimited: _shownByTheServerOnly, ...shown } = errors;
  return { intro, service, progress, submit, status, thanks, errors: shown };
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
 * The survey page: the form rendered on the server, its props, and the client script that hydrates it
 * (when the build provided one; without it the page is a plain form that still works).
 */
export function renderSurveyPage(frame: PageFrame, props: SurveyProps, script: string | undefined): string {
  return renderSurveyDocument(frame, {
    title: `${t(frame.lang, "survey.title")} · ${frame.place?.label ?? ""}`,
    body: (
      <main>
        <div id="app">
          <SurveyApp {...props} />
        </div>
        {script && (
          <>
            <script
              type="application/json"
              id={PROPS_ELEMENT_ID}
              dangerouslySetInnerHTML={{
                __html: scriptSafeJson({ ...props, questionsHtml: "", services: [] }),
              }}
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
