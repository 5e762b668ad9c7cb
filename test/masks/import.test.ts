import fs from "node:fs";
import path from "node:path";
import { tempDir } from "../helpers/paths.js";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/api.js";
import type { Item } from "../../src/model/index.js";
import { MASK_FIXTURES, GENERIC_A_IDS, GENERIC_B, SLY_X_PERSON_1, SLY_X_PERSON_2, SLY_X_TV_1, SLY_Z_MACHINE } from "./fixture-data.js";
import { findingsOf, gridPixels, importMasks, itemsOf, summary } from "./helpers.js";

const fx = (c: string) => path.join(MASK_FIXTURES, c);
const byName = (items: Item[], name: string) => items.find((i) => i.name === name)!;

describe("masks import: generic layout with a class list", () => {
  it("pairs images and masks by stem, reads palette indices (not colours), keeps images without a mask", async () => {
    const { project, report } = await importMasks(fx("generic-index"));
    expect(project.meta.classes.map((c) => [c.title, c.shape])).toEqual([["cat", "bitmap"], ["dog", "bitmap"]]);
    expect(project.datasets.map((d) => d.name)).toEqual(["generic-index"]);
    const items = itemsOf(project);
    expect(items.map((i) => i.name)).toEqual(["a.png", "b.png", "c.png"]);
    // a has an instance-id PNG: one label per instance id, class from the semantic mask under it; 255 ignored.
    expect(summary(byName(items, "a.png"))).toEqual([
      { cls: "cat", px: gridPixels(GENERIC_A_IDS, 1) },
      { cls: "cat", px: gridPixels(GENERIC_A_IDS, 2) },
      { cls: "dog", px: gridPixels(GENERIC_A_IDS, 3) },
    ]);
    // b's palette gives entries 1 and 2 the same colour: only the index separates cat from dog.
    expect(summary(byName(items, "b.png"))).toEqual([
      { cls: "cat", px: ["0,0", "1,1"] },
      { cls: "dog", px: ["4,1", "3,3", "4,3", "5,3"] },
    ]);
    expect(byName(items, "c.png").annotation).toEqual({ size: { width: 6, height: 4 }, tags: [], labels: [] });
    expect(byName(items, "a.png").image).toEqual({ kind: "file", path: path.join(fx("generic-index"), "images", "a.png") });
    expect(findingsOf(report, "mask-without-image")).toEqual([{ message: "mask has no image of the same stem; skipped", file: "masks/zzz.png", line: undefined }]);
    expect(report.errorCount).toBe(0);
    // Indices travel with the project for a later export.
    expect(project.sideFiles).toEqual({ "obj_class_to_machine_color.json": { cat: [1, 1, 1], dog: [2, 2, 2] } });
  });

  it("--split-instances splits each class into connected components (8- or 4-connectivity)", async () => {
    const eight = itemsOf((await importMasks(fx("generic-index"), { splitInstances: true })).project);
    expect(summary(byName(eight, "b.png"))).toEqual([
      { cls: "cat", px: ["0,0", "1,1"] },
      { cls: "dog", px: ["4,1"] },
      { cls: "dog", px: ["3,3", "4,3", "5,3"] },
    ]);
    const four = itemsOf((await importMasks(fx("generic-index"), { splitInstances: true, connectivity: "4" })).project);
    expect(summary(byName(four, "b.png"))).toEqual([
      { cls: "cat", px: ["0,0"] },
      { cls: "cat", px: ["1,1"] },
      { cls: "dog", px: ["4,1"] },
      { cls: "dog", px: ["3,3", "4,3", "5,3"] },
    ]);
    expect(gridPixels(GENERIC_B, 1)).toEqual(["0,0", "1,1"]);
  });

  it("--ignore-value none turns 255 into an unknown value", async () => {
    const { report } = await importMasks(fx("generic-index"), { ignoreValue: "none" });
    expect(findingsOf(report, "mask-unknown-value")).toEqual([
      { message: "values not in the class map classes.txt: 255 in 1 pixel; those pixels are left unlabelled", file: "masks/a.png", line: undefined },
    ]);
  });

  it("without a class file every value becomes a class_<value> class (0 background, 255 ignore)", async () => {
    const dir = tempDir();
    fs.cpSync(fx("generic-index"), dir, { recursive: true });
    fs.rmSync(path.join(dir, "classes.txt"));
    const { project } = await importMasks(dir);
    expect(project.meta.classes.map((c) => c.title)).toEqual(["class_1", "class_2"]);
    expect(summary(byName(itemsOf(project), "b.png")).map((l) => l.cls)).toEqual(["class_1", "class_2"]);
  });
});

describe("masks import: colour masks with a colour map", () => {
  it("matches true RGB colours (every channel, not one)", async () => {
    const { project, report } = await importMasks(fx("generic-colour"), { classMap: path.join(fx("generic-colour"), "colors.json") });
    expect(project.meta.classes.map((c) => [c.title, c.color])).toEqual([["road", "#804080"], ["car", "#0000FF"]]);
    const [street] = itemsOf(project);
    expect(summary(street)).toEqual([
      { cls: "road", px: ["0,1", "1,1", "4,1", "0,2", "1,2", "2,2", "3,2", "4,2"] },
      { cls: "car", px: ["2,0", "3,0", "2,1", "3,1"] },
    ]);
    expect(report.warningCount).toBe(0);
    expect(project.sideFiles).toBeUndefined();
  });

  it("without a map, each colour becomes a class in that colour", async () => {
    const { project, report } = await importMasks(fx("generic-colour"));
    expect(project.meta.classes.map((c) => [c.title, c.color])).toEqual([["color_0000ff", "#0000FF"], ["color_804080", "#804080"]]);
    expect(summary(itemsOf(project)[0]).map((l) => [l.cls, l.px.length])).toEqual([["color_0000ff", 4], ["color_804080", 8]]);
    expect(findingsOf(report, "classes-from-values")[0].message).toBe("no class map: 2 classes were named after their mask colours");
  });
});

describe("masks import: Supervisely export-as-masks layout", () => {
  it("reads machine masks, instance masks by file name, nested datasets, and keeps images without masks", async () => {
    const { project, report } = await importMasks(fx("sly-layout"));
    expect(project.meta.classes.map((c) => [c.title, c.color])).toEqual([["person", "#FF0000"], ["tv/monitor", "#00FF00"]]);
    expect(project.datasets.map((d) => d.name)).toEqual(["ds1"]);
    const items = itemsOf(project);
    expect(items.map((i) => i.name)).toEqual(["x.png", "y.png"]);
    // Instance masks give the objects; the semantic mask adds nothing they do not cover.
    expect(summary(byName(items, "x.png"))).toEqual([
      { cls: "person", px: gridPixels(SLY_X_PERSON_1, 1) },
      { cls: "person", px: gridPixels(SLY_X_PERSON_2, 1) },
      { cls: "tv/monitor", px: gridPixels(SLY_X_TV_1, 1) },
    ]);
    expect(byName(items, "y.png").annotation.labels).toEqual([]);
    expect(byName(items, "y.png").annotation.size).toEqual({ width: 5, height: 4 });
    const sub = project.datasets[0].datasets[0];
    expect(sub.name).toBe("sub");
    expect(summary((sub.items as Item[])[0])).toEqual([{ cls: "tv/monitor", px: gridPixels(SLY_Z_MACHINE, 2) }]);
    expect(report.warningCount + report.errorCount).toBe(0);
  });

  it("is detected with confidence 0.9 from obj_class_to_machine_color.json", async () => {
    const d = await detectFormat(fx("sly-layout"));
    expect(d.format).toBe("masks");
    expect(d.confidence).toBe(0.9);
    expect(d.evidence).toEqual(["obj_class_to_machine_color.json"]);
  });

  it("detects the generic layout with a class list", async () => {
    const d = await detectFormat(fx("generic-index"));
    expect([d.format, d.confidence]).toEqual(["masks", 0.6]);
  });
});
