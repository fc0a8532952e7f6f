import type { ComponentChildren, VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Lang } from "../../shared/i18n/index.js";
import { t } from "../../shared/i18n/index.js";
import { DOCUMENT_CSS } from "./document-styles.js";

// The one script of these pages: the toolbar's print button (the page prints without it, by Ctrl+P).
const PRINT_SCRIPT = 'document.getElementById("print").addEventListener("click",function(){print()})';

/**
 * The HTML shell of the staff's printable pages: no external resource (fonts, images, scripts), a
 * screen-only toolbar, and the page's own CSS (which sets the paper size with @page).
 */
export function PrintDocument(props: {
  lang: Lang;
  title: string;
  css: string;
  nonce: string | undefined;
  toolbar?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <html lang={t(props.lang, "common.languageTag")}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <style dangerouslySetInnerHTML={{ __html: DOCUMENT_CSS + props.css }} />
      </head>
      <body>
        {props.toolbar && (
          <nav class="toolbar">
            {props.toolbar}
            <button type="button" id="print">
              {t(props.lang, "poster.print")}
            </button>
            <script nonce={props.nonce} dangerouslySetInnerHTML={{ __html: PRINT_SCRIPT }} />
          </nav>
        )}
        {props.children}
      </body>
    </html>
  );
}

/** Renders a page component to a complete HTML document. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
