import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger.js";
import { type RunningServer, removeServerFiles, startServer } from "../e2e/helpers/server.js";

// What an operator sees at start-up: the first admin password again at the end of the banner, a line
// when HAILONG_ADMIN_PASSWORD cannot apply, and request logs that HAILONG_LOG can quieten.

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  if (servers[0]) removeServerFiles(servers[0]);
});

describe("the start-up banner", () => {
  it("repeats the first password after the listening line, and says when HAILONG_ADMIN_PASSWORD is ignored", async () => {
    const first = await startServer({ HAILONG_ADMIN_PASSWORD: "", HAILONG_LOG: "warn" });
    servers.push(first);
    await fetch(`${first.url}/healthz`);
    const output = first.output();
    const password = /^ {4}(\S+)$/m.exec(output)?.[1] as string;
    const lines = output.split("\n");
    const listening = lines.findIndex((line) => line.startsWith("hailong is listening"));
    const repeated = lines.findIndex((line) =>
      line.includes(`password ${password} (shown at this first start only)`),
    );
    expect(listening).toBeGreaterThan(-1);
    expect(repeated).toBeGreaterThan(listening);
    // HAILONG_LOG=warn: no request lines.
    expect(output).not.toMatch(/"event":"request"/);
    expect(await first.stop("SIGTERM")).toBe(0);

    const second = await startServer(
      { HAILONG_ADMIN_PASSWORD: "another-password-123", HAILONG_LOG: "info" },
      { dir: first.dir },
    );
    servers.push(second);
    await fetch(`${second.url}/healthz`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second.output()).toContain(
      "HAILONG_ADMIN_PASSWORD is set, but an admin account exists already: the variable is not used.",
    );
    expect(second.output()).toContain("npm run admin -- reset-password <username>");
    // Not a terminal: JSON lines, request logs at info.
    expect(second.output()).toMatch(
      /^\{"time":"[^"]+","level":"info","event":"request".*"route":"\/healthz"/m,
    );
  });
});

describe("createLogger", () => {
  it("writes the chosen level and above, as JSON or as readable lines", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "warn", format: "text", write: (line) => lines.push(line) });
    log.info("request", { status: 200 });
    log.warn("console_missing", { fix: "npm run build" });
    log.error("request_failed", { message: "boom" });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2} {2}warn {3}console_missing {2}fix=npm run build$/);
    expect(lines[1]).toMatch(/error {2}request_failed {2}boom$/);
    const json: string[] = [];
    createLogger({ level: "info", format: "json", write: (line) => json.push(line) }).info("request", {
      status: 200,
    });
    expect(JSON.parse(json[0] as string)).toMatchObject({ level: "info", event: "request", status: 200 });
  });
});
