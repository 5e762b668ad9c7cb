import { defineConfig } from "vitest/config";

/**
 * `npm test`: the quick run a contributor makes many times a day. Each reader is fuzzed with about 30 mutations, 3%
 * of its full count (SLYCONV_FUZZ_SCALE, unless set); the full fuzz counts, crash safety, heavy inputs,
 * pack-and-install and the CLI as a child process run in `npm run test:slow` (vitest.slow.config.ts), which CI runs
 * after this.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.slow.test.ts", "**/node_modules/**"],
    env: { SLYCONV_FUZZ_SCALE: process.env.SLYCONV_FUZZ_SCALE ?? "0.03" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Test files share their worker process and its loaded modules: loading the sources again for each of the
    // hundred-odd files cost as much as running the tests. So a test file puts back what it changes for the
    // process (environment variables, the working folder, fast-check's global settings, module-level tuning).
    isolate: false,
    // Some tests wait on child processes, servers or signals rather than compute: four at a time keep 2 cores busy.
    maxWorkers: 4,
    setupFiles: ["test/setup.ts"],
  },
});
