import fs from "node:fs";
import { defineConfig } from "vitest/config";

/**
 * The quick test files that run the CLI (test/helpers/cli.ts runCli): `npm test` runs it inside the test process,
 * this run again as the built binary in a child process.
 */
const cliTestFiles = fs.readdirSync("test", { recursive: true, encoding: "utf8" })
  .map((f) => `test/${f.split("\\").join("/")}`)
  .filter((f) => f.endsWith(".test.ts") && !f.endsWith(".slow.test.ts") && /\brunCli\(/.test(fs.readFileSync(f, "utf8")))
  .sort();

/**
 * `npm run test:slow`: what `npm test` leaves out. Every reader's fuzz suite at its full run count, the crash-safety
 * tests (SIGKILL mid-write), the heavy inputs at full size and the pack-and-install test; and every CLI test with the
 * CLI as a child process. CI runs it after `npm test`.
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
          include: ["test/fuzz/**/*.test.ts", "test/**/*.slow.test.ts"],
          env: { SLYCONV_FUZZ_SCALE: process.env.SLYCONV_FUZZ_SCALE ?? "1" },
        },
      },
      {
        extends: true,
        test: {
          name: "cli-as-a-process",
          include: cliTestFiles,
          env: { SLYCONV_TEST_CLI: "spawn" },
        },
      },
    ],
  },
});
