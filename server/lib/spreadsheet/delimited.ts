/**
 * Reads delimited text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of cells, with
 * the separator Excel used: `,`, or `;` where the decimal separator is a comma (Vietnamese settings), or
 * a tab ("Unicode text"). Dependency-free: it runs on Workers too. Throws on an unterminated quote.
 */
export type Delimiter = "," | ";" | "\t";

/** The separator of the header line: the most frequent of `,` `;` tab outside quotes (`,` on a tie). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return counts[";"] > counts[","] ? ";" : ",";
}

/** The rows of `text`, blank lines left out. */
export function parseDelimited(text: string, delimiter: Delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      line++;
    } else cell += ch;
  }
  if (quoted) throw new UnclosedQuoteError(line);
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

/** A quoted field never closed; `line` is where the file ended up (the quote opened before it). */
export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`A quoted field that starts before line ${line} is never closed.`);
  }
}
