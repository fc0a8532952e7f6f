import { useState } from "preact/hooks";
import { CATALOGUE_LIMITS } from "../../../shared/contract/limits.js";
import type { Unit } from "../lib/console-api.js";
import type { Submission } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { TextField } from "./field.js";
import { FormError } from "./form-error.js";
import { LocalNameFields, type LocalNameValues } from "./local-name-fields.js";
import { UnitSelect } from "./unit-select.js";

export type UnitValues = { code: string; name: string; names: LocalNameValues; parent: string };

/** Creating a unit (code, name, parent) or renaming and moving one (its code never changes). */
export function UnitForm(props: {
  units: readonly Unit[];
  /** Only a province-wide admin may create or move a unit to the top of the tree. */
  allowTopLevel: boolean;
  /** False for the unit a scoped admin's scope starts at: its parent lies outside their scope. */
  movable: boolean;
  initial: UnitValues;
  creating: boolean;
  labelledBy: string;
  submission: Submission<unknown, UnitValues>;
  onCancel?: () => void;
}) {
  const { tr } = useT();
  const [values, setValues] = useState(props.initial);
  const { submission } = props;
  // A unit cannot move under itself or its own units; the server says so too, the list just leaves them out.
  const own = props.creating ? null : props.initial.code;
  const parents = own ? props.units.filter((unit) => !isWithin(props.units, unit, own)) : props.units;
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
        fields={["code", "name", "nameZh", "nameEn", "parent"]}
        messages={{ CONFLICT: "formErrors.unitCodeTaken" }}
      />
      {props.creating && (
        <TextField
          name="code"
          label={tr("console.fields.unitCode")}
          hint={tr("console.hints.unitCode")}
          value={values.code}
          onValue={(code) => setValues({ ...values, code })}
          maxLength={CATALOGUE_LIMITS.unitCode}
          invalid={submission.invalid("code")}
          required
        />
      )}
      <TextField
        name="name"
        label={tr("console.fields.unitName")}
        value={values.name}
        onValue={(name) => setValues({ ...values, name })}
        maxLength={CATALOGUE_LIMITS.unitName}
        invalid={submission.invalid("name")}
        required
      />
      <LocalNameFields
        kind="name"
        values={values.names}
        onValues={(names) => setValues({ ...values, names })}
        maxLength={CATALOGUE_LIMITS.unitName}
        invalid={submission.invalid}
      />
      {props.movable && (
        <UnitSelect
          name="parent"
          label={tr("console.fields.parent")}
          units={parents}
          value={values.parent}
          onValue={(parent) => setValues({ ...values, parent })}
          emptyLabel={props.allowTopLevel ? tr("console.units.topLevel") : undefined}
          invalid={submission.invalid("parent")}
          required={!props.allowTopLevel}
        />
      )}
      <div class="actions">
        <button type="submit" disabled={submission.pending}>
          {props.creating ? tr("console.units.create") : tr("console.form.save")}
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

/** True when `unit` is `code` or lies below it. */
function isWithin(units: readonly Unit[], unit: Unit, code: string): boolean {
  const byCode = new Map(units.map((candidate) => [candidate.code, candidate]));
  for (let at: Unit | undefined = unit; at; at = at.parent ? byCode.get(at.parent) : undefined) {
    if (at.code === code) return true;
  }
  return false;
}
