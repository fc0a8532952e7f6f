import { useState } from "preact/hooks";
import { vietnameseCollator } from "../../../shared/i18n/collate.js";
import { CsvImport } from "../components/csv-import.js";
import { CheckField, TextField } from "../components/field.js";
import { FormError } from "../components/form-error.js";
import { localNameOrNull, localNamesToCreate } from "../components/local-name-fields.js";
import { Page } from "../components/page.js";
import { ServiceForm, type ServiceValues } from "../components/service-form.js";
import { Empty, ErrorNotice, Loading, Notice } from "../components/status.js";
import {
  createService,
  listServices,
  listUnits,
  patchService,
  type Service,
  setArchived,
} from "../lib/console-api.js";
import type { ScreenProps } from "../lib/screens.js";
import { useResource } from "../lib/use-resource.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import "./catalogue.css";

const optional = (value: string) => (value.trim() ? value : undefined);

/** Administrative procedures (admin): the list, one by one, or a CSV import checked row by row first. */
export function ServicesPage(_props: ScreenProps) {
  const { tr } = useT();
  const [archived, setArchivedShown] = useState(false);
  const [filter, setFilter] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const services = useResource(() => listServices(archived), String(archived));
  const units = useResource(() => listUnits(true), "units");
  const unitNames = new Map((units.data ?? []).map((unit) => [unit.code, unit.name]));
  const create = useSubmit(
    (values: ServiceValues) => {
      // A new attempt replaces the last "added" notice, so it never stands beside a new error.
      setNotice(null);
      return createService({
        code: values.code,
        name: values.name,
        ...localNamesToCreate(values.names),
        field: optional(values.field),
        localCode: optional(values.localCode),
      });
    },
    (service) => {
      setNotice(tr("console.services.created", { code: service.code }));
      services.reload();
    },
  );
  const needle = filter.trim().toLocaleLowerCase("vi");
  const shown = (services.data ?? [])
    .filter(
      (service) =>
        !needle ||
        `${service.code} ${service.name} ${service.field ?? ""}`.toLocaleLowerCase("vi").includes(needle),
    )
    .sort((a, b) => vietnameseCollator.compare(a.name, b.name));
  return (
    <Page title={tr("console.services.title")} intro={tr("console.services.intro")}>
      {/* Actions first: with a long catalogue, forms below the list sit thousands of pixels down. */}
      <section class="panel" aria-labelledby="new-service-title">
        <h2 id="new-service-title">{tr("console.services.createTitle")}</h2>
        <ServiceForm
          key={notice ?? ""}
          initial={{ code: "", name: "", names: { zh: "", en: "" }, field: "", localCode: "" }}
          creating
          labelledBy="new-service-title"
          submission={create}
        />
      </section>
      <CsvImport entity="services" onSaved={services.reload} />
      <div class="filters">
        <TextField
          name="service-filter"
          type="search"
          label={tr("console.form.filter")}
          value={filter}
          onValue={setFilter}
        />
        <CheckField
          name="show-archived"
          label={tr("console.form.showArchived")}
          checked={archived}
          onChecked={setArchivedShown}
        />
      </div>
      {notice && <Notice>{notice}</Notice>}
      {services.state === "loading" && !services.data && <Loading />}
      {services.state === "error" && <ErrorNotice error={services.error} onRetry={services.reload} />}
      {services.data?.length === 0 && <Empty>{tr("console.services.empty")}</Empty>}
      {shown.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>{tr("console.services.count", { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{tr("console.fields.serviceCode")}</th>
                <th scope="col">{tr("console.fields.serviceName")}</th>
                <th scope="col">{tr("console.fields.field")}</th>
                <th scope="col">{tr("console.services.offeredBy")}</th>
                <th scope="col">{tr("console.form.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((service) => (
                <ServiceRow
                  key={service.code}
                  service={service}
                  unitNames={unitNames}
                  onChanged={services.reload}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function ServiceRow({
  service,
  unitNames,
  onChanged,
}: {
  service: Service;
  unitNames: ReadonlyMap<string, string>;
  onChanged: () => void;
}) {
  const { tr } = useT();
  const [editing, setEditing] = useState(false);
  const save = useSubmit(
    (values: ServiceValues) =>
      patchService(service.code, {
        name: values.name,
        nameZh: localNameOrNull(values.names.zh),
        nameEn: localNameOrNull(values.names.en),
        field: optional(values.field) ?? null,
        localCode: optional(values.localCode) ?? null,
      }),
    () => {
      setEditing(false);
      onChanged();
    },
  );
  const archive = useSubmit((value: boolean) => setArchived("services", service.code, value), onChanged);
  const id = `service-${service.code.replace(/\./g, "-")}`;
  return (
    <>
      <tr>
        <td class="code" id={`${id}-code`}>
          {service.code}
        </td>
        <td>
          {service.name}
          {service.archivedAt !== null && <span class="tag">{tr("console.form.archived")}</span>}
          {service.localCode && <div class="muted">{service.localCode}</div>}
        </td>
        <td>{service.field ?? ""}</td>
        <td>
          {service.units.length > 0 ? (
            service.units.map((code) => (
              <div key={code} title={code}>
                {unitNames.get(code) ?? code}
              </div>
            ))
          ) : (
            <span class="muted">–</span>
          )}
        </td>
        <td>
          <span class="actions">
            {service.archivedAt === null && (
              <button
                type="button"
                class="button-secondary"
                aria-expanded={editing}
                aria-describedby={`${id}-code`}
                onClick={() => setEditing(!editing)}
              >
                {tr("console.form.edit")}
              </button>
            )}
            <button
              type="button"
              class={service.archivedAt === null ? "button-danger" : "button-secondary"}
              aria-describedby={`${id}-code`}
              disabled={archive.pending}
              onClick={() => {
                if (
                  service.archivedAt !== null ||
                  window.confirm(tr("console.services.confirmArchive", { code: service.code }))
                )
                  void archive.run(service.archivedAt === null);
              }}
            >
              {service.archivedAt === null ? tr("console.form.archive") : tr("console.form.restore")}
            </button>
          </span>
          <FormError error={archive.error} />
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5}>
            <h2 class="panel-title" id={`${id}-edit`}>
              {tr("console.services.editTitle", { code: service.code })}
            </h2>
            <ServiceForm
              initial={{
                code: service.code,
                name: service.name,
                names: { zh: service.nameZh ?? "", en: service.nameEn ?? "" },
                field: service.field ?? "",
                localCode: service.localCode ?? "",
              }}
              creating={false}
              labelledBy={`${id}-edit`}
              submission={save}
              onCancel={() => setEditing(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
