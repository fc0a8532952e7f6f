import { describe, expect, it } from "vitest";
import { GroupMap } from "../../../server/reports/group-map.js";

describe("GroupMap", () => {
  it("finds a group by a key with the same members, built anywhere", () => {
    const map = new GroupMap<string>().set([4, 11], "unit 4, service 11").set([], "total");
    expect(map.get([4, 11])).toBe("unit 4, service 11");
    expect(map.has([])).toBe(true);
    expect(map.get([11, 4])).toBeUndefined();
  });

  it("keeps apart keys that a joined string would confuse", () => {
    const map = new GroupMap<number>().set(["a|b"], 1).set(["a", "b"], 2).set([1], 3).set(["1"], 4);
    expect([map.get(["a|b"]), map.get(["a", "b"]), map.get([1]), map.get(["1"])]).toEqual([1, 2, 3, 4]);
  });

  it("lists its keys in the order they were first set", () => {
    const map = new GroupMap<number>().set(["2026-02"], 1).set(["2026-01"], 2).set(["2026-02"], 3);
    expect(map.keys()).toEqual([["2026-02"], ["2026-01"]]);
    expect(map.get(["2026-02"])).toBe(3);
  });
});
