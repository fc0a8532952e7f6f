import type { SipasFigures } from "../../../shared/contract/reports.js";
import { ELEMENT_CODES } from "../../../shared/instrument/elements.js";
import { formatFigure, useT } from "../lib/use-t.js";
import { ChangeNote } from "./change-note.js";
import { ChartFigure, PercentBar } from "./chart-figure.js";

/** The five element indices of one report row as bars, with their means in the table. */
export function ElementBars({ row, previous }: { row: SipasFigures; previous?: SipasFigures | undefined }) {
  const { lang, tr } = useT();
  return (
    <ChartFigure
      id="elements"
      title={tr("console.dashboard.elementsTitle")}
      chart={
        <ul class="element-bars">
          {ELEMENT_CODES.map((code) => (
            <li key={code}>
              <div class="element-bar-head">
                <span>{tr(`instrument.elements.${code}`)}</span>
                <strong>{formatFigure(lang, row[`${code}_index`])}</strong>
              </div>
              <PercentBar value={row[`${code}_index`]} />
              <ChangeNote now={row[`${code}_index`]} before={previous?.[`${code}_index`]} />
            </li>
          ))}
        </ul>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{tr("console.dashboard.element")}</th>
              <th scope="col" class="number">
                {tr("console.dashboard.indexColumn")}
              </th>
              <th scope="col" class="number">
                {tr("console.dashboard.meanColumn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ELEMENT_CODES.map((code) => (
              <tr key={code}>
                <th scope="row">{tr(`instrument.elements.${code}`)}</th>
                <td class="number">{formatFigure(lang, row[`${code}_index`])}</td>
                <td class="number">{formatFigure(lang, row[`${code}_mean`])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
