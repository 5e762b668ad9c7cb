/**
 * The VOC cases of ../shared/real-data (never copied into the project): every fact of expected.json that concerns
 * what VOC import produces is asserted on the converted values.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { materializeProject, type Item, type Label, type Project } from "../../src/model/index.js";
import { convertDataset, exportProject, importDataset, readDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { decodeBitmapData } from "../../src/codecs/bitmap.js";
import { decodeIndexedPng } from "../../src/codecs/png-indexed.js";
import { HAVE_REAL_DATA, REAL_DATA_SKIP_MESSAGE, expectedFacts, realData, tempDir } from "../helpers/paths.js";
import { asDevkitWrites, filesIn, listIds, pngPixels, xmlObjects } from "./voc-compare.js";

if (!HAVE_REAL_DATA) console.warn(`test/voc/real-data: ${REAL_DATA_SKIP_MESSAGE}`);

async function readVoc(input: string, report = new Report()): Promise<Project> {
  return materializeProject((await readDataset(input, { format: "voc", report })).project);
}
const allItems = (p: Project): Item[] => p.datasets.flatMap((d) => d.items as Item[]);
const stem = (name: string) => name.replace(/\.[^.]+$/, "");

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

/** "stem class xmin,ymin,xmax,ymax" for every rectangle: the cross-producer box set. */
function boxKeys(p: Project): string[] {
  return allItems(p).flatMap((i) => i.annotation.labels.filter((l) => l.geometry.type === "rectangle").map((l) => {
    const g = l.geometry as { left: number; top: number; right: number; bottom: number };
    return `${stem(i.name)} ${l.classTitle} ${g.left},${g.top},${g.right},${g.bottom}`;
  })).sort();
}

const tagValue = (l: Label, name: string) => l.tags.find((t) => t.name === name)?.value;

function bitmapArea(l: Label): number {
  if (l.geometry.type !== "bitmap") return 0;
  return decodeBitmapData(l.geometry.data).data.reduce((n, v) => n + v, 0);
}

describe.skipIf(!HAVE_REAL_DATA)("real data: pascalvoc-voc-voc2012 (original VOC XML, flat folder, no images)", () => {
  let facts: any;
  let project: Project;
  const report = new Report();
  beforeAll(async () => {
    facts = expectedFacts()["pascalvoc-voc-voc2012"];
    project = await readVoc(realData("pascalvoc-voc-voc2012"), report);
  });

  it("gives 100 items, 273 boxes, the objects per class and the sizes of expected.json", () => {
    const items = allItems(project);
    expect(project.datasets.map((d) => d.name)).toEqual(["unlisted"]);
    expect(items.length).toBe(facts.xml_files);
    const labels = items.flatMap((i) => i.annotation.labels);
    expect(labels.length).toBe(facts.objects);
    expect(labels.every((l) => l.geometry.type === "rectangle")).toBe(true);
    expect(countBy(labels, (l) => l.classTitle)).toEqual(facts.objects_per_class);
    for (const [file, f] of Object.entries<any>(facts.items)) {
      const item = items.find((i) => stem(i.name) === stem(path.basename(file)))!;
      expect(item.name).toBe(f.filename);
      expect(item.annotation.size).toEqual({ width: Number(f.width), height: Number(f.height) });
      expect(item.annotation.labels.length).toBe(f.objects);
    }
    expect(report.warningCount).toBe(0);
  });

  it("keeps difficult, truncated and pose as tags with their values", () => {
    const labels = allItems(project).flatMap((i) => i.annotation.labels);
    const flags: Record<string, number> = {};
    for (const l of labels) {
      for (const name of ["difficult", "truncated", "pose", "occluded"]) {
        const v = tagValue(l, name);
        const k = `${name}:${v === undefined ? "<missing>" : v}`;
        flags[k] = (flags[k] ?? 0) + 1;
      }
    }
    expect(flags).toEqual(facts.object_flags);
    expect(project.meta.tagMetas.map((t) => `${t.name}:${t.valueType}`)).toEqual(["pose:any_string", "truncated:any_number", "difficult:any_number"]);
    // Detection-only data gets its 20 classes, not a 21-class palette with `neutral`.
    expect(project.meta.classes.map((c) => c.title).sort()).toEqual(Object.keys(facts.objects_per_class).sort());
  });

  it("round trip VOC → Supervisely → VOC gives the same objects in every file", async () => {
    const sly = path.join(tempDir(), "sly"), out = path.join(tempDir(), "voc");
    await importDataset(realData("pascalvoc-voc-voc2012"), sly, { format: "voc" });
    const r = new Report();
    await exportProject(sly, out, { format: "voc", report: r });
    const src = realData("pascalvoc-voc-voc2012/pascalvoc_format");
    const files = filesIn(src);
    expect(filesIn(path.join(out, "Annotations"))).toEqual(files);
    for (const f of files) expect(xmlObjects(path.join(out, "Annotations", f)), f).toEqual(xmlObjects(path.join(src, f)));
    expect(r.lossEntries).toEqual([]);
  });
});

describe.skipIf(!HAVE_REAL_DATA)("real data: cvat-voc-voc2012 (CVAT PASCAL VOC 1.1 export)", () => {
  let facts: any;
  let project: Project;
  const report = new Report();
  beforeAll(async () => {
    facts = expectedFacts()["cvat-voc-voc2012"];
    project = await readVoc(realData("cvat-voc-voc2012"), report);
  });

  it("reads the subset list as dataset `default`, with the same sizes and objects as expected.json", () => {
    expect(project.datasets.map((d) => [d.name, (d.items as Item[]).length])).toEqual([["default", 100]]);
    const items = allItems(project);
    const labels = items.flatMap((i) => i.annotation.labels);
    expect(labels.length).toBe(facts.objects);
    expect(countBy(labels, (l) => l.classTitle)).toEqual(facts.objects_per_class);
    expect(countBy(labels, (l) => `occluded:${tagValue(l, "occluded")}`)).toEqual({ "occluded:0": facts.object_flags["occluded:0"] });
    for (const [file, f] of Object.entries<any>(facts.items)) {
      const item = items.find((i) => stem(i.name) === stem(path.basename(file)))!;
      expect(item.annotation.size).toEqual({ width: Number(f.width), height: Number(f.height) });
      expect(item.annotation.labels.length).toBe(f.objects);
    }
    // Empty <depth></depth> is no value: not kept.
    expect(items.every((i) => !("depth" in ((i.imageMeta?.voc as object) ?? {})))).toBe(true);
    expect(Object.values<number>(facts.image_sets)).toEqual([100, 100, 100]);
    // Listed in Main, Layout and Action (not the default Main only): kept as the voc_image_sets tag.
    expect(items.every((i) => i.annotation.tags.length === 1 && i.annotation.tags[0].name === "voc_image_sets" && i.annotation.tags[0].value === "Main,Action,Layout")).toBe(true);
    // Colours from labelmap.txt.
    expect(project.meta.classes.find((c) => c.title === "person")!.color).toBe("#800000");
  });

  it("gives the same 273 boxes as the original VOC XML (pascalvoc-voc-voc2012)", async () => {
    const original = await readVoc(realData("pascalvoc-voc-voc2012"));
    const a = boxKeys(project), b = boxKeys(original);
    expect(a.length).toBe(facts.cross_check_vs_original_voc.boxes_compared);
    expect(a).toEqual(b);
    const sizes = (p: Project) => allItems(p).map((i) => `${stem(i.name)} ${i.annotation.size.width}x${i.annotation.size.height}`).sort();
    expect(sizes(project)).toEqual(sizes(original));
  });

  it("round trip gives the same objects and the same Main, Layout and Action lists", async () => {
    const sly = path.join(tempDir(), "sly"), out = path.join(tempDir(), "voc");
    await importDataset(realData("cvat-voc-voc2012"), sly, { format: "voc" });
    await exportProject(sly, out, { format: "voc" });
    const src = realData("cvat-voc-voc2012/imagenet_format");
    // CVAT writes no pose, truncated or difficult; the export adds them as the devkit has them.
    for (const f of filesIn(path.join(src, "Annotations"))) expect(xmlObjects(path.join(out, "Annotations", f)), f).toEqual(asDevkitWrites(xmlObjects(path.join(src, "Annotations", f))));
    for (const folder of ["Main", "Layout", "Action"]) {
      // Supervisely lists items by name, so the lists come back sorted.
      expect(listIds(path.join(out, "ImageSets", folder, "default.txt"))).toEqual(listIds(path.join(src, "ImageSets", folder, "default.txt")).sort());
    }
    expect(fs.readFileSync(path.join(out, "labelmap.txt"), "utf8").split("\n").slice(0, 3)).toEqual(["# label:color_rgb:parts:actions", "background:0,0,0::", "person:128,0,0::"]);
  });

  it("convert voc → voc (through the model, no project on disk) keeps CVAT's list order too", async () => {
    const out = path.join(tempDir(), "voc");
    await convertDataset(realData("cvat-voc-voc2012"), out, { from: "voc", to: "voc" });
    const src = realData("cvat-voc-voc2012/imagenet_format/ImageSets");
    for (const folder of ["Main", "Layout", "Action"]) {
      expect(fs.readFileSync(path.join(out, "ImageSets", folder, "default.txt"), "utf8")).toBe(fs.readFileSync(path.join(src, folder, "default.txt"), "utf8"));
    }
  });
});

describe.skipIf(!HAVE_REAL_DATA)("real data: labelme-voc-bbox (labelme2voc detection export)", () => {
  let facts: any;
  let project: Project;
  const report = new Report();
  beforeAll(async () => {
    facts = expectedFacts()["labelme-voc-bbox"];
    project = await readVoc(realData("labelme-voc-bbox"), report);
  });

  it("reads 3 images with their header sizes, 9 boxes with fractional values kept", () => {
    const items = allItems(project);
    expect(items.length).toBe(facts.xml_files);
    for (const [file, [w, h]] of Object.entries<[number, number]>(facts.image_files)) {
      const item = items.find((i) => i.name === path.basename(file))!;
      expect(item.annotation.size).toEqual({ width: w, height: h });
      expect(item.image).toEqual({ kind: "file", path: realData("labelme-voc-bbox", file) });
    }
    const labels = items.flatMap((i) => i.annotation.labels);
    expect(labels.length).toBe(facts.objects);
    expect(countBy(labels, (l) => l.classTitle)).toEqual(facts.objects_per_class);
    // "3 have fractional values": boxes with at least one fractional coordinate, kept as read.
    const fractional = labels.filter((l) => { const g = l.geometry as any; return [g.left, g.top, g.right, g.bottom].some((v) => !Number.isInteger(v)); });
    expect(fractional.length).toBe(facts.notes.bndbox_fractional_values);
    const first = items.find((i) => i.name === "2011_000003.jpg")!.annotation.labels[0].geometry;
    expect(first).toEqual({ type: "rectangle", left: 191, top: 107.36900369003689, right: 313, bottom: 329.36900369003695 });
  });

  it("empty <pose/>, <truncated/>, <difficult/> make no tags, and reach no warning", () => {
    const labels = allItems(project).flatMap((i) => i.annotation.labels);
    expect(labels.every((l) => l.tags.length === 0)).toBe(true);
    expect(project.meta.tagMetas).toEqual([]);
    // 9 objects × (pose, truncated, difficult) + folder, database, annotation, image, segmented per file.
    expect(report.findings.find((f) => f.code === "voc-empty-elements")?.message).toMatch(/^27 empty elements/);
    expect(report.warningCount).toBe(0); // xmax 500 on a 500-wide image is inside VOC's 1-based range
    expect(project.meta.classes.map((c) => c.title)).toEqual(["bus", "car", "person"]);
  });
});

describe.skipIf(!HAVE_REAL_DATA)("real data: labelme-masks-vocseg (VOC-style class and object PNGs, no XML)", () => {
  let facts: any;
  let project: Project;
  const report = new Report();
  beforeAll(async () => {
    facts = expectedFacts()["labelme-masks-vocseg"];
    project = await readVoc(realData("labelme-masks-vocseg"), report);
  });

  it("gives per class exactly the pixel counts of SegmentationClass, with 255 kept out of the classes", () => {
    const names: string[] = facts.class_names_txt;
    for (const [file, f] of Object.entries<any>(facts.SegmentationClass)) {
      const item = allItems(project).find((i) => stem(i.name) === stem(path.basename(file)))!;
      expect(item.annotation.size).toEqual({ width: f.wh[0], height: f.wh[1] });
      const perClass: Record<string, number> = {};
      for (const l of item.annotation.labels) perClass[l.classTitle] = (perClass[l.classTitle] ?? 0) + bitmapArea(l);
      const expected: Record<string, number> = {};
      for (const [index, count] of Object.entries<number>(f.value_pixel_counts)) if (index !== "0" && index !== "255") expected[names[Number(index)]] = count;
      expect(perClass, file).toEqual(expected);
      const voids = (item.annotation.customBigData?.vocVoid ?? []) as { masks: string[]; data: string }[];
      const voidPixels = voids.filter((v) => v.masks.includes("SegmentationClass")).reduce((n, v) => n + decodeBitmapData(v.data).data.reduce((a, b) => a + b, 0), 0);
      expect(voidPixels, file).toBe(f.value_pixel_counts["255"] ?? 0);
    }
    expect(project.meta.classes.map((c) => `${c.title}:${c.shape}`).sort()).toEqual(["bottle:bitmap", "bus:bitmap", "car:bitmap", "chair:bitmap", "person:bitmap", "sofa:bitmap"]);
    expect(report.warningCount).toBe(0);
  });

  it("gives one bitmap per SegmentationObject instance with its pixel count, gaps in numbering kept", () => {
    for (const [file, f] of Object.entries<any>(facts.SegmentationObject)) {
      const item = allItems(project).find((i) => stem(i.name) === stem(path.basename(file)))!;
      const perInstance: Record<string, number> = {};
      for (const l of item.annotation.labels) {
        const k = String(tagValue(l, "voc_instance"));
        perInstance[k] = (perInstance[k] ?? 0) + bitmapArea(l);
      }
      const expected = Object.fromEntries(Object.entries<number>(f.value_pixel_counts).filter(([k]) => k !== "0"));
      expect(perInstance, file).toEqual(expected);
    }
  });

  it("round trip gives pixel-identical masks, and reads back joined and stable", async () => {
    const sly = path.join(tempDir(), "sly"), out = path.join(tempDir(), "voc");
    await importDataset(realData("labelme-masks-vocseg"), sly, { format: "voc", images: "copy" });
    await exportProject(sly, out, { format: "voc" });
    for (const dir of ["SegmentationClass", "SegmentationObject"]) {
      const src = realData("labelme-masks-vocseg", dir);
      expect(filesIn(path.join(out, dir))).toEqual(filesIn(src));
      for (const f of filesIn(src)) {
        const a = pngPixels(path.join(src, f)), b = pngPixels(path.join(out, dir, f));
        expect(b.rgba.equals(a.rgba), `${dir}/${f}`).toBe(true);
        expect(Buffer.from(decodeIndexedPng(fs.readFileSync(path.join(out, dir, f)))!.pixels).equals(Buffer.from(decodeIndexedPng(fs.readFileSync(path.join(src, f)))!.pixels))).toBe(true);
      }
    }
    // Export adds an object per instance (box = its pixel bounds); 2011_000006 has instances 1-5 and 7.
    expect(xmlObjects(path.join(out, "Annotations/2011_000006.xml")).map((o) => o.name)).toEqual(["person", "person", "person", "chair", "person", "sofa"]);
    const again = await readVoc(out);
    const sofa = allItems(again).find((i) => i.name === "2011_000006.jpg")!.annotation.labels.filter((l) => l.classTitle === "sofa");
    expect(sofa.map((l) => [l.geometry.type, l.extra?.instance])).toEqual([["rectangle", "voc-object-6"], ["bitmap", "voc-object-6"]]);
    const sly2 = path.join(tempDir(), "sly2"), out2 = path.join(tempDir(), "voc2");
    await importDataset(out, sly2, { format: "voc", images: "copy" });
    await exportProject(sly2, out2, { format: "voc" });
    for (const dir of ["Annotations", "SegmentationClass", "SegmentationObject"]) {
      for (const f of filesIn(path.join(out, dir))) expect(fs.readFileSync(path.join(out2, dir, f)).equals(fs.readFileSync(path.join(out, dir, f))), `${dir}/${f}`).toBe(true);
    }
  });
});
