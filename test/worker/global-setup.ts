import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyLocalMigrations, offlineWranglerEnv, startWranglerDev } from "../../scripts/worker-wrangler.js";
import { removeServerFiles, startServer } from "../e2e/helpers/server.js";
import { ADMIN_PASSWORD } from "./helpers/client.js";

declare module "vitest" {
  export interface ProvidedContext {
    nodeUrl: string;
    workerdUrl: string;
    /** A local D1 state with the migrations applied by wrangler, never served: copied for each instance. */
    workerdTemplate: string;
  }
}

/** One Node server and one workerd (local D1, migrations applied by wrangler) for the whole run. */
export default async function setup(project: TestProject) {
  const vars = { HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD, HAILONG_RATE_LIMIT: "0" };
  const nodeStarting = startServer(vars);
  const dir = mkdtempSync(join(tmpdir(), "hailong-worker-suite-"));
  const env = offlineWranglerEnv(join(dir, "config"));
  const template = join(dir, "template");
  await applyLocalMigrations(template, env);
  const persistTo = join(dir, "state");
  cpSync(template, persistTo, { recursive: true });
  const [workerd, node] = await Promise.all([startWranglerDev({ persistTo, vars, env }), nodeStarting]);
  project.provide("nodeUrl", node.url);
  project.provide("workerdUrl", workerd.url);
  project.provide("workerdTemplate", template);
  return async () => {
    await Promise.all([workerd.stop(), node.stop()]);
    removeServerFiles(node);
    rmSync(dir, { recursive: true, force: true });
  };
}
