import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportProject, importDataset } from "../../src/api.js";
import type { Item } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { HAVE_REAL_DATA, REAL_DATA_SKIP_MESSAGE, expectedFacts, realData, tempDir } from "../helpers/paths.js";
import { importMasks, itemsOf, labelPixels, maskGrid } from "./helpers.js";

const CASE = "labelme-masks-vocseg";

describe.skipIf(!HAVE_REAL_DATA)(`real data: ${CASE} (VOC-style palette masks, labelme)`, () => {
  if (!HAVE_REAL_DATA) console.warn(REAL_DATA_SKIP_MESSAGE);
  const facts = () => expectedFacts()[CASE];

  it("reads SegmentationClass indices with class_names.txt and SegmentationObject instance ids", async () => {
    const { project, report } = await importMasks(realData(CASE));
    const f = facts();
    // class_names.txt line 0 is _background_ (index 0); the other 20 lines are the classes, in index order.
    expect(project.meta.classes.map((c) => c.title)).toEqual(f.class_names_txt.slice(1));
    expect(project.meta.classes.find((c) => c.title === "person")?.color).toBe("#C08080"); // VOC palette entry 15
    expect(report.errorCount + report.warningCount).toBe(0);
    const items = itemsOf(project);
    expect(items.map((i) => i.name)).toEqual(Object.keys(f.image_files).map((p) => path.basename(p)));
    for (const item of items) {
      const stem = item.name.replace(/\.jpg$/, "");
      const [w, h] = f.image_files[`JPEGImages/${item.name}`];
      expect(item.annotation.size).toEqual({ width: w, height: h });
      const cls = f.SegmentationClass[`SegmentationClass/${stem}.png`].value_pixel_counts as Record<string, number>;
      const obj = f.SegmentationObject[`SegmentationObject/${stem}.png`].value_pixel_counts as Record<string, number>;
      // Pixels per class = the class mask's count for that index (0 background and 255 ignore excluded).
      const perClass: Record<string, number> = {};
      for (const l of item.annotation.labels) perClass[l.classTitle] = (perClass[l.classTitle] ?? 0) + labelPixels(l).length;
      const expected: Record<string, number> = {};
      for (const [v, n] of Object.entries(cls)) if (v !== "0" && v !== "255") expected[f.class_names_txt[Number(v)]] = n;
      expect(perClass).toEqual(expected);
      // One label per object id; its pixel count is the object mask's count for that id.
      const objectCounts = Object.entries(obj).filter(([v]) => v !== "0" && v !== "255").map(([, n]) => n).sort((a, b) => a - b);
      expect(item.annotation.labels.map((l) => labelPixels(l).length).sort((a, b) => a - b)).toEqual(objectCounts);
    }
    // 2011_000003: objects 1 and 2 are people, 3 the bottle.
    const first = items[0] as Item;
    expect(first.annotation.labels.map((l) => [l.classTitle, labelPixels(l).length])).toEqual([["person", 15662], ["person", 17218], ["bottle", 873]]);
  });

  it("exports the same class indices back (ignore 255 becomes background)", async () => {
    const dir = tempDir();
    const report = new Report();
    await importDataset(realData(CASE), path.join(dir, "sly"), { format: "masks", report });
    await exportProject(path.join(dir, "sly"), path.join(dir, "masks"), { format: "masks", report });
    const grid = maskGrid(path.join(dir, "masks", CASE, "masks_machine", "2011_000003.png"));
    const counts: Record<number, number> = {};
    for (const row of grid) for (const v of row) counts[v] = (counts[v] ?? 0) + 1;
    expect(counts).toEqual({ 0: 125787 + 9460, 5: 873, 15: 32880 });
    const original = maskGrid(realData(CASE, "SegmentationClass", "2011_000006.png")).map((r) => r.map((v) => (v === 255 ? 0 : v)));
    expect(maskGrid(path.join(dir, "masks", CASE, "masks_machine", "2011_000006.png"))).toEqual(original);
  });
});
