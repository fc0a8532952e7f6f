import type { PosterFormat } from "./poster.js";

// Sizes are millimetres scaled by --s, so the A5 poster is the A4 one at 0.7 and the tent face reuses the
// same rules in a landscape arrangement. Text sizes on A4 are for reading from 1.5 m: the counter label
// ~13 mm, the steps ~6 mm. The QR takes the space left over, up to 120 mm, so a long unit name shrinks
// it instead of pushing the poster onto a second page. The ink stays 10 mm or more inside the sheet,
// beyond the unprintable border of office printers.

const PAGE: Record<PosterFormat, string> = {
  a4: "@page{size:A4 portrait;margin:0}.sheet--a4{width:210mm;height:297mm}",
  a5: "@page{size:A5 portrait;margin:0}.sheet--a5{width:148mm;height:210mm}",
  tent: "@page{size:A4 portrait;margin:0}.sheet--tent{width:210mm;height:297mm}",
};

const m = (mm: number) => `calc(var(--s)*${mm}mm)`;

const POSTER_CSS = `
.poster{--s:1;display:flex;flex-direction:column;height:100%;padding:${m(16)} ${m(16)} ${m(12)};text-align:center;color:#111}
.poster--a5{--s:.7}
:where(.poster p,.poster h1,.poster ol){margin:0}
.poster__head{flex:none;border-bottom:${m(0.8)} solid #123a6b;padding-bottom:${m(4)}}
.poster__kicker{font-size:${m(4.4)};letter-spacing:.05em;text-transform:uppercase;color:#123a6b;font-weight:600}
.poster__unit{margin-top:${m(3)};font-size:${m(8)};line-height:1.2;font-weight:700}
.poster__label{margin-top:${m(2)};font-size:${m(13)};line-height:1.1;font-weight:800;color:#123a6b}
.poster__service{margin-top:${m(1.5)};font-size:${m(5)};line-height:1.25}
.poster__body{flex:1 1 auto;min-height:0;display:flex;flex-direction:column;align-items:center;padding-top:${m(5)}}
.poster__qr{display:block;flex:1 1 auto;min-height:${m(50)};max-height:${m(120)};width:auto;aspect-ratio:1/1}
.poster__text{flex:none;display:flex;flex-direction:column;align-items:center}
.poster__question{margin-top:${m(3)};font-size:${m(7)};font-weight:700;line-height:1.25}
.poster__steps{list-style:none;counter-reset:step;padding:0;margin-top:${m(2)};text-align:left;font-size:${m(6)};line-height:1.3}
.poster__steps li{counter-increment:step;display:flex;align-items:center;gap:${m(3)};margin-top:${m(1.6)}}
.poster__steps li::before{content:counter(step);flex:none;display:flex;align-items:center;justify-content:center;width:1.4em;height:1.4em;border-radius:50%;background:#123a6b;color:#fff;font-weight:700;font-size:.8em}
.poster__url{margin-top:${m(4)};font-size:${m(4.4)};line-height:1.3}
.poster__url-hint{display:block;color:#333}
.poster__url-text{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;font-size:${m(6.2)};white-space:nowrap}
.poster__url-text b{color:#123a6b}
.poster__other{margin-top:${m(2)};font-size:${m(4.8)};line-height:1.3;color:#222}
.poster__privacy{flex:none;margin-top:${m(4)};padding-top:${m(3)};border-top:${m(0.3)} solid #9aa5b5;font-size:${m(3.8)};line-height:1.3;color:#333}
`;

const TENT_CSS = `
.poster--tent{--s:.6;height:148.5mm;padding:10mm 12mm 9mm}
.poster--upside-down{transform:rotate(180deg)}
.poster--tent .poster__body{flex-direction:row;align-items:center;gap:8mm;padding-top:4mm;text-align:left}
.poster--tent .poster__qr{flex:none;height:84mm;min-height:0;max-height:none}
.poster--tent .poster__text{flex:1 1 auto;align-items:flex-start}
.poster--tent .poster__steps{font-size:4.6mm}
.poster--tent .poster__question{font-size:5.4mm}
.fold{position:absolute;left:0;right:0;top:148.5mm;margin:0;border-top:.3mm dashed #8a94a3;font-size:2.6mm;line-height:1;text-align:center;color:#8a94a3}
`;

/** The CSS of a poster document in one format (its @page rule sets the paper). */
export function posterCss(format: PosterFormat): string {
  return PAGE[format] + POSTER_CSS + (format === "tent" ? TENT_CSS : "");
}
