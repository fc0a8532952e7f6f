import { POSTER_FORMATS } from "../../posters/poster.js";
import type { Point } from "../lib/console-api.js";
import { useT } from "../lib/use-t.js";

/** The panel a point card has open under its buttons. */
export type PointPanel = "none" | "edit" | "links" | "kiosk";

/** The poster of a point in a print format, opened in its own tab (it has a print button). */
const posterHref = (code: string, format: string) => `/posters/${encodeURIComponent(code)}?format=${format}`;

/** What staff do with a live point: print its posters and paper forms (new tabs), open a panel. */
export function PointActions(props: {
  point: Point;
  panel: PointPanel;
  onPanel: (panel: PointPanel) => void;
}) {
  const { tr } = useT();
  const { point } = props;
  const toggle = (panel: Exclude<PointPanel, "none">, label: string) => (
    <button
      type="button"
      class="button-secondary"
      aria-expanded={props.panel === panel}
      onClick={() => props.onPanel(props.panel === panel ? "none" : panel)}
    >
      {label}
    </button>
  );
  return (
    <div class="actions">
      {point.tokenRequired ? (
        <span class="muted">{tr("console.points.noPoster")}</span>
      ) : (
        POSTER_FORMATS.map((format) => (
          <a
            key={format}
            class="button button-secondary"
            href={posterHref(point.code, format)}
            target="_blank"
            rel="noopener"
            aria-label={tr("console.points.posterNamed", {
              format: tr(`poster.formats.${format}`),
              label: point.label,
            })}
          >
            {tr("console.points.poster", { format: tr(`poster.formats.${format}`) })}
          </a>
        ))
      )}
      <a
        class="button button-secondary"
        href={`/posters/paper/${encodeURIComponent(point.code)}?count=20`}
        target="_blank"
        rel="noopener"
      >
        {tr("paper.form.printTitle")}
      </a>
      {!point.tokenRequired && toggle("kiosk", tr("console.kiosk.open"))}
      {toggle("links", tr("console.links.open"))}
      {toggle("edit", tr("console.form.edit"))}
    </div>
  );
}
