import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import { LANGUAGES, type Lang, MESSAGES, t } from "../../../shared/i18n/index.js";
import { SURVEY_CSS } from "../styles.js";

/** A link of the language switch: the same page in another language. */
export type LanguageLink = { lang: Lang; name: string; href: string };

/** What every citizen page shows at the top, and what its document needs. */
export type PageFrame = {
  lang: Lang;
  /**
   * The unit and the counter, when the page belongs to a known point; `officer` is the name of the officer
   * on duty (or who issued the link) when the counter shows it.
   */
  place: { unitName: string; label: string; officer?: string | null | undefined } | null;
  languages: LanguageLink[];
  /** The request's CSP nonce, for the one inline script. */
  nonce: string | undefined;
  /** Said under the language links of a form without JavaScript: changing language loses the answers. */
  languageNote?: string | undefined;
};

/**
 * The HTML document of a citizen page: one response with its CSS (and, for the survey, its props and
 * script) inline, no external resource, so it works on a weak connection from the first byte.
 */
function SurveyDocument(props: {
  frame: PageFrame;
  title: string;
  refresh?: { seconds: number; url: string } | undefined;
  children: ComponentChildren;
}) {
  const { frame } = props;
  return (
    <html lang={t(frame.lang, "common.languageTag")}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {props.refresh && (
          <meta http-equiv="refresh" content={`${props.refresh.seconds};url=${props.refresh.url}`} />
        )}
        <title>{props.title}</title>
        <style dangerouslySetInnerHTML={{ __html: SURVEY_CSS }} />
      </head>
      <body>
        <header>
          <p>{frame.place ? frame.place.unitName : t(frame.lang, "survey.title")}</p>
          {frame.place && <h1>{frame.place.label}</h1>}
          {frame.place?.officer && (
            <p class="officer">{t(frame.lang, "officers.receivedBy", { name: frame.place.officer })}</p>
          )}
          <nav aria-label={t(frame.lang, "common.language")}>
            {frame.languages.map((link) => (
              <a
                key={link.lang}
                href={link.href}
                hrefLang={link.lang}
                lang={link.lang}
                aria-current={link.lang === frame.lang ? "true" : undefined}
              >
                {link.name}
              </a>
            ))}
          </nav>
          {frame.languageNote && (
            <p class="note" id="lang-note">
              {frame.languageNote}
            </p>
          )}
        </header>
        {props.children}
      </body>
    </html>
  );
}

/** Renders a citizen page to a complete HTML document. */
export function renderSurveyDocument(
  frame: PageFrame,
  page: { title: string; refresh?: { seconds: number; url: string }; body: ComponentChildren },
): string {
  return `<!doctype html>${renderToString(
    <SurveyDocument frame={frame} title={page.title} refresh={page.refresh}>
      {page.body}
    </SurveyDocument>,
  )}`;
}

/**
 * JSON that is safe inside a <script> element: "<" is escaped, so that no value (a unit's name typed by an
 * admin) can close the element, and U+2028/2029 cannot break older parsers.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The language switch of a citizen page: the same page in each shipped language. */
export function languageLinks(hrefOf: (lang: Lang) => string): LanguageLink[] {
  return LANGUAGES.map((lang) => ({ lang, name: MESSAGES[lang].common.languageName, href: hrefOf(lang) }));
}
