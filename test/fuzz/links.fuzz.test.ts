import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, listFiles } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, MIN_RUNS_FOR_OUTCOME_MIX } from "./harness.js";

/** Link lists: CSV (quoted fields, tags, extra columns), TSV with nested datasets, and a TXT of URLs. */
describe("fuzzing the link list reader", () => {
  const cases = [
    { name: "csv", runs: 400 },
    { name: "tsv", runs: 300 },
    { name: "txt", runs: 300 },
  ];
  for (const { name, runs: base } of cases) {
    const runs = fuzzRuns(base);
    it(`${runs} mutated copies of fixtures/links/${name} either import or fail with a clear error`, async () => {
      const fixture = path.join(FIXTURES, "links", name);
      const counts = await fuzzReader({ format: "links", fixture, targets: listFiles(fixture) }, runs, 31);
      // Bad rows are errors on their line (the rest is imported); a list with no URL column, or none at all, stops.
      // The outcome mix says the mutations reach both paths; a short run (npm test) is too few to tell.
      if (runs >= MIN_RUNS_FOR_OUTCOME_MIX) {
        expect(counts.ok).toBeGreaterThan(runs * 0.5);
        expect(counts.rejected).toBeGreaterThan(0);
      }
    }, FUZZ_TEST_TIMEOUT_MS);
  }
});
