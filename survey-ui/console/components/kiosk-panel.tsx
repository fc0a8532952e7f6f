import type { Point } from "../lib/console-api.js";
import { useT } from "../lib/use-t.js";

/**
 * A counter's tablet mode: the kiosk address of its survey, a QR code that opens it on the tablet, and
 * how to set the tablet up (pin the browser; the form resets itself after the thank-you).
 */
export function KioskPanel(props: { point: Point }) {
  const { tr } = useT();
  const { point } = props;
  const url = point.kioskUrl ?? `${point.surveyUrl}?kiosk=1`;
  const titleId = `point-${point.code}-kiosk`;
  return (
    <section class="point-kiosk" aria-labelledby={titleId}>
      <h3 id={titleId}>{tr("console.kiosk.title")}</h3>
      <img
        class="point-qr"
        src={`/qr/${encodeURIComponent(point.code)}.svg?kiosk=1`}
        alt={tr("console.kiosk.qrAlt")}
        width={160}
        height={160}
      />
      <p>
        {tr("console.kiosk.address")}:{" "}
        <a href={url} target="_blank" rel="noopener">
          <code>{url}</code>
        </a>
      </p>
      <p class="muted">{tr("console.kiosk.steps")}</p>
    </section>
  );
}
