import { localDay } from "../../../shared/time/local-day.js";
import type { PeriodInput } from "../../../shared/time/periods.js";
import { useT } from "../lib/use-t.js";
import { SelectField } from "./field.js";

type PresetInput = Exclude<PeriodInput, { from: string }>;

const YEARS_BACK = 5;

/** The year of a preset period, and its month or quarter when the preset has one. */
export function PeriodPresetFields(props: {
  value: PresetInput;
  now: number;
  onValue: (period: PeriodInput) => void;
}) {
  const { tr } = useT();
  const { value } = props;
  const thisYear = Number(localDay(props.now).slice(0, 4));
  const years = Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i);
  return (
    <>
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
      {value.preset === "month" && (
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
      {value.preset === "quarter" && (
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
    </>
  );
}
