// Display rounding (SIPAS.md §3): half away from zero, applied only by renderers and exports, never to a
// figure that is computed on further.

/** Shifts the decimal point of a number's shortest printed form by `places`, without binary error. */
function shift(value: number, places: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds half away from zero as the value prints: 1.005 → 1.01, 66.665 → 66.67, -1.005 → -1.01.
 * Working on the printed digits avoids the binary representation (1.005 is stored as 1.00499…).
 */
export function roundForDisplay(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  const rounded = shift(Math.round(shift(Math.abs(value), decimals)), -decimals);
  // A tiny negative value rounds to 0, never to -0 ("-0.00" in a report).
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

/** A figure as report cells show it: "66.67" with exactly `decimals` decimals, or "" when there is no data. */
export function formatIndex(value: number | null, decimals = 2): string {
  return value === null ? "" : roundForDisplay(value, decimals).toFixed(decimals);
}
