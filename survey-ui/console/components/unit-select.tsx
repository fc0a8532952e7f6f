import type { Unit } from "../lib/console-api.js";
import { indentedName, treeOrder } from "../lib/unit-tree.js";
import { SelectField } from "./field.js";

/** A unit picker showing the tree by indentation; `emptyLabel` adds a first "none/all" choice. */
export function UnitSelect(props: {
  name: string;
  label: string;
  units: readonly Unit[];
  value: string;
  onValue: (code: string) => void;
  emptyLabel?: string;
  hint?: string;
  invalid?: boolean;
  required?: boolean;
}) {
  const options = treeOrder(props.units).map((entry) => ({
    value: entry.unit.code,
    label: indentedName(entry),
  }));
  return (
    <SelectField
      name={props.name}
      label={props.label}
      hint={props.hint}
      invalid={props.invalid}
      required={props.required}
      value={props.value}
      onValue={props.onValue}
      options={
        props.emptyLabel === undefined ? options : [{ value: "", label: props.emptyLabel }, ...options]
      }
    />
  );
}
