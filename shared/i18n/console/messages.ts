import type { Widen } from "../messages.js";
import type { consoleVi } from "./vi.js";

/** The console table's shape: Vietnamese's keys, typed so that a missing or extra key in zh or en fails. */
export type ConsoleMessages = Widen<typeof consoleVi>;
