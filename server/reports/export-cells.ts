// Cells of the raw export (responses.csv) that a million rows would otherwise build through Date and
// JSON.parse. An ISO string from Date and an object from JSON.parse for every row made V8's heap grow by
// some 30 MB during a 1M-row export, on a budget of 200 MB (issue 20); the arithmetic and the scan below
// allocate little more than the strings they return, and give exactly what Date and JSON.parse would.

const DAY_MS = 86_400_000;
// The last millisecond of 9999-12-31: beyond it toISOString writes six-digit years.
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** An instant as `new Date(ms).toISOString()` writes it, by arithmetic from 1970 to 9999, by Date elsewhere. */
export function isoInstant(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > LAST_FOUR_DIGIT_YEAR_MS) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  // Civil date of a day number (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), days ≥ 0.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const milliseconds = rest - seconds * 1000;
  const fraction =
    milliseconds < 10 ? `00${milliseconds}` : milliseconds < 100 ? `0${milliseconds}` : `${milliseconds}`;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}.${fraction}Z`;
}

/**
 * The position of each code in a list of codes, for `answerCells`; `values` is its scratch, filled anew by
 * each (synchronous) scan, so that a row allocates no array of its own.
 */
export type CodeSlots = { codes: readonly string[]; slots: Map<string, number>; values: number[] };

export function codeSlots(codes: readonly string[]): CodeSlots {
  return { codes, slots: new Map(codes.map((code, i) => [code, i])), values: codes.map(() => -1) };
}

/**
 * The CSV cells (",5,4,,3…") of an answers or expectations column for the given codes: a whole number is
 * written as it is, anything else (absent, text, a fraction) as an empty cell. The column as the app stores
 * it ({"TC1":5,…}, JSON.stringify of small whole numbers) is scanned in place; any other text is parsed.
 */
export function answerCells(json: string | null, slots: CodeSlots): string {
  const { codes, values } = slots;
  let cells = "";
  if (json !== null && scanPlainObject(json, slots)) {
    for (const value of values) cells += value < 0 ? "," : `,${value}`;
    return cells;
  }
  const parsed = json === null ? null : (JSON.parse(json) as Partial<Record<string, unknown>>);
  for (const code of codes) {
    const value = parsed?.[code];
    cells += Number.isInteger(value) ? `,${value}` : ",";
  }
  return cells;
}

/**
 * Reads `{"KEY":digits,…}` (no spaces, no escapes, whole numbers without a sign or leading zero, at most 9
 * digits) into `slots.values`, -1 for a code not there; false for any other text. A key given twice keeps its
 * last value, as JSON.parse does.
 */
function scanPlainObject(json: string, { slots, values }: CodeSlots): boolean {
  values.fill(-1);
  const end = json.length - 1;
  if (json.charCodeAt(0) !== 123 || json.charCodeAt(end) !== 125) return false;
  if (end === 1) return true;
  let at = 1;
  for (;;) {
    if (json.charCodeAt(at) !== 34) return false;
    const close = json.indexOf('"', at + 1);
    if (close < 0 || json.charCodeAt(close + 1) !== 58) return false;
    const key = json.slice(at + 1, close);
    if (key.includes("\\")) return false;
    const first = close + 2;
    let next = first;
    let value = 0;
    for (let c = json.charCodeAt(next); c >= 48 && c <= 57; c = json.charCodeAt(++next))
      value = value * 10 + c - 48;
    const digits = next - first;
    if (digits === 0 || digits > 9 || (digits > 1 && json.charCodeAt(first) === 48)) return false;
    const slot = slots.get(key);
    if (slot !== undefined) values[slot] = value;
    if (next === end) return true;
    if (json.charCodeAt(next) !== 44) return false;
    at = next + 1;
  }
}
