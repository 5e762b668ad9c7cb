import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, listFiles } from "../helpers/paths.js";
import { fuzzReader } from "./harness.js";

describe("fuzzing the Supervisely reader", () => {
  const fixture = path.join(FIXTURES, "supervisely/canonical");
  it("1,000 mutated copies of the canonical fixture either import or fail with a clear error", async () => {
    const targets = listFiles(fixture).filter((f) => f.endsWith(".json"));
    const counts = await fuzzReader({ format: "supervisely", fixture, targets }, 1000);
    expect(counts.ok + counts.rejected).toBe(1000);
    // Both outcomes must occur, or the mutations are not reaching the reader.
    expect(counts.ok).toBeGreaterThan(50);
    expect(counts.rejected).toBeGreaterThan(50);
  }, 600_000);
});
