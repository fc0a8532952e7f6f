/**
 * One row of the performance targets (issue 20's table). A script prints it as a Markdown comment, so it is
 * invisible in its own section, and `bench/run.ts` gathers every such row into the summary table at the top of
 * bench/results.md.
 */
export interface TargetRow {
  what: string;
  figure: string;
  floor: string;
  ratio: string;
  target: string;
  met: boolean;
}

const MARK = "<!-- target ";

export function printTarget(row: TargetRow): void {
  console.log(`${MARK}${JSON.stringify(row)} -->`);
}

export function targetsIn(output: string): TargetRow[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith(MARK))
    .map((line) => JSON.parse(line.slice(MARK.length, line.lastIndexOf(" -->"))) as TargetRow);
}

export function targetTable(rows: readonly TargetRow[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.what} | ${r.figure} | ${r.floor} | ${r.ratio} | ${r.target} | ${r.met ? "yes" : "**no**"} |`,
  );
  return ["| What | Figure | Floor | Ratio | Target | Met |", "|---|---|---|---|---|---|", ...lines].join(
    "\n",
  );
}
