import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIndex, roundForDisplay } from "../../../shared/scoring/index.js";

describe("roundForDisplay", () => {
  it("rounds half away from zero as the value prints, despite binary representation", () => {
    // 1.005 is stored as 1.00499999999999989…, so Math.round(x * 100) / 100 gives 1 and toFixed gives "1.00".
    expect(roundForDisplay(1.005)).toBe(1.01);
    expect(roundForDisplay(66.665)).toBe(66.67);
    expect(roundForDisplay(-1.005)).toBe(-1.01);
    expect(roundForDisplay(2.675)).toBe(2.68);
    expect(roundForDisplay(0.125)).toBe(0.13);
    expect(roundForDisplay(-0.125)).toBe(-0.13);
    expect(roundForDisplay(99.995)).toBe(100);
  });

  it("rounds the other values to the nearest", () => {
    expect(roundForDisplay(200 / 3)).toBe(66.67);
    expect(roundForDisplay(175 / 3)).toBe(58.33);
    expect(roundForDisplay(-200 / 3)).toBe(-66.67);
    expect(roundForDisplay(50)).toBe(50);
  });

  it("takes other numbers of decimals", () => {
    expect(roundForDisplay(2.5, 0)).toBe(3);
    expect(roundForDisplay(-2.5, 0)).toBe(-3);
    expect(roundForDisplay(1.45, 1)).toBe(1.5);
    expect(roundForDisplay(12.34565, 4)).toBe(12.3457);
  });

  it("handles values printed in exponent form and never returns -0", () => {
    expect(roundForDisplay(1e-7)).toBe(0);
    expect(Object.is(roundForDisplay(-0.001), 0)).toBe(true);
    expect(roundForDisplay(5e-3)).toBe(0.01);
    expect(roundForDisplay(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it("agrees with decimal rounding of any three-decimal value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (thousandths) => {
        // thousandths / 10 rounded half away from zero, in integers: the exact decimal answer.
        const hundredths = Math.sign(thousandths) * Math.floor((Math.abs(thousandths) + 5) / 10);
        expect(roundForDisplay(thousandths / 1000)).toBe(hundredths / 100 || 0);
      }),
    );
  });
});

describe("formatIndex", () => {
  it("prints two decimals, or nothing without data", () => {
    expect(formatIndex(200 / 3)).toBe("66.67");
    expect(formatIndex(50)).toBe("50.00");
    expect(formatIndex(100)).toBe("100.00");
    expect(formatIndex(0)).toBe("0.00");
    expect(formatIndex(1.005)).toBe("1.01");
    expect(formatIndex(-0.001)).toBe("0.00");
    expect(formatIndex(null)).toBe("");
    expect(formatIndex(11 / 3, 1)).toBe("3.7");
  });
});
