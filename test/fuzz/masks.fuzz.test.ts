import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, listFiles } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, MIN_RUNS_FOR_OUTCOME_MIX } from "./harness.js";

/** The three masks layouts: a class list with index masks and instance ids, Supervisely's export, colour masks. */
describe("fuzzing the PNG masks reader", () => {
  const cases = [
    { name: "generic-index", runs: 400, formatOptions: { splitInstances: true } },
    { name: "sly-layout", runs: 350, formatOptions: undefined },
    { name: "generic-colour", runs: 250, formatOptions: undefined },
  ];
  for (const { name, runs: base, formatOptions } of cases) {
    const runs = fuzzRuns(base);
    it(`${runs} mutated copies of fixtures/masks/${name} either import or fail with a clear error`, async () => {
      const fixture = path.join(FIXTURES, "masks", name);
      const counts = await fuzzReader({ format: "masks", fixture, targets: listFiles(fixture), images: "copy", formatOptions }, runs, 21);
      // Masks that cannot be read are findings (the image is kept): most runs import; a broken class map stops one.
      // The outcome mix says the mutations reach both paths; a short run (npm test) is too few to tell.
      if (runs >= MIN_RUNS_FOR_OUTCOME_MIX) {
        expect(counts.ok).toBeGreaterThan(runs * 0.6);
        expect(counts.rejected).toBeGreaterThan(0);
      }
    }, FUZZ_TEST_TIMEOUT_MS);
  }
});
