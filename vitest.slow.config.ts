import { defineConfig } from "vitest/config";

/**
 * `npm run test:slow`: what `npm test` leaves out. Every reader's fuzz suite at its full run count, the crash-safety
 * tests (SIGKILL mid-write) and the pack-and-install test. CI runs it after `npm test`.
 */
export default defineConfig({
  test: {
    include: ["test/fuzz/**/*.test.ts", "test/**/*.slow.test.ts"],
    env: { SLYCONV_FUZZ_SCALE: process.env.SLYCONV_FUZZ_SCALE ?? "1" },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    setupFiles: ["test/setup.ts"],
  },
});
