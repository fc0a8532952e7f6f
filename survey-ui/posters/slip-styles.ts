/** Slips per A4 sheet: two columns of five, each about 100 × 56 mm. */
export const SLIPS_PER_SHEET = 10;

// Dashed borders are the cut lines; the sheet keeps 8 mm top and bottom for the printer's border.
export const SLIP_CSS = `
@page{size:A4 portrait;margin:0}
.sheet--slips{width:210mm;height:297mm;padding:8mm 5mm;display:grid;grid-template-columns:repeat(2,1fr);grid-template-rows:repeat(5,1fr)}
.slip{display:flex;align-items:center;gap:3.5mm;padding:3mm 4mm;border:.25mm dashed #8a94a3;min-height:0;overflow:hidden}
:where(.slip p){margin:0}
.slip__qr{flex:none;width:38mm;height:38mm;display:block}
.slip__text{min-width:0;font-size:2.7mm;line-height:1.28}
.slip__title{font-size:2.2mm;white-space:nowrap;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#123a6b}
.slip__unit{font-weight:700;font-size:3mm}
.slip__label{font-weight:700;color:#123a6b}
.slip__instruction{margin-top:1mm}
.slip__other{font-size:2.3mm;color:#333}
.slip__valid{margin-top:1mm;font-weight:600}
.slip__url{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;font-size:2.2mm;word-break:break-all}
`;
