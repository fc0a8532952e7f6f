import type { Lang } from "../../shared/i18n/index.js";
import { t } from "../../shared/i18n/index.js";
import { PrintDocument, renderDocument } from "./print-document.js";

const FORM_CSS = `
.link-form{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;font-size:1rem;line-height:1.5}
.link-form h1{font-size:1.4rem;margin:0 0 .25rem;color:#123a6b}
.link-form p{margin:0 0 1rem}
.link-form label{display:block;font-weight:600;margin-top:1rem}
.link-form input{font:inherit;width:100%;padding:.5rem;border:1px solid #8a94a3;border-radius:6px}
.link-form small{display:block;color:#444}
.link-form button{font:inherit;margin-top:1.25rem;padding:.6rem 1.5rem;border:0;border-radius:6px;background:#123a6b;color:#fff}
`;

/**
 * The staff form that makes one-time link slips for a point: how many, or one tied to a dossier. It
 * posts (form-encoded, no script needed) to the page that prints them.
 */
export function LinkFormPage(props: {
  lang: Lang;
  action: string;
  unitName: string;
  label: string;
  maxCount: number;
  nonce: string | undefined;
}) {
  const { lang } = props;
  return (
    <PrintDocument lang={lang} title={t(lang, "poster.slips.formTitle")} css={FORM_CSS} nonce={props.nonce}>
      <main class="link-form">
        <h1>{t(lang, "poster.slips.formTitle")}</h1>
        <p>
          {props.unitName} · {props.label}
        </p>
        <form method="post" action={props.action}>
          <label for="count">{t(lang, "poster.slips.count")}</label>
          <input id="count" name="count" type="number" min={1} max={props.maxCount} value={1} required />
          <label for="dossier">{t(lang, "poster.slips.dossier")}</label>
          <input
            id="dossier"
            name="dossier"
            type="text"
            maxLength={64}
            autocomplete="off"
            spellcheck={false}
          />
          <small>{t(lang, "poster.slips.dossierHint")}</small>
          <button type="submit">{t(lang, "poster.slips.submit")}</button>
        </form>
      </main>
    </PrintDocument>
  );
}

/** The complete HTML document of LinkFormPage, for a route to send. */
export function renderLinkFormPage(props: Parameters<typeof LinkFormPage>[0]): string {
  return renderDocument(<LinkFormPage {...props} />);
}
