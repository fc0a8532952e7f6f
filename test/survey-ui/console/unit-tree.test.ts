import { describe, expect, it } from "vitest";
import type { Unit } from "../../../survey-ui/console/lib/console-api.js";
import { indentedName, treeOrder, unitForest } from "../../../survey-ui/console/lib/unit-tree.js";

const unit = (code: string, name: string, parent: string | null): Unit => ({
  code,
  name,
  parent,
  archivedAt: null,
});

describe("the unit tree", () => {
  it("puts each unit under its parent, siblings by name as Vietnamese sorts them", () => {
    const units = [
      unit("H35", "UBND tỉnh", null),
      unit("STP", "Sở Tư pháp", "H35"),
      unit("SNV", "Sở Ngoại vụ", "H35"),
      unit("HCTP", "Phòng Hành chính tư pháp", "STP"),
      unit("D10", "Đội 10", "STP"),
      unit("D2", "Đội 2", "STP"),
    ];
    expect(treeOrder(units).map(({ unit, depth }) => `${depth}:${unit.code}`)).toEqual([
      "0:H35",
      "1:SNV",
      "1:STP",
      "2:D2",
      "2:D10",
      "2:HCTP",
    ]);
  });

  it("starts a scoped user's tree at the top of their scope, whose parent they cannot see", () => {
    const forest = unitForest([unit("STP", "Sở Tư pháp", "H35"), unit("HCTP", "Phòng HCTP", "STP")]);
    expect(forest.map((node) => node.unit.code)).toEqual(["STP"]);
    expect(forest[0]?.children.map((node) => node.unit.code)).toEqual(["HCTP"]);
  });

  it("indents names in a select by depth and keeps the code visible", () => {
    expect(indentedName({ unit: unit("HCTP", "Phòng HCTP", "STP"), depth: 2 })).toBe(
      "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0└ Phòng HCTP (HCTP)",
    );
  });
});
