import type { Point } from "../lib/console-api.js";
import { useT } from "../lib/use-t.js";

/** What a point is: its QR (when it has a shared one), label and code, unit, service, form and address. */
export function PointSummary({ point, titleId }: { point: Point; titleId: string }) {
  const { tr } = useT();
  return (
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
  );
}
