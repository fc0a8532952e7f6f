import { roundForDisplay } from "../../../shared/scoring/rounding.js";
import { formatFigure, useT } from "../lib/use-t.js";

/**
 * The change of a figure from the previous period, in points ("▲ 1,25 điểm so với kỳ trước"); nothing when
 * either period has no data.
 */
export function ChangeNote({ now, before }: { now: number | null; before: number | null | undefined }) {
  const { lang, tr } = useT();
  if (now === null || before === null || before === undefined) return null;
  const delta = roundForDisplay(now - before);
  const points = formatFigure(lang, Math.abs(delta));
  const [key, tone] =
    delta > 0
      ? (["pack.console.changeUp", "up"] as const)
      : delta < 0
        ? (["pack.console.changeDown", "down"] as const)
        : (["pack.console.changeSame", "same"] as const);
  return (
    <span class={`change change-${tone}`} data-testid="change">
      {tr(key, { points })}
    </span>
  );
}
