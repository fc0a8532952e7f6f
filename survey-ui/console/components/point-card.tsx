import { useState } from "preact/hooks";
import { type Point, patchPoint, setArchived, type Unit } from "../lib/console-api.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { FormError } from "./form-error.js";
import { KioskPanel } from "./kiosk-panel.js";
import { LinkIssuer } from "./link-issuer.js";
import { localNameOrNull } from "./local-name-fields.js";
import { PointActions, type PointPanel } from "./point-actions.js";
import { dailyLimitOf, PointForm, type PointValues, pointValues } from "./point-form.js";
import { PointSummary } from "./point-summary.js";

/**
 * One survey point: its QR, where it leads, and what staff do with it (print a poster, hand out
 * one-time links, edit, archive).
 */
export function PointCard(props: { point: Point; units: readonly Unit[]; onChanged: () => void }) {
  const { tr } = useT();
  const { point } = props;
  const [panel, setPanel] = useState<PointPanel>("none");
  const save = useSubmit(
    (values: PointValues) =>
      patchPoint(point.code, {
        label: values.label,
        labelZh: localNameOrNull(values.labels.zh),
        labelEn: localNameOrNull(values.labels.en),
        service: values.service || null,
        form: values.form,
        tokenRequired: values.tokenRequired,
        dailyLimit: dailyLimitOf(values),
      }),
    () => {
      setPanel("none");
      props.onChanged();
    },
  );
  const archive = useSubmit(
    (archived: boolean) => setArchived("points", point.code, archived),
    props.onChanged,
  );
  const titleId = `point-${point.code}-name`;
  return (
    <li class={point.archived ? "point-card point-archived" : "point-card"} aria-labelledby={titleId}>
      <PointSummary point={point} titleId={titleId} />
      {!point.archived && <PointActions point={point} panel={panel} onPanel={setPanel} />}
      <FormError error={archive.error} />
      {panel === "links" && !point.archived && <LinkIssuer point={point} />}
      {panel === "kiosk" && !point.archived && <KioskPanel point={point} />}
      {panel === "edit" && !point.archived && (
        <section class="point-edit">
          <h3 id={`${titleId}-edit`}>{tr("console.points.editTitle")}</h3>
          <PointForm
            units={props.units}
            initial={pointValues(point)}
            creating={false}
            labelledBy={`${titleId}-edit`}
            submission={save}
            onCancel={() => setPanel("none")}
          />
        </section>
      )}
      <div class="actions">
        <button
          type="button"
          class={point.archived ? "button-secondary" : "button-danger"}
          disabled={archive.pending}
          onClick={() => {
            if (point.archived || window.confirm(tr("console.points.confirmArchive", { label: point.label })))
              void archive.run(!point.archived);
          }}
        >
          {point.archived ? tr("console.form.restore") : tr("console.form.archive")}
        </button>
      </div>
    </li>
  );
}
