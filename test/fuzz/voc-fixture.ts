import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { devkitFixture } from "../voc/fixture.js";
import { listFiles } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, MIN_RUNS_FOR_OUTCOME_MIX, type FuzzCase } from "./harness.js";

/** The VOCdevkit fixture with its JPEGs, class and object masks, split lists, and a CVAT labelmap. */
export async function vocFuzzFixture(): Promise<string> {
  const fixture = await devkitFixture();
  fs.writeFileSync(path.join(fixture, "VOCdevkit/VOC2012/labelmap.txt"),
    "# label:color_rgb:parts:actions\nbackground:0,0,0::\ncat:64,0,0::\ndog:64,0,128::\nperson:192,128,128:head,hand:jumping\nsofa:0,192,0::\n");
  return fixture;
}

/**
 * One fuzz suite over the VOCdevkit fixture: `runs` mutated copies of the files `select` picks (seeded with `seed`).
 * VOC keeps going past bad files (error findings, not exceptions), so (nearly) every run imports. The suites live
 * in files of their own (voc, voc-lists, voc-masks) so that vitest runs them side by side.
 */
export function vocFuzzSuite(what: string, select: (file: string) => boolean, defaultRuns: number, seed: number): void {
  describe(`fuzzing the Pascal VOC reader: ${what}`, () => {
    let fuzz: FuzzCase;
    beforeAll(async () => {
      const fixture = await vocFuzzFixture();
      fuzz = { format: "voc", fixture, targets: listFiles(fixture).filter(select), images: "copy" };
    });

    const runs = fuzzRuns(defaultRuns);
    it(`${runs} mutated copies of the VOCdevkit fixture either import or fail with a clear error`, async () => {
      const counts = await fuzzReader(fuzz, runs, seed);
      // The outcome mix says the mutations reach both paths; a short run (npm test) is too few to tell.
      if (runs >= MIN_RUNS_FOR_OUTCOME_MIX) {
        expect(counts.ok).toBeGreaterThan(runs * 0.95);
      }
    }, FUZZ_TEST_TIMEOUT_MS);
  });
}
