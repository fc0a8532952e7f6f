import { useState } from "preact/hooks";
import { CheckField, TextField } from "../components/field.js";
import { FormError } from "../components/form-error.js";
import { Page } from "../components/page.js";
import { Empty, ErrorNotice, Loading, Notice } from "../components/status.js";
import { listPoints, type Point, patchPoint } from "../lib/console-api.js";
import { formatDateTime } from "../lib/format-date.js";
import type { ScreenProps } from "../lib/screens.js";
import { endShift, listShifts, type OpenShift, takeCounter } from "../lib/shift-api.js";
import { useResource } from "../lib/use-resource.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import "./shift.css";

/** "Ca làm việc": a staff member takes a counter for their shift from their phone, and ends it. */
export function ShiftPage(_props: ScreenProps) {
  const { lang, tr } = useT();
  const points = useResource(() => listPoints(undefined, false), "points");
  const shifts = useResource(() => listShifts(), "shifts");
  const mine = shifts.data?.shifts.find((shift) => shift.mine);
  const [name, setName] = useState<string | null>(null);
  const shownName = name ?? mine?.name ?? "";
  const reload = () => {
    shifts.reload();
    points.reload();
  };
  const take = useSubmit((code: string) => takeCounter(code, shownName), reload);
  const end = useSubmit((code: string) => endShift(code), reload);
  const toggle = useSubmit(
    (change: { code: string; showOfficer: boolean }) =>
      patchPoint(change.code, { showOfficer: change.showOfficer }),
    reload,
  );
  const onDutyAt = new Map<string, OpenShift>(
    (shifts.data?.shifts ?? []).map((shift) => [shift.point, shift]),
  );
  const myPoint = points.data?.find((point) => point.code === mine?.point);
  return (
    <Page title={tr("officers.shift.title")} intro={tr("officers.shift.intro")}>
      {(points.state === "loading" || shifts.state === "loading") && !points.data && <Loading />}
      {points.state === "error" && <ErrorNotice error={points.error} onRetry={points.reload} />}
      {shifts.state === "error" && <ErrorNotice error={shifts.error} onRetry={shifts.reload} />}
      <section class="panel shift-now" aria-labelledby="shift-now-title">
        <h2 id="shift-now-title" class="sr-only">
          {tr("officers.shift.title")}
        </h2>
        {mine ? (
          <>
            <Notice>
              <span data-testid="my-counter">
                {tr("officers.shift.holding", {
                  label: mine.label,
                  code: mine.point,
                  time: formatDateTime(lang, mine.endsAt),
                })}
              </span>
            </Notice>
            <button type="button" class="button" disabled={end.pending} onClick={() => end.run(mine.point)}>
              {tr("officers.shift.end")}
            </button>
            {myPoint && (
              <CheckField
                name="show-officer"
                label={tr("officers.shift.showOfficer")}
                checked={myPoint.showOfficer}
                onChecked={(checked) => toggle.run({ code: myPoint.code, showOfficer: checked })}
              />
            )}
          </>
        ) : (
          <p>{tr("officers.shift.none")}</p>
        )}
        <FormError error={end.error ?? toggle.error} />
      </section>
      <section class="panel" aria-labelledby="counters-title">
        <h2 id="counters-title">{tr("officers.shift.counters")}</h2>
        <TextField
          name="name"
          label={tr("officers.shift.name")}
          hint={tr("officers.shift.nameHint")}
          value={shownName}
          maxLength={80}
          autoComplete="name"
          invalid={take.invalid("name")}
          onValue={setName}
        />
        <FormError error={take.error} fields={["name"]} />
        {points.data?.length === 0 && <Empty>{tr("officers.shift.noCounters")}</Empty>}
        <ul class="shift-list">
          {(points.data ?? []).map((point: Point) => {
            const onDuty = onDutyAt.get(point.code);
            const held = onDuty?.mine === true;
            return (
              <li key={point.code} class={held ? "shift-item shift-mine" : "shift-item"}>
                <div>
                  <strong>{point.label}</strong> <span class="code">{point.code}</span>
                  <p class="muted">
                    {onDuty ? tr("officers.shift.onDuty", { name: onDuty.name }) : tr("officers.shift.free")}
                  </p>
                </div>
                {!held && (
                  <button
                    type="button"
                    class="button"
                    disabled={take.pending}
                    aria-label={`${tr("officers.shift.take")}: ${point.label}`}
                    onClick={() => take.run(point.code)}
                  >
                    {tr("officers.shift.take")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </Page>
  );
}
