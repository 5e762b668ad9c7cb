import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MASK_FIXTURES, fixtureFiles, writeFixtures } from "./fixture-data.js";

describe("masks fixtures", () => {
  if (process.env.MAKE_MASK_FIXTURES) writeFixtures();
  it("the committed files are the ones fixture-data.ts describes", () => {
    for (const [rel, bytes] of Object.entries(fixtureFiles())) {
      const p = path.join(MASK_FIXTURES, rel);
      expect(fs.existsSync(p), rel).toBe(true);
      expect(fs.readFileSync(p).equals(bytes), rel).toBe(true);
    }
  });
});
