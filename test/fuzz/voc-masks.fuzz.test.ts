import { beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, type FuzzCase } from "./harness.js";
import { vocFuzzFixture } from "./voc-fixture.js";

/** The VOC reader's SegmentationClass / SegmentationObject PNGs, JPEG headers and labelmap.txt (see voc.fuzz.test.ts). */
describe("fuzzing the Pascal VOC reader: masks, images and the class table", () => {
  let fuzz: FuzzCase;
  beforeAll(async () => {
    const fixture = await vocFuzzFixture();
    fuzz = { format: "voc", fixture, targets: listFiles(fixture).filter((f) => /\.(png|jpg)$/.test(f) || f.endsWith("labelmap.txt")), images: "copy" };
  });

  const runs = fuzzRuns(500);
  it(`${runs} mutated copies of the VOCdevkit fixture either import or fail with a clear error`, async () => {
    const counts = await fuzzReader(fuzz, runs, 9);
    expect(counts.ok + counts.rejected).toBe(runs);
    // An unreadable mask or image header is a warning; the item is kept.
    expect(counts.ok).toBeGreaterThan(runs * 0.95);
  }, FUZZ_TEST_TIMEOUT_MS);
});
