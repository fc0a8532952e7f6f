// Shared by posters, slips and the slip form: system fonts only (Vietnamese diacritics and Chinese
// included), exact colours in print, and a screen preview of the sheets on a grey desk.
export const DOCUMENT_CSS = `
*{box-sizing:border-box}
html,body{margin:0}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#111;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sheet{position:relative;overflow:hidden;background:#fff;break-inside:avoid}
.sheet+.sheet{break-before:page}
.toolbar{display:flex;gap:12px;align-items:center;justify-content:center;padding:12px;font-size:16px}
.toolbar a{color:#123a6b}
.toolbar a[aria-current]{font-weight:700;text-decoration:none}
.toolbar button{font:inherit;padding:8px 20px;border:0;border-radius:6px;background:#123a6b;color:#fff;cursor:pointer}
@media screen{body{background:#d9dde3;padding-bottom:24px}.sheet{margin:0 auto 24px;box-shadow:0 2px 10px rgba(0,0,0,.25)}}
@media print{.toolbar{display:none}}
`;
