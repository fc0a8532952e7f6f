import { describe, expect, it } from "vitest";
import { rollupIncrements, rollupRows } from "../../../server/db/queries/rollups.js";

const response = {
  day: "2026-03-15",
  unitId: 2,
  pointId: 7,
  serviceId: null,
  channel: "qr",
  answers: { TC1: 5, CC2: 3 },
  expectations: { E4: 1 },
};

describe("rollupIncrements", () => {
  it("counts the respondent, each answer and each expectation once, under service 0 when none was chosen", () => {
    const key = {
      day: "2026-03-15",
      unitId: 2,
      pointId: 7,
      serviceId: 0,
      officerId: 0,
      channel: "qr",
      count: 1,
    };
    expect(rollupIncrements(response)).toEqual([
      { ...key, item: "#", value: 0 },
      { ...key, item: "TC1", value: 5 },
      { ...key, item: "CC2", value: 3 },
      { ...key, item: "E4", value: 1 },
    ]);
  });

  it("keys the counts by the chosen service", () => {
    expect(rollupIncrements({ ...response, serviceId: 12 }).every((i) => i.serviceId === 12)).toBe(true);
  });

  it("keys the counts by the officer who served, 0 when none", () => {
    expect(rollupIncrements({ ...response, officerId: 5 }).every((i) => i.officerId === 5)).toBe(true);
    expect(rollupIncrements({ ...response, officerId: null }).every((i) => i.officerId === 0)).toBe(true);
  });

  it("keys the counts by the response's channel, paper and import included", () => {
    for (const channel of ["kiosk", "paper", "import"]) {
      expect(rollupIncrements({ ...response, channel }).every((i) => i.channel === channel)).toBe(true);
    }
  });
});

describe("rollupRows", () => {
  it("keeps the counts of each channel in rows of their own", () => {
    const { daily } = rollupRows([
      ...rollupIncrements(response),
      ...rollupIncrements({ ...response, channel: "paper" }),
      ...rollupIncrements({ ...response, channel: "paper" }),
    ]);
    const respondents = daily.filter((r) => r.item === "#").map((r) => [r.channel, r.counts[0]]);
    expect(respondents).toEqual([
      ["qr", 1],
      ["paper", 2],
    ]);
  });

  it("folds many responses into one row per item for each day and each month", () => {
    const increments = [
      ...rollupIncrements(response),
      ...rollupIncrements({ ...response, answers: { TC1: 4 }, expectations: null }),
      ...rollupIncrements({ ...response, day: "2026-03-16", answers: { TC1: 5 }, expectations: null }),
    ];
    const { daily, monthly } = rollupRows(increments);
    const counts = (rows: typeof daily) =>
      Object.fromEntries(rows.map((r) => [`${r.period} ${r.item}`, r.counts]));
    expect(counts(daily)).toEqual({
      "2026-03-15 #": [2, 0, 0, 0, 0],
      "2026-03-15 TC1": [0, 0, 0, 1, 1],
      "2026-03-15 CC2": [0, 0, 1, 0, 0],
      "2026-03-15 E4": [1, 0, 0, 0, 0],
      "2026-03-16 #": [1, 0, 0, 0, 0],
      "2026-03-16 TC1": [0, 0, 0, 0, 1],
    });
    expect(counts(monthly)).toEqual({
      "2026-03 #": [3, 0, 0, 0, 0],
      "2026-03 TC1": [0, 0, 0, 1, 2],
      "2026-03 CC2": [0, 0, 1, 0, 0],
      "2026-03 E4": [1, 0, 0, 0, 0],
    });
  });

  it("keeps one officer's counts apart from another's on the same day and counter", () => {
    const { daily, monthly } = rollupRows([
      ...rollupIncrements({ ...response, officerId: 5, expectations: null }),
      ...rollupIncrements({ ...response, officerId: 6, expectations: null }),
      ...rollupIncrements({ ...response, officerId: 6, expectations: null }),
    ]);
    const respondents = (rows: typeof daily) =>
      rows.filter((r) => r.item === "#").map((r) => [r.officerId, r.counts[0]]);
    expect(respondents(daily)).toEqual([
      [5, 1],
      [6, 2],
    ]);
    expect(respondents(monthly)).toEqual(respondents(daily));
  });
});
