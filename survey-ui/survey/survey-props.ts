import type { Lang, Messages } from "../../shared/i18n/index.js";
import type { Form } from "../../shared/instrument/index.js";

/**
 * The texts the live part of the survey needs, in the page's language only: they travel inside the page
 * (the budget is 14 KiB gzip, script included), so the questions' texts stay in the server's markup.
 */
export type SurveyText = Pick<
  Messages["survey"],
  "intro" | "service" | "progress" | "submit" | "status" | "thanks"
> & {
  // A rate-limited submission is retried, never shown as refused; only the no-JS page says it.
  errors: Omit<Messages["survey"]["errors"], "rateLimited">;
};

/**
 * Everything the survey form renders from: serialisable, because the server renders it and embeds the same
 * object in the page for the client script to hydrate from.
 */
export type SurveyProps = {
  lang: Lang;
  text: SurveyText;
  point: { code: string; form: Form };
  /** The service fixed for the point, else null and the unit's services to pick from (in the page once:
   * the client reads them back from the picker's options). */
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
  /** The questions' markup, rendered on the server; "" in the copy the client hydrates from (StaticHtml). */
  questionsHtml: string;
  /** The thank-you's lines about a follow-up case (issue 17), in the page's language. */
  caseText?: { ref: string; where: string };
};

/** Seconds a kiosk shows the thank-you before it opens a fresh form. */
export const KIOSK_RESET_SECONDS = 10;

/** The id of the JSON element that carries the props from the server to the client script. */
export const PROPS_ELEMENT_ID = "survey-props";

/** Fills `{name}` placeholders of a text (the texts of one language arrive without the i18n table). */
export function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
