import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type RunningServer = {
  url: string;
  dir: string;
  process: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Starts the real Node entry (`server/node.ts`) on 127.0.0.1 with a free port and its own temp-file
 * database; resolves once it prints the address it listens on.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { dir?: string } = {},
): Promise<RunningServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "hailong-e2e-"));
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/node.ts"], {
    cwd: new URL("../../..", import.meta.url).pathname,
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(dir, "hailong.db")}`,
      HOST: "127.0.0.1",
      PORT: "0",
      HAILONG_ADMIN_PASSWORD: "admin-password-e2e",
      HAILONG_RATE_LIMIT: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout?.on("data", () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dir,
    process: child,
    output: () => output,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        // A process ended by a signal has no exit code, only a signal code: it will not exit again.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/** Removes a server's temp folder (its database) once the test no longer needs it. */
export function removeServerFiles(server: RunningServer): void {
  rmSync(server.dir, { recursive: true, force: true });
}
