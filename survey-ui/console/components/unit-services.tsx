import { useState } from "preact/hooks";
import { getUnit, listServices, setUnitServices } from "../lib/console-api.js";
import { useResource } from "../lib/use-resource.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { TextField } from "./field.js";
import { FormError } from "./form-error.js";
import { Empty, ErrorNotice, Loading, Notice } from "./status.js";

/** Which services a unit offers: tick them in the catalogue and save the whole list at once. */
export function UnitServices({ code, labelledBy }: { code: string; labelledBy: string }) {
  const { tr } = useT();
  const data = useResource(
    () =>
      Promise.all([listServices(), getUnit(code)]).then(([all, unit]) => ({ all, offered: unit.services })),
    code,
  );
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [filter, setFilter] = useState("");
  const [saved, setSaved] = useState(false);
  const save = useSubmit(
    (codes: string[]) => setUnitServices(code, codes),
    () => setSaved(true),
  );
  if (data.state === "loading" && !data.data) return <Loading />;
  if (data.state === "error") return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (!data.data) return null;
  if (data.data.all.length === 0) return <Empty>{tr("console.units.noServices")}</Empty>;
  const selected = chosen ?? new Set(data.data.offered.map((service) => service.code));
  const needle = filter.trim().toLocaleLowerCase("vi");
  const shown = data.data.all.filter(
    (service) => !needle || `${service.code} ${service.name}`.toLocaleLowerCase("vi").includes(needle),
  );
  return (
    <form
      aria-labelledby={labelledBy}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void save.run([...selected]);
      }}
    >
      <FormError error={save.error} />
      {saved && <Notice>{tr("console.units.servicesSaved", { count: selected.size })}</Notice>}
      <TextField
        name={`service-filter-${code}`}
        type="search"
        label={tr("console.form.filter")}
        value={filter}
        onValue={setFilter}
      />
      <fieldset class="service-choices">
        <legend>{tr("console.units.servicesLegend", { count: selected.size })}</legend>
        {shown.map((service) => (
          <label key={service.code} class="choice">
            <input
              type="checkbox"
              checked={selected.has(service.code)}
              onChange={(event) => {
                const next = new Set(selected);
                if (event.currentTarget.checked) next.add(service.code);
                else next.delete(service.code);
                setChosen(next);
                setSaved(false);
              }}
            />
            <span>
              <span class="code">{service.code}</span> {service.name}
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={save.pending}>
        {tr("console.units.saveServices")}
      </button>
    </form>
  );
}
