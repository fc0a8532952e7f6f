import { defineConfig } from "vitest/config";
import { SYSTEM_TESTS } from "./vitest.system.config.js";

// `npm test` runs the fast suite: everything except the system tests (vitest.system.config.ts), the browser
// suite (test/e2e) and the workerd suite (test/worker).
export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: [...SYSTEM_TESTS, "test/e2e/**", "test/worker/**", "node_modules/**"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
