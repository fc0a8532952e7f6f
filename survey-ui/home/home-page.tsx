import { type Lang, t } from "../../shared/i18n/index.js";
import { languageLinks, renderSurveyDocument } from "../survey/pages/survey-document.js";

/**
 * The front page: a citizen who reaches it without a QR code learns to scan one (or types the code
 * printed on the poster); staff find the console.
 */
export function renderHomePage(options: {
  lang: Lang;
  nonce: string | undefined;
  code?: string;
  invalidCode?: boolean;
}): string {
  const { lang } = options;
  return renderSurveyDocument(
    { lang, place: null, nonce: options.nonce, languages: languageLinks((l) => `/?lang=${l}`) },
    {
      title: t(lang, "home.title"),
      body: (
        <main>
          <div class="msg">
            <h1>{t(lang, "home.title")}</h1>
            <p>{t(lang, "home.lead")}</p>
            <form method="get" action="/">
              <input type="hidden" name="lang" value={lang} />
              <label for="code">{t(lang, "home.codeLabel")}</label>
              <input
                id="code"
                type="text"
                name="code"
                value={options.code ?? ""}
                autocomplete="off"
                autocapitalize="characters"
                spellcheck={false}
                maxLength={12}
                aria-invalid={options.invalidCode ? "true" : undefined}
                aria-describedby={options.invalidCode ? "code-error" : undefined}
              />
              {options.invalidCode && (
                <p id="code-error" role="alert">
                  {t(lang, "home.codeInvalid")}
                </p>
              )}
              <p>
                <button type="submit">{t(lang, "home.open")}</button>
              </p>
            </form>
            <p>
              <a href="/console">{t(lang, "home.staff")}</a>
            </p>
          </div>
        </main>
      ),
    },
  );
}
