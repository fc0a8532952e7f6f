import { defineConfig } from "vitest/config";

// `npm test` runs everything except the browser suite (test/e2e) and the workerd suite (test/worker).
export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/e2e/**", "test/worker/**", "node_modules/**"],
    pool: "forks",
    // Generous: some tests boot real servers, and CI machines are shared.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
