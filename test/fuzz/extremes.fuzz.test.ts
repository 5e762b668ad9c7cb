import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fuzzInChildren, runChildCase } from "./child-fuzz.js";
import { extremeTreeMutation } from "./harness.js";
import { extremeCases } from "./extremes-cases.js";

/**
 * One extreme-value run per reader, a CLI child process with a 512 MB heap and a time limit (test/fuzz/child-fuzz.ts
 * says what is checked); test/fuzz/extremes.slow.test.ts runs many more.
 */
describe("extreme values, names and FIFOs, in bounded child processes (quick)", () => {
  for (const c of extremeCases()) {
    it(`${c.format}: a run ends with exit 0, 1 or 2, touches nothing outside the output, and writes what it read`, async () => {
      await fuzzInChildren(c, 1, 18);
    }, 300_000);
  }
});

describe("a FIFO in place of an input file ends the run (it is never opened for reading)", () => {
  const fifo = fc.sample(extremeTreeMutation(), { numRuns: 50, seed: 1 }).find((m) => String((m as unknown as Record<symbol, () => string>)[fc.toStringMethod]()).includes("FIFO"))!;
  for (const c of extremeCases().filter((x) => ["coco", "supervisely", "yolo"].includes(x.format))) {
    const target = c.targets.find((t) => /(^|\/)ann\/.*\.json$/.test(t)) ?? c.targets.find((t) => t.endsWith(".json") || t.endsWith(".txt")) ?? c.targets[0];
    it(`${c.format}: ${target} as a FIFO`, async () => {
      const code = await runChildCase(c, { kind: "tree", target, mutate: fifo }, "import");
      expect([0, 1, 2]).toContain(code);
    }, 120_000);
  }
});
