import { POINT_CODE_PATTERN, TTHC_CODE_PATTERN } from "../../shared/contract/catalogue.js";
import { CHANNELS, type ResponseSubmission } from "../../shared/contract/submission.js";
import { LANGUAGES } from "../../shared/i18n/languages.js";
import { ITEM_CODES } from "../../shared/instrument/index.js";

// Most submissions are a phone's plain post: id, point, language, a few answers, perhaps a service and a
// channel, already in canonical form. Checking that shape by hand costs a fraction of the schema's parse,
// which allocates a result for every field. Anything else (a comment, a respondent, expectations, a token,
// a follow-up, an id or code that the schema would trim or re-case, any doubt) returns undefined and goes
// through the shared schema, which stays the one definition: a property test holds the two to the same
// answers.

const FIELDS = new Set(["id", "point", "lang", "answers", "service", "channel"]);
const ITEMS = new Set<string>(ITEM_CODES);
const LANGS = new Set<string>(LANGUAGES);
const CHANNEL_SET = new Set<string>(CHANNELS);
// The schema's UUID test (zod's, any version) on an id that is already trimmed and lower case.
const UUID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The submission itself when it is a plain one the schema would accept unchanged; otherwise undefined. */
export function plainSubmission(raw: unknown): ResponseSubmission | undefined {
  if (!isRecord(raw)) return undefined;
  for (const key of Object.keys(raw)) if (!FIELDS.has(key)) return undefined;
  const { id, point, lang, answers, service, channel } = raw;
  if (typeof id !== "string" || !UUID.test(id)) return undefined;
  if (typeof point !== "string" || !POINT_CODE_PATTERN.test(point)) return undefined;
  if (typeof lang !== "string" || !LANGS.has(lang)) return undefined;
  if (service !== undefined && (typeof service !== "string" || !TTHC_CODE_PATTERN.test(service)))
    return undefined;
  if (channel !== undefined && (typeof channel !== "string" || !CHANNEL_SET.has(channel))) return undefined;
  if (!isRecord(answers)) return undefined;
  const items = Object.keys(answers);
  if (items.length === 0) return undefined;
  for (const item of items) {
    const value = answers[item];
    if (!ITEMS.has(item) || typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 5) {
      return undefined;
    }
  }
  return raw as ResponseSubmission;
}
