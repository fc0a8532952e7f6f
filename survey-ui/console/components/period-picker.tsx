import { useState } from "preact/hooks";
import { localDay } from "../../../shared/time/local-day.js";
import {
  PERIOD_PRESETS,
  type PeriodInput,
  type PeriodPreset,
  presetPeriodAt,
  resolvePeriod,
} from "../../../shared/time/periods.js";
import { useT } from "../lib/use-t.js";
import { SelectField, TextField } from "./field.js";

type Kind = PeriodPreset | "custom";
const YEARS_BACK = 5;

/** The reporting period: a preset of the provincial plans (month, quarter, first half…) or a custom range. */
export function PeriodPicker(props: {
  value: PeriodInput;
  now: number;
  onValue: (period: PeriodInput) => void;
}) {
  const { tr } = useT();
  const { value } = props;
  const kind: Kind = "preset" in value ? value.preset : "custom";
  const thisYear = Number(localDay(props.now).slice(0, 4));
  const year = "preset" in value ? value.year : Number(value.from.slice(0, 4));
  const [custom, setCustom] = useState(() => resolvePeriod(value));
  const customValid = custom.from !== "" && custom.to !== "" && custom.from <= custom.to;

  const choose = (next: Kind) => {
    if (next === "custom") {
      const range = resolvePeriod(value);
      setCustom(range);
      props.onValue(range);
      return;
    }
    const current = presetPeriodAt(next, props.now);
    props.onValue({ ...current, year } as PeriodInput);
  };
  const years = Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i);
  const setCustomEnd = (end: "from" | "to", day: string) => {
    const next = { ...custom, [end]: day };
    setCustom(next);
    if (next.from && next.to && next.from <= next.to) props.onValue(next);
  };
  return (
    <fieldset class="period-picker">
      <legend>{tr("console.dashboard.period")}</legend>
      <SelectField
        name="period-kind"
        label={tr("console.dashboard.periodKind")}
        value={kind}
        onValue={(next) => choose(next as Kind)}
        options={[
          ...PERIOD_PRESETS.map((preset) => ({
            value: preset,
            label: tr(`console.dashboard.presets.${preset}`),
          })),
          { value: "custom", label: tr("console.dashboard.presets.custom") },
        ]}
      />
      {"preset" in value && (
        <SelectField
          name="period-year"
          label={tr("console.dashboard.year")}
          value={String(value.year)}
          onValue={(next) => props.onValue({ ...value, year: Number(next) })}
          options={(years.includes(value.year) ? years : [value.year, ...years]).map((y) => ({
            value: String(y),
            label: String(y),
          }))}
        />
      )}
      {"preset" in value && value.preset === "month" && (
        <SelectField
          name="period-month"
          label={tr("console.dashboard.month")}
          value={String(value.month)}
          onValue={(next) => props.onValue({ ...value, month: Number(next) })}
          options={Array.from({ length: 12 }, (_, i) => ({
            value: String(i + 1),
            label: tr("console.dashboard.monthName", { month: i + 1 }),
          }))}
        />
      )}
      {"preset" in value && value.preset === "quarter" && (
        <SelectField
          name="period-quarter"
          label={tr("console.dashboard.quarter")}
          value={String(value.quarter)}
          onValue={(next) => props.onValue({ ...value, quarter: Number(next) })}
          options={[1, 2, 3, 4].map((q) => ({
            value: String(q),
            label: tr("console.dashboard.quarterName", { quarter: q }),
          }))}
        />
      )}
      {kind === "custom" && (
        <>
          <TextField
            name="period-from"
            type="date"
            label={tr("console.dashboard.from")}
            value={custom.from}
            onValue={(day) => setCustomEnd("from", day)}
            invalid={!customValid}
            required
          />
          <TextField
            name="period-to"
            type="date"
            label={tr("console.dashboard.to")}
            value={custom.to}
            onValue={(day) => setCustomEnd("to", day)}
            invalid={!customValid}
            hint={customValid ? undefined : tr("console.dashboard.rangeHint")}
            required
          />
        </>
      )}
    </fieldset>
  );
}
