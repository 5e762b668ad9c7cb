/**
 * The heavy cases of issue 18 point 3 at their real size (npm run test:slow): a 90 MB YOLO label file of 5 million
 * lines, and a mask just over the pixel limit imported once the limit is raised; and the writers bounds.test.ts
 * leaves out of its cases. Each runs as a CLI child process with a 512 MB heap cap; where /usr/bin/time exists, its
 * peak resident memory must stay under 1 GB.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { annotationFiles, tempDir } from "../helpers/paths.js";
import { runBounded } from "../helpers/bounded-run.js";
import { hugeBitmapProject, hugeMaskDataset, hugeYoloLabels } from "../helpers/huge-inputs.js";
import { COCO_1E300, HUGE_BITMAP_REFUSAL, HUGE_IMAGE_REFUSAL, expectBounded, expectExportRefused, hugeImageSizeProject } from "./bounded-cases.js";

describe("heavy inputs at full size", () => {
  it("a 90 MB YOLO label file of 5,000,000 lines: refused (labels-limit), under 1 GB", async () => {
    const dir = hugeYoloLabels(path.join(tempDir(), "in"));
    expect(fs.statSync(path.join(dir, "labels", "a.txt")).size).toBe(90_000_000);
    const r = await runBounded(["import", dir, path.join(dir, "..", "out"), "-f", "yolo"], { timeoutMs: 300_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(1);
    // Streamed, and refused at the first label past the limit: about 1.8 MB of the 90 are read.
    expect(r.stderr).toBe("slyconv: labels/a.txt: the file holds more than 100000 labels, the limit per image (reading stopped at line 100001; at its size, 86 MB, " +
      "it holds about 5000000); if that is real, raise it with --max-labels 5000000 or SLYCONV_MAX_LABELS=5000000 [labels-limit]\n");
    if (r.peakMb !== null) expect(r.peakMb).toBeLessThan(1024);
    expect(fs.existsSync(path.join(dir, "..", "out"))).toBe(false);
  }, 600_000);

  it("a 12000×12000 mask: refused by default; imported with --max-pixels 144000000, under 1 GB", async () => {
    const dir = await hugeMaskDataset(path.join(tempDir(), "in"), 12000);
    fs.copyFileSync(path.join(dir, "masks", "a.png"), path.join(dir, "images", "a.png"));
    const refused = await runBounded(["import", dir, path.join(dir, "..", "refused"), "-f", "masks"], { timeoutMs: 300_000 });
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain("the mask is 12000×12000 (144,000,000 pixels), over the limit of 134,217,728 pixels");
    const r = await runBounded(["--max-pixels", "144000000", "import", dir, path.join(dir, "..", "out"), "-f", "masks"], { timeoutMs: 600_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("pixel-limit");
    if (r.peakMb !== null) expect(r.peakMb).toBeLessThan(1024);
    console.log(`12000² mask import with the limit raised: peak ${r.peakMb?.toFixed(0)} MB, ${r.seconds} s`);
    // An all-background mask: the item is there, with no object.
    const anns = annotationFiles(path.join(dir, "..", "out"));
    expect(anns.map((f) => path.basename(f))).toEqual(["a.png.json"]);
    const ann = JSON.parse(fs.readFileSync(anns[0], "utf8"));
    expect(ann.size).toEqual({ width: 12000, height: 12000 });
    expect(ann.objects).toEqual([]);
  }, 900_000);
});

describe("the other writers of bounds.test.ts's cases", () => {
  it("a coordinate at 1e300: convert --to masks and coco end at once; masks says it clipped the drawing", async () => {
    const dir = tempDir();
    const input = path.join(dir, "instances.json");
    fs.writeFileSync(input, COCO_1E300);
    for (const to of ["masks", "coco"]) {
      const r = await runBounded(["convert", input, path.join(dir, to), "--to", to], { timeoutMs: 60_000 });
      expectBounded(r, [0]);
      if (to !== "coco") expect(r.stderr).toMatch(/1 vertex of a "cat" polygon lies outside the 64×48 image \(the farthest at 1e\+300, 10\); the mask is drawn clipped to the image \[coordinates-clipped\]/);
    }
  }, 240_000);

  it("an annotation holding a 40000² bitmap: COCO export refuses with exit 1", async () => {
    const project = await hugeBitmapProject(path.join(tempDir(), "p"));
    await expectExportRefused(project, "coco", HUGE_BITMAP_REFUSAL);
  }, 180_000);

  it("an image of 100000² (its size only, with a polygon): exported to YOLO; a VOC export refuses it with exit 1, not 70", async () => {
    const project = hugeImageSizeProject(path.join(tempDir(), "p"));
    const yolo = await runBounded(["export", project, path.join(project, "..", "yolo"), "-f", "yolo"], { timeoutMs: 60_000 });
    expectBounded(yolo, [0]);
    // The polygon's bounding box, normalised by the 100000² size: (10..90000) → centre 0.45005, extent 0.8999.
    expect(fs.readFileSync(path.join(project, "..", "yolo", "labels", "ds", "a.txt"), "utf8")).toBe("0 0.450050 0.450050 0.899900 0.899900\n");
    await expectExportRefused(project, "voc", HUGE_IMAGE_REFUSAL);
  }, 180_000);
});
