import { useEffect, useState } from "preact/hooks";
import { Link } from "../components/link.js";
import { Page } from "../components/page.js";
import { ErrorNotice, Loading, Notice } from "../components/status.js";
import { type CaseView, getCase, updateCase } from "../lib/case-api.js";
import { formatDateTime } from "../lib/format-date.js";
import type { ScreenProps } from "../lib/screens.js";
import { useResource } from "../lib/use-resource.js";
import { useRoute } from "../lib/use-route.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";

/**
 * One case (issue 17): the response's answers and comment, the contact masked until "show" (each showing
 * is audited by the server), the reply the citizen reads on /r/:ref, an internal note and the status.
 */
export function CasePage(props: ScreenProps) {
  const { lang, tr } = useT();
  const ref = useRoute().query.get("ref") ?? "";
  const loaded = useResource(() => getCase(ref), ref);
  const [view, setView] = useState<CaseView | null>(null);
  const [reply, setReply] = useState("");
  const [note, setNote] = useState("");
  const [status, setStatus] = useState("");
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!loaded.data) return;
    setView(loaded.data);
    setReply(loaded.data.case.reply ?? "");
    setNote(loaded.data.case.note ?? "");
    setStatus(loaded.data.case.status);
  }, [loaded.data]);
  const show = useSubmit(
    () => getCase(ref, true),
    (shown) => setView(shown),
  );
  const save = useSubmit(
    () => updateCase(ref, { ...(status !== "received" ? { status } : {}), reply, note }),
    (result) => {
      setView((current) => (current ? { ...current, case: result.case } : current));
      setSaved(true);
    },
  );
  const canEdit = props.me.role !== "analyst";
  if (!view) {
    return (
      <Page title={tr("cases.console.caseTitle", { ref })}>
        {loaded.state === "error" ? (
          <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }
  const item = view.case;
  return (
    <Page title={tr("cases.console.caseTitle", { ref: item.ref })}>
      <p>
        <Link to="cases">← {tr("cases.console.back")}</Link> ·{" "}
        <a href={`/r/${item.ref}`} target="_blank" rel="noopener">
          {tr("cases.console.publicPage")}
        </a>
      </p>
      <dl class="case-facts">
        <dt>{tr("cases.console.status")}</dt>
        <dd data-testid="case-status">
          {tr(`cases.status.${item.status}`)}
          {item.overdue && <strong> · {tr("cases.console.overdue")}</strong>}
        </dd>
        <dt>{tr("cases.console.unit")}</dt>
        <dd>{item.unit.name}</dd>
        <dt>{tr("cases.console.point")}</dt>
        <dd>{item.point.label}</dd>
        {item.service && (
          <>
            <dt>{tr("cases.console.service")}</dt>
            <dd>{item.service.name}</dd>
          </>
        )}
        <dt>{tr("cases.console.opened")}</dt>
        <dd>{formatDateTime(lang, item.openedAt)}</dd>
        <dt>{tr("cases.console.due")}</dt>
        <dd>{formatDateTime(lang, item.dueAt)}</dd>
      </dl>
      <h2>{tr("cases.console.answers")}</h2>
      <ul class="case-answers">
        {Object.entries(item.response.answers).map(([code, value]) => (
          <li key={code}>
            <span class="code">{code}</span> {tr(`instrument.items.${code}` as never)}:{" "}
            <strong>
              {value} – {tr(`instrument.scale.${value}` as never)}
            </strong>
          </li>
        ))}
      </ul>
      <h2>{tr("cases.console.comment")}</h2>
      <p style="white-space: pre-line">{item.response.comment ?? tr("cases.console.noComment")}</p>
      <h2>{tr("cases.console.contact")}</h2>
      {view.contactAccess === "hidden" && <p>{tr("cases.console.contactHidden")}</p>}
      {view.contactAccess === "deleted" && <p>{tr("cases.console.contactDeleted")}</p>}
      {view.contact && (
        <p>
          <span class="code" data-testid="case-contact">
            {view.contact.value ?? view.contact.masked}
          </span>{" "}
          {view.contact.value === undefined && (
            <button
              type="button"
              class="button-secondary"
              disabled={show.pending}
              onClick={() => void show.run(undefined)}
            >
              {tr("cases.console.showContact")}
            </button>
          )}
          <br />
          <small>{tr("cases.console.contactShownNote")}</small>
        </p>
      )}
      {show.error ? <ErrorNotice error={show.error} /> : null}
      {canEdit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            void save.submit();
          }}
        >
          <label class="f" for="case-reply">
            {tr("cases.console.reply")}
          </label>
          <textarea
            id="case-reply"
            rows={5}
            maxLength={4000}
            value={reply}
            onInput={(e) => setReply(e.currentTarget.value)}
          />
          <label class="f" for="case-note">
            {tr("cases.console.note")}
          </label>
          <textarea
            id="case-note"
            rows={3}
            maxLength={4000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <label class="f" for="case-status-select">
            {tr("cases.console.setStatus")}
          </label>
          <select id="case-status-select" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            {item.status === "received" && <option value="received">{tr("cases.status.received")}</option>}
            <option value="in_progress">{tr("cases.status.in_progress")}</option>
            <option value="answered">{tr("cases.status.answered")}</option>
            <option value="closed">{tr("cases.status.closed")}</option>
          </select>
          <p>
            <button type="submit" disabled={save.pending}>
              {tr("cases.console.save")}
            </button>
          </p>
          {status === "answered" && !reply.trim() && <Notice>{tr("cases.console.replyNeeded")}</Notice>}
          {save.error ? <ErrorNotice error={save.error} /> : null}
          {saved && <p role="status">{tr("cases.console.saved")}</p>}
        </form>
      )}
    </Page>
  );
}
