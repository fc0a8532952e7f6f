import type { Unit } from "../lib/console-api.js";
import { useT } from "../lib/use-t.js";

/** The panel a unit of the tree has open under its row. */
export type UnitPanel = "none" | "edit" | "services";

/** A unit's line in the tree: its name and code, the buttons that open its panels, archive or restore. */
export function UnitRow(props: {
  unit: Unit;
  /** The id of the name, which the buttons are described by. */
  nameId: string;
  panel: UnitPanel;
  onPanel: (panel: UnitPanel) => void;
  archiving: boolean;
  onArchive: (archived: boolean) => void;
}) {
  const { tr } = useT();
  const { unit, nameId } = props;
  const live = unit.archivedAt === null;
  const toggle = (panel: Exclude<UnitPanel, "none">, label: string) => (
    <button
      type="button"
      class="button-secondary"
      aria-expanded={props.panel === panel}
      aria-describedby={nameId}
      onClick={() => props.onPanel(props.panel === panel ? "none" : panel)}
    >
      {label}
    </button>
  );
  return (
    <div class="unit-row">
      <span id={nameId}>
        <strong>{unit.name}</strong> <span class="code">{unit.code}</span>
        {!live && <span class="tag">{tr("console.form.archived")}</span>}
      </span>
      <span class="actions">
        {live && (
          <>
            {toggle("edit", tr("console.form.edit"))}
            {toggle("services", tr("console.units.services"))}
          </>
        )}
        <button
          type="button"
          class={live ? "button-danger" : "button-secondary"}
          aria-describedby={nameId}
          disabled={props.archiving}
          onClick={() => {
            if (!live || window.confirm(tr("console.units.confirmArchive", { name: unit.name })))
              props.onArchive(live);
          }}
        >
          {live ? tr("console.form.archive") : tr("console.form.restore")}
        </button>
      </span>
    </div>
  );
}
