import type { ComponentChildren } from "preact";
import type { Messages } from "../../../shared/i18n/index.js";
import { fill, KIOSK_RESET_SECONDS } from "../survey-props.js";

/**
 * The thank-you, in the page's language: the page after a no-JS post, and the <template> the client script
 * shows after sending. At a kiosk it says when a fresh form opens for the next citizen (the no-JS page by a
 * meta refresh, the script by counting down the `.left` line).
 */
export function ThankYou(props: {
  text: Messages["survey"]["thanks"];
  kiosk: boolean;
  againHref: string;
  /** The follow-up case's reference and status page, when the citizen asked for a reply (issue 17). */
  caseNote?: ComponentChildren;
}) {
  return (
    <div class="msg" role="status">
      <h2 tabIndex={-1}>{props.text.title}</h2>
      <p>{props.text.body}</p>
      {props.caseNote}
      {props.kiosk && <p class="left">{fill(props.text.kiosk, { seconds: KIOSK_RESET_SECONDS })}</p>}
      <a class="btn" href={props.againHref}>
        {props.text.again}
      </a>
    </div>
  );
}
