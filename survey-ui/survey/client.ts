import { caseRefOf } from "../../shared/contract/case-ref.js";
import { submissionFromForm } from "../../shared/contract/form-record.js";
import { COMMENT_MAX_CHARACTERS, commentLength } from "../../shared/contract/limits.js";
import { newResponseId } from "../../shared/contract/response-id.js";
import { carryOnLanguageLinks, restoreAnswers } from "../lib/carry-answers.js";
import { caseNote, watchFollowUp } from "../lib/follow-up.js";
import { fieldValues } from "../lib/form-fields.js";
import { deliver, forget, keep, type PendingResponse, pendingResponses } from "../lib/outbox.js";
import { answeredCount } from "../lib/progress.js";
import { addServiceSearch } from "../lib/service-search.js";
import {
  CLIENT_TEXT_ID,
  type ClientText,
  fill,
  KIOSK_RESET_SECONDS,
  THANKS_TEMPLATE_ID,
} from "./survey-props.js";

// The survey page's inline script: a progressive enhancer. The server's markup is already the whole working
// form (it posts without JavaScript); this script only adds what needs one: the outbox (answers kept on the
// device until the server has them), answers carried across a change of language, the progress line, the
// error taken to the eye, the comment's counter, the follow-up shown when it applies, the service search,
// and a kiosk's reset.
// Plain DOM, no framework: the page must be usable on a slow phone as soon as its HTML is.

const json = document.getElementById(CLIENT_TEXT_ID)?.textContent;
const form = document.querySelector<HTMLFormElement>("main form");
const thanks = document.getElementById(THANKS_TEMPLATE_ID);
if (json && form && thanks instanceof HTMLTemplateElement)
  enhance(JSON.parse(json) as ClientText, form, thanks);

function enhance(text: ClientText, form: HTMLFormElement, thanks: HTMLTemplateElement): void {
  const error = form.querySelector<HTMLElement>("#survey-error");
  const idField = form.querySelector<HTMLInputElement>("input[name=id]");
  // The progress line: a <progress> and its words, the text node after it.
  const bar = form.querySelector<HTMLProgressElement>(".bar progress");
  const words = bar?.nextSibling;
  const select = form.querySelector<HTMLSelectElement>("select#service");
  const items = Array.from(form.querySelectorAll("fieldset.q"), (set) => set.id.slice(2));
  const resetSearch = select ? addServiceSearch(select, text.search) : undefined;
  const comment = form.querySelector<HTMLTextAreaElement>("textarea#comment");
  const commentLeft = document.createElement("p");
  commentLeft.id = "comment-left";
  commentLeft.className = "hint";
  comment?.after(commentLeft);
  comment?.setAttribute("aria-describedby", "comment-hint comment-left");
  const status = note("msg wait");
  let shownThanks: Element | null = null;

  // The no-JS page's note on language links: with the script, the answers go along (removed before the
  // first paint, so that nothing below it moves).
  document.getElementById("lang-note")?.remove();

  /** A status line above the form, hidden until it has something to say. */
  function note(className: string): HTMLElement {
    const line = document.createElement("p");
    line.className = className;
    line.setAttribute("role", "status");
    line.hidden = true;
    form.before(line);
    return line;
  }

  function say(line: HTMLElement, message: string | null): void {
    line.textContent = message ?? "";
    line.hidden = message === null;
  }

  function showProgress(): void {
    const fields = fieldValues(form);
    const answered = answeredCount(items, (item) => fields.get(item));
    if (!bar || !words) return;
    bar.value = answered;
    words.textContent = fill(text.progress, { answered, total: items.length });
  }

  /**
   * Says how many characters the comment has left, or by how many it is over, counted as the server counts
   * them (code points: an emoji is one); returns the excess.
   */
  function showCommentLeft(): number {
    const value = comment?.value ?? "";
    const over = commentLength(value) - COMMENT_MAX_CHARACTERS;
    commentLeft.textContent = value
      ? fill(over > 0 ? text.errors.commentTooLong : text.commentLeft, {
          over,
          left: -over,
          max: COMMENT_MAX_CHARACTERS,
        })
      : "";
    commentLeft.classList.toggle("over", over > 0);
    return over;
  }

  /** Says what went wrong just above the first question, and takes focus and scroll there. */
  function showError(message: string | null): void {
    if (!error) return;
    say(error, message);
    if (message === null) return;
    error.scrollIntoView({ block: "start" });
    error.focus({ preventScroll: true });
  }

  function showThanks(caseRef: string | null): void {
    say(status, null);
    form.hidden = true;
    const view = thanks.content.firstElementChild?.cloneNode(true);
    if (!(view instanceof HTMLElement)) return;
    shownThanks = view;
    if (caseRef) view.querySelector("p")?.after(caseNote(text.caseNote, caseRef));
    view.querySelector("a.btn")?.addEventListener("click", (event) => {
      event.preventDefault();
      startAgain();
    });
    form.before(view);
    view.querySelector("h2")?.focus();
    const left = view.querySelector(".left");
    if (text.kiosk && left) countDown(view, left, KIOSK_RESET_SECONDS);
  }

  /** A kiosk's thank-you counts down, then opens a fresh form for the next citizen (if still shown). */
  function countDown(view: Element, line: Element, seconds: number): void {
    line.textContent = fill(text.kioskLeft, { seconds });
    setTimeout(() => {
      if (shownThanks !== view) return;
      if (seconds > 1) countDown(view, line, seconds - 1);
      else startAgain();
    }, 1000);
  }

  /** The next citizen on the same page: an empty form with a new id, nothing of the previous answers. */
  function startAgain(): void {
    shownThanks?.remove();
    shownThanks = null;
    form.reset();
    for (const input of form.querySelectorAll<HTMLInputElement>("input[type=radio]")) input.checked = false;
    for (const area of form.querySelectorAll("textarea")) area.value = "";
    for (const section of form.querySelectorAll("details")) section.open = false;
    resetSearch?.();
    if (select) select.value = "";
    if (idField) idField.value = newResponseId();
    say(status, null);
    showError(null);
    form.hidden = false;
    showProgress();
    showCommentLeft();
    scrollTo(0, 0);
  }

  /**
   * Keeps the response on the device, then sends it until the server answers for good. A kiosk thanks the
   * citizen as soon as it is kept, so that a flaky network never holds up the next citizen.
   */
  async function send(response: PendingResponse): Promise<void> {
    const caseRef = response.followUp ? caseRefOf(response.id) : null;
    keep(response);
    if (text.kiosk) showThanks(caseRef);
    else {
      say(status, text.status.sending);
      form.hidden = true;
    }
    const delivery = await deliver(response, (reason) => {
      if (!text.kiosk) say(status, reason === "offline" ? text.status.offline : text.status.retrying);
    });
    forget(response.id);
    if (text.kiosk) return;
    if (delivery.accepted) return showThanks(caseRef);
    say(status, null);
    form.hidden = false;
    showError(refusalText(delivery.code));
  }

  /** What to tell the citizen about a refusal, by the API's error code. */
  function refusalText(code: string): string {
    const { errors } = text;
    const byCode: Record<string, string> = {
      VALIDATION_FAILED: errors.invalid,
      TOKEN_REQUIRED: errors.tokenRequired,
      TOKEN_INVALID: errors.tokenInvalid,
      TOKEN_USED: errors.tokenUsed,
      DUPLICATE_ID: errors.duplicate,
      POINT_NOT_FOUND: errors.moved,
    };
    return byCode[code] ?? errors.failed;
  }

  /** Sends what an earlier visit left on this device (the page was closed before the server answered). */
  async function sendEarlier(): Promise<void> {
    const earlier = pendingResponses();
    if (earlier.length === 0) return;
    const line = note("msg");
    say(line, text.status.earlierSending);
    for (const response of earlier) {
      await deliver(response, () => {});
      forget(response.id);
    }
    say(line, text.status.earlierSent);
  }

  form.addEventListener("change", showProgress);
  comment?.addEventListener("input", showCommentLeft);
  comment?.addEventListener("change", showCommentLeft);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(form));
    const response = submissionFromForm(fields, { point: text.point, id: idField?.value ?? newResponseId() });
    if (Object.keys(response.answers as object).length === 0) return showError(text.errors.answerOne);
    showError(null);
    // Too long a comment stays to be shortened; the counter under it says by how much.
    if (showCommentLeft() > 0) return comment?.focus();
    void send(response as PendingResponse);
  });
  watchFollowUp(form);
  showProgress();
  showCommentLeft();
  // A refused no-JS post: its message is where the eye goes (the server's autofocus does it without us).
  if (error && !error.hidden) showError(error.textContent);
  // The device's storage waits for a task of its own: cookies, sessionStorage and localStorage are
  // synchronous calls to the browser process, which would lengthen the page's first task (issue 20: total
  // blocking time on a slow phone).
  setTimeout(() => {
    // The no-JS page's kept form id (see server/routes/survey.ts): with the script, the page keeps its own.
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from cheap phones' WebViews.
    document.cookie = `hl_form=; max-age=0; path=/s/${text.point}`;
    restoreAnswers(form, text.point);
    carryOnLanguageLinks(form, text.point);
    void sendEarlier();
  });
}
