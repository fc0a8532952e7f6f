import { type Context, Hono } from "hono";
import { compress } from "hono/compress";
import { getCookie, setCookie } from "hono/cookie";
import { CASE_REF_ALPHABET, CASE_REF_LENGTH, normaliseCaseRef } from "../../shared/contract/case-ref.js";
import { pointCodeSchema } from "../../shared/contract/catalogue.js";
import { COMMENT_MAX_CHARACTERS, commentLength } from "../../shared/contract/limits.js";
import { submissionFromForm } from "../../shared/contract/submission.js";
import { isLang, LANGUAGES, type Lang, localName, MESSAGES, pickLanguage } from "../../shared/i18n/index.js";
import {
  type PageFrame,
  renderMessagePage,
  renderQuestions,
  renderSurveyPage,
  renderThankYouPage,
} from "../../survey-ui/survey/pages/render-pages.js";
import { fill } from "../../survey-ui/survey/survey-props.js";
import { isLinkUsed } from "../db/queries/responses.js";
import { findOfficerName, findOnDuty } from "../db/queries/shifts.js";
import type { AppEnv } from "../deps.js";
import { invalid } from "../errors.js";
import { bodyPolicy, FORM_BODY } from "../lib/body-policy.js";
import { verifyLinkToken } from "../links/link-token.js";
import { clientAddress } from "../submit/client-address.js";
import type { Submitter } from "../submit/pipeline.js";
import type { SurveyPoint } from "../submit/point-lookup.js";
import { admitPoint, checkToken, type Refusal, stopped } from "../submit/steps.js";

// The citizen's pages (DESIGN.md §3 "Citizen"): GET /s/:code shows the survey, POST /s/:code takes the
// form without JavaScript through the same pipeline as the JSON API.

type PageStatus = 200 | 400 | 403 | 404 | 409 | 429;

/** Where the page lives and how it was asked for: what its links and its form must carry along. */
type Visit = { code: string; lang: Lang; kiosk: boolean; token: string | undefined };

function pageUrl(visit: Visit, lang: Lang, withToken: boolean): string {
  const query = new URLSearchParams({ lang });
  if (visit.kiosk) query.set("kiosk", "1");
  if (withToken && visit.token) query.set("t", visit.token);
  return `/s/${visit.code}?${query}`;
}

/**
 * Where a no-JS post that was kept sends the browser (post/redirect/get): the thank-you, as a GET, with the
 * reference of the follow-up case it opened (the citizen needs it to read the unit's reply).
 */
function thanksUrl(visit: Visit, caseRef: string | undefined): string {
  const query = new URLSearchParams({ lang: visit.lang, thanks: "1" });
  if (visit.kiosk) query.set("kiosk", "1");
  if (caseRef) query.set("case", caseRef);
  return `/s/${visit.code}?${query}`;
}

/** What the no-JS form says above its questions when the pipeline refused a post it can fix. */
function formError(lang: Lang, refusal: Refusal, post: { answered: boolean; comment?: string }): string {
  const errors = MESSAGES[lang].survey.errors;
  if (refusal.code === "RATE_LIMITED") return errors.rateLimited;
  if (!post.answered) return errors.answerOne;
  const wrong = new Set(
    refusal.code === "VALIDATION_FAILED" ? refusal.issues.map((issue) => issue.path[0]) : [],
  );
  if (wrong.has("followUp")) return MESSAGES[lang].cases.followUp.invalid;
  const over = commentLength(post.comment ?? "") - COMMENT_MAX_CHARACTERS;
  if (wrong.has("comment") && over > 0)
    return fill(errors.commentTooLong, { over, max: COMMENT_MAX_CHARACTERS });
  return errors.invalid;
}

/**
 * Where a kiosk goes for its next citizen: a fresh form in the counter's own language (the tablet's
 * browser language, else Vietnamese), not in the language the last citizen chose.
 */
function kioskHomeUrl(visit: Visit): string {
  return `/s/${visit.code}?kiosk=1&new=1`;
}

/** A fresh form for the next citizen on the same device ("start again"): a new id, not the kept one. */
function newFormUrl(visit: Visit): string {
  return `${pageUrl(visit, visit.lang, false)}&new=1`;
}

// The id of the form a device was given, kept for a while in a cookie scoped to this point's page, so that
// going Back to the form after a no-JS post (the browser asks for the page again: it is not cached) shows
// the same id, and sending it again is a repeat, not a second response. "Start again" asks for a new one
// (?new=1); the client script drops the cookie, since with JavaScript the page itself keeps its id.
// It holds a random id only: nothing about the citizen.
const FORM_COOKIE = "hl_form";
const FORM_COOKIE_SECONDS = 30 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function formIdOf(c: Context<AppEnv>, code: string): string {
  const kept = c.req.query("new") === "1" ? undefined : getCookie(c, FORM_COOKIE);
  const id = kept && UUID.test(kept) ? kept : c.var.deps.newId();
  setCookie(c, FORM_COOKIE, id, {
    path: `/s/${code}`,
    maxAge: FORM_COOKIE_SECONDS,
    sameSite: "Lax",
    secure: new URL(c.req.url).protocol === "https:",
  });
  return id;
}

function frameOf(
  c: Context<AppEnv>,
  visit: Visit,
  point: SurveyPoint | undefined,
  officer: string | null = null,
): PageFrame {
  return {
    lang: visit.lang,
    place: point
      ? {
          unitName: localName(point.unit, visit.lang),
          label: localName({ name: point.label, nameZh: point.labelZh, nameEn: point.labelEn }, visit.lang),
          officer,
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

function page(c: Context<AppEnv>, html: string, status: PageStatus) {
  // Each survey page carries a fresh response id, and token pages are personal: nothing may be cached.
  c.header("cache-control", "no-store");
  if (status === 429) c.header("retry-after", "60");
  return c.html(html, status);
}

/**
 * The page of a refusal that has one of its own (no such point, a moved point, a link problem, a repeat);
 * undefined for the refusals answered by the form again, filled as it was (invalid answers, rate limit).
 */
function refusalPage(c: Context<AppEnv>, visit: Visit, point: SurveyPoint | undefined, refusal: Refusal) {
  const text = MESSAGES[visit.lang].survey;
  const frame = frameOf(c, visit, point);
  const say = (status: PageStatus, title: string, body: string) =>
    page(c, renderMessagePage(frame, { title, body }), status);
  switch (refusal.code) {
    case "POINT_NOT_FOUND":
      // An archived point comes along with its refusal: its old posters lead here.
      return point?.archived
        ? say(404, text.moved.title, fill(text.moved.body, { label: point.label, unit: point.unit.name }))
        : say(404, text.notFound.title, fill(text.notFound.body, { code: visit.code }));
    case "TOKEN_REQUIRED":
      return say(403, text.link.requiredTitle, text.errors.tokenRequired);
    case "TOKEN_INVALID":
      return say(403, text.link.invalidTitle, text.errors.tokenInvalid);
    case "TOKEN_USED":
      return say(409, text.link.usedTitle, text.errors.tokenUsed);
    case "DUPLICATE_ID":
      return say(409, text.errors.duplicate, text.errors.duplicate);
    default:
      return undefined;
  }
}

/** Why a link cannot open an admitted point's survey: required and missing, not valid, or already used. */
async function linkRefusal(
  c: Context<AppEnv>,
  point: SurveyPoint,
  token: string | undefined,
): Promise<Refusal | undefined> {
  const { db, config, now } = c.var.deps;
  const grant = await checkToken(point, token, { secret: config.secret, now: now() });
  if (stopped(grant)) return grant.stop;
  return grant && (await isLinkUsed(db, grant)) ? { code: "TOKEN_USED" } : undefined;
}

/** The point code of the page's address, normalised when well-formed: what its links and messages show. */
const codeOf = (c: Context<AppEnv>) => {
  const code = c.req.param("code") ?? "";
  return pointCodeSchema.safeParse(code).data ?? code;
};

async function surveyPage(
  c: Context<AppEnv>,
  visit: Visit,
  point: SurveyPoint,
  form: { id: string; values: Record<string, string>; error: string | null },
  status: PageStatus,
) {
  const html = renderSurveyPage(
    {
      ...frameOf(c, visit, point, await officerShown(c, point, visit.token)),
      languageNote: MESSAGES[visit.lang].survey.languageNote,
    },
    {
      lang: visit.lang,
      text: MESSAGES[visit.lang],
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
      questionsHtml: renderQuestions(visit.lang, point.form, form.values, c.var.deps.config.contactDays),
    },
    c.var.deps.surveyScript,
  );
  return page(c, html, status);
}

/**
 * The name the page shows as "Cán bộ tiếp nhận": who the response would record (the link's issuer, else the
 * officer on duty), when the counter shows officers; null otherwise. Never a username: the name they set.
 */
async function officerShown(c: Context<AppEnv>, point: SurveyPoint, token: string | undefined) {
  if (!point.showOfficer) return null;
  const { db, config, now } = c.var.deps;
  if (token !== undefined) {
    const check = await verifyLinkToken({ secret: config.secret, token, pointCode: point.code, now: now() });
    return check.ok && check.issuerId !== null ? ((await findOfficerName(db, check.issuerId)) ?? null) : null;
  }
  const onDuty = await findOnDuty(db, point.id, now());
  return onDuty?.displayName ?? null;
}

const CASE_REF = new RegExp(`^[${CASE_REF_ALPHABET}]{${CASE_REF_LENGTH}}$`);

function thankYouPage(c: Context<AppEnv>, visit: Visit, point: SurveyPoint | undefined) {
  // Only a well-formed reference is shown back: the query string is the citizen's to edit.
  const ref = normaliseCaseRef(c.req.query("case") ?? "");
  const caseRef = CASE_REF.test(ref) ? ref : undefined;
  const html = renderThankYouPage(frameOf(c, visit, point), {
    kiosk: visit.kiosk,
    againHref: visit.kiosk ? kioskHomeUrl(visit) : newFormUrl(visit),
    caseRef,
    origin: c.var.deps.config.publicUrl,
  });
  return page(c, html, 200);
}

/** The citizen survey pages of one app, on its submit pipeline. */
export function surveyRoutes(submitter: Submitter) {
  return (
    new Hono<AppEnv>()
      // A survey page is ~42 KB of text and under 10 KB gzip: on a 400 kbit/s phone link that is ~0.6 s saved.
      .use(compress())
      .get("/:code", async (c) => {
        const token = c.req.query("t") || undefined;
        const visit: Visit = {
          code: codeOf(c),
          lang: pickLanguage(c.req.query("lang"), c.req.header("accept-language")),
          kiosk: c.req.query("kiosk") === "1",
          token,
        };
        const point = await admitPoint(submitter.findPoint, visit.code);
        // The thank-you stays reachable after a point is archived: the answers were kept.
        const shown = stopped(point) ? point.moved : point;
        if (c.req.query("thanks") === "1" && shown) return thankYouPage(c, visit, shown);
        if (stopped(point)) return refusalPage(c, visit, point.moved, point.stop);
        const refusal = await linkRefusal(c, point, token);
        if (refusal) return refusalPage(c, visit, point, refusal);
        return surveyPage(c, visit, point, { id: formIdOf(c, point.code), values: {}, error: null }, 200);
      })
      .post("/:code", bodyPolicy(FORM_BODY), async (c) => {
        const { deps } = c.var;
        // A multipart body that does not parse is the sender's fault, not a 500.
        const fields = await c.req.parseBody().catch(() => {
          throw invalid("The form body cannot be read.");
        });
        const values = Object.fromEntries(
          Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
        );
        const code = codeOf(c);
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
        if (result.ok) return c.redirect(thanksUrl(visit, result.caseRef), 303);
        const { refusal } = result;
        const refused = refusalPage(c, visit, result.point, refusal);
        if (refused) return refused;
        // Refused before the pipeline reached the point (invalid answers): the form needs it all the same.
        const point = result.point ?? (await admitPoint(submitter.findPoint, code));
        if (stopped(point)) return refusalPage(c, visit, point.moved, point.stop);
        // Invalid answers or too many posts: the form again, filled as it was, saying what went wrong.
        const answered = Object.keys(submission.answers as object).length > 0;
        return surveyPage(
          c,
          visit,
          point,
          { id, values, error: formError(visit.lang, refusal, { answered, comment: values.comment }) },
          refusal.code === "RATE_LIMITED" ? 429 : 400,
        );
      })
  );
}
