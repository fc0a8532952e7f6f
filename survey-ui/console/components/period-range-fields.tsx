import { useState } from "preact/hooks";
import type { Period } from "../../../shared/time/periods.js";
import { useT } from "../lib/use-t.js";
import { TextField } from "./field.js";

/**
 * A custom range of days. What is typed is kept here, and passed on only once both ends are set and in
 * order, so that a half-typed range never reloads the figures.
 */
export function PeriodRangeFields(props: { initial: Period; onValue: (period: Period) => void }) {
  const { tr } = useT();
  const [range, setRange] = useState(props.initial);
  const valid = range.from !== "" && range.to !== "" && range.from <= range.to;
  const setEnd = (end: "from" | "to", day: string) => {
    const next = { ...range, [end]: day };
    setRange(next);
    if (next.from && next.to && next.from <= next.to) props.onValue(next);
  };
  return (
    <>
      <TextField
        name="period-from"
        type="date"
        label={tr("console.dashboard.from")}
        value={range.from}
        onValue={(day) => setEnd("from", day)}
        invalid={!valid}
        required
      />
      <TextField
        name="period-to"
        type="date"
        label={tr("console.dashboard.to")}
        value={range.to}
        onValue={(day) => setEnd("to", day)}
        invalid={!valid}
        hint={valid ? undefined : tr("console.dashboard.rangeHint")}
        required
      />
    </>
  );
}
