import type { Unit } from "./console-api.js";

export type UnitNode = { unit: Unit; children: UnitNode[] };
type TreeUnit = { unit: Unit; depth: number };

const byName = new Intl.Collator("vi", { numeric: true });

/**
 * The units as a forest, siblings by name. The roots are the units whose parent is not in the list:
 * for a scoped user, the top of their subtree.
 */
export function unitForest(units: readonly Unit[]): UnitNode[] {
  const known = new Set(units.map((unit) => unit.code));
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parent !== null && known.has(unit.parent) ? unit.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const grow = (parent: string | null): UnitNode[] =>
    (children.get(parent) ?? [])
      .sort((a, b) => byName.compare(a.name, b.name))
      .map((unit) => ({ unit, children: grow(unit.code) }));
  return grow(null);
}

/** Units in tree order (each parent followed by its children) with their depth. */
export function treeOrder(units: readonly Unit[]): TreeUnit[] {
  const ordered: TreeUnit[] = [];
  const visit = (nodes: UnitNode[], depth: number) => {
    for (const node of nodes) {
      ordered.push({ unit: node.unit, depth });
      visit(node.children, depth + 1);
    }
  };
  visit(unitForest(units), 0);
  return ordered;
}

/** A unit's label in a select, indented by depth so the tree shows in a plain <select>. */
export function indentedName({ unit, depth }: TreeUnit): string {
  return `${"\u00a0\u00a0\u00a0".repeat(depth)}${depth > 0 ? "└ " : ""}${unit.name} (${unit.code})`;
}
