import { useEffect, useRef, useState } from "preact/hooks";
import { itemsOfForm } from "../../../shared/instrument/index.js";
import { carryOnLanguageLinks, restoreAnswers } from "../../lib/carry-answers.js";
import { newResponseId } from "../../lib/response-id.js";
import { useEarlierAnswers } from "../../lib/use-earlier-answers.js";
import { type Phase, useSubmission } from "../../lib/use-submission.js";
import { CaseNote, caseRefOfSent } from "../components/follow-up.js";
import { answeredCount, SurveyForm } from "../components/survey-form.js";
import { ThankYou } from "../components/thank-you.js";
import type { SurveyProps, SurveyText } from "../survey-props.js";

/** What to tell the citizen about a refusal, by the API's error code. */
function refusalText(errors: SurveyText["errors"], code: string): string {
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

function statusText(status: SurveyText["status"], phase: Phase): string | null {
  if (phase.name === "sending") return status.sending;
  if (phase.name === "waiting") return phase.reason === "offline" ? status.offline : status.retrying;
  return null;
}

/** Empties a form for the next citizen, including what a refused no-JS post had filled in as defaults. */
function clearForm(form: HTMLFormElement): void {
  form.reset();
  for (const input of form.querySelectorAll<HTMLInputElement>("input[type=radio]")) input.checked = false;
  for (const area of form.querySelectorAll("textarea")) area.value = "";
  for (const section of form.querySelectorAll("details")) section.open = false;
}

/**
 * The survey page's live part (server-rendered, then hydrated): the form, what happens to the submission,
 * and the thank-you. Starting again (a kiosk's next citizen) empties the form and gives it a new id.
 */
export function SurveyApp(props: SurveyProps) {
  const { text } = props;
  const items = itemsOfForm(props.point.form);
  const form = useRef<HTMLFormElement>(null);
  const [round, setRound] = useState(0);
  const [id, setId] = useState(props.id);
  const [answered, setAnswered] = useState(answeredCount(items, props.values));
  const submission = useSubmission(props.kiosk);
  const earlier = useEarlierAnswers();
  // Answers given before a change of language come along (see carry-answers.ts).
  useEffect(() => {
    if (!form.current) return;
    restoreAnswers(form.current, props.point.code);
    return carryOnLanguageLinks(form.current, props.point.code);
  }, [props.point.code]);
  const { phase } = submission;
  const startAgain = () => {
    if (form.current) clearForm(form.current);
    setId(newResponseId());
    setAnswered(0);
    setRound(round + 1);
    submission.reset();
    scrollTo(0, 0);
  };
  const status = statusText(text.status, phase);
  const caseRef = caseRefOfSent(submission.sent);
  return (
    <>
      {earlier && (
        <p class="msg" role="status">
          {earlier === "sending" ? text.status.earlierSending : text.status.earlierSent}
        </p>
      )}
      {status && (
        <p class="msg wait" role="status">
          {status}
        </p>
      )}
      {phase.name === "done" && (
        <ThankYou
          text={text.thanks}
          kiosk={props.kiosk}
          againHref={props.action}
          onAgain={startAgain}
          caseNote={
            caseRef && props.caseText ? (
              <CaseNote text={props.caseText} caseRef={caseRef} origin={location.origin} />
            ) : undefined
          }
        />
      )}
      <SurveyForm
        survey={props}
        form={form}
        id={id}
        round={round}
        answered={answered}
        hidden={status !== null || phase.name === "done"}
        error={
          phase.name === "refused" ? refusalText(text.errors, phase.code) : round === 0 ? props.error : null
        }
        onAnswer={(fields) => setAnswered(answeredCount(items, fields))}
        onSend={submission.send}
      />
    </>
  );
}
