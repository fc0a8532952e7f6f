import { type ChildProcess, spawn } from "node:child_process";

export type ChildServer = { url: string; process: ChildProcess; stop(): Promise<void> };

/**
 * Runs a TypeScript server module in its own Node process (so that the load generator and the server
 * do not share an event loop) and resolves with the URL it prints as "listening on <url>".
 */
export async function startChildServer(
  module: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", module], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${module} did not start:\n${output}`)), 60_000);
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.once("exit", (code) => reject(new Error(`${module} exited with ${code}:\n${output}`)));
  });
  // Keep draining stdout so that the child never blocks on a full pipe.
  child.stdout?.resume();
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
