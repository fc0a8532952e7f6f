import type { SipasRow } from "../../../shared/contract/reports.js";
import { formatCount, formatFigure, useT } from "../lib/use-t.js";
import { ChangeNote } from "./change-note.js";

/** The headline: the SIPAS-style index of the whole selection, its n, and the small-sample warning. */
export function SummaryCard({ row, previous }: { row: SipasRow; previous?: SipasRow | undefined }) {
  const { lang, tr } = useT();
  return (
    <section class="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{tr("console.dashboard.indexTitle")}</h2>
      <p class="summary-index" data-testid="sipas-index">
        {formatFigure(lang, row.sipas_index)}
      </p>
      <p>
        <ChangeNote now={row.sipas_index} before={previous?.sipas_index} />
      </p>
      <p>{tr("console.dashboard.respondents", { count: formatCount(lang, row.respondents) })}</p>
      {row.small_sample && <p class="tag tag-warn">{tr("console.dashboard.smallSample")}</p>}
    </section>
  );
}
