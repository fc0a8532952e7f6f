export * from "./languages.js";
export * from "./local-name.js";
export type { MessageKey, Messages } from "./messages.js";
export * from "./pick-language.js";
export * from "./translate.js";
