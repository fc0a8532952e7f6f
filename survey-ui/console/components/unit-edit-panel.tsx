import { patchUnit, type Unit } from "../lib/console-api.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { localNameOrNull } from "./local-name-fields.js";
import { UnitForm, type UnitValues } from "./unit-form.js";

/** Renames or moves a unit of the tree; only what changed is sent, local names always. */
export function UnitEditPanel(props: {
  unit: Unit;
  /** The id prefix of the unit's elements in the tree. */
  id: string;
  units: readonly Unit[];
  allowTopLevel: boolean;
  movable: boolean;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { tr } = useT();
  const { unit, id } = props;
  const save = useSubmit(
    (values: UnitValues) =>
      patchUnit(unit.code, {
        ...(values.name !== unit.name ? { name: values.name } : {}),
        nameZh: localNameOrNull(values.names.zh),
        nameEn: localNameOrNull(values.names.en),
        ...(values.parent !== (unit.parent ?? "") ? { parent: values.parent || null } : {}),
      }),
    props.onSaved,
  );
  return (
    <div class="unit-panel">
      <h2 class="panel-title" id={`${id}-edit`}>
        {tr("console.units.editTitle", { name: unit.name })}
      </h2>
      <UnitForm
        units={props.units.filter((candidate) => candidate.archivedAt === null)}
        allowTopLevel={props.allowTopLevel}
        movable={props.movable}
        initial={{
          code: unit.code,
          name: unit.name,
          names: { zh: unit.nameZh ?? "", en: unit.nameEn ?? "" },
          parent: unit.parent ?? "",
        }}
        creating={false}
        labelledBy={`${id}-edit`}
        submission={save}
        onCancel={props.onCancel}
      />
    </div>
  );
}
