export { daysInMonth, daysInRange, formatDay, isRealDate, monthOf } from "./calendar.js";
export * from "./compare-periods.js";
export { DAY_MS, dayNumber, dayOfNumber, localDay, startOfLocalDay, TIME_ZONE } from "./local-day.js";
export * from "./period-query.js";
export * from "./periods.js";
