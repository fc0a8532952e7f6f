import { RESPONSE_CHANNELS } from "../../../shared/contract/reports.js";
import { type Lang, type MessageKey, t } from "../../../shared/i18n/index.js";
import { type ElementCode, isItemCode } from "../../../shared/instrument/index.js";
import type { Table } from "../table.js";

// Column headers for people: the pack's sheets and the console's downloads with labels=vi. The API's
// machine column names stay the contract; these only replace the header row (and add question texts).

const ELEMENT_COLUMN = /^(TC|TT|CC|KQ|PA)_(index|mean)$/;
const COUNT_COLUMN = /^count_([1-5])$/;

/** The header of a report column in a language: "Chỉ số TC – Tiếp cận dịch vụ (%)" for TC_index. */
export function columnLabel(lang: Lang, name: string): string {
  const element = ELEMENT_COLUMN.exec(name);
  if (element) {
    const code = element[1] as ElementCode;
    const key = element[2] === "index" ? "pack.columns.elementIndex" : "pack.columns.elementMean";
    return t(lang, key, { code, element: t(lang, `instrument.elements.${code}`) });
  }
  const count = COUNT_COLUMN.exec(name);
  if (count) return t(lang, "pack.columns.count", { value: count[1] as string });
  return t(lang, `pack.columns.${name}` as MessageKey);
}

/** The full text of a question (an item code), or the code itself when it is unknown. */
export function questionText(lang: Lang, item: string): string {
  return isItemCode(item) ? t(lang, `instrument.items.${item}`) : item;
}

/**
 * A report table for people: headers in the language and, in an items report, the question's full text
 * after its code. The figures stay as they are.
 */
export function labelReportTable(table: Table, lang: Lang): Table {
  const at = table.columns.findIndex((column) => column.name === "item");
  if (at < 0) return { ...table, headers: table.columns.map((column) => columnLabel(lang, column.name)) };
  const columns = [...table.columns];
  columns.splice(at + 1, 0, { name: "question", kind: "text" });
  return {
    ...table,
    columns,
    headers: columns.map((column) => columnLabel(lang, column.name)),
    rows: table.rows.map((row) => {
      const next = [...row];
      next.splice(at + 1, 0, questionText(lang, String(row[at])));
      return next;
    }),
  };
}

/** The name of a channel in the pack's language ("paper" → "Phiếu giấy"). */
export function channelName(lang: Lang, channel: string): string {
  return (RESPONSE_CHANNELS as readonly string[]).includes(channel)
    ? t(lang, `paper.channels.${channel as (typeof RESPONSE_CHANNELS)[number]}`)
    : channel;
}
