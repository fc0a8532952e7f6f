import type { ComponentChildren } from "preact";
import { useT } from "../lib/use-t.js";
import "./charts.css";

/**
 * A chart with its title and the same figures as a table: the drawing is hidden from screen readers,
 * which read the table (one click away for everyone else).
 */
export function ChartFigure(props: {
  id: string;
  title: string;
  chart: ComponentChildren;
  table: ComponentChildren;
  /** A line under the chart that explains a mark on it. */
  note?: string | undefined;
}) {
  const { tr } = useT();
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <div aria-hidden="true">{props.chart}</div>
      {props.note && <p class="chart-note">{props.note}</p>}
      <details class="chart-table">
        <summary>{tr("console.dashboard.tableView")}</summary>
        <div class="table-wrap">{props.table}</div>
      </details>
    </figure>
  );
}

/** A horizontal bar for a percentage (0–100), drawn to the width of its box. */
export function PercentBar({ value, tone = "accent" }: { value: number | null; tone?: "accent" | "warn" }) {
  return (
    <svg
      class="percent-bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect class="percent-track" x="0" y="0" width="100" height="10" />
      {value !== null && (
        <rect class={`percent-fill percent-${tone}`} x="0" y="0" width={value} height="10" />
      )}
    </svg>
  );
}
