/** The number of satisfaction items answered, reading each item's value through `answerOf`. */
export function answeredCount(items: readonly string[], answerOf: (item: string) => unknown): number {
  return items.filter((item) => {
    const value = answerOf(item);
    return typeof value === "string" && value !== "";
  }).length;
}
