import { useState } from "preact/hooks";
import { setArchived, type Unit } from "../lib/console-api.js";
import type { UnitNode } from "../lib/unit-tree.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { FormError } from "./form-error.js";
import { UnitEditPanel } from "./unit-edit-panel.js";
import { type UnitPanel, UnitRow } from "./unit-row.js";
import { UnitServices } from "./unit-services.js";

/** A unit of the organisation tree with its open panel (edit, services), then its children. */
export function UnitBranch(props: {
  node: UnitNode;
  units: readonly Unit[];
  allowTopLevel: boolean;
  scopeRoot: string | null;
  onChanged: () => void;
}) {
  const { tr } = useT();
  const { unit, children } = props.node;
  const [panel, setPanel] = useState<UnitPanel>("none");
  const archive = useSubmit((value: boolean) => setArchived("units", unit.code, value), props.onChanged);
  const id = `unit-${unit.code.replace(/\./g, "-")}`;
  return (
    <li>
      <UnitRow
        unit={unit}
        nameId={`${id}-name`}
        panel={panel}
        onPanel={setPanel}
        archiving={archive.pending}
        onArchive={(archived) => void archive.run(archived)}
      />
      <FormError error={archive.error} />
      {panel === "edit" && (
        <UnitEditPanel
          unit={unit}
          id={id}
          units={props.units}
          allowTopLevel={props.allowTopLevel}
          movable={unit.code !== props.scopeRoot}
          onSaved={() => {
            setPanel("none");
            props.onChanged();
          }}
          onCancel={() => setPanel("none")}
        />
      )}
      {panel === "services" && (
        <div class="unit-panel">
          <h2 class="panel-title" id={`${id}-services`}>
            {tr("console.units.servicesTitle", { name: unit.name })}
          </h2>
          <UnitServices code={unit.code} labelledBy={`${id}-services`} />
        </div>
      )}
      {children.length > 0 && (
        <ul>
          {children.map((node) => (
            <UnitBranch
              key={node.unit.code}
              node={node}
              units={props.units}
              allowTopLevel={props.allowTopLevel}
              scopeRoot={props.scopeRoot}
              onChanged={props.onChanged}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
