// The survey's only stylesheet, inlined into every page: system fonts (Vietnamese and Chinese included),
// large tap targets, contrast above WCAG AA, usable at 320 px and at 200 % zoom. Radios stay visible, so
// a browser without modern CSS still shows a working form.
export const SURVEY_CSS = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#151515;background:#f3f4f6}
header{background:#0b3d6e;color:#fff;padding:8px 12px}
header p{margin:0;font-size:15px}
header p.officer{margin-top:4px}
h1{margin:2px 0 4px;font-size:22px;line-height:1.25}
nav a{color:#fff;margin-right:16px;display:inline-block;padding:4px 0}
nav a[aria-current]{font-weight:700;text-decoration:none}
header .note{font-size:14px;margin:0 0 4px}
main{max-width:40rem;margin:0 auto;padding:8px 8px 96px}
h2{font-size:19px;margin:8px 0 2px}
h3{font-size:16px;margin:14px 0 6px;color:#0b3d6e}
fieldset{border:0;margin:0 0 12px;padding:12px;background:#fff;border-radius:8px;min-width:0}
legend{float:left;width:100%;padding:0;margin:0 0 8px;font-weight:600}
legend+*{clear:left}
.o{display:flex;align-items:center;gap:10px;min-height:44px;padding:6px 10px;margin:4px 0;border:2px solid #c5cad3;border-radius:8px;cursor:pointer}
.o input{width:22px;height:22px;margin:0;flex:none;accent-color:#0b3d6e}
.o:has(input:checked){border-color:#0b3d6e;background:#e6eef7;font-weight:600}
.skip{border-style:dashed;color:#404652}
details{background:#fff;border-radius:8px;margin:6px 0;padding:0 12px}
summary{min-height:44px;padding:10px 0;font-weight:600;cursor:pointer}
label.f{display:block;font-weight:600;margin:12px 0 4px}
select,textarea,input[type=search],input[type=text]{width:100%;font:inherit;padding:10px;border:2px solid #69707d;border-radius:8px;background:#fff;color:inherit}
textarea{min-height:120px}
.hint{margin:0 0 6px;color:#404652;font-size:15px}
.over{color:#b3261e;font-weight:600}
.bar{position:sticky;bottom:0;display:flex;gap:12px;align-items:center;margin:16px -8px 0;padding:10px 12px;background:#fff;border-top:1px solid #c5cad3}
.bar p{margin:0;flex:1;font-size:15px}
progress{display:block;width:100%;height:8px;accent-color:#0b3d6e}
button,.btn{font:inherit;font-weight:600;min-height:48px;padding:10px 22px;border:0;border-radius:8px;background:#0b3d6e;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
.o:focus-within,.s input:focus-visible+span,button:focus-visible,.btn:focus-visible,a:focus-visible,summary:focus-visible,[tabindex="-1"]:focus{outline:3px solid #f0a500;outline-offset:2px}
.msg{background:#fff;border-radius:8px;padding:16px;margin:16px 0}
.alert{border-left:6px solid #b3261e;background:#fdecea}
.wait{border-left:6px solid #f0a500}
.q{padding:4px 8px 2px;margin:0 0 6px}
.q legend{font-size:16px;line-height:1.35;margin:0 0 4px;font-weight:400}
.q legend b{color:#0b3d6e}
.row{display:grid;grid-template-columns:repeat(5,minmax(44px,1fr)) minmax(44px,max-content);gap:2px 3px}
.s{position:relative;min-height:44px;cursor:pointer}
.s input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.s>span{display:flex;align-items:center;justify-content:center;height:100%;min-height:44px;border:2px solid #8a909b;border-radius:8px;background:#fff;font-size:19px;font-weight:700;color:#0b3d6e}
.s input:checked+span{background:#0b3d6e;border-color:#0b3d6e;color:#fff}
.k>span{font-size:13px;font-weight:400;border-style:dashed;color:#404652;padding:0 4px}
.k input:checked+span{background:#e4e7ec;color:#151515}
.e{grid-row:2;grid-column:1/4;font-size:13px;line-height:1.25;color:#404652}
.e.r{grid-column:4/6;text-align:right}
.sr,.hp{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
#survey-error{scroll-margin-top:8px}
.follow-up{margin:16px 0}
.consent{display:flex;gap:8px;align-items:flex-start;margin-top:12px}
.consent input{margin-top:4px}
.case-ref{font-size:1.2em;font-weight:700;letter-spacing:.05em}
`;
