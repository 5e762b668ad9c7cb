import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, listFiles } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, MIN_RUNS_FOR_OUTCOME_MIX } from "./harness.js";

/** fixtures/coco/full, the other half of the COCO runs (see coco.fuzz.test.ts): person_keypoints and captions files. */
describe("fuzzing the COCO reader: keypoints and captions files", () => {
  const runs = fuzzRuns(500);
  it(`${runs} mutated copies of fixtures/coco/full either import or fail with a clear error`, async () => {
    const fixture = path.join(FIXTURES, "coco/full");
    const targets = listFiles(fixture).filter((f) => /(person_keypoints|captions)_val\.json$/.test(f));
    const counts = await fuzzReader({ format: "coco", fixture, targets, images: "copy" }, runs, 42);
    // The outcome mix says the mutations reach both paths; a short run (npm test) is too few to tell.
    if (runs >= MIN_RUNS_FOR_OUTCOME_MIX) {
      expect(counts.ok).toBeGreaterThan(runs * 0.5);
      expect(counts.rejected).toBeGreaterThan(0);
    }
  }, FUZZ_TEST_TIMEOUT_MS);
});
