/**
 * COCO → VOC through convert, where the COCO reader gives polygons whose points are made only if read
 * (src/geometry/extent.ts) and the VOC writer copies their outlines as numbers (write-masks.ts) or takes their extents
 * (--boxes-only), against import then export, where every polygon is read back from the project's JSON: the same XML
 * and mask files, byte for byte, and the same split-list lines (their order is each reader's item order: a Supervisely
 * project lists items by name).
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset, exportProject, importDataset } from "../../src/api.js";
import { FIXTURES, HAVE_REAL_DATA, listFiles, realData, tempDir } from "../helpers/paths.js";

const CASES = [
  { name: "the COCO demo", input: path.join(FIXTURES, "demo/coco-sample"), real: false },
  { name: "real data labelme-coco-instanceseg", input: realData("labelme-coco-instanceseg"), real: true },
  { name: "real data voc2coco-coco-voc2012", input: realData("voc2coco-coco-voc2012"), real: true },
];

describe("COCO → VOC: convert (lazy polygons) writes what import then export writes", () => {
  for (const c of CASES) {
    it.skipIf(c.real && !HAVE_REAL_DATA)(c.name, async () => {
      const dir = tempDir();
      const project = path.join(dir, "project");
      await importDataset(c.input, project, { format: "coco", images: "none" });
      for (const formatOptions of [{}, { boxesOnly: true }]) {
        const direct = path.join(dir, `direct-${Object.keys(formatOptions).length}`), exported = path.join(dir, `exported-${Object.keys(formatOptions).length}`);
        await convertDataset(c.input, direct, { from: "coco", to: "voc", images: "none", formatOptions });
        await exportProject(project, exported, { format: "voc", formatOptions });
        const files = listFiles(direct);
        expect(listFiles(exported)).toEqual(files);
        expect(files.some((f) => f.startsWith("Annotations/"))).toBe(true);
        if (!("boxesOnly" in formatOptions)) expect(files.some((f) => f.startsWith("SegmentationObject/"))).toBe(true);
        for (const f of files) {
          const a = fs.readFileSync(path.join(direct, f)), b = fs.readFileSync(path.join(exported, f));
          if (f.startsWith("ImageSets/")) {
            const lines = (x: Buffer) => x.toString("utf8").split("\n").sort();
            expect(lines(a), f).toEqual(lines(b));
          } else expect(a.equals(b), `${f} differs`).toBe(true);
        }
      }
    });
  }
});
