import { defineConfig } from "vitest/config";

// `npm run test:worker`: the same contract checks against workerd (wrangler dev, local D1 with the real
// migrations) and against the Node entry, both started once for the run by the global setup.
export default defineConfig({
  test: {
    include: ["test/worker/**/*.test.ts"],
    globalSetup: ["test/worker/global-setup.ts"],
    pool: "forks",
    testTimeout: 90_000,
    // Each entry test starts its own workerd: more than two at once only make a small machine thrash.
    maxConcurrency: 2,
    hookTimeout: 120_000,
  },
});
