import { renderToString } from "preact-render-to-string";
import type { PublicFigures, PublicResults } from "../../server/reports/public-results.js";
import type { SipasRow } from "../../shared/contract/reports.js";
import { LANGUAGES, type Lang, t } from "../../shared/i18n/index.js";
import { ELEMENT_CODES } from "../../shared/instrument/index.js";
import { SMALL_SAMPLE_THRESHOLD } from "../../shared/scoring/index.js";
import { localDay } from "../../shared/time/index.js";
import { countText, dayText, figureText, monthText } from "./format.js";

// GET /p/:unitCode: a unit's results for citizens, rendered on the server, readable without JavaScript
// and small on a phone. Only totals of the unit: no comment, nothing per counter or officer.

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,"Noto Sans CJK SC",sans-serif;color:#111;background:#f4f6f9;line-height:1.45}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0;color:#123a6b}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem;color:#123a6b}
.langs{font-size:.9rem;text-align:right}.langs a{margin-left:.6rem;color:#123a6b}
.cards{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr))}
.card{background:#fff;border-radius:.5rem;padding:.9rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.card h2{margin:0 0 .3rem;font-size:1rem;color:#333}
.big{font-size:2.4rem;font-weight:800;color:#123a6b;margin:0}
.card p{margin:.2rem 0}
.note{color:#7a4500;font-size:.92rem}
table{width:100%;border-collapse:collapse;background:#fff;font-size:.95rem}
th,td{padding:.4rem .5rem;border-bottom:1px solid #dde3ea;text-align:left}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
thead th{font-size:.85rem;vertical-align:bottom}
.wrap{overflow-x:auto}
.trend{display:block;width:100%;height:auto;background:#fff;border-radius:.5rem}
.muted{color:#555;font-size:.9rem}
`;

function Figures({ lang, title, figures }: { lang: Lang; title: string; figures: PublicFigures }) {
  const { row } = figures;
  return (
    <section class="card">
      <h2>{title}</h2>
      {row.respondents === 0 ? (
        <p>{t(lang, "pack.publicResults.none")}</p>
      ) : (
        <>
          <p class="big">{figureText(lang, row.sipas_index)}%</p>
          <p>{t(lang, "pack.publicResults.respondents", { count: countText(lang, row.respondents) })}</p>
          {row.respondents < SMALL_SAMPLE_THRESHOLD && (
            <p class="note">
              {t(lang, "pack.publicResults.small", { count: countText(lang, row.respondents) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Trend({ lang, rows }: { lang: Lang; rows: SipasRow<"month">[] }) {
  const width = 600;
  const height = 160;
  const step = width / Math.max(rows.length, 1);
  const plot = height - 30;
  return (
    <svg
      class="trend"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t(lang, "pack.publicResults.trend")}
    >
      {rows.map((row, i) => {
        const value = row.sipas_index;
        return (
          <g key={row.month}>
            {value !== null && (
              <rect
                x={i * step + step * 0.2}
                y={10 + plot - (plot * value) / 100}
                width={step * 0.6}
                height={(plot * value) / 100}
                fill="#123a6b"
              />
            )}
            <text x={i * step + step / 2} y={height - 6} text-anchor="middle" font-size="12" fill="#333">
              {monthText(row.month).slice(0, 2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The citizens' results page of a unit. */
export function ResultsPage(props: {
  lang: Lang;
  unitName: string;
  unitCode: string;
  results: PublicResults;
  now: number;
}) {
  const { lang, results } = props;
  const quarter = results.lastQuarter.period.from;
  const periods = [
    {
      key: "month",
      title: t(lang, "pack.publicResults.lastMonth", {
        month: monthText(results.lastMonth.period.from.slice(0, 7)),
      }),
      figures: results.lastMonth,
    },
    {
      key: "quarter",
      title: t(lang, "pack.publicResults.lastQuarter", {
        quarter: Math.ceil(Number(quarter.slice(5, 7)) / 3),
        year: quarter.slice(0, 4),
      }),
      figures: results.lastQuarter,
    },
    {
      key: "ytd",
      title: t(lang, "pack.publicResults.yearToDate", { year: results.yearToDate.period.from.slice(0, 4) }),
      figures: results.yearToDate,
    },
  ];
  return (
    <html lang={t(lang, "common.languageTag")}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t(lang, "pack.publicResults.title")} · ${props.unitName}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <main>
          <p class="langs">
            {t(lang, "pack.publicResults.languages")}:
            {LANGUAGES.map((other) => (
              <a
                key={other}
                href={`/p/${encodeURIComponent(props.unitCode)}?lang=${other}`}
                lang={t(other, "common.languageTag")}
                aria-current={other === lang ? "page" : undefined}
              >
                {t(other, "common.languageName")}
              </a>
            ))}
          </p>
          <h1>{t(lang, "pack.publicResults.title")}</h1>
          <p>{t(lang, "pack.publicResults.intro", { unit: props.unitName })}</p>
          <div class="cards">
            {periods.map((period) => (
              <Figures key={period.key} lang={lang} title={period.title} figures={period.figures} />
            ))}
          </div>
          <h2>{t(lang, "pack.publicResults.elements")}</h2>
          <div class="wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(lang, "pack.columns.element")}</th>
                  {periods.map((period) => (
                    <th key={period.key} scope="col" class="num">
                      {period.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ELEMENT_CODES.map((code) => (
                  <tr key={code}>
                    <th scope="row">{t(lang, `instrument.elements.${code}`)}</th>
                    {periods.map((period) => (
                      <td key={period.key} class="num">
                        {figureText(lang, period.figures.row[`${code}_index`])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t(lang, "pack.publicResults.trend")}</h2>
          <Trend lang={lang} rows={results.trend} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, "pack.publicResults.month")}</th>
                <th scope="col" class="num">
                  {t(lang, "pack.publicResults.index")}
                </th>
                <th scope="col" class="num">
                  {t(lang, "pack.columns.respondents")}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.trend.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{monthText(row.month)}</th>
                  <td class="num">{figureText(lang, row.sipas_index)}</td>
                  <td class="num">{countText(lang, row.respondents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">{t(lang, "pack.publicResults.meaning")}</p>
          <p>{t(lang, "pack.publicResults.takePart")}</p>
          <p class="muted">{t(lang, "pack.publicResults.updated", { date: dayText(localDay(props.now)) })}</p>
        </main>
      </body>
    </html>
  );
}

/** A small page saying there is no results page at this address. */
export function ResultsNotFound({ lang }: { lang: Lang }) {
  return (
    <html lang={t(lang, "common.languageTag")}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t(lang, "pack.publicResults.notFoundTitle")}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <main>
          <h1>{t(lang, "pack.publicResults.notFoundTitle")}</h1>
          <p>{t(lang, "pack.publicResults.notFound")}</p>
        </main>
      </body>
    </html>
  );
}

export const renderResultsPage = (props: Parameters<typeof ResultsPage>[0]) =>
  `<!doctype html>${renderToString(<ResultsPage {...props} />)}`;
export const renderResultsNotFound = (lang: Lang) =>
  `<!doctype html>${renderToString(<ResultsNotFound lang={lang} />)}`;
