import { type Lang, t } from "../../../shared/i18n/console/index.js";
import { TIME_ZONE } from "../../../shared/time/local-day.js";

// Dates as people in Vietnam read them: Hanoi time, day before month ("15/03/2026" in Vietnamese).

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(t(lang, "common.languageTag"), {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hour12: false } : {}),
    });
    formats.set(key, found);
  }
  return found;
}

/** An instant (ms or ISO text) as a local date and time. */
export function formatDateTime(lang: Lang, instant: number | string): string {
  return format(lang, true).format(new Date(instant));
}

/** A local calendar day "YYYY-MM-DD" as the language writes dates. */
export function formatLocalDay(lang: Lang, day: string): string {
  // Noon UTC of that day is the same calendar day in Hanoi (UTC+7).
  return format(lang, false).format(new Date(`${day}T12:00:00Z`));
}
