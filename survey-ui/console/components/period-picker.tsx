import {
  PERIOD_PRESETS,
  type PeriodInput,
  type PeriodPreset,
  presetPeriodAt,
  resolvePeriod,
} from "../../../shared/time/periods.js";
import { useT } from "../lib/use-t.js";
import { SelectField } from "./field.js";
import { PeriodPresetFields } from "./period-preset-fields.js";
import { PeriodRangeFields } from "./period-range-fields.js";

type Kind = PeriodPreset | "custom";

/** The reporting period: a preset of the provincial plans (month, quarter, first half…) or a custom range. */
export function PeriodPicker(props: {
  value: PeriodInput;
  now: number;
  onValue: (period: PeriodInput) => void;
}) {
  const { tr } = useT();
  const { value } = props;
  const kind: Kind = "preset" in value ? value.preset : "custom";
  const year = "preset" in value ? value.year : Number(value.from.slice(0, 4));
  // A new kind starts from the period shown: a custom range from its days, a preset in its year.
  const choose = (next: Kind) => {
    if (next === "custom") props.onValue(resolvePeriod(value));
    else props.onValue({ ...presetPeriodAt(next, props.now), year } as PeriodInput);
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
      {"preset" in value ? (
        <PeriodPresetFields value={value} now={props.now} onValue={props.onValue} />
      ) : (
        <PeriodRangeFields initial={value} onValue={props.onValue} />
      )}
    </fieldset>
  );
}
