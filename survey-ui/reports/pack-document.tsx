import { renderToString } from "preact-render-to-string";
import { channelName } from "../../server/reports/pack/labels.js";
import type { PackData } from "../../server/reports/pack/pack-data.js";
import type { ItemRow, SipasRow } from "../../shared/contract/reports.js";
import { t } from "../../shared/i18n/index.js";
import { ELEMENT_CODES } from "../../shared/instrument/index.js";
import { localDay } from "../../shared/time/index.js";
import { changeText, countText, dayText, figureText, monthText } from "./format.js";
import { PACK_CSS } from "./pack-styles.js";

// The report pack as one printable A4 document (GET /api/v1/reports/pack?format=html): the same figures
// as the workbook, for a department's director to read and sign. No navigation, no script, no external
// resource; each chart is an inline SVG followed by the table of its figures.

/** Services shown in print; the workbook lists them all. */
const PRINTED_SERVICES = 15;
const PRINTED_UNITS = 30;
const PRINTED_COMMENTS = 8;
const WEAKEST = 5;

type Props = { data: PackData };

/** A label cut to `length` characters at a word, with an ellipsis (the table under the chart has it whole). */
const shorten = (text: string, length: number) =>
  text.length <= length ? text : `${text.slice(0, text.lastIndexOf(" ", length))}…`;

function changeSentence(data: PackData): string {
  const { lang, total } = data;
  const delta =
    total.current.sipas_index === null || total.previous.sipas_index === null
      ? null
      : total.current.sipas_index - total.previous.sipas_index;
  if (delta === null) return t(lang, "pack.html.noPrevious");
  const points = figureText(lang, Math.abs(delta));
  const rounded = Number(figureText("en", delta));
  if (rounded > 0) return t(lang, "pack.html.changeUp", { points });
  if (rounded < 0) return t(lang, "pack.html.changeDown", { points });
  return t(lang, "pack.html.changeSame");
}

/** Current and previous element indices as paired horizontal bars. */
function ElementChart({ data }: Props) {
  const { lang, total } = data;
  const rowHeight = 34;
  const left = 250;
  const width = 640;
  const scale = (value: number) => ((width - left - 60) * value) / 100;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${ELEMENT_CODES.length * rowHeight + 24}`}
      role="img"
      aria-label={t(lang, "pack.html.elements")}
    >
      {ELEMENT_CODES.map((code, i) => {
        const now = total.current[`${code}_index`];
        const before = total.previous[`${code}_index`];
        const y = i * rowHeight + 4;
        return (
          <g key={code}>
            <text x={left - 8} y={y + 16} text-anchor="end" class="label">
              {code} · {shorten(t(lang, `instrument.elements.${code}`), 34)}
            </text>
            <rect x={left} y={y} width={scale(now ?? 0)} height="13" class="bar-now" />
            <rect x={left} y={y + 15} width={scale(before ?? 0)} height="9" class="bar-before" />
            <text x={left + scale(now ?? 0) + 6} y={y + 11} class="value">
              {figureText(lang, now)}
            </text>
          </g>
        );
      })}
      <rect x={left} y={ELEMENT_CODES.length * rowHeight + 8} width="12" height="10" class="bar-now" />
      <text x={left + 18} y={ELEMENT_CODES.length * rowHeight + 17} class="label">
        {t(lang, "pack.html.chartCurrent")}
      </text>
      <rect
        x={left + 150}
        y={ELEMENT_CODES.length * rowHeight + 8}
        width="12"
        height="10"
        class="bar-before"
      />
      <text x={left + 168} y={ELEMENT_CODES.length * rowHeight + 17} class="label">
        {t(lang, "pack.html.chartPrevious")}
      </text>
    </svg>
  );
}

/** The index month by month as columns (a month without responses has none). */
function MonthChart({ rows, lang }: { rows: SipasRow<"month">[]; lang: PackData["lang"] }) {
  const width = 640;
  const height = 170;
  const plot = { left: 34, top: 10, bottom: 30 };
  const step = (width - plot.left) / Math.max(rows.length, 1);
  const h = height - plot.top - plot.bottom;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t(lang, "pack.html.months")}>
      {[0, 50, 100].map((value) => (
        <g key={value}>
          <line
            x1={plot.left}
            x2={width}
            y1={plot.top + h - (h * value) / 100}
            y2={plot.top + h - (h * value) / 100}
            class="grid"
          />
          <text x={plot.left - 4} y={plot.top + h - (h * value) / 100 + 4} text-anchor="end" class="label">
            {value}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const x = plot.left + i * step + step * 0.2;
        const value = row.sipas_index;
        return (
          <g key={row.month}>
            {value !== null && (
              <rect
                x={x}
                y={plot.top + h - (h * value) / 100}
                width={step * 0.6}
                height={(h * value) / 100}
                class="bar-now"
              />
            )}
            <text x={x + step * 0.3} y={height - 12} text-anchor="middle" class="label">
              {monthText(row.month).slice(0, rows.length > 12 ? 2 : 7)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function FigureRow(props: {
  label: string;
  now: number | null;
  before: number | null;
  earlier: number | null;
  lang: PackData["lang"];
}) {
  const { lang } = props;
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td class="num">{figureText(lang, props.now)}</td>
      <td class="num">{figureText(lang, props.before)}</td>
      <td class="num">{changeText(lang, delta(props.now, props.before))}</td>
      <td class="num">{figureText(lang, props.earlier)}</td>
      <td class="num">{changeText(lang, delta(props.now, props.earlier))}</td>
    </tr>
  );
}

function ComparedTable({
  data,
  rows,
  name,
  previous,
}: {
  data: PackData;
  rows: SipasRow[];
  name: (row: SipasRow) => string;
  previous: Map<string, SipasRow>;
}) {
  const { lang } = data;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t(lang, "pack.columns.unit_name")}</th>
          <th scope="col" class="num">
            {t(lang, "pack.columns.respondents")}
          </th>
          <th scope="col" class="num">
            {t(lang, "pack.columns.sipas_index")}
          </th>
          <th scope="col" class="num">
            {t(lang, "pack.columns.previousIndex")}
          </th>
          <th scope="col" class="num">
            {t(lang, "pack.columns.indexChange")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const before = previous.get(name(row))?.sipas_index ?? null;
          return (
            <tr key={name(row)}>
              <th scope="row">
                {name(row)}
                {row.small_sample && row.respondents > 0 && (
                  <span class="tag"> ({t(lang, "pack.html.smallSample")})</span>
                )}
              </th>
              <td class="num">{countText(lang, row.respondents)}</td>
              <td class="num">{figureText(lang, row.sipas_index)}</td>
              <td class="num">{figureText(lang, before)}</td>
              <td class="num">
                {changeText(
                  lang,
                  row.sipas_index === null || before === null ? null : row.sipas_index - before,
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ItemList({
  data,
  rows,
  extra,
}: {
  data: PackData;
  rows: Array<ItemRow & { change?: number | null }>;
  extra: "index" | "change";
}) {
  const { lang } = data;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t(lang, "pack.columns.question")}</th>
          <th scope="col" class="num">
            {t(lang, "pack.columns.n")}
          </th>
          <th scope="col" class="num">
            {t(lang, "pack.columns.index")}
          </th>
          {extra === "change" && (
            <th scope="col" class="num">
              {t(lang, "pack.columns.indexChange")}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.item}>
            <th scope="row">
              <b>{row.item}</b> {t(lang, `instrument.items.${row.item}`)}
            </th>
            <td class="num">{countText(lang, row.n)}</td>
            <td class="num">{figureText(lang, row.index)}</td>
            {extra === "change" && <td class="num">{changeText(lang, row.change ?? null)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The response rate and the channel mix: one small table (issue 18). */
function ChannelSection({ data }: Props) {
  const { lang, total } = data;
  const all = total.current.respondents;
  const rate = total.current.response_rate ?? null;
  return (
    <section>
      <h2>{t(lang, "pack.html.channels")}</h2>
      <p>
        {rate === null || total.current.served == null
          ? t(lang, "pack.html.noServed")
          : t(lang, "pack.html.responseRate", {
              rate: `${figureText(lang, rate * 100, 1)}%`,
              respondents: countText(lang, all),
              served: countText(lang, total.current.served),
            })}
      </p>
      <table class="compact">
        <thead>
          <tr>
            <th scope="col">{t(lang, "pack.columns.channel")}</th>
            <th scope="col" class="num">
              {t(lang, "pack.columns.respondents")}
            </th>
            <th scope="col" class="num">
              {t(lang, "pack.columns.share")}
            </th>
            <th scope="col" class="num">
              {t(lang, "pack.columns.sipas_index")}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.channels.map((row) => (
            <tr key={row.channel}>
              <th scope="row">{channelName(lang, row.channel)}</th>
              <td class="num">{countText(lang, row.respondents)}</td>
              <td class="num">{figureText(lang, all === 0 ? null : (row.respondents / all) * 100, 1)}</td>
              <td class="num">{figureText(lang, row.sipas_index)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The follow-through of complaints and suggestions in one line (issue 17). */
function CasesSection({ data }: Props) {
  const { lang } = data;
  const total = data.cases.total;
  return (
    <section>
      <h2>{t(lang, "pack.html.cases")}</h2>
      <p>
        {total.cases_opened === 0
          ? t(lang, "pack.html.noCases")
          : t(lang, "pack.html.casesLine", {
              opened: countText(lang, total.cases_opened),
              inTime: countText(lang, total.answered_in_time),
              pct: figureText(lang, total.answered_in_time_pct, 1),
              days: figureText(lang, total.median_days_to_answer, 1),
              open: countText(lang, total.open),
              overdue: countText(lang, total.overdue),
            })}
      </p>
    </section>
  );
}

/** The printable report. */
export function PackDocument({ data }: Props) {
  const { lang, total } = data;
  const unitName = data.unit?.name ?? data.scopeName ?? t(lang, "pack.scope.all");
  const hasData = total.current.respondents > 0;
  const previousItems = new Map(data.items.previous.map((row) => [row.item, row]));
  const answered = data.items.current.filter((row) => row.index !== null);
  const weakest = [...answered].sort((a, b) => (a.index as number) - (b.index as number)).slice(0, WEAKEST);
  const falls = answered
    .map((row) => {
      const before = previousItems.get(row.item)?.index ?? null;
      return { ...row, change: before === null ? null : (row.index as number) - before };
    })
    .filter((row) => row.change !== null && row.change < -0.005)
    .sort((a, b) => (a.change as number) - (b.change as number))
    .slice(0, WEAKEST);
  const services = [...data.services.current]
    .sort((a, b) => b.respondents - a.respondents)
    .slice(0, PRINTED_SERVICES);
  const units = data.units.current.filter((row) => row.respondents > 0).slice(0, PRINTED_UNITS);
  const comments = [...data.comments]
    .sort((a, b) => b.submitted_at - a.submitted_at)
    .slice(0, PRINTED_COMMENTS);
  const serviceName = (row: SipasRow) =>
    (row as SipasRow<"service">).service_name ?? t(lang, "pack.columns.noService");
  const unitRowName = (row: SipasRow) => (row as SipasRow<"unit">).unit_name;
  const title = t(lang, "pack.method.title");
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · ${unitName}`}</title>
        <style dangerouslySetInnerHTML={{ __html: PACK_CSS }} />
      </head>
      <body>
        <main>
          <header class="cover">
            <h1>{title}</h1>
            <p class="unit">{unitName}</p>
            <p>
              {t(lang, "pack.method.periodValue", {
                from: dayText(data.period.from),
                to: dayText(data.period.to),
              })}
            </p>
            <p class="muted">{t(lang, "pack.html.date", { date: dayText(localDay(data.generatedAt)) })}</p>
          </header>
          <section>
            <h2>{t(lang, "pack.html.overview")}</h2>
            {hasData ? (
              <p class="lead">
                {t(lang, "pack.html.overviewText", {
                  count: countText(lang, total.current.respondents),
                  index: figureText(lang, total.current.sipas_index),
                  change: changeSentence(data),
                })}
              </p>
            ) : (
              <p class="lead">{t(lang, "pack.html.noData")}</p>
            )}
            <table class="figures">
              <thead>
                <tr>
                  <th scope="col">{t(lang, "pack.columns.figure")}</th>
                  <th scope="col" class="num">
                    {t(lang, "pack.columns.current", {
                      from: dayText(data.period.from),
                      to: dayText(data.period.to),
                    })}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, "pack.columns.previous", {
                      from: dayText(data.previous.from),
                      to: dayText(data.previous.to),
                    })}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, "pack.columns.change")}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, "pack.columns.yearEarlier", {
                      from: dayText(data.yearEarlier.from),
                      to: dayText(data.yearEarlier.to),
                    })}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, "pack.columns.changeYear")}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t(lang, "pack.rows.respondents")}</th>
                  <td class="num">{countText(lang, total.current.respondents)}</td>
                  <td class="num">{countText(lang, total.previous.respondents)}</td>
                  <td class="num">–</td>
                  <td class="num">{countText(lang, total.yearEarlier.respondents)}</td>
                  <td class="num">–</td>
                </tr>
                <FigureRow
                  lang={lang}
                  label={t(lang, "pack.rows.sipas")}
                  now={total.current.sipas_index}
                  before={total.previous.sipas_index}
                  earlier={total.yearEarlier.sipas_index}
                />
              </tbody>
            </table>
            {total.current.small_sample && hasData && <p class="tag">{t(lang, "pack.rows.smallSample")}</p>}
          </section>
          <section>
            <h2>{t(lang, "pack.html.elements")}</h2>
            <ElementChart data={data} />
            <table class="figures">
              <thead>
                <tr>
                  <th scope="col">{t(lang, "pack.columns.element")}</th>
                  <th scope="col" class="num">
                    {t(lang, "pack.html.chartCurrent")}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, "pack.html.chartPrevious")}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, "pack.columns.change")}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, "pack.method.yearEarlier")}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, "pack.columns.changeYear")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ELEMENT_CODES.map((code) => (
                  <FigureRow
                    key={code}
                    lang={lang}
                    label={`${code} · ${t(lang, `instrument.elements.${code}`)}`}
                    now={total.current[`${code}_index`]}
                    before={total.previous[`${code}_index`]}
                    earlier={total.yearEarlier[`${code}_index`]}
                  />
                ))}
              </tbody>
            </table>
          </section>
          <section>
            <h2>{t(lang, "pack.html.months")}</h2>
            <MonthChart rows={data.months} lang={lang} />
            <table class="compact">
              <thead>
                <tr>
                  <th scope="col">{t(lang, "pack.columns.month")}</th>
                  <th scope="col" class="num">
                    {t(lang, "pack.columns.respondents")}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, "pack.columns.sipas_index")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.months.map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{monthText(row.month)}</th>
                    <td class="num">{countText(lang, row.respondents)}</td>
                    <td class="num">{figureText(lang, row.sipas_index)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section class="new-page">
            <h2>{t(lang, "pack.html.units")}</h2>
            <ComparedTable
              data={data}
              rows={units}
              name={unitRowName}
              previous={new Map(data.units.previous.map((row) => [row.unit_name, row]))}
            />
          </section>
          <section>
            <h2>{t(lang, "pack.html.services")}</h2>
            {data.services.current.length > services.length && (
              <p class="muted">
                {t(lang, "pack.html.servicesMore", {
                  shown: services.length,
                  count: data.services.current.length,
                })}
              </p>
            )}
            <ComparedTable
              data={data}
              rows={services}
              name={serviceName}
              previous={new Map(data.services.previous.map((row) => [serviceName(row), row]))}
            />
          </section>
          <section>
            <h2>{t(lang, "pack.html.questions")}</h2>
            <h3>{t(lang, "pack.html.weakest")}</h3>
            <ItemList data={data} rows={weakest} extra="index" />
            <h3>{t(lang, "pack.html.falls")}</h3>
            {falls.length === 0 ? (
              <p>{t(lang, "pack.html.noFalls")}</p>
            ) : (
              <ItemList data={data} rows={falls} extra="change" />
            )}
          </section>
          <section class="new-page">
            <h2>{t(lang, "pack.html.comments")}</h2>
            {comments.length === 0 ? (
              <p>{t(lang, "pack.html.noComments")}</p>
            ) : (
              <>
                <p class="muted">
                  {t(lang, "pack.html.commentsMore", { shown: comments.length, count: data.comments.length })}
                </p>
                <ul class="comments">
                  {comments.map((comment) => (
                    <li key={comment.id}>
                      <q>{comment.comment}</q>
                      <span class="muted">
                        {" "}
                        — {comment.unit_name}, {dayText(comment.day)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <ChannelSection data={data} />
          <CasesSection data={data} />
          <section>
            <h2>{t(lang, "pack.html.method")}</h2>
            <ul class="method">
              {ELEMENT_CODES.length > 0 &&
                (
                  [
                    "monitoring",
                    "item",
                    "element",
                    "index",
                    "sample",
                    "rounding",
                    "days",
                    "unitRows",
                  ] as const
                ).map((key) => <li key={key}>{t(lang, `report.method.${key}`)}</li>)}
              <li>{t(lang, "pack.method.changeValue")}</li>
              <li>{t(lang, "pack.method.sourceValue")}</li>
              <li>{t(lang, "pack.method.responseRateValue")}</li>
              <li>{t(lang, "pack.method.officersPrint")}</li>
            </ul>
            <p class="muted">
              {t(lang, "pack.method.generatedBy")}: {data.generatedBy}
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}

/** The complete HTML of the printable report. */
export function renderPackDocument(data: PackData): string {
  return `<!doctype html>${renderToString(<PackDocument data={data} />)}`;
}
