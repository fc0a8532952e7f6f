export * from "./elements.js";
export * from "./respondent.js";
export * from "./scales.js";
export * from "./version.js";
