import { useState } from "preact/hooks";
import { CsvImport } from "../components/csv-import.js";
import { CheckField } from "../components/field.js";
import { localNamesToCreate } from "../components/local-name-fields.js";
import { Page } from "../components/page.js";
import { Empty, ErrorNotice, Loading, Notice } from "../components/status.js";
import { UnitBranch } from "../components/unit-branch.js";
import { UnitForm, type UnitValues } from "../components/unit-form.js";
import { createUnit, listUnits } from "../lib/console-api.js";
import type { ScreenProps } from "../lib/screens.js";
import { unitForest } from "../lib/unit-tree.js";
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
