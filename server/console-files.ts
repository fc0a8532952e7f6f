import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { ConsoleFiles } from "./routes/console.js";

/**
 * The built console (Node only), read once at start into memory: serving it then costs no file read,
 * so a flood of sign-ins (password hashing shares Node's thread pool with file reads) cannot slow the
 * console's pages. The build is a few hundred KiB. Undefined when the folder does not exist.
 */
export function loadConsoleFiles(dir: URL): ConsoleFiles | undefined {
  const root = fileURLToPath(dir);
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        files.set(relative(root, path).split(sep).join("/"), new Uint8Array(readFileSync(path)));
    }
  };
  try {
    walk(root);
  } catch {
    return undefined;
  }
  return async (path) => files.get(path) ?? null;
}
