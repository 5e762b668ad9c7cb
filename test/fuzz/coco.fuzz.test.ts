import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, listFiles } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, MIN_RUNS_FOR_OUTCOME_MIX } from "./harness.js";

/**
 * fixtures/coco/full: instances (polygons, RLE, crowd), person_keypoints and captions files, and their images. The
 * 1,000 runs are split over two files (this one: the instances file and the images; coco-more.fuzz.test.ts: the
 * keypoints and captions files) so that each file stays near a minute on a loaded machine.
 */
describe("fuzzing the COCO reader: instances file and images", () => {
  const runs = fuzzRuns(500);
  it(`${runs} mutated copies of fixtures/coco/full either import or fail with a clear error`, async () => {
    const fixture = path.join(FIXTURES, "coco/full");
    const targets = listFiles(fixture).filter((f) => f.endsWith("instances_val.json") || f.endsWith(".png"));
    const counts = await fuzzReader({ format: "coco", fixture, targets, images: "copy" }, runs, 41);
    // Element-level problems are warnings (the element is skipped); broken JSON syntax stops the import.
    // The outcome mix says the mutations reach both paths; a short run (npm test) is too few to tell.
    if (runs >= MIN_RUNS_FOR_OUTCOME_MIX) {
      expect(counts.ok).toBeGreaterThan(runs * 0.5);
      expect(counts.rejected).toBeGreaterThan(0);
    }
  }, FUZZ_TEST_TIMEOUT_MS);
});
