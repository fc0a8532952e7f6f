import { t } from "../../shared/i18n/index.js";
import { PrintDocument, renderDocument } from "./print-document.js";
import { type QrDrawing, QrImage } from "./qr-image.js";
import { SLIP_CSS, SLIPS_PER_SHEET } from "./slip-styles.js";

/** One one-time link as printed: its QR (the full URL with the token) and the URL itself. */
export type SlipData = { url: string; qr: QrDrawing };

/**
 * Slips of one-time survey links to cut out and hand over with a receipt, ten to an A4 sheet: QR, the
 * counter, one line of instructions (and a line in Chinese and English), the whole link (token included) and
 * the last day the link works.
 */
export function SlipPage(props: {
  slips: SlipData[];
  unitName: string;
  label: string;
  validUntil: string;
  nonce: string | undefined;
}) {
  const sheets: SlipData[][] = [];
  for (let i = 0; i < props.slips.length; i += SLIPS_PER_SHEET) {
    sheets.push(props.slips.slice(i, i + SLIPS_PER_SHEET));
  }
  const toolbar = <span>{t("vi", "poster.slips.cut")}</span>;
  return (
    <PrintDocument
      lang="vi"
      title={`${t("vi", "poster.slips.title")} · ${props.label}`}
      css={SLIP_CSS}
      nonce={props.nonce}
      toolbar={toolbar}
    >
      {sheets.map((sheet, index) => (
        <div key={index} class="sheet sheet--slips">
          {sheet.map((slip) => (
            <section key={slip.url} class="slip">
              <QrImage class="slip__qr" drawing={slip.qr} title={slip.url} />
              <div class="slip__text">
                <p class="slip__title">{t("vi", "poster.slips.title")}</p>
                <p class="slip__unit">{props.unitName}</p>
                <p class="slip__label">{props.label}</p>
                <p class="slip__instruction">{t("vi", "poster.slips.instruction")}</p>
                <p class="slip__other" lang="zh-Hans">
                  {t("zh", "poster.slips.instruction")}
                </p>
                <p class="slip__other" lang="en">
                  {t("en", "poster.slips.instruction")}
                </p>
                <p class="slip__valid">
                  {t("vi", "poster.slips.validUntil")} {props.validUntil}
                </p>
                {/* The whole link, token included: the short address alone would skip the one-time link. */}
                <p class="slip__url">{slip.url.replace(/^https?:\/\//, "")}</p>
              </div>
            </section>
          ))}
        </div>
      ))}
    </PrintDocument>
  );
}

/** The complete HTML document of SlipPage, for a route to send. */
export function renderSlipPage(props: Parameters<typeof SlipPage>[0]): string {
  return renderDocument(<SlipPage {...props} />);
}
