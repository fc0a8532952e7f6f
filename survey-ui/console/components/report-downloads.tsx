import type { ReportFormat, ReportGrouping, ReportKind } from "../../../shared/contract/reports.js";
import type { MessageKey } from "../../../shared/i18n/console/index.js";
import { type ReportScope, reportHref, responsesHref } from "../lib/report-api.js";
import { useT } from "../lib/use-t.js";

export type Download = { label: MessageKey; kind: ReportKind; by: ReportGrouping };

const FORMATS: readonly { format: Exclude<ReportFormat, "json">; label: MessageKey }[] = [
  { format: "xlsx", label: "console.dashboard.xlsx" },
  { format: "csv", label: "console.dashboard.csv" },
];

/**
 * The files of exactly what the dashboard shows: each table's report with the same query string and
 * `format=xlsx|csv` and `labels=<language>` (headers and question texts for people), and the raw
 * responses. XLSX comes first: it opens right in a Vietnamese Excel.
 */
export function ReportDownloads({
  scope,
  downloads,
}: {
  scope: ReportScope;
  downloads: readonly Download[];
}) {
  const { lang, tr } = useT();
  return (
    <section class="panel" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{tr("console.dashboard.downloadsTitle")}</h2>
      <p class="intro">{tr("report.formats.xlsxHint")}</p>
      <ul class="downloads">
        {downloads.map((download) => (
          <li key={`${download.kind}:${download.by}`}>
            <span>{tr(download.label)}</span>
            <span class="actions">
              {FORMATS.map(({ format, label }) => (
                <a
                  key={format}
                  class="button button-secondary"
                  href={reportHref(download.kind, scope, download.by, format, lang)}
                  download
                  aria-label={`${tr(label)}: ${tr(download.label)}`}
                >
                  {tr(label)}
                </a>
              ))}
            </span>
          </li>
        ))}
        <li>
          <span>{tr("console.dashboard.responsesFile")}</span>
          <span class="actions">
            <a class="button button-secondary" href={responsesHref(scope)} download>
              {tr("console.dashboard.csv")}
            </a>
          </span>
        </li>
      </ul>
      <p class="muted">{tr("console.dashboard.csvNote")}</p>
    </section>
  );
}
