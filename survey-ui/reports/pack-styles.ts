// The printable report's CSS: A4 portrait with margins for binding, system fonts (Vietnamese diacritics),
// table headers repeated on each page, rows never split, the later parts starting on a new page.
export const PACK_CSS = `
@page{size:A4 portrait;margin:16mm 14mm 16mm 18mm}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Noto Sans CJK SC",sans-serif;color:#111;font-size:10.5pt;line-height:1.4;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0}
main{max-width:190mm;margin:0 auto;padding:8mm 0}
h1{font-size:15pt;line-height:1.3;margin:0 0 3mm;text-transform:uppercase;text-align:center;color:#123a6b}
h2{font-size:12.5pt;margin:7mm 0 2mm;color:#123a6b;border-bottom:.4mm solid #123a6b;padding-bottom:1mm;break-after:avoid}
h3{font-size:11pt;margin:4mm 0 1.5mm;break-after:avoid}
.cover{text-align:center;margin-bottom:4mm}
.cover p{margin:1mm 0}
.unit{font-size:13pt;font-weight:700}
.lead{font-size:11.5pt}
.muted{color:#555}
.tag{color:#8a4b00}
table{width:100%;border-collapse:collapse;margin:2mm 0;font-size:9.5pt}
thead{display:table-header-group}
tr{break-inside:avoid}
th,td{border:.2mm solid #b8c0cc;padding:1.2mm 1.8mm;text-align:left;vertical-align:top}
thead th{background:#e8edf4;font-weight:600}
tbody th{font-weight:400}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
table.figures th[scope=row],table.figures thead th:first-child{width:32%}
table.figures thead th{font-size:8.5pt}
table.compact{width:auto;min-width:50%}
.chart{display:block;width:100%;max-height:75mm;margin:2mm 0}
.chart .label{font-size:11px;fill:#222}
.chart .value{font-size:11px;font-weight:700;fill:#123a6b}
.chart .grid{stroke:#d5dbe3;stroke-width:1}
.bar-now{fill:#123a6b}
.bar-before{fill:#9fb3cc}
section{break-inside:auto}
.chart,.cover{break-inside:avoid}
.comments{padding-left:5mm}
.comments li{margin:1.5mm 0;break-inside:avoid}
.method li{margin:1mm 0}
@media print{main{padding:0;max-width:none}.new-page{break-before:page}}
`;
