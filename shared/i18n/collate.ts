/**
 * Vietnamese alphabetical order ("Đăng ký" after "Cấp", before "Yêu cầu"), for every list sorted by a
 * name: SQLite's ORDER BY compares code points, which puts Đ after Y.
 */
export const vietnameseCollator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** A copy of `items` sorted by `name` in Vietnamese order. */
export function sortByName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => vietnameseCollator.compare(name(a), name(b)));
}
