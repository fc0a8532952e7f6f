import type { ItemRow } from "../../../shared/contract/reports.js";
import { ELEMENT_CODES } from "../../../shared/instrument/elements.js";
import { formatCount, formatFigure, useT } from "../lib/use-t.js";

const VALUES = [1, 2, 3, 4, 5] as const;

/** How one item's answers spread over the scale: a stacked bar from "very dissatisfied" to "very satisfied". */
function Distribution({ row }: { row: ItemRow }) {
  let offset = 0;
  return (
    <svg
      class="distribution"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {VALUES.map((value) => {
        const width = row.n === 0 ? 0 : ((row[`count_${value}`] ?? 0) / row.n) * 100;
        const rect = <rect key={value} class={`dist-${value}`} x={offset} y="0" width={width} height="10" />;
        offset += width;
        return rect;
      })}
    </svg>
  );
}

/** Every item answered in the period: its wording, n, the answers per scale value, index and mean. */
export function ItemTable({ rows }: { rows: readonly ItemRow[] }) {
  const { lang, tr } = useT();
  return (
    <>
      <ul class="legend" aria-hidden="true">
        {VALUES.map((value) => (
          <li key={value}>
            <svg viewBox="0 0 10 10" aria-hidden="true">
              <rect class={`dist-${value}`} width="10" height="10" />
            </svg>
            {tr(`instrument.scale.${value}`)}
          </li>
        ))}
      </ul>
      <div class="table-wrap">
        <table class="item-table">
          <caption class="sr-only">{tr("console.dashboard.itemsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{tr("console.dashboard.item")}</th>
              <th scope="col" class="number">
                {tr("console.dashboard.nColumn")}
              </th>
              {VALUES.map((value) => (
                <th key={value} scope="col" class="number">
                  <abbr title={tr(`instrument.scale.${value}`)}>{value}</abbr>
                </th>
              ))}
              <th scope="col">{tr("console.dashboard.distribution")}</th>
              <th scope="col" class="number">
                {tr("console.dashboard.indexColumn")}
              </th>
              <th scope="col" class="number">
                {tr("console.dashboard.meanColumn")}
              </th>
            </tr>
          </thead>
          {ELEMENT_CODES.map((element) => {
            const items = rows.filter((row) => row.element === element);
            if (items.length === 0) return null;
            return (
              <tbody key={element}>
                <tr>
                  <th scope="rowgroup" colSpan={10} class="group-head">
                    {tr(`instrument.elements.${element}`)}
                  </th>
                </tr>
                {items.map((row) => (
                  <tr key={row.item}>
                    <th scope="row" class="item-text">
                      <span class="code">{row.item}</span> {tr(`instrument.items.${row.item}`)}
                    </th>
                    <td class="number">{formatCount(lang, row.n)}</td>
                    {VALUES.map((value) => (
                      <td key={value} class="number">
                        {formatCount(lang, row[`count_${value}`])}
                      </td>
                    ))}
                    <td>
                      <Distribution row={row} />
                    </td>
                    <td class="number">{formatFigure(lang, row.index)}</td>
                    <td class="number">{formatFigure(lang, row.mean)}</td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </>
  );
}
