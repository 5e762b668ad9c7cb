import { describe, it } from "vitest";
import { fuzzInChildren } from "./child-fuzz.js";
import { extremeCases } from "./extremes-cases.js";
import { fuzzRuns } from "../helpers/fuzz-scale.js";

/** The long extreme-value fuzzing (npm run test:slow): 30 runs per reader, scaled by SLYCONV_FUZZ_SCALE. */
describe("extreme values, names and FIFOs, in bounded child processes", () => {
  const runs = fuzzRuns(30);
  for (const c of extremeCases()) {
    it(`${c.format}: ${runs} runs end with exit 0, 1 or 2, touch nothing outside the output, and write what they read`, async () => {
      await fuzzInChildren(c, runs, 1800);
    }, 1_800_000);
  }
});
