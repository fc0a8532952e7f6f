import type { Lang } from "../../shared/i18n/index.js";
import { roundForDisplay } from "../../shared/scoring/index.js";

// Figures and dates in server-rendered documents (the report pack, the citizens' page): plain string work,
// the same in Node and Workers. Vietnamese writes "82,66" and "15/03/2026"; Chinese and English "82.66".

/** A figure with 2 decimals in the language's decimal mark, or "–" without data. */
export function figureText(lang: Lang, value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined) return "–";
  const text = roundForDisplay(value, decimals).toFixed(decimals);
  return lang === "vi" ? text.replace(".", ",") : text;
}

/** A change in points with its sign: "+1,25", "−0,50", "0,00", or "–" without data. */
export function changeText(lang: Lang, value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const rounded = roundForDisplay(value);
  const text = figureText(lang, Math.abs(rounded));
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

/** A whole number with thousands grouped ("1.234" in Vietnamese, "1,234" otherwise). */
export function countText(lang: Lang, value: number): string {
  const text = String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return lang === "vi" ? text.replace(/,/g, ".") : text;
}

/** "2026-03-15" as "15/03/2026". */
export function dayText(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** "2026-03" as "03/2026". */
export function monthText(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}
