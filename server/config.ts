import * as z from "../shared/contract/zod.js";

const intFrom = (min: number, max: number) =>
  z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));

// The variables of DESIGN.md §4; names are the environment's, so an error can name the variable.
const configSchema = z.object({
  DATABASE_URL: z._default(
    z
      .string()
      .check(
        z.regex(
          /^(file:|libsql:|https?:|wss?:)/,
          "must start with file:, libsql:, https:, http:, wss: or ws:",
        ),
      ),
    "file:data/hailong.db",
  ),
  DATABASE_AUTH_TOKEN: z.optional(z.string().check(z.minLength(1))),
  // Unset: this machine on the port it listens on (8787 when the system picks one).
  PUBLIC_URL: z.optional(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://hailong.example.gov.vn" }),
  ),
  HOST: z._default(z.string().check(z.minLength(1)), "127.0.0.1"),
  // 0 lets the system pick a free port (tests).
  PORT: z._default(intFrom(0, 65535), 8787),
  HAILONG_SECRET: z.optional(z.string().check(z.minLength(32, "must be at least 32 characters"))),
  HAILONG_ADMIN_PASSWORD: z.optional(z.string().check(z.minLength(10, "must be at least 10 characters"))),
  HAILONG_RATE_LIMIT: z._default(intFrom(0, 1_000_000), 10),
  HAILONG_RATE_LIMIT_DAY: z._default(intFrom(0, 1_000_000), 60),
  HAILONG_LINK_DAYS: z._default(intFrom(1, 366), 7),
  HAILONG_DURABILITY: z._default(z.enum(["normal", "full"]), "normal"),
  HAILONG_TRUST_PROXY: z._default(z.enum(["true", "false", "1", "0"]), "false"),
  // Issue 17: follow-up cases, their alerts and the retention of citizens' contacts.
  HAILONG_CASE_DAYS: z._default(intFrom(1, 365), 7),
  HAILONG_CONTACT_DAYS: z._default(intFrom(1, 3650), 90),
  HAILONG_WEBHOOK_URL: z.optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
  HAILONG_WEBHOOK_SECRET: z.optional(z.string().check(z.minLength(16, "must be at least 16 characters"))),
  HAILONG_DIGEST_HOUR: z._default(intFrom(0, 23), 7),
  HAILONG_OFFICER_MIN_RESPONSES: z._default(intFrom(1, 1_000_000), 10),
  HAILONG_LOG: z.optional(z.enum(["info", "warn", "error"])),
});

export type Config = {
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  publicUrl: string;
  host: string;
  port: number;
  /** Signing secret; when unset, one is generated and kept in the database (see bootstrap). */
  secret: string | undefined;
  adminPassword: string | undefined;
  /** Submissions per minute from one network address to one point; 0 turns limiting off altogether. */
  rateLimit: number;
  /** Submissions per day from one network address to one point (a point may set its own); 0: no day limit. */
  rateLimitDay: number;
  linkDays: number;
  /** SQLite `synchronous`: normal survives a process crash, full also a power loss. */
  durability: "normal" | "full";
  /** Read the client address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  /** Days a follow-up case has before it is overdue. */
  caseDays: number;
  /** Days a citizen's contact is kept after the case closes. */
  contactDays: number;
  /** Where alerts are POSTed (none when unset), and the key they are signed with. */
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  /** Hour of the day (Hanoi time) the daily digest goes out. */
  digestHour: number;
  /** Below this many respondents an officer's figures are withheld in reports (only the count shows). */
  officerMinResponses: number;
  /** Lowest log level written; unset: warn in a terminal (quiet request logs), info otherwise. */
  logLevel?: "info" | "warn" | "error" | undefined;
};

/** Configuration as the app uses it, once the signing secret is known. */
export type AppConfig = Config & { secret: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment (Node) or the bindings (Workers) once; a bad value names its variable. */
export function parseConfig(env: Record<string, unknown>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const v = result.data;
  return {
    databaseUrl: v.DATABASE_URL,
    databaseAuthToken: v.DATABASE_AUTH_TOKEN,
    publicUrl: (v.PUBLIC_URL ?? `http://localhost:${v.PORT || 8787}`).replace(/\/+$/, ""),
    host: v.HOST,
    port: v.PORT,
    secret: v.HAILONG_SECRET,
    adminPassword: v.HAILONG_ADMIN_PASSWORD,
    rateLimit: v.HAILONG_RATE_LIMIT,
    rateLimitDay: v.HAILONG_RATE_LIMIT_DAY,
    linkDays: v.HAILONG_LINK_DAYS,
    durability: v.HAILONG_DURABILITY,
    trustProxy: v.HAILONG_TRUST_PROXY === "true" || v.HAILONG_TRUST_PROXY === "1",
    caseDays: v.HAILONG_CASE_DAYS,
    contactDays: v.HAILONG_CONTACT_DAYS,
    webhookUrl: v.HAILONG_WEBHOOK_URL,
    webhookSecret: v.HAILONG_WEBHOOK_SECRET,
    digestHour: v.HAILONG_DIGEST_HOUR,
    officerMinResponses: v.HAILONG_OFFICER_MIN_RESPONSES,
    logLevel: v.HAILONG_LOG,
  };
}
