import { execSync } from "node:child_process";
import { type Browser, chromium } from "playwright-core";

/** Debian's chromium (installed by .ci/run); playwright's own browser download does not work here. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? execSync("command -v chromium", { encoding: "utf8" }).trim();
}

/** A headless chromium (with a fresh temp profile) that never reaches past this machine. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ],
  });
}

/** A phone-sized context: the citizen's view. */
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
