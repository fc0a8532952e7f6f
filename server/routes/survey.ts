import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { submissionFromForm } from "../../shared/contract/submission.js";
import { isLang, LANGUAGES, type Lang, localName, MESSAGES, pickLanguage } from "../../shared/i18n/index.js";
import {
  type PageFrame,
  renderMessagePage,
  renderQuestions,
  renderSurveyPage,
  renderThankYouPage,
  surveyText,
} from "../../survey-ui/survey/pages/render-pages.js";
import { fill } from "../../survey-ui/survey/survey-props.js";
import { isLinkUsed } from "../db/queries/responses.js";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { verifyLinkToken } from "../links/link-token.js";
import { clientAddress } from "../submit/client-address.js";
import type { Submitter } from "../submit/pipeline.js";
import type { SurveyPoint } from "../submit/point-lookup.js";
import type { Refusal } from "../submit/steps.js";

// The citizen's pages (DESIGN.md §3 "Citizen"): GET /s/:code shows the survey, POST /s/:code takes the
// form without JavaScript through the same pipeline as the JSON API.

const FORM_BODY_LIMIT = 64 * 1024;
const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

type PageStatus = 200 | 400 | 403 | 404 | 409 | 429;

/** Where the page lives and how it was asked for: what its links and its form must carry along. */
type Visit = { code: string; lang: Lang; kiosk: boolean; token: string | undefined };

function pageUrl(visit: Visit, lang: Lang, withToken: boolean): string {
  const query = new URLSearchParams({ lang });
  if (visit.kiosk) query.set("kiosk", "1");
  if (withToken && visit.token) query.set("t", visit.token);
  return `/s/${visit.code}?${query}`;
}

/** Where a no-JS post that was kept sends the browser (post/redirect/get): the thank-you, as a GET. */
function thanksUrl(visit: Visit): string {
  const query = new URLSearchParams({ lang: visit.lang, thanks: "1" });
  if (visit.kiosk) query.set("kiosk", "1");
  return `/s/${visit.code}?${query}`;
}

/**
 * Where a kiosk goes for its next citizen: a fresh form in the counter's own language (the tablet's
 * browser language, else Vietnamese), not in the language the last citizen chose.
 */
function kioskHomeUrl(visit: Visit): string {
  return `/s/${visit.code}?kiosk=1`;
}

function frameOf(c: Context<AppEnv>, visit: Visit, point: SurveyPoint | undefined): PageFrame {
  return {
    lang: visit.lang,
    place: point
      ? {
          unitName: localName(point.unit, visit.lang),
          label: localName({ name: point.label, nameZh: point.labelZh, nameEn: point.labelEn }, visit.lang),
        }
      : null,
    languages: LANGUAGES.map((lang) => ({
      lang,
      name: MESSAGES[lang].common.languageName,
      href: pageUrl(visit, lang, true),
    })),
    nonce: c.get("secureHeadersNonce"),
  };
}

function page(c: Context<AppEnv>, html: string, status: PageStatus, keepForBack = false) {
  // Each survey page carries a fresh response id, and token pages are personal: no shared cache may keep
  // them, and every ordinary visit asks again. The form itself may be kept on the device for Back
  // ("no-cache", not "no-store"): going back to it after a no-JS post shows the same form with the same
  // id, so that sending it again is a repeat of the stored response, not a second one.
  c.header("cache-control", keepForBack ? "private, no-cache" : "no-store");
  if (status === 429) c.header("retry-after", "60");
  return c.html(html, status);
}

/** The page for a point that cannot take this visit's answers, or undefined when it can. */
function refusalPage(c: Context<AppEnv>, visit: Visit, point: SurveyPoint | undefined, refusal: Refusal) {
  const text = MESSAGES[visit.lang].survey;
  const frame = frameOf(c, visit, point);
  const say = (status: PageStatus, title: string, body: string) =>
    page(c, renderMessagePage(frame, { title, body }), status);
  switch (refusal.reason) {
    case "point_not_found":
      return say(404, text.notFound.title, fill(text.notFound.body, { code: visit.code }));
    case "point_moved":
      return say(
        404,
        text.moved.title,
        fill(text.moved.body, { label: point?.label ?? "", unit: point?.unit.name ?? "" }),
      );
    case "token_required":
      return say(403, text.link.requiredTitle, text.errors.tokenRequired);
    case "token_invalid":
      return say(403, text.link.invalidTitle, text.errors.tokenInvalid);
    case "token_used":
      return say(409, text.link.usedTitle, text.errors.tokenUsed);
    case "duplicate_id":
      return say(409, text.errors.duplicate, text.errors.duplicate);
    default:
      return undefined;
  }
}

/** Why a point cannot show its survey to this visit, if it cannot. */
async function visitRefusal(c: Context<AppEnv>, point: SurveyPoint | undefined, token: string | undefined) {
  const { db, config, now } = c.var.deps;
  if (!point) return { reason: "point_not_found" } as const;
  if (point.archived) return { reason: "point_moved" } as const;
  if (token === undefined) return point.tokenRequired ? ({ reason: "token_required" } as const) : undefined;
  const check = await verifyLinkToken({ secret: config.secret, token, pointCode: point.code, now: now() });
  if (!check.ok) return { reason: "token_invalid" } as const;
  return (await isLinkUsed(db, check)) ? ({ reason: "token_used" } as const) : undefined;
}

function surveyPage(
  c: Context<AppEnv>,
  visit: Visit,
  point: SurveyPoint,
  form: { id: string; values: Record<string, string>; error: string | null },
  status: PageStatus,
) {
  const html = renderSurveyPage(
    { ...frameOf(c, visit, point), languageNote: MESSAGES[visit.lang].survey.languageNote },
    {
      lang: visit.lang,
      text: surveyText(visit.lang),
      point: { code: point.code, form: point.form },
      service: point.service
        ? { code: point.service.code, name: localName(point.service, visit.lang) }
        : null,
      services: point.services
        .map((s) => ({ code: s.code, name: localName(s, visit.lang) }))
        .sort((a, b) => a.name.localeCompare(b.name, visit.lang)),
      id: form.id,
      token: visit.token ?? null,
      kiosk: visit.kiosk,
      action: `/s/${point.code}${visit.kiosk ? "?kiosk=1" : ""}`,
      values: form.values,
      error: form.error,
      questionsHtml: renderQuestions(visit.lang, point.form, form.values),
    },
    c.var.deps.surveyScript,
  );
  return page(c, html, status, status === 200);
}

function thankYouPage(c: Context<AppEnv>, visit: Visit, point: SurveyPoint | undefined) {
  const html = renderThankYouPage(frameOf(c, visit, point), {
    kiosk: visit.kiosk,
    againHref: visit.kiosk ? kioskHomeUrl(visit) : pageUrl(visit, visit.lang, false),
  });
  return page(c, html, 200);
}

/** The citizen survey pages of one app, on its submit pipeline. */
export function surveyRoutes(submitter: Submitter) {
  return (
    new Hono<AppEnv>()
      // A survey page is ~55 KB of text and ~14 KB gzip: on a 400 kbit/s phone link that is a second saved.
      .use(compress())
      .get("/:code", async (c) => {
        const token = c.req.query("t") || undefined;
        const visit: Visit = {
          code: c.req.param("code").trim().toUpperCase(),
          lang: pickLanguage(c.req.query("lang"), c.req.header("accept-language")),
          kiosk: c.req.query("kiosk") === "1",
          token,
        };
        const point = await submitter.findPoint(visit.code);
        if (c.req.query("thanks") === "1" && point) return thankYouPage(c, visit, point);
        const refusal = await visitRefusal(c, point, token);
        if (refusal || !point) return refusalPage(c, visit, point, refusal ?? { reason: "point_not_found" });
        return surveyPage(c, visit, point, { id: c.var.deps.newId(), values: {}, error: null }, 200);
      })
      .post(
        "/:code",
        bodyLimit({
          maxSize: FORM_BODY_LIMIT,
          onError: () => {
            throw new ApiError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
          },
        }),
        async (c) => {
          if (!FORM_TYPE.test(c.req.header("content-type") ?? "")) {
            throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the survey form as a form post.");
          }
          const { deps } = c.var;
          const fields = await c.req.parseBody();
          const values = Object.fromEntries(
            Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
          );
          const code = c.req.param("code").trim().toUpperCase();
          const id = values.id || deps.newId();
          const visit: Visit = {
            code,
            lang: isLang(values.lang)
              ? values.lang
              : pickLanguage(c.req.query("lang"), c.req.header("accept-language")),
            kiosk: c.req.query("kiosk") === "1" || values.channel === "kiosk",
            token: values.token || undefined,
          };
          const submission = submissionFromForm(fields, { point: code, id });
          const result = await submitter.submit(submission, {
            address: clientAddress(c, deps.config.trustProxy),
          });
          // Stored, or a repeat of a stored one (Back and send again): to the thank-you by a GET, so that
          // reloading it never posts the answers again.
          if (result.ok) return c.redirect(thanksUrl(visit), 303);
          const { refusal } = result;
          const point = result.point ?? (await submitter.findPoint(code));
          const refused = refusalPage(c, visit, point, refusal);
          if (refused || !point)
            return refused ?? refusalPage(c, visit, point, { reason: "point_not_found" });
          // Invalid answers or too many posts: the form again, filled as it was, saying what went wrong.
          const errors = MESSAGES[visit.lang].survey.errors;
          const noAnswer = Object.keys(submission.answers as object).length === 0;
          const error =
            refusal.reason === "rate_limited"
              ? errors.rateLimited
              : noAnswer
                ? errors.answerOne
                : errors.invalid;
          return surveyPage(
            c,
            visit,
            point,
            { id, values, error },
            refusal.reason === "rate_limited" ? 429 : 400,
          );
        },
      )
  );
}
