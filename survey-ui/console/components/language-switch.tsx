import { isLang, LANGUAGES, t } from "../../../shared/i18n/console/index.js";
import { useT } from "../lib/use-t.js";

/** The language select; each language is named in itself, so anyone can find their own. */
export function LanguageSwitch() {
  const { lang, tr, setLang } = useT();
  return (
    <label class="language-switch">
      <span>{tr("common.language")}</span>
      <select
        value={lang}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLang(value)) setLang(value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={t(code, "common.languageTag")}>
            {t(code, "common.languageName")}
          </option>
        ))}
      </select>
    </label>
  );
}
