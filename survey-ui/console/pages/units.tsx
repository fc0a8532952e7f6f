import { useState } from "preact/hooks";
import { CsvImport } from "../components/csv-import.js";
import { CheckField } from "../components/field.js";
import { FormError } from "../components/form-error.js";
import { localNameOrNull, localNamesToCreate } from "../components/local-name-fields.js";
import { Page } from "../components/page.js";
import { Empty, ErrorNotice, Loading, Notice } from "../components/status.js";
import { UnitForm, type UnitValues } from "../components/unit-form.js";
import { UnitServices } from "../components/unit-services.js";
import { createUnit, listUnits, patchUnit, setArchived, type Unit } from "../lib/console-api.js";
import type { ScreenProps } from "../lib/screens.js";
import { type UnitNode, unitForest } from "../lib/unit-tree.js";
import { useResource } from "../lib/use-resource.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import "./catalogue.css";

/** The organisation tree (admin): create, rename, move, archive units, and say which services each offers. */
export function UnitsPage({ me }: ScreenProps) {
  const { tr } = useT();
  const [archived, setArchivedShown] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const units = useResource(() => listUnits(archived), String(archived));
  const create = useSubmit(
    (values: UnitValues) => {
      // A new attempt replaces the last "created" notice, so it never stands beside a new error.
      setNotice(null);
      return createUnit({
        code: values.code,
        name: values.name,
        ...localNamesToCreate(values.names),
        ...(values.parent ? { parent: values.parent } : {}),
      });
    },
    (unit) => {
      setNotice(tr("console.units.created", { name: unit.name }));
      units.reload();
    },
  );
  const all = units.data ?? [];
  return (
    <Page title={tr("console.units.title")} intro={tr("console.units.intro")}>
      <section class="panel" aria-labelledby="new-unit-title">
        <h2 id="new-unit-title">{tr("console.units.createTitle")}</h2>
        <UnitForm
          key={notice ?? ""}
          units={all.filter((unit) => unit.archivedAt === null)}
          allowTopLevel={me.unit === null}
          movable
          initial={{ code: "", name: "", names: { zh: "", en: "" }, parent: me.unit ?? "" }}
          creating
          labelledBy="new-unit-title"
          submission={create}
        />
      </section>
      <CsvImport entity="units" onSaved={units.reload} />
      <CheckField
        name="show-archived"
        label={tr("console.form.showArchived")}
        checked={archived}
        onChecked={setArchivedShown}
      />
      {notice && <Notice>{notice}</Notice>}
      {units.state === "loading" && !units.data && <Loading />}
      {units.state === "error" && <ErrorNotice error={units.error} onRetry={units.reload} />}
      {units.data?.length === 0 && <Empty>{tr("console.units.empty")}</Empty>}
      {all.length > 0 && (
        <ul class="unit-tree" aria-label={tr("console.units.treeLabel")}>
          {unitForest(all).map((node) => (
            <UnitBranch
              key={node.unit.code}
              node={node}
              units={all}
              allowTopLevel={me.unit === null}
              scopeRoot={me.unit}
              onChanged={units.reload}
            />
          ))}
        </ul>
      )}
    </Page>
  );
}

function UnitBranch(props: {
  node: UnitNode;
  units: readonly Unit[];
  allowTopLevel: boolean;
  scopeRoot: string | null;
  onChanged: () => void;
}) {
  const { tr } = useT();
  const { unit, children } = props.node;
  const [panel, setPanel] = useState<"none" | "edit" | "services">("none");
  const save = useSubmit(
    (values: UnitValues) =>
      patchUnit(unit.code, {
        ...(values.name !== unit.name ? { name: values.name } : {}),
        nameZh: localNameOrNull(values.names.zh),
        nameEn: localNameOrNull(values.names.en),
        ...(values.parent !== (unit.parent ?? "") ? { parent: values.parent || null } : {}),
      }),
    () => {
      setPanel("none");
      props.onChanged();
    },
  );
  const archive = useSubmit((value: boolean) => setArchived("units", unit.code, value), props.onChanged);
  const id = `unit-${unit.code.replace(/\./g, "-")}`;
  return (
    <li>
      <div class="unit-row">
        <span id={`${id}-name`}>
          <strong>{unit.name}</strong> <span class="code">{unit.code}</span>
          {unit.archivedAt !== null && <span class="tag">{tr("console.form.archived")}</span>}
        </span>
        <span class="actions">
          {unit.archivedAt === null && (
            <>
              <button
                type="button"
                class="button-secondary"
                aria-expanded={panel === "edit"}
                aria-describedby={`${id}-name`}
                onClick={() => setPanel(panel === "edit" ? "none" : "edit")}
              >
                {tr("console.form.edit")}
              </button>
              <button
                type="button"
                class="button-secondary"
                aria-expanded={panel === "services"}
                aria-describedby={`${id}-name`}
                onClick={() => setPanel(panel === "services" ? "none" : "services")}
              >
                {tr("console.units.services")}
              </button>
            </>
          )}
          <button
            type="button"
            class={unit.archivedAt === null ? "button-danger" : "button-secondary"}
            aria-describedby={`${id}-name`}
            disabled={archive.pending}
            onClick={() => {
              if (
                unit.archivedAt !== null ||
                window.confirm(tr("console.units.confirmArchive", { name: unit.name }))
              )
                void archive.run(unit.archivedAt === null);
            }}
          >
            {unit.archivedAt === null ? tr("console.form.archive") : tr("console.form.restore")}
          </button>
        </span>
      </div>
      <FormError error={archive.error} />
      {panel === "edit" && (
        <div class="unit-panel">
          <h2 class="panel-title" id={`${id}-edit`}>
            {tr("console.units.editTitle", { name: unit.name })}
          </h2>
          <UnitForm
            units={props.units.filter((candidate) => candidate.archivedAt === null)}
            allowTopLevel={props.allowTopLevel}
            movable={unit.code !== props.scopeRoot}
            initial={{
              code: unit.code,
              name: unit.name,
              names: { zh: unit.nameZh ?? "", en: unit.nameEn ?? "" },
              parent: unit.parent ?? "",
            }}
            creating={false}
            labelledBy={`${id}-edit`}
            submission={save}
            onCancel={() => setPanel("none")}
          />
        </div>
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
