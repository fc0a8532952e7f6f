import { createClient } from "@libsql/client/http";
import { drizzle } from "drizzle-orm/libsql/http";
import type { Database } from "./database.js";
import * as schema from "./schema.js";

/**
 * The app's database on a remote libSQL server (Turso) over HTTP, for Workers without a D1 binding.
 * The web client has no native code, so the worker bundle stays free of the Node driver.
 */
export function openLibsqlHttpDatabase(url: string, authToken: string | undefined): Database {
  const client = createClient({ url, authToken });
  return drizzle(client, { schema }) as unknown as Database;
}
