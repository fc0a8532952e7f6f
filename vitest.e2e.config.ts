import { defineConfig } from "vitest/config";

// Browser tests: a real server on 127.0.0.1 and Debian's chromium through playwright-core.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.{ts,tsx}"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
