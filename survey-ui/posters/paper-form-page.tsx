import { type Lang, t } from "../../shared/i18n/index.js";
import { ELEMENTS, type Form, type ItemCode, SCALE_VALUES } from "../../shared/instrument/index.js";
import { PrintDocument, renderDocument } from "./print-document.js";
import { type QrDrawing, QrImage } from "./qr-image.js";

// The paper questionnaire of a point (issue 18): the same items and scale as the online survey, in large
// type with boxes to tick, each form numbered (unique per counter, typed in later by staff) and carrying
// the QR of the online survey. A full form takes both sides of one A4 sheet, a quick form one side.

/** What the paper forms of one point show. */
export type PaperFormData = {
  code: string;
  unitName: string;
  label: string;
  serviceName: string | null;
  form: Form;
  url: string;
  qr: QrDrawing;
};

/** The elements asked on each side: the full form's 19 items split over two sides, the quick form one. */
function sidesOf(form: Form): Array<Array<{ code: string; items: readonly ItemCode[] }>> {
  if (form === "quick") return [[{ code: "", items: ELEMENTS.map((element) => element.quickItem) }]];
  const groups = ELEMENTS.map((element) => ({
    code: element.code,
    items: element.items as readonly ItemCode[],
  }));
  return [groups.slice(0, 2), groups.slice(2)];
}

const formNumberText = (number: number) => String(number).padStart(6, "0");

function Side(props: {
  lang: Lang;
  data: PaperFormData;
  number: number;
  side: number;
  sides: number;
  groups: Array<{ code: string; items: readonly ItemCode[] }>;
  firstQuestion: number;
}) {
  const { lang, data, number, side, sides } = props;
  let question = props.firstQuestion;
  const last = side === sides;
  return (
    <section class="side" data-form-number={number} data-side={side}>
      <header class="side__head">
        <div class="side__titles">
          <h1>{t(lang, "paper.form.title")}</h1>
          <p class="side__where">
            {data.unitName} · {data.label} ({data.code})
          </p>
        </div>
        <p class="side__number">
          <span>{t(lang, "paper.form.formNumber")}</span>
          <strong>{formNumberText(number)}</strong>
        </p>
      </header>
      {side === 1 && (
        <div class="intro">
          <div class="intro__text">
            <p class="line">{t(lang, "paper.form.day")}</p>
            <p class="line">
              {t(lang, "paper.form.service")} {data.serviceName ?? ""}
            </p>
            <p class="how">{t(lang, "paper.form.howTo")}</p>
          </div>
          <figure class="intro__qr">
            <QrImage drawing={data.qr} title={data.url} class="qr" />
            <figcaption>{t(lang, "paper.form.online")}</figcaption>
          </figure>
        </div>
      )}
      <table class="items">
        <thead>
          <tr>
            <th class="items__text" scope="col" />
            {SCALE_VALUES.map((value) => (
              <th key={value} scope="col" class="items__scale">
                <span class="items__value">{value}</span>
                <span class="items__label">{t(lang, `instrument.scale.${value}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        {props.groups.map((group) => (
          <tbody key={group.code}>
            {group.code !== "" && (
              <tr class="items__element">
                <th colSpan={6} scope="rowgroup">
                  {t(lang, `instrument.elements.${group.code as "TC"}`)}
                </th>
              </tr>
            )}
            {group.items.map((item) => (
              <tr key={item} data-item={item}>
                <th scope="row" class="items__text">
                  {++question}. {t(lang, `instrument.items.${item}`)}
                </th>
                {SCALE_VALUES.map((value) => (
                  <td key={value} class="items__box">
                    <span class="box" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {last && (
        <div class="outro">
          <p>{t(lang, "paper.form.comment")}</p>
          <div class="comment-lines" />
          <p class="thanks">{t(lang, "paper.form.thanks")}</p>
          <p class="privacy">{t(lang, "poster.privacy")}</p>
        </div>
      )}
      <p class="side__foot">{t(lang, "paper.form.side", { side, sides })}</p>
    </section>
  );
}

/** A print run of paper forms numbered from `firstNumber`. */
export function PaperFormPage(props: {
  lang: Lang;
  data: PaperFormData;
  firstNumber: number;
  count: number;
  nonce: string | undefined;
}) {
  const { lang, data } = props;
  const sides = sidesOf(data.form);
  const numbers = Array.from({ length: props.count }, (_, i) => props.firstNumber + i);
  const title = `${t(lang, "paper.form.printTitle")} · ${data.label} · ${t(lang, "paper.form.numbers", {
    from: formNumberText(numbers[0] as number),
    to: formNumberText(numbers[numbers.length - 1] as number),
  })}`;
  return (
    <PrintDocument
      lang={lang}
      title={title}
      css={PAPER_CSS}
      nonce={props.nonce}
      toolbar={<span>{title}</span>}
    >
      {numbers.map((number) => {
        let first = 0;
        return (
          <div key={number} class="paper-form">
            {sides.map((groups, index) => {
              const start = first;
              first += groups.reduce((sum, group) => sum + group.items.length, 0);
              return (
                <Side
                  key={index}
                  lang={lang}
                  data={data}
                  number={number}
                  side={index + 1}
                  sides={sides.length}
                  groups={groups}
                  firstQuestion={start}
                />
              );
            })}
          </div>
        );
      })}
    </PrintDocument>
  );
}

/** The complete HTML document of PaperFormPage. */
export function renderPaperFormPage(props: Parameters<typeof PaperFormPage>[0]): string {
  return renderDocument(<PaperFormPage {...props} />);
}

// Large type for older citizens: 13 pt questions, boxes of 9 mm. Each side is one A4 page.
const PAPER_CSS = `
@page{size:A4;margin:11mm 12mm}
.side{width:186mm;min-height:268mm;margin:0 auto;padding:0;background:#fff;font-size:13pt;line-height:1.3;position:relative;break-after:page;page-break-after:always}
.paper-form:last-child .side:last-child{break-after:auto;page-break-after:auto}
@media screen{.side{padding:8mm;width:210mm;min-height:297mm;margin:0 auto 24px;box-shadow:0 2px 10px rgba(0,0,0,.25)}}
.side__head{display:flex;justify-content:space-between;align-items:flex-start;gap:6mm;border-bottom:2px solid #111;padding-bottom:2mm}
.side__head h1{font-size:16pt;margin:0 0 1mm}
.side__where{margin:0;font-size:12pt}
.side__number{margin:0;text-align:right;white-space:nowrap}
.side__number span{display:block;font-size:11pt}
.side__number strong{font-size:22pt;letter-spacing:1px;font-variant-numeric:tabular-nums}
.intro{display:flex;gap:5mm;align-items:flex-start;margin:2mm 0}
.intro__text{flex:1}
.line{margin:2mm 0}
.how{margin:2mm 0;font-weight:700}
.intro__qr{margin:0;width:34mm;text-align:center;font-size:9.5pt}
.qr{width:30mm;height:30mm;display:block;margin:0 auto}
.items{width:100%;border-collapse:collapse}
.items th,.items td{border:1px solid #555;padding:0.8mm 1mm;vertical-align:middle}
.items__text{text-align:left;font-weight:400}
.items__scale{width:15mm;text-align:center;font-weight:400;vertical-align:bottom}
.items__value{display:block;font-size:14pt;font-weight:700}
.items__label{display:block;font-size:8.5pt;line-height:1.1}
.items__element th{background:#e8ecf1;font-weight:700;text-align:left;font-size:12.5pt}
.items__box{text-align:center}
.box{display:inline-block;width:8mm;height:8mm;border:2px solid #111;border-radius:1mm}
.outro p{margin:2mm 0 1mm}
.comment-lines{height:27mm;background:repeating-linear-gradient(#fff 0,#fff 9mm,#888 9mm,#888 calc(9mm + 1px))}
.thanks{font-weight:700}
.privacy{font-size:10pt;color:#333}
.side__foot{position:absolute;bottom:0;right:0;margin:0;font-size:10pt;color:#333}
`;
