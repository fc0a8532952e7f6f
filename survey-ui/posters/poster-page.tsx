import { t } from "../../shared/i18n/index.js";
import { POSTER_FORMATS, Poster, type PosterData, type PosterFormat } from "./poster.js";
import { posterCss } from "./poster-styles.js";
import { PrintDocument, renderDocument } from "./print-document.js";

/**
 * A printable document of posters, one sheet each. A tent sheet carries the poster twice, the upper
 * face turned upside down, so that both faces read upright once the sheet is folded into a stand.
 * `formatHref` links the same posters in the other formats (screen-only toolbar).
 */
export function PosterPage(props: {
  posters: PosterData[];
  format: PosterFormat;
  nonce: string | undefined;
  formatHref: (format: PosterFormat) => string;
}) {
  const title = `${t("vi", "poster.title")} · ${props.posters.map((p) => p.label).join(", ")}`;
  const toolbar = POSTER_FORMATS.map((format) => (
    <a
      key={format}
      href={props.formatHref(format)}
      aria-current={format === props.format ? "page" : undefined}
    >
      {t("vi", `poster.formats.${format}`)}
    </a>
  ));
  return (
    <PrintDocument
      lang="vi"
      title={title}
      css={posterCss(props.format)}
      nonce={props.nonce}
      toolbar={toolbar}
    >
      {props.posters.map((poster) => (
        <div key={poster.code} class={`sheet sheet--${props.format}`}>
          {props.format === "tent" ? (
            <>
              <Poster poster={poster} class="poster--tent poster--upside-down" />
              <p class="fold">{t("vi", "poster.fold")}</p>
              <Poster poster={poster} class="poster--tent" />
            </>
          ) : (
            <Poster poster={poster} class={`poster--${props.format}`} />
          )}
        </div>
      ))}
    </PrintDocument>
  );
}

/** The complete HTML document of PosterPage, for a route to send. */
export function renderPosterPage(props: Parameters<typeof PosterPage>[0]): string {
  return renderDocument(<PosterPage {...props} />);
}
