import { useState } from "preact/hooks";
import { POSTER_FORMATS } from "../../posters/poster.js";
import { CheckField } from "../components/field.js";
import { localNamesToCreate } from "../components/local-name-fields.js";
import { Page } from "../components/page.js";
import { PointCard } from "../components/point-card.js";
import { PointForm, type PointValues, pointValues } from "../components/point-form.js";
import { Empty, ErrorNotice, Loading, Notice } from "../components/status.js";
import { UnitSelect } from "../components/unit-select.js";
import { createPoint, listPoints, listUnits } from "../lib/console-api.js";
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
    (values: PointValues) =>
      createPoint({
        unit: values.unit,
        label: values.label,
        ...localNamesToCreate(values.labels, "label"),
        ...(values.service ? { service: values.service } : {}),
        form: values.form,
        tokenRequired: values.tokenRequired,
      }),
    (point) => {
      setCreated(tr("console.points.created", { code: point.code, label: point.label }));
      points.reload();
    },
  );
  const unitList = units.data ?? [];
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
    </Page>
  );
}
