import { beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, type FuzzCase } from "./harness.js";
import { vocFuzzFixture } from "./voc-fixture.js";

/** The VOC reader's ImageSets split lists (Main and Segmentation; see voc.fuzz.test.ts). */
describe("fuzzing the Pascal VOC reader: split lists", () => {
  let fuzz: FuzzCase;
  beforeAll(async () => {
    const fixture = await vocFuzzFixture();
    fuzz = { format: "voc", fixture, targets: listFiles(fixture).filter((f) => f.includes("/ImageSets/") && f.endsWith(".txt")), images: "copy" };
  });

  const runs = fuzzRuns(200);
  it(`${runs} mutated copies of the VOCdevkit fixture either import or fail with a clear error`, async () => {
    const counts = await fuzzReader(fuzz, runs, 10);
    expect(counts.ok + counts.rejected).toBe(runs);
    // A list naming images that are not there, or garbage, is a finding; the items on disk are still read.
    expect(counts.ok).toBeGreaterThan(runs * 0.95);
  }, FUZZ_TEST_TIMEOUT_MS);
});
