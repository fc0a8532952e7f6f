import type { Lang, Messages } from "../../shared/i18n/index.js";
import type { Form } from "../../shared/instrument/index.js";

/** Everything the server renders the survey form from (the page works from this markup alone, without JS). */
export type SurveyProps = {
  lang: Lang;
  /** The page's language table (server side only: the client script gets ClientText). */
  text: Messages;
  point: { code: string; form: Form };
  /** The service fixed for the point, else null and the unit's services to pick from. */
  service: { code: string; name: string } | null;
  services: Array<{ code: string; name: string }>;
  /** The response id of this page's first submission (the idempotency key of the no-JS post too). */
  id: string;
  token: string | null;
  kiosk: boolean;
  /** The form's action: the no-JS post goes back to /s/:code with the same query. */
  action: string;
  /** A previous no-JS post that was refused: its fields, to fill the form again, and what went wrong. */
  values: Record<string, string>;
  error: string | null;
  /** The questions' markup (renderQuestions). */
  questionsHtml: string;
};

/**
 * What the survey's client script needs beyond the markup, in the page's language only: it travels inside
 * the page (budget 14 KiB gzip, script included), so nothing the markup already says is repeated here.
 */
export type ClientText = {
  point: string;
  kiosk: boolean;
  progress: string;
  /** The comment's counter, with {left}. */
  commentLeft: string;
  search: Messages["survey"]["service"];
  status: Messages["survey"]["status"];
  // A rate-limited submission is retried, never shown as refused; only the no-JS page says it.
  errors: Omit<Messages["survey"]["errors"], "rateLimited">;
  /** The kiosk's countdown line, with {seconds}. */
  kioskLeft: string;
  /** The thank-you's lines about a follow-up case (issue 17). */
  caseNote: Messages["cases"]["thanks"];
};

/** Seconds a kiosk shows the thank-you before it opens a fresh form. */
export const KIOSK_RESET_SECONDS = 10;

/** The id of the JSON element that carries ClientText from the server to the client script. */
export const CLIENT_TEXT_ID = "survey-text";

/** The id of the <template> that holds the thank-you the client script shows after sending. */
export const THANKS_TEMPLATE_ID = "thanks";

/** Fills `{name}` placeholders of a text (the texts of one language arrive without the i18n table). */
export function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
