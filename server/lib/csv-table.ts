/**
 * Reads CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM) into rows of
 * cells. Small and dependency-free because it must run on Workers too, where csv-parse needs Buffer.
 * Throws on an unterminated quote, naming the line.
 */
export function parseCsv(text: string): string[][] {
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
    else if (ch === ",") {
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
  if (quoted) throw new Error(`A quoted field that starts before line ${line} is never closed.`);
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

/**
 * Turns CSV text with a header row into records keyed by lower-cased header names. Returns the
 * header problems (missing required columns, unknown columns) instead of records when there are any.
 */
export function readCsvRecords(
  text: string,
  columns: { required: readonly string[]; optional: readonly string[] },
): { records: Array<{ row: number; values: Record<string, string> }> } | { problems: string[] } {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (error) {
    return { problems: [(error as Error).message] };
  }
  const [header, ...body] = table;
  if (!header) return { problems: ["The file is empty: it needs a header row and at least one row."] };
  const names = header.map((h) => h.trim().toLowerCase());
  const known = new Set([...columns.required, ...columns.optional]);
  const problems = [
    ...columns.required.filter((c) => !names.includes(c)).map((c) => `The header has no "${c}" column.`),
    ...names.filter((n) => !known.has(n)).map((n) => `The header has an unknown column "${n}".`),
  ];
  if (problems.length > 0) return { problems };
  if (body.length === 0) return { problems: ["The file has a header but no rows."] };
  return {
    records: body.map((cells, index) => ({
      // Row numbers as a spreadsheet shows them: the header is row 1.
      row: index + 2,
      values: Object.fromEntries(names.map((name, col) => [name, (cells[col] ?? "").trim()])),
    })),
  };
}
