import { describe, expect, it } from "vitest";
import { fuzzInChildren } from "./child-fuzz.js";
import { extremeCases } from "./extremes-cases.js";

/**
 * A few extreme-value runs per reader, each a CLI child process with a 512 MB heap and a time limit
 * (test/fuzz/child-fuzz.ts says what is checked); test/fuzz/extremes.slow.test.ts runs many more.
 */
describe("extreme values, names and FIFOs, in bounded child processes (quick)", () => {
  for (const c of extremeCases()) {
    it(`${c.format}: 2 runs end with exit 0, 1 or 2, touch nothing outside the output, and write what they read`, async () => {
      const codes = await fuzzInChildren(c, 2, 18);
      expect(Object.values(codes).reduce((a, b) => a + b, 0)).toBe(2);
    }, 300_000);
  }
});
