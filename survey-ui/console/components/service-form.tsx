import { useState } from "preact/hooks";
import { CATALOGUE_LIMITS } from "../../../shared/contract/limits.js";
import type { Submission } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { TextField } from "./field.js";
import { FormError } from "./form-error.js";
import { LocalNameFields, type LocalNameValues } from "./local-name-fields.js";

export type ServiceValues = {
  code: string;
  name: string;
  names: LocalNameValues;
  field: string;
  localCode: string;
};

/** Creating a service (TTHC) or editing its name, field and local code (its national code never changes). */
export function ServiceForm(props: {
  initial: ServiceValues;
  creating: boolean;
  labelledBy: string;
  submission: Submission<unknown, ServiceValues>;
  onCancel?: () => void;
}) {
  const { tr } = useT();
  const [values, setValues] = useState(props.initial);
  const { submission } = props;
  const set = (key: "code" | "name" | "field" | "localCode") => (value: string) =>
    setValues({ ...values, [key]: value });
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
        fields={["code", "name", "nameZh", "nameEn", "field", "localCode"]}
        messages={{ CONFLICT: "formErrors.serviceCodeTaken" }}
      />
      {props.creating && (
        <TextField
          name="code"
          label={tr("console.fields.serviceCode")}
          hint={tr("console.hints.serviceCode")}
          value={values.code}
          onValue={set("code")}
          maxLength={CATALOGUE_LIMITS.serviceCode}
          invalid={submission.invalid("code")}
          required
        />
      )}
      <TextField
        name="name"
        label={tr("console.fields.serviceName")}
        value={values.name}
        onValue={set("name")}
        maxLength={CATALOGUE_LIMITS.serviceName}
        invalid={submission.invalid("name")}
        required
      />
      <LocalNameFields
        kind="name"
        values={values.names}
        onValues={(names) => setValues({ ...values, names })}
        maxLength={CATALOGUE_LIMITS.serviceName}
        invalid={submission.invalid}
      />
      <TextField
        name="field"
        label={tr("console.fields.field")}
        hint={tr("console.hints.field")}
        value={values.field}
        onValue={set("field")}
        maxLength={CATALOGUE_LIMITS.serviceField}
        invalid={submission.invalid("field")}
      />
      <TextField
        name="localCode"
        label={tr("console.fields.localCode")}
        hint={tr("console.hints.localCode")}
        value={values.localCode}
        onValue={set("localCode")}
        maxLength={CATALOGUE_LIMITS.serviceLocalCode}
        invalid={submission.invalid("localCode")}
      />
      <div class="actions">
        <button type="submit" disabled={submission.pending}>
          {props.creating ? tr("console.services.create") : tr("console.form.save")}
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
