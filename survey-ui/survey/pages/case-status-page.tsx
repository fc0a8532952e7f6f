import type { CaseStatus } from "../../../shared/contract/cases.js";
import { type Lang, t } from "../../../shared/i18n/index.js";
import { localDay } from "../../../shared/time/index.js";
import { type PageFrame, renderSurveyDocument } from "./survey-document.js";

// GET /r/:ref (issue 17): what a citizen may read about their case. Privacy rule: status, dates and the
// unit's reply only; never the contact, the comment or the answers.

export type PublicCase = {
  ref: string;
  status: CaseStatus;
  unitName: string;
  openedAt: number;
  dueAt: number;
  answeredAt: number | null;
  closedAt: number | null;
  reply: string | null;
};

/** A local day as people in Vietnam write it: dd/mm/yyyy. */
function dayText(instant: number): string {
  const [year, month, day] = localDay(instant).split("-");
  return `${day}/${month}/${year}`;
}

function CaseStatusView(props: { lang: Lang; item: PublicCase }) {
  const { lang, item } = props;
  const rows: Array<[string, string]> = [
    [t(lang, "cases.public.unit"), item.unitName],
    [t(lang, "cases.public.status"), t(lang, `cases.status.${item.status}`)],
    [t(lang, "cases.public.opened"), dayText(item.openedAt)],
  ];
  if (item.answeredAt === null && item.closedAt === null)
    rows.push([t(lang, "cases.public.due"), dayText(item.dueAt)]);
  if (item.answeredAt !== null) rows.push([t(lang, "cases.public.answered"), dayText(item.answeredAt)]);
  if (item.closedAt !== null) rows.push([t(lang, "cases.public.closed"), dayText(item.closedAt)]);
  return (
    <main>
      <div class="msg" data-case-status={item.status}>
        <h1>{t(lang, "cases.public.title", { ref: item.ref })}</h1>
        <dl>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h2>{t(lang, "cases.public.reply")}</h2>
        {item.reply ? (
          <p class="reply" style="white-space: pre-line">
            {item.reply}
          </p>
        ) : (
          <p>{t(lang, "cases.public.noReply")}</p>
        )}
      </div>
    </main>
  );
}

/** The public status page of a case. */
export function renderCaseStatusPage(frame: PageFrame, item: PublicCase): string {
  return renderSurveyDocument(frame, {
    title: t(frame.lang, "cases.public.title", { ref: item.ref }),
    body: <CaseStatusView lang={frame.lang} item={item} />,
  });
}

/** The page for a reference that names no case. */
export function renderCaseNotFoundPage(frame: PageFrame, ref: string): string {
  return renderSurveyDocument(frame, {
    title: t(frame.lang, "cases.public.notFoundTitle"),
    body: (
      <main>
        <div class="msg">
          <h1>{t(frame.lang, "cases.public.notFoundTitle")}</h1>
          <p>{t(frame.lang, "cases.public.notFoundBody", { ref })}</p>
        </div>
      </main>
    ),
  });
}
