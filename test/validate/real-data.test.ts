import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, validate } from "./helpers.js";

// Shared read-only data next to the repository; never copied into it.
const realData = path.resolve(repoRoot, "../shared/real-data");
const tutorial = path.join(realData, "supervisely-sly-tutorial-image");
const present = fs.existsSync(tutorial);
if (!present) console.warn(`skipping real-data validate tests: ${tutorial} is absent`);

describe.skipIf(!present)("real Supervisely project (sly tutorial, images)", () => {
  it("validates clean: 5 images with bitmaps, server ids and smartToolInput; Zone.Identifier junk ignored", async () => {
    const { findings, items } = await validate(tutorial);
    expect(findings).toEqual([]);
    expect(items).toBe(5);
  });

  it("passing the project folder itself gives the same result", async () => {
    const { findings, items } = await validate(path.join(tutorial, "images_project"));
    expect(findings).toEqual([]);
    expect(items).toBe(5);
  });
});
