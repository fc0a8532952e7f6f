import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import {
  applyLocalMigrations,
  buildWorker,
  offlineWranglerEnv,
  ROOT,
  startWranglerDev,
} from "../../scripts/worker-wrangler.js";
import { removeServerFiles, startServer } from "../e2e/helpers/server.js";
import { ADMIN_PASSWORD } from "./helpers/client.js";

const run = promisify(execFile);

declare module "vitest" {
  export interface ProvidedContext {
    nodeUrl: string;
    workerdUrl: string;
    /** A local D1 state with the migrations applied by wrangler, never served: copied for each instance. */
    workerdTemplate: string;
    /** The bundles `wrangler deploy` would upload, default (D1) and `--env turso`, built once for the run. */
    workerdScripts: { d1: string; turso: string };
  }
}

/** One Node server and one workerd (local D1, migrations applied by wrangler) for the whole run. */
export default async function setup(project: TestProject) {
  // Node does not limit; workerd counts through its rate-limiting binding, here raised to a limit no
  // contract test reaches (entry.test.ts boots workerds with wrangler.toml's own binding to test limits).
  const vars = {
    HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HAILONG_RATE_LIMIT: "1000000",
    HAILONG_RATE_LIMIT_DAY: "1000000",
  };
  const dir = mkdtempSync(join(tmpdir(), "hailong-worker-suite-"));
  const config = wranglerConfigWithSubmitLimit(dir, 100_000);
  const env = offlineWranglerEnv(join(dir, "config"));
  const template = join(dir, "template");
  // wrangler wants the assets folder before it builds.
  const ui = ensureBuiltUi();
  const [, d1, turso] = await Promise.all([
    applyLocalMigrations(template, env),
    ui.then(() => buildWorker(join(dir, "d1"), { env })),
    ui.then(() => buildWorker(join(dir, "turso"), { environment: "turso", env })),
  ]);
  const persistTo = join(dir, "state");
  cpSync(template, persistTo, { recursive: true });
  const [workerd, node] = await Promise.allSettled([
    startWranglerDev({ persistTo, vars, env, script: d1.script, config }),
    startServer({ HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD, HAILONG_RATE_LIMIT: "0" }),
  ]);
  if (workerd.status === "rejected" || node.status === "rejected") {
    // Whichever did start must not outlive the run.
    for (const server of [workerd, node]) if (server.status === "fulfilled") await server.value.stop();
    throw workerd.status === "rejected" ? workerd.reason : (node as PromiseRejectedResult).reason;
  }
  project.provide("nodeUrl", node.value.url);
  project.provide("workerdUrl", workerd.value.url);
  project.provide("workerdTemplate", template);
  project.provide("workerdScripts", { d1: d1.script, turso: turso.script });
  return async () => {
    // A server that died during the run leaves only ECONNREFUSED in the tests: show what it said.
    const child = node.value.process;
    if (child.exitCode !== null || child.signalCode !== null) {
      console.error(
        `The Node server ended early (${child.exitCode ?? child.signalCode}):\n${node.value.output()}`,
      );
    }
    if (process.env.HAILONG_DEBUG_WORKERD) console.log(workerd.value.output());
    await Promise.all([workerd.value.stop(), node.value.stop()]);
    removeServerFiles(node.value);
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * Both entries serve the UI from dist/ (Node reads the folder, workerd its assets binding), as CI builds it
 * before this suite; a checkout without a build gets one.
 */
async function ensureBuiltUi() {
  const built = ["dist/survey/client.js", "dist/console/index.html"].every((file) =>
    existsSync(join(ROOT, file)),
  );
  if (!built) await run("npm", ["run", "build"], { cwd: ROOT });
}

/**
 * A copy of wrangler.toml whose rate-limiting binding allows `limit` a minute, with its relative paths made
 * absolute (wrangler reads them relative to the configuration file).
 */
function wranglerConfigWithSubmitLimit(dir: string, limit: number): string {
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8")
    .replace(/simple = \{ limit = \d+, period = 60 \}/g, `simple = { limit = ${limit}, period = 60 }`)
    .replace(
      /^(main|directory|migrations_dir) = "([^"]+)"/gm,
      (_, key, path) => `${key} = "${join(ROOT, path)}"`,
    );
  const file = join(dir, "wrangler.toml");
  writeFileSync(file, toml);
  return file;
}
