import { POINT_CODE_ALPHABET } from "../../shared/contract/catalogue.js";
import type { Database } from "../db/database.js";
import { pointCodeExists } from "../db/queries/points.js";

/** A random point code (6 characters without look-alikes); ~887 million codes, so a clash is rare. */
export function randomPointCode(): string {
  const n = POINT_CODE_ALPHABET.length;
  let code = "";
  while (code.length < 6) {
    const [byte] = crypto.getRandomValues(new Uint8Array(1)) as unknown as [number];
    // Rejection sampling keeps every character equally likely.
    if (byte < 256 - (256 % n)) code += POINT_CODE_ALPHABET[byte % n];
  }
  return code;
}

/** A point code not used yet (the unique index still guards against a race). */
export async function unusedPointCode(db: Database): Promise<string> {
  for (;;) {
    const code = randomPointCode();
    if (!(await pointCodeExists(db, code))) return code;
  }
}
