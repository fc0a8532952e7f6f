import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

// Wrangler driven from Node, for `npm run dev:worker`, the workerd test suite and the bundle benchmark.

export const ROOT = new URL("..", import.meta.url).pathname;
/** The wrangler CLI, run with this Node directly: no npx process in between to outlive. */
export const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const run = promisify(execFile);

/**
 * The environment wrangler runs in so that it never reaches the network: no metrics, no banner (its
 * update check), no request for the `cf` object, and a throw-away config folder unless one is given.
 */
export function offlineWranglerEnv(configHome?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_HIDE_BANNER: "true",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    XDG_CONFIG_HOME: configHome ?? mkdtempSync(join(tmpdir(), "hailong-wrangler-")),
  };
}

/** Runs a wrangler command to its end and returns what it printed; a failure carries that output. */
async function wrangler(args: string[], env: NodeJS.ProcessEnv = offlineWranglerEnv()): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, [WRANGLER, ...args], {
      cwd: ROOT,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout + stderr;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`wrangler ${args.join(" ")} failed:\n${stdout}${stderr}`);
  }
}

/**
 * Builds the worker as `wrangler deploy` would upload it (minified, wrangler.toml's defines) into `outDir`,
 * without uploading; returns the bundle's path and what wrangler printed (its size figures).
 */
export async function buildWorker(
  outDir: string,
  options: { environment?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {},
) {
  const environment = options.environment ? ["--env", options.environment] : [];
  const printed = await wrangler(
    ["deploy", "--dry-run", "--outdir", outDir, ...environment, ...(options.args ?? [])],
    options.env,
  );
  // Named after the entry file: worker.js for the app.
  const script = join(outDir, readdirSync(outDir).find((name) => name.endsWith(".js")) as string);
  return { script, printed };
}

/** Applies migrations/ to the local D1 database (the same SQL files Node applies), as a developer would. */
export async function applyLocalMigrations(persistTo: string | undefined, env?: NodeJS.ProcessEnv) {
  const where = persistTo ? ["--persist-to", persistTo] : [];
  return wrangler(["d1", "migrations", "apply", "DB", "--local", ...where], env);
}

export type WranglerDev = {
  url: string;
  /** Everything wrangler and the worker printed so far (the worker's logs included). */
  output(): string;
  /** Resolves once the output matches (logs reach wrangler's output a moment after the answer). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
};

/**
 * Starts `wrangler dev` (local workerd, local D1) on 127.0.0.1 and a free port, in its own process
 * group: stopping npx or wrangler alone would leave workerd running, so stop() ends the whole group.
 */
export async function startWranglerDev(options: {
  persistTo: string;
  vars?: Record<string, string>;
  /** A named environment of wrangler.toml (e.g. "turso"). */
  environment?: string;
  /**
   * A bundle from buildWorker instead of server/worker.ts: the deployed code, and no rebuild when a source
   * file changes while the instance serves (other work in the same checkout would restart it mid-request).
   */
  script?: string;
  env?: NodeJS.ProcessEnv;
  /** Another wrangler.toml (with a script only), e.g. with other rate-limiting bindings. */
  config?: string;
  /** More arguments for `wrangler dev` (e.g. --test-scheduled, to run the Cron Trigger on request). */
  args?: string[];
}): Promise<WranglerDev> {
  const vars = Object.entries(options.vars ?? {}).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
  const environment = options.environment ? ["--env", options.environment] : [];
  // An empty env file of its own: a developer's .dev.vars or .env must not leak into an instance.
  const envFile = join(mkdtempSync(join(tmpdir(), "hailong-wrangler-vars-")), ".env");
  writeFileSync(envFile, "");
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      "dev",
      // wrangler bundles the bundle once more (adding its dev-only middleware) and watches that one file. With
      // a script given, it looks for its configuration next to the script: name ours.
      ...(options.script ? [options.script, "--config", options.config ?? join(ROOT, "wrangler.toml")] : []),
      "--local",
      "--persist-to",
      options.persistTo,
      "--ip",
      "127.0.0.1",
      "--port",
      "0",
      "--inspector-port",
      "0",
      "--show-interactive-dev-session=false",
      "--env-file",
      envFile,
      ...environment,
      ...vars,
      ...(options.args ?? []),
    ],
    {
      cwd: ROOT,
      env: options.env ?? offlineWranglerEnv(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = await new Promise<string>((resolve, reject) => {
    const exited = (code: number | null) => fail(new Error(`wrangler dev exited with ${code}:\n${output}`));
    const timer = setTimeout(() => fail(new Error(`wrangler dev did not start:\n${output}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      stopGroup(child).then(() => reject(error));
    };
    const ready = () => {
      const match = /Ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off("data", ready);
      child.off("exit", exited);
      resolve(match[1] as string);
    };
    child.stdout?.on("data", ready);
    child.once("exit", exited);
  });
  const waitForOutput = async (pattern: RegExp, timeoutMs = 15_000) => {
    for (const deadline = Date.now() + timeoutMs; !pattern.test(output); ) {
      if (Date.now() > deadline) throw new Error(`wrangler dev never printed ${pattern}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return output;
  };
  // Should this process die without stopping it (an uncaught error), workerd must not outlive it.
  const orphanGuard = () => signalGroup(child.pid as number, "SIGKILL");
  process.once("exit", orphanGuard);
  const stop = async () => {
    await stopGroup(child);
    process.off("exit", orphanGuard);
  };
  return { url, output: () => output, waitForOutput, stop };
}

/** Ends a detached child and everything it started (workerd), by process group. */
export function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const pid = child.pid;
    const killer = setTimeout(() => signalGroup(pid, "SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(killer);
      // workerd may outlive wrangler by a moment; the group signal reaches it too.
      signalGroup(pid, "SIGKILL");
      resolve();
    });
    signalGroup(pid, "SIGTERM");
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}
