/** A report group's key: the values of its grouping's rollup columns, in order ([] for by=total). */
export type GroupKey = ReadonlyArray<string | number>;

/**
 * A map from group keys to values, comparing keys by their members: the key a query returns and the one a
 * report builds for the same group find the same entry.
 */
export class GroupMap<V> {
  // JSON keeps members apart whatever they contain (a joined string would not) and tells 1 from "1".
  readonly #entries = new Map<string, { key: GroupKey; value: V }>();

  get(key: GroupKey): V | undefined {
    return this.#entries.get(JSON.stringify(key))?.value;
  }

  has(key: GroupKey): boolean {
    return this.#entries.has(JSON.stringify(key));
  }

  set(key: GroupKey, value: V): this {
    this.#entries.set(JSON.stringify(key), { key, value });
    return this;
  }

  /** The keys, in the order they were first set. */
  keys(): GroupKey[] {
    return [...this.#entries.values()].map((entry) => entry.key);
  }
}
