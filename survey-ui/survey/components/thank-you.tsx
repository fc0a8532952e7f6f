import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useCountdown } from "../../lib/use-countdown.js";
import { fill, KIOSK_RESET_SECONDS, type SurveyText } from "../survey-props.js";

/**
 * The thank-you, in the page's language. At a kiosk it counts down to a fresh form for the next citizen
 * (the no-JS page does the same with a meta refresh); `onAgain` starts over without reloading.
 */
export function ThankYou(props: {
  text: SurveyText["thanks"];
  kiosk: boolean;
  againHref: string;
  onAgain?: () => void;
  /** The follow-up case's reference and status page, when the citizen asked for a reply (issue 17). */
  caseNote?: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const left = useCountdown(KIOSK_RESET_SECONDS, props.kiosk && props.onAgain !== undefined, () =>
    props.onAgain?.(),
  );
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="msg" role="status">
      <h2 ref={heading} tabIndex={-1}>
        {props.text.title}
      </h2>
      <p>{props.text.body}</p>
      {props.caseNote}
      {props.kiosk && <p>{fill(props.text.kiosk, { seconds: left })}</p>}
      <a
        class="btn"
        href={props.againHref}
        onClick={(event) => {
          if (!props.onAgain) return;
          event.preventDefault();
          props.onAgain();
        }}
      >
        {props.text.again}
      </a>
    </div>
  );
}
