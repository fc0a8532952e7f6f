export * from "./counts.js";
export * from "./rounding.js";
export * from "./score.js";
