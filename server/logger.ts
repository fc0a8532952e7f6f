/**
 * Structured logs, one JSON object per line. Callers pass only operational fields (route, status,
 * duration, request id, counts): never an address, a comment, a password or a token.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type Logger = {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
};

/** A logger that writes JSON lines through the given sink (console on both runtimes). */
export function createJsonLogger(write: (line: string) => void = (line) => console.log(line)): Logger {
  const emit = (level: string, event: string, fields?: LogFields) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  return {
    info: (event, fields) => emit("info", event, fields),
    warn: (event, fields) => emit("warn", event, fields),
    error: (event, fields) => emit("error", event, fields),
  };
}

/** A logger that drops everything (tests, scripts that print their own output). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
