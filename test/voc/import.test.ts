import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { materializeProject, type Item, type Label, type Project } from "../../src/model/index.js";
import { readDataset, importDataset, detectFormat } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { decodeBitmapData } from "../../src/codecs/bitmap.js";
import { rgbToHex } from "../../src/model/colors.js";
import { annotationToJson } from "../../formats/supervisely/json-model.js";
import { canonicalJson } from "../../src/io/json-file.js";
import { vocColor } from "../../formats/voc/palette.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { CAT, DOG, MASK_GRIDS, PERSON, SOFA, copyFixture, countChars, devkitFixture, writeJpeg } from "./fixture.js";

async function readVoc(input: string, report = new Report()): Promise<Project> {
  const { project } = await readDataset(input, { format: "voc", report });
  return materializeProject(project);
}

const itemsOf = (p: Project, name: string) => p.datasets.find((d) => d.name === name)!.items as Item[];
const byName = (items: Item[], name: string) => items.find((i) => i.name === name)!;

/** The pixels of a bitmap label as "x,y" strings, to compare with the grid characters. */
function bitmapPixels(l: Label): Set<string> {
  if (l.geometry.type !== "bitmap") throw new Error("not a bitmap");
  const m = decodeBitmapData(l.geometry.data);
  const out = new Set<string>();
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) if (m.data[y * m.width + x]) out.add(`${x + l.geometry.origin[0]},${y + l.geometry.origin[1]}`);
  return out;
}
function gridPixels(rows: string[], chars: string): Set<string> {
  const out = new Set<string>();
  rows.forEach((r, y) => [...r].forEach((c, x) => chars.includes(c) && out.add(`${x},${y}`)));
  return out;
}

describe("VOC import: VOCdevkit fixture (boxes, parts, actions, attributes, masks, splits)", () => {
  let root: string;
  let project: Project;
  const report = new Report();
  beforeAll(async () => {
    root = await devkitFixture();
    project = await readVoc(root, report);
  });

  it("is detected as VOC from Annotations/*.xml", async () => {
    const d = await detectFormat(root);
    expect(d.format).toBe("voc");
    expect(d.confidence).toBe(0.9);
    expect(d.evidence).toEqual(["VOCdevkit/VOC2012/Annotations/2009_000001.xml"]);
  });

  it("maps split lists to datasets: an image in two splits is in both, trainval is derived, unlisted images kept", () => {
    expect(project.datasets.map((d) => d.name)).toEqual(["train", "val", "unlisted"]);
    expect(itemsOf(project, "train").map((i) => i.name)).toEqual(["2009_000001.jpg", "2009_000002.jpg"]);
    expect(itemsOf(project, "val").map((i) => i.name)).toEqual(["2009_000002.jpg", "2009_000003.jpg"]);
    expect(itemsOf(project, "unlisted").map((i) => i.name)).toEqual(["2009_000004.jpg"]);
    // Default list membership (Main; Segmentation when masked): no voc_image_sets tag anywhere.
    for (const ds of project.datasets) for (const i of ds.items as Item[]) expect(i.annotation.tags).toEqual([]);
    expect(report.codes("warning")).toEqual([]);
    expect(report.codes("info")).toEqual(["voc-class-lists-derived"]);
  });

  it("lists only the classes present, VOC colours, shape any where boxes and masks share a class", () => {
    const classes = project.meta.classes.map((c) => `${c.title}:${c.shape}:${c.color}`);
    const voc = (i: number) => rgbToHex(vocColor(i));
    // Standard VOC order first (bottle 5, car 7, cat 8, dog 12, person 15, sofa 18, tvmonitor 20), then parts by name.
    expect(classes.slice(0, 7)).toEqual([
      `bottle:rectangle:${voc(5)}`, `car:rectangle:${voc(7)}`, `cat:any:${voc(CAT)}`, `dog:any:${voc(DOG)}`,
      `person:any:${voc(PERSON)}`, `sofa:bitmap:${voc(SOFA)}`, `tvmonitor:rectangle:${voc(20)}`,
    ]);
    expect(project.meta.classes.slice(7).map((c) => `${c.title}:${c.shape}`)).toEqual(["hand:rectangle", "head:rectangle"]);
    expect(project.meta.tagMetas.map((t) => `${t.name}:${t.valueType}:${t.applicableType}`)).toEqual([
      "pose:any_string:objectsOnly", "truncated:any_number:objectsOnly", "difficult:any_number:objectsOnly",
      "actions/jumping:any_number:objectsOnly", "actions/phoning:any_number:objectsOnly", "occluded:any_number:objectsOnly",
      "point/x:any_number:objectsOnly", "point/y:any_number:objectsOnly", "color:any_string:objectsOnly",
      "parked since:any_number:objectsOnly", "voc_instance:any_number:objectsOnly", "part_of:any_string:objectsOnly",
    ]);
  });

  it("keeps boxes as read (floats, no shift), every element as a tag: golden annotation", () => {
    const item = byName(itemsOf(project, "train"), "2009_000002.jpg");
    const expected = fs.readFileSync(path.join(FIXTURES, "voc/devkit-expected/2009_000002.jpg.json"), "utf8");
    expect(canonicalJson(annotationToJson(item.annotation))).toBe(expected.trimEnd());
    expect(item.imageMeta).toEqual({ voc: { folder: "VOC2012", depth: "3", segmented: "0" } });
    expect(item.image).toEqual({ kind: "file", path: path.join(root, "VOCdevkit/VOC2012/JPEGImages/2009_000002.jpg") });
  });

  it("person layout parts are labels bound to their person; actions are tags", () => {
    const item = byName(itemsOf(project, "train"), "2009_000001.jpg");
    const [person, head, hand, dog] = item.annotation.labels;
    expect(person).toEqual({
      classTitle: "person",
      geometry: { type: "rectangle", left: 2, top: 1, right: 9, bottom: 10 },
      tags: [{ name: "pose", value: "Frontal" }, { name: "truncated", value: 0 }, { name: "difficult", value: 0 }, { name: "actions/jumping", value: 0 }, { name: "actions/phoning", value: 1 }],
      extra: { instance: "voc-object-1" },
    });
    expect(head).toEqual({ classTitle: "head", geometry: { type: "rectangle", left: 4, top: 1, right: 7, bottom: 3 }, tags: [{ name: "part_of", value: "person" }], extra: { instance: "voc-object-1" } });
    expect(hand.geometry).toEqual({ type: "rectangle", left: 2, top: 6, right: 3, bottom: 7 });
    expect(hand.extra).toEqual({ instance: "voc-object-1" });
    expect(dog.extra).toEqual({ instance: "voc-object-2" });
    expect(item.annotation.size).toEqual({ width: 16, height: 12 });
    expect(item.imageMeta).toEqual({
      voc: { folder: "VOC2012", source: { database: "The VOC2009 Database", annotation: "PASCAL VOC2009", image: "flickr" }, depth: "3", segmented: "1" },
    });
  });

  it("SegmentationObject instances become bitmaps joined to XML object k, with exactly the grid's pixels", () => {
    const grid = MASK_GRIDS["2009_000001"].rows;
    const labels = byName(itemsOf(project, "train"), "2009_000001.jpg").annotation.labels.filter((l) => l.geometry.type === "bitmap");
    expect(labels.map((l) => [l.classTitle, l.tags, l.extra])).toEqual([
      ["person", [{ name: "voc_instance", value: 1 }], { instance: "voc-object-1" }],
      ["dog", [{ name: "voc_instance", value: 2 }], { instance: "voc-object-2" }],
    ]);
    expect(bitmapPixels(labels[0])).toEqual(gridPixels(grid, "P"));
    expect(bitmapPixels(labels[1])).toEqual(gridPixels(grid, "D"));
    expect(bitmapPixels(labels[0]).size).toBe(countChars(grid, "P"));
    expect(labels[0].geometry.type === "bitmap" && labels[0].geometry.origin).toEqual([2, 1]);
  });

  it("255 is no class: void pixels are kept out of labels, stored once for both masks", () => {
    const ann = byName(itemsOf(project, "train"), "2009_000001.jpg").annotation;
    const voids = ann.customBigData!.vocVoid as { masks: string[]; origin: [number, number]; data: string }[];
    expect(voids.map((v) => v.masks)).toEqual([["SegmentationClass", "SegmentationObject"]]);
    expect(bitmapPixels({ classTitle: "", tags: [], geometry: { type: "bitmap", origin: voids[0].origin, data: voids[0].data } })).toEqual(gridPixels(MASK_GRIDS["2009_000001"].rows, "#"));
    expect(project.meta.classes.map((c) => c.title)).not.toContain("neutral");
  });

  it("class pixels outside any object get voc_instance 0; an object without a mask keeps its plain box", () => {
    const ann = byName(itemsOf(project, "val"), "2009_000003.jpg").annotation;
    const grid = MASK_GRIDS["2009_000003"].rows;
    expect(ann.labels.map((l) => `${l.classTitle}:${l.geometry.type}:${(l.extra?.instance as string) ?? "-"}`)).toEqual([
      "cat:rectangle:voc-object-1", "cat:rectangle:voc-object-2", "bottle:rectangle:-",
      "cat:bitmap:voc-object-1", "cat:bitmap:voc-object-2", "sofa:bitmap:-",
    ]);
    const sofa = ann.labels[5];
    expect(sofa.tags).toEqual([{ name: "voc_instance", value: 0 }]);
    expect(bitmapPixels(sofa)).toEqual(gridPixels(grid, "s"));
    const voids = ann.customBigData!.vocVoid as { masks: string[] }[];
    expect(voids.map((v) => v.masks)).toEqual([["SegmentationClass"]]);
  });

  it("imports through the CLI path into a Supervisely project (importDataset)", async () => {
    const out = path.join(tempDir(), "sly");
    const r = await importDataset(root, out, { format: "voc", images: "copy" });
    expect(r.items).toBe(5); // 2009_000002 is in two datasets
    expect(fs.readdirSync(out).sort()).toEqual([".slyconv-output", "meta.json", "train", "unlisted", "val"]);
    expect(fs.existsSync(path.join(out, "val/img/2009_000002.jpg"))).toBe(true);
  });
});

describe("VOC import: layouts", () => {
  it("reads a plain folder (Annotations/ + JPEGImages/), a flat folder of XML files, and looks through a wrapper folder", async () => {
    const devkit = await devkitFixture();
    const plain = path.join(devkit, "VOCdevkit/VOC2012");
    const p1 = await readVoc(plain);
    expect(p1.datasets.map((d) => d.name)).toEqual(["train", "val", "unlisted"]);

    const flat = path.join(tempDir(), "wrapper", "xmls");
    fs.mkdirSync(flat, { recursive: true });
    for (const f of ["2009_000002.xml", "2009_000004.xml"]) fs.copyFileSync(path.join(plain, "Annotations", f), path.join(flat, f));
    await writeJpeg(path.join(flat, "2009_000004.jpg"), 8, 8);
    const p2 = await readVoc(path.dirname(flat));
    expect(p2.datasets.map((d) => d.name)).toEqual(["unlisted"]);
    const items = p2.datasets[0].items as Item[];
    expect(items.map((i) => [i.name, i.image?.kind ?? "none"])).toEqual([["2009_000002.jpg", "none"], ["2009_000004.jpg", "file"]]);
    expect((await detectFormat(path.dirname(flat))).confidence).toBe(0.8);
  });

  it("reads several years of a VOCdevkit as one dataset per year with the splits inside", async () => {
    const root = copyFixture("devkit");
    fs.cpSync(path.join(root, "VOCdevkit/VOC2012"), path.join(root, "VOCdevkit/VOC2007"), { recursive: true });
    const p = await readVoc(root);
    expect(p.datasets.map((d) => `${d.name}:${d.datasets.map((c) => c.name).join(",")}`)).toEqual(["VOC2007:train,val,unlisted", "VOC2012:train,val,unlisted"]);
  });

  it("a folder with nothing VOC in it is a clear error", async () => {
    const empty = tempDir();
    fs.writeFileSync(path.join(empty, "notes.txt"), "hello");
    await expect(readDataset(empty, { format: "voc" })).rejects.toThrow(/holds no Pascal VOC data/);
  });
});
