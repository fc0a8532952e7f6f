import { useState } from "preact/hooks";
import { CATALOGUE_LIMITS } from "../../../shared/contract/limits.js";
import { getUnit, type Point, type Unit } from "../lib/console-api.js";
import { useResource } from "../lib/use-resource.js";
import type { Submission } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { CheckField, SelectField, TextField } from "./field.js";
import { FormError } from "./form-error.js";
import { LocalNameFields, type LocalNameValues } from "./local-name-fields.js";
import { UnitSelect } from "./unit-select.js";

export type PointValues = {
  unit: string;
  label: string;
  labels: LocalNameValues;
  service: string;
  form: "full" | "quick";
  tokenRequired: boolean;
  /** Ratings a day from one network address; empty: the deployment's limit. */
  dailyLimit: string;
};

/** The API value of the day limit field: a whole number, or null for the deployment's limit. */
export function dailyLimitOf(values: PointValues): number | null {
  return values.dailyLimit.trim() === "" ? null : Number(values.dailyLimit);
}

/** The form values of an existing point, or of a new one in a unit. */
export function pointValues(point: Point | null, unit = ""): PointValues {
  return {
    unit: point?.unit.code ?? unit,
    label: point?.label ?? "",
    labels: { zh: point?.labelZh ?? "", en: point?.labelEn ?? "" },
    service: point?.service?.code ?? "",
    form: point?.form ?? "full",
    tokenRequired: point?.tokenRequired ?? false,
    dailyLimit: point?.dailyLimit == null ? "" : String(point.dailyLimit),
  };
}

/**
 * Creating or editing a survey point. The services offered are those of the chosen unit (the server
 * refuses any other); a point without a service lets the citizen pick one.
 */
export function PointForm(props: {
  units: readonly Unit[];
  initial: PointValues;
  /** Creating chooses the unit; an existing point stays in its unit. */
  creating: boolean;
  /** The id of the heading that names this form. */
  labelledBy: string;
  submission: Submission<unknown, PointValues>;
  onCancel?: () => void;
}) {
  const { tr } = useT();
  const [values, setValues] = useState(props.initial);
  const set = <K extends keyof PointValues>(key: K, value: PointValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const offered = useResource(
    () => (values.unit ? getUnit(values.unit).then((detail) => detail.services) : Promise.resolve([])),
    values.unit,
  );
  const { submission } = props;
  return (
    <form
      aria-labelledby={props.labelledBy}
      onSubmit={(event) => {
        event.preventDefault();
        void submission.run(values);
      }}
    >
      <FormError
        error={submission.error}
        fields={["unit", "label", "labelZh", "labelEn", "service", "form", "tokenRequired", "dailyLimit"]}
      />
      {props.creating && (
        <UnitSelect
          name="unit"
          label={tr("console.fields.unit")}
          units={props.units}
          value={values.unit}
          onValue={(code) => setValues((previous) => ({ ...previous, unit: code, service: "" }))}
          emptyLabel={tr("console.form.choose")}
          invalid={submission.invalid("unit")}
          required
        />
      )}
      <TextField
        name="label"
        label={tr("console.fields.label")}
        hint={tr("console.hints.pointLabel")}
        value={values.label}
        onValue={(value) => set("label", value)}
        maxLength={CATALOGUE_LIMITS.pointLabel}
        invalid={submission.invalid("label")}
        required
      />
      <LocalNameFields
        kind="label"
        values={values.labels}
        onValues={(labels) => set("labels", labels)}
        maxLength={CATALOGUE_LIMITS.pointLabel}
        invalid={submission.invalid}
      />
      <SelectField
        name="service"
        label={tr("console.fields.service")}
        hint={tr("console.hints.pointService")}
        value={values.service}
        onValue={(value) => set("service", value)}
        invalid={submission.invalid("service")}
        options={[
          { value: "", label: tr("console.points.anyService") },
          ...(offered.data ?? []).map((service) => ({
            value: service.code,
            label: `${service.code} · ${service.name}`,
          })),
        ]}
      />
      <SelectField
        name="form"
        label={tr("console.fields.form")}
        hint={tr("console.hints.pointForm")}
        value={values.form}
        onValue={(value) => set("form", value === "quick" ? "quick" : "full")}
        options={[
          { value: "full", label: tr("instrument.forms.full") },
          { value: "quick", label: tr("instrument.forms.quick") },
        ]}
      />
      <CheckField
        name="tokenRequired"
        label={tr("console.fields.tokenRequired")}
        hint={tr("console.hints.tokenRequired")}
        checked={values.tokenRequired}
        onChecked={(checked) => set("tokenRequired", checked)}
      />
      <TextField
        name="dailyLimit"
        type="number"
        label={tr("console.fields.dailyLimit")}
        hint={tr("console.hints.dailyLimit")}
        value={values.dailyLimit}
        onValue={(value) => set("dailyLimit", value)}
        min={1}
        max={100000}
        invalid={submission.invalid("dailyLimit")}
      />
      <div class="actions">
        <button type="submit" disabled={submission.pending}>
          {props.creating ? tr("console.points.create") : tr("console.form.save")}
        </button>
        {props.onCancel && (
          <button type="button" class="button-secondary" onClick={props.onCancel}>
            {tr("console.form.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
