import type { PublicFigures } from "../../server/reports/public-results.js";
import { t } from "../../shared/i18n/index.js";
import { ELEMENT_CODES } from "../../shared/instrument/index.js";
import { SMALL_SAMPLE_THRESHOLD } from "../../shared/scoring/index.js";
import { PrintDocument, renderDocument } from "../posters/print-document.js";
import { type QrDrawing, QrImage } from "../posters/qr-image.js";
import { countText, figureText, monthText } from "./format.js";

// GET /posters/results/:unitCode?format=a4: the lobby poster of last month's result, with the QR code of
// the unit's survey so that the next citizen can add their own answer.

const CSS = `
@page{size:A4 portrait;margin:0}
.sheet--a4{width:210mm;height:297mm;padding:16mm;display:flex;flex-direction:column;text-align:center}
.sheet h1{margin:0;font-size:9mm;color:#123a6b;line-height:1.2}
.sheet .unit{margin:3mm 0 0;font-size:7mm;font-weight:700}
.sheet .month{margin:6mm 0 0;font-size:6mm;color:#333}
.sheet .index{margin:2mm 0 0;font-size:34mm;font-weight:800;color:#123a6b;line-height:1}
.sheet .n{margin:2mm 0 0;font-size:5.5mm}
.sheet .note{margin:2mm 0 0;font-size:4.2mm;color:#7a4500}
.sheet table{margin:6mm auto 0;border-collapse:collapse;font-size:4.6mm;min-width:150mm}
.sheet th,.sheet td{padding:1.6mm 3mm;border-bottom:.3mm solid #c8d0da;text-align:left}
.sheet td{text-align:right;font-weight:700}
.sheet .scan{flex:1 1 auto;min-height:0;display:flex;align-items:center;justify-content:center;gap:8mm;margin-top:6mm}
.sheet .qr{height:80mm;width:80mm;flex:none}
.sheet .scan p{margin:0;font-size:6mm;font-weight:700;text-align:left;max-width:90mm}
.sheet .details{margin:3mm 0 0;font-size:4mm;color:#333}
`;

export type ResultsPosterData = {
  unitName: string;
  figures: PublicFigures;
  qr: QrDrawing;
  qrUrl: string;
  resultsUrl: string;
};

/** The results poster as a complete HTML document. */
export function renderResultsPoster(props: ResultsPosterData & { nonce: string | undefined }): string {
  const { row, period } = props.figures;
  const lang = "vi";
  return renderDocument(
    <PrintDocument
      lang={lang}
      title={`${t(lang, "pack.publicResults.posterTitle")} · ${props.unitName}`}
      css={CSS}
      nonce={props.nonce}
      toolbar={<span />}
    >
      <div class="sheet sheet--a4">
        <h1>{t(lang, "pack.publicResults.posterTitle")}</h1>
        <p class="unit">{props.unitName}</p>
        <p class="month">
          {t(lang, "pack.publicResults.posterMonth", { month: monthText(period.from.slice(0, 7)) })}
        </p>
        {row.respondents === 0 ? (
          <p class="n">{t(lang, "pack.publicResults.none")}</p>
        ) : (
          <>
            <p class="index">{figureText(lang, row.sipas_index)}%</p>
            <p class="n">
              {t(lang, "pack.publicResults.index")} ·{" "}
              {t(lang, "pack.publicResults.respondents", { count: countText(lang, row.respondents) })}
            </p>
            {row.respondents < SMALL_SAMPLE_THRESHOLD && (
              <p class="note">
                {t(lang, "pack.publicResults.small", { count: countText(lang, row.respondents) })}
              </p>
            )}
            <table>
              <tbody>
                {ELEMENT_CODES.map((code) => (
                  <tr key={code}>
                    <th scope="row">{t(lang, `instrument.elements.${code}`)}</th>
                    <td>{figureText(lang, row[`${code}_index`])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <div class="scan">
          <QrImage class="qr" drawing={props.qr} title={props.qrUrl} />
          <p>{t(lang, "pack.publicResults.posterScan")}</p>
        </div>
        <p class="details">{t(lang, "pack.publicResults.posterDetails", { url: props.resultsUrl })}</p>
      </div>
    </PrintDocument>,
  );
}
