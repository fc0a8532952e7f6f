import { defineConfig } from "vitest/config";

// `npm run test:system`: the slow tests that run the system as an operator would, with real servers and
// child processes (load, crash and restart, seeding, backup and restore, operator scripts). `npm test`
// leaves them out to stay fast; CI runs both.
export const SYSTEM_TESTS = [
  "test/load/**/*.test.ts",
  "test/scripts/**/*.test.ts",
  "test/server/node-entry.test.ts",
  "test/server/node-start.test.ts",
  "test/server/node-banner.test.ts",
  "test/server/alerts/node-webhooks.test.ts",
  "test/server/sign-in-flood.test.ts",
];

export default defineConfig({
  test: {
    include: SYSTEM_TESTS,
    pool: "forks",
    // Generous: these boot servers and scripts, and CI machines are shared.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
