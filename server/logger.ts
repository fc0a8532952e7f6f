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

export type LogLevel = "info" | "warn" | "error";
const RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };

/** A logger that writes JSON lines through the given sink (console on both runtimes). */
export function createJsonLogger(write: (line: string) => void = (line) => console.log(line)): Logger {
  return createLogger({ level: "info", format: "json", write });
}

/**
 * A logger that writes entries of `level` and above: JSON lines for log collectors, or one readable
 * line per entry for a terminal (`12:04:05 warn  event  key=value`).
 */
export function createLogger(options: {
  level: LogLevel;
  format: "json" | "text";
  write?: (line: string) => void;
}): Logger {
  const write = options.write ?? ((line: string) => console.log(line));
  const emit = (level: LogLevel, event: string, fields?: LogFields) => {
    if (RANK[level] < RANK[options.level]) return;
    const time = new Date().toISOString();
    if (options.format === "json") return write(JSON.stringify({ time, level, event, ...fields }));
    const rest = Object.entries(fields ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => (key === "message" ? String(value) : `${key}=${String(value)}`));
    write([time.slice(11, 19), level.padEnd(5), event, ...rest].join("  "));
  };
  return {
    info: (event, fields) => emit("info", event, fields),
    warn: (event, fields) => emit("warn", event, fields),
    error: (event, fields) => emit("error", event, fields),
  };
}

/** A logger that drops everything (tests, scripts that print their own output). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * Collects lines and hands them to `sink` as one chunk per event-loop turn (Node): under load a write call
 * per request line costs more than formatting it. `flush()` writes what is pending (call it at exit).
 */
export function batchedLines(sink: (chunk: string) => void): { write(line: string): void; flush(): void } {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const chunk = `${pending.join("\n")}\n`;
    pending = [];
    sink(chunk);
  };
  return {
    write(line) {
      if (pending.push(line) === 1) setImmediate(flush);
    },
    flush,
  };
}
