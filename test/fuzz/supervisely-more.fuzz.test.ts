import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, listFiles } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, MIN_RUNS_FOR_OUTCOME_MIX } from "./harness.js";

/** fixtures/supervisely/canonical: meta.json, img_info/ and meta/ side JSON, coco_info.json and the images (see supervisely.fuzz.test.ts). */
describe("fuzzing the Supervisely reader: meta.json, side files and images", () => {
  const fixture = path.join(FIXTURES, "supervisely/canonical");
  const runs = fuzzRuns(500);
  it(`${runs} mutated copies of the canonical fixture either import or fail with a clear error`, async () => {
    const targets = listFiles(fixture).filter((f) => !/(^|\/)ann\/[^/]+\.json$/.test(f));
    const counts = await fuzzReader({ format: "supervisely", fixture, targets, images: "copy" }, runs, 43);
    // The outcome mix says the mutations reach both paths; a short run (npm test) is too few to tell.
    if (runs >= MIN_RUNS_FOR_OUTCOME_MIX) {
      expect(counts.ok).toBeGreaterThan(runs * 0.05);
      expect(counts.rejected).toBeGreaterThan(runs * 0.05);
    }
  }, FUZZ_TEST_TIMEOUT_MS);
});
