import * as z from "zod";

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// The variables of DESIGN.md §4; names are the environment's, so an error can name the variable.
const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, "must start with file:, libsql:, https:, http:, wss: or ws:")
    .default("file:data/hailong.db"),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://hailong.example.gov.vn" })
    .default("http://localhost:8787"),
  HOST: z.string().min(1).default("127.0.0.1"),
  // 0 lets the system pick a free port (tests).
  PORT: intFrom(0, 65535).default(8787),
  HAILONG_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  HAILONG_ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  HAILONG_RATE_LIMIT: intFrom(0, 1_000_000).default(10),
  HAILONG_RATE_LIMIT_DAY: intFrom(0, 1_000_000).default(60),
  HAILONG_LINK_DAYS: intFrom(1, 366).default(7),
  HAILONG_DURABILITY: z.enum(["normal", "full"]).default("normal"),
  HAILONG_TRUST_PROXY: z.enum(["true", "false", "1", "0"]).default("false"),
  // Issue 17: follow-up cases, their alerts and the retention of citizens' contacts.
  HAILONG_CASE_DAYS: intFrom(1, 365).default(7),
  HAILONG_CONTACT_DAYS: intFrom(1, 3650).default(90),
  HAILONG_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  HAILONG_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  HAILONG_DIGEST_HOUR: intFrom(0, 23).default(7),
  HAILONG_OFFICER_MIN_RESPONSES: intFrom(1, 1_000_000).default(10),
  HAILONG_LOG: z.enum(["info", "warn", "error"]).optional(),
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
    publicUrl: v.PUBLIC_URL.replace(/\/+$/, ""),
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
