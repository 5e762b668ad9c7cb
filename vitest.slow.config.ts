import fs from "node:fs";
import { defineConfig } from "vitest/config";

/** The quick test files (outside test/fuzz) whose source matches `pattern`. */
function quickFilesMatching(pattern: RegExp): string[] {
  return fs.readdirSync("test", { recursive: true, encoding: "utf8" })
    .map((f) => `test/${f.split("\\").join("/")}`)
    .filter((f) => f.endsWith(".test.ts") && !f.endsWith(".slow.test.ts") && !f.startsWith("test/fuzz/") && pattern.test(fs.readFileSync(f, "utf8")))
    .sort();
}

/**
 * `npm run test:slow`: what `npm test` leaves out. Every reader's fuzz suite at its full run count, the crash-safety
 * tests (SIGKILL mid-write), the heavy inputs at full size and the pack-and-install test; every property test at its
 * full run count; and every CLI test with the CLI as a child process. CI runs it after `npm test`.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    setupFiles: ["test/setup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "slow",
          // With the quick files whose property tests scale their runs (fuzzRuns), at full count here.
          include: ["test/fuzz/**/*.test.ts", "test/**/*.slow.test.ts", ...quickFilesMatching(/\bfuzzRuns\(/)],
          env: { SLYCONV_FUZZ_SCALE: process.env.SLYCONV_FUZZ_SCALE ?? "1" },
        },
      },
      {
        extends: true,
        test: {
          name: "cli-as-a-process",
          // The quick files that run the CLI (runCli): inside the test process in `npm test`, the built binary here.
          include: quickFilesMatching(/\brunCli\(/),
          env: { SLYCONV_TEST_CLI: "spawn" },
        },
      },
    ],
  },
});
