import { useState } from "preact/hooks";
import { ROLES, type Role } from "../../../shared/contract/catalogue.js";
import type { Unit } from "../lib/console-api.js";
import type { Submission } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { SelectField, TextField } from "./field.js";
import { FormError } from "./form-error.js";
import { UnitSelect } from "./unit-select.js";

export type UserValues = { username: string; password: string; role: Role; unit: string };

/**
 * Creating a user, or changing one's role, unit or password (left empty: unchanged). The unit is the
 * user's scope: they see and change only that unit and the units below it.
 */
export function UserForm(props: {
  units: readonly Unit[];
  /** Only a province-wide admin may give a user the whole tree; others choose a unit of their own. */
  allowWholeTree: boolean;
  initial: UserValues;
  creating: boolean;
  labelledBy: string;
  submission: Submission<unknown, UserValues>;
  onCancel?: () => void;
}) {
  const { tr } = useT();
  const [values, setValues] = useState(props.initial);
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
        fields={["username", "password", "role", "unit"]}
        messages={{ CONFLICT: "formErrors.usernameTaken" }}
      />
      {props.creating && (
        <TextField
          name="username"
          label={tr("console.fields.username")}
          hint={tr("console.hints.username")}
          value={values.username}
          onValue={(username) => setValues({ ...values, username })}
          autoComplete="off"
          maxLength={64}
          invalid={submission.invalid("username")}
          required
        />
      )}
      <TextField
        name="password"
        type="password"
        label={props.creating ? tr("console.fields.password") : tr("console.fields.newPassword")}
        hint={props.creating ? tr("console.hints.password") : tr("console.hints.passwordReset")}
        value={values.password}
        onValue={(password) => setValues({ ...values, password })}
        autoComplete="new-password"
        invalid={submission.invalid("password")}
        errorText={tr("formErrors.passwordTooShort")}
        required={props.creating}
      />
      <SelectField
        name="role"
        label={tr("console.fields.role")}
        hint={tr(`console.roleHints.${values.role}`)}
        value={values.role}
        onValue={(role) => setValues({ ...values, role: ROLES.find((known) => known === role) ?? "staff" })}
        options={ROLES.map((role) => ({ value: role, label: tr(`console.roles.${role}`) }))}
        invalid={submission.invalid("role")}
      />
      <UnitSelect
        name="unit"
        label={tr("console.fields.scopeUnit")}
        hint={tr("console.hints.scopeUnit")}
        units={props.units}
        value={values.unit}
        onValue={(unit) => setValues({ ...values, unit })}
        emptyLabel={props.allowWholeTree ? tr("console.account.wholeTree") : undefined}
        invalid={submission.invalid("unit")}
        required={!props.allowWholeTree}
      />
      <div class="actions">
        <button type="submit" disabled={submission.pending}>
          {props.creating ? tr("console.users.create") : tr("console.form.save")}
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
