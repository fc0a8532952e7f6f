import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

// Shared steps of the console's browser tests (test/e2e/console-*.test.ts).

const ROOT = new URL("../../..", import.meta.url).pathname;
const AXE = readFileSync(new URL("../../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

/** Builds the console from the sources under test into dist/console, which the Node server serves. */
export function buildConsole(): void {
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "-c", "vite.console.config.ts"], {
    cwd: ROOT,
    stdio: "ignore",
  });
}

/** Signs in through the form of the page on screen, then waits until the sign-in form is gone. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
}

/** The serious and critical axe-core violations of the page as it is now, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe.run();
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(" ")}`));
}
