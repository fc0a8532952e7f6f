import { useState } from "preact/hooks";
import { POSTER_FORMATS } from "../../posters/poster.js";
import { type Point, patchPoint, setArchived, type Unit } from "../lib/console-api.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { FormError } from "./form-error.js";
import { KioskPanel } from "./kiosk-panel.js";
import { LinkIssuer } from "./link-issuer.js";
import { localNameOrNull } from "./local-name-fields.js";
import { dailyLimitOf, PointForm, type PointValues, pointValues } from "./point-form.js";

/** The poster of a point in a print format, opened in its own tab (it has a print button). */
const posterHref = (code: string, format: string) => `/posters/${encodeURIComponent(code)}?format=${format}`;

/**
 * One survey point: its QR, where it leads, and what staff do with it (print a poster, hand out
 * one-time links, edit, archive).
 */
export function PointCard(props: { point: Point; units: readonly Unit[]; onChanged: () => void }) {
  const { tr } = useT();
  const { point } = props;
  const [panel, setPanel] = useState<"none" | "edit" | "links" | "kiosk">("none");
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
      <div class="point-head">
        {/* A counter that takes one-time links only has no shared QR: it would lead citizens to a refusal. */}
        {!point.archived && !point.tokenRequired && (
          <img class="point-qr" src={`/qr/${point.code}.svg`} alt="" width={88} height={88} loading="lazy" />
        )}
        <div>
          <h2 id={titleId}>
            {point.label} <span class="code">{point.code}</span>
            {point.archived && <span class="tag">{tr("console.form.archived")}</span>}
          </h2>
          <p class="muted">
            {point.unit.name}
            {point.service
              ? ` · ${point.service.code} ${point.service.name}`
              : ` · ${tr("console.points.anyService")}`}
          </p>
          <p class="muted">
            {tr(`instrument.forms.${point.form}`)}
            {point.tokenRequired ? (
              <span class="tag">{tr("console.points.linksOnly")}</span>
            ) : (
              <>
                {" · "}
                <a href={point.surveyUrl} target="_blank" rel="noopener">
                  {point.surveyUrl}
                </a>
              </>
            )}
            {point.dailyLimit !== null && (
              <span class="tag">{tr("console.points.dailyLimitTag", { count: point.dailyLimit })}</span>
            )}
          </p>
        </div>
      </div>
      {!point.archived && (
        <div class="actions">
          {point.tokenRequired ? (
            <span class="muted">{tr("console.points.noPoster")}</span>
          ) : (
            POSTER_FORMATS.map((format) => (
              <a
                key={format}
                class="button button-secondary"
                href={posterHref(point.code, format)}
                target="_blank"
                rel="noopener"
                aria-label={tr("console.points.posterNamed", {
                  format: tr(`poster.formats.${format}`),
                  label: point.label,
                })}
              >
                {tr("console.points.poster", { format: tr(`poster.formats.${format}`) })}
              </a>
            ))
          )}
          <a
            class="button button-secondary"
            href={`/posters/paper/${encodeURIComponent(point.code)}?count=20`}
            target="_blank"
            rel="noopener"
          >
            {tr("paper.form.printTitle")}
          </a>
          {!point.tokenRequired && (
            <button
              type="button"
              class="button-secondary"
              aria-expanded={panel === "kiosk"}
              onClick={() => setPanel(panel === "kiosk" ? "none" : "kiosk")}
            >
              {tr("console.kiosk.open")}
            </button>
          )}
          <button
            type="button"
            class="button-secondary"
            aria-expanded={panel === "links"}
            onClick={() => setPanel(panel === "links" ? "none" : "links")}
          >
            {tr("console.links.open")}
          </button>
          <button
            type="button"
            class="button-secondary"
            aria-expanded={panel === "edit"}
            onClick={() => setPanel(panel === "edit" ? "none" : "edit")}
          >
            {tr("console.form.edit")}
          </button>
        </div>
      )}
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
