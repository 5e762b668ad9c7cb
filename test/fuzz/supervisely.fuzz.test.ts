import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, listFiles } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, MIN_RUNS_FOR_OUTCOME_MIX } from "./harness.js";

/**
 * fixtures/supervisely/canonical: the annotation files (nested dataset included). The 1,000 runs are split over two
 * files (supervisely-more.fuzz.test.ts: meta.json, the side JSON and the images) so that each stays near half a
 * minute when run alone.
 */
describe("fuzzing the Supervisely reader: annotation files", () => {
  const fixture = path.join(FIXTURES, "supervisely/canonical");
  const runs = fuzzRuns(500);
  it(`${runs} mutated copies of the canonical fixture either import or fail with a clear error`, async () => {
    // JSON mutations of ann/*.json and folder-level changes (case-variant copies, symlinks to a file outside,
    // loops); images are copied so that the writer reads them too.
    const targets = listFiles(fixture).filter((f) => /(^|\/)ann\/[^/]+\.json$/.test(f));
    const counts = await fuzzReader({ format: "supervisely", fixture, targets, images: "copy" }, runs, 42);
    // Both outcomes must occur, or the mutations are not reaching the reader.
    // The outcome mix says the mutations reach both paths; a short run (npm test) is too few to tell.
    if (runs >= MIN_RUNS_FOR_OUTCOME_MIX) {
      expect(counts.ok).toBeGreaterThan(runs * 0.05);
      expect(counts.rejected).toBeGreaterThan(runs * 0.05);
    }
  }, FUZZ_TEST_TIMEOUT_MS);
});
