import { existsSync } from "node:fs";
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { AppConfig } from "../../server/config.js";

// What every operator script shares: `--help` prints its usage, a wrong argument one clear line (no
// stack trace), and a database path that does not exist is an error, never a new empty file.

/**
 * Parses the script's arguments; `--help` (or `-h`) prints `usage` and exits 0, an unknown option or
 * a missing value prints one line naming it and exits 2.
 */
export function scriptArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  script: string,
  usage: string,
  options: T,
  allowPositionals = false,
) {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage.trim());
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    const what = /'([^']+)'/.exec((error as Error).message)?.[1];
    const code = (error as { code?: string }).code;
    const reason =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `unknown option ${what}`
        : code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
          ? `unexpected argument ${what}`
          : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
            ? `option ${what?.split(" ")[0] ?? ""} needs a value`
            : (error as Error).message.split("\n")[0];
    fail(script, `${reason}. See: npm run ${script} -- --help`);
  }
}

/** Prints one line for the operator and exits (2: the command was wrong or cannot run as asked). */
export function fail(script: string, message: string, exitCode = 2): never {
  console.error(`${script}: ${message}`);
  process.exit(exitCode);
}

/**
 * The path of the local database file of DATABASE_URL, which must exist: opening a mistyped path
 * would create an empty database there.
 */
export function existingDatabaseFile(script: string, config: Pick<AppConfig, "databaseUrl">): string {
  if (!config.databaseUrl.startsWith("file:"))
    fail(
      script,
      `works on a local file database (DATABASE_URL=file:…), not ${config.databaseUrl.split(":")[0]}.`,
    );
  const path = config.databaseUrl.slice("file:".length);
  if (!existsSync(path))
    fail(script, `there is no database at ${path} (check DATABASE_URL; npm start creates one).`, 1);
  return path;
}
