import { useState } from "preact/hooks";
import { POSTER_FORMATS } from "../../posters/poster.js";
import { CsvImport } from "../components/csv-import.js";
import { CheckField } from "../components/field.js";
import { localNamesToCreate } from "../components/local-name-fields.js";
import { Page } from "../components/page.js";
import { PointCard } from "../components/point-card.js";
import { dailyLimitOf, PointForm, type PointValues, pointValues } from "../components/point-form.js";
import { Empty, ErrorNotice, Loading, Notice } from "../components/status.js";
import { UnitSelect } from "../components/unit-select.js";
import { createPoint, createPointPerService, listPoints, listUnits } from "../lib/console-api.js";
import { navigate } from "../lib/router.js";
import type { ScreenProps } from "../lib/screens.js";
import { useResource } from "../lib/use-resource.js";
import { useRoute } from "../lib/use-route.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import "./points.css";

/** Points of my units: list them, create one, print posters, hand out one-time links. */
export function PointsPage(_props: ScreenProps) {
  const { tr } = useT();
  const { query } = useRoute();
  const unit = query.get("unit") ?? "";
  const [archived, setArchivedShown] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const units = useResource(() => listUnits(), "units");
  const points = useResource(() => listPoints(unit || undefined, archived), `${unit}:${archived}`);
  const create = useSubmit(
    (values: PointValues) => {
      setCreated(null);
      return createPoint({
        unit: values.unit,
        label: values.label,
        ...localNamesToCreate(values.labels, "label"),
        ...(values.service ? { service: values.service } : {}),
        form: values.form,
        tokenRequired: values.tokenRequired,
        dailyLimit: dailyLimitOf(values),
      });
    },
    (point) => {
      setCreated(tr("console.points.created", { code: point.code, label: point.label }));
      points.reload();
    },
  );
  const perService = useSubmit(
    () => {
      setCreated(null);
      return createPointPerService(unit);
    },
    (result) => {
      setCreated(
        result.created.length > 0
          ? tr("imports.perService.done", { count: result.created.length })
          : tr("imports.perService.none"),
      );
      points.reload();
    },
  );
  const unitList = units.data ?? [];
  const chosen = unitList.find((u) => u.code === unit);
  return (
    <Page title={tr("console.points.title")} intro={tr("console.points.intro")}>
      {units.state === "error" && <ErrorNotice error={units.error} onRetry={units.reload} />}
      <div class="filters">
        <UnitSelect
          name="filter-unit"
          label={tr("console.fields.unit")}
          units={unitList}
          value={unit}
          onValue={(code) =>
            navigate(code ? `points?unit=${encodeURIComponent(code)}` : "points", { replace: true })
          }
          emptyLabel={tr("console.points.allUnits")}
          hint={chosen ? `${chosen.name} (${chosen.code})` : undefined}
        />
        <CheckField
          name="show-archived"
          label={tr("console.form.showArchived")}
          checked={archived}
          onChecked={setArchivedShown}
        />
      </div>
      {unit && (
        <p class="actions">
          <span>{tr("console.points.allPosters")}</span>
          {POSTER_FORMATS.map((format) => (
            <a
              key={format}
              class="button button-secondary"
              href={`/posters?unit=${encodeURIComponent(unit)}&format=${format}`}
              target="_blank"
              rel="noopener"
            >
              {tr(`poster.formats.${format}`)}
            </a>
          ))}
        </p>
      )}
      {unit && (
        <section class="panel" aria-labelledby="per-service-title">
          <h2 id="per-service-title">{tr("imports.perService.title")}</h2>
          <p class="intro">{tr("imports.perService.intro")}</p>
          <button type="button" disabled={perService.pending} onClick={() => void perService.submit()}>
            {tr("imports.perService.button")}
          </button>
          {perService.error ? <ErrorNotice error={perService.error} /> : null}
        </section>
      )}
      {created && <Notice>{created}</Notice>}
      {points.state === "loading" && !points.data && <Loading />}
      {points.state === "error" && <ErrorNotice error={points.error} onRetry={points.reload} />}
      {points.data?.length === 0 && <Empty>{tr("console.points.empty")}</Empty>}
      {points.data && points.data.length > 0 && (
        <ul class="point-list" aria-label={tr("console.points.listLabel")}>
          {points.data.map((point) => (
            <PointCard key={point.code} point={point} units={unitList} onChanged={points.reload} />
          ))}
        </ul>
      )}
      <section class="panel" aria-labelledby="new-point-title">
        <h2 id="new-point-title">{tr("console.points.createTitle")}</h2>
        {units.data && units.data.length === 0 ? (
          <Empty>{tr("console.points.noUnits")}</Empty>
        ) : (
          <PointForm
            key={`${unit}:${created ?? ""}`}
            units={unitList}
            initial={pointValues(null, unit)}
            creating
            labelledBy="new-point-title"
            submission={create}
          />
        )}
      </section>
      <CsvImport entity="points" onSaved={points.reload} />
    </Page>
  );
}
