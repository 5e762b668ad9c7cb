import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Item, Label, Project } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass, ensureTagMeta, hexToRgb, rgbToHex } from "../../src/model/index.js";
import { writeDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { bitmapEncodedOnRead, bitmapFromMask } from "../../src/codecs/bitmap.js";
import { decodeIndexedPng } from "../../src/codecs/png-indexed.js";
import { vocColor } from "../../formats/voc/palette.js";
import { tempDir } from "../helpers/paths.js";
import { filesIn, listIds, xmlObjects } from "./voc-compare.js";

const rect = (left: number, top: number, right: number, bottom: number) => ({ type: "rectangle" as const, left, top, right, bottom });

/** A project from elsewhere (COCO-like pairs, free polygons, shapes VOC cannot hold), to see what export keeps. */
async function genericProject(): Promise<Project> {
  const meta = emptyProjectMeta();
  ensureClass(meta, "road", "polygon", { color: "#FF0000" }); // not a VOC colour: gets the lowest free index
  ensureClass(meta, "car", "any", { color: rgbToHex(vocColor(7)) }); // VOC car colour: keeps index 7
  ensureClass(meta, "pin", "point");
  ensureClass(meta, "lane", "line");
  ensureClass(meta, "boat", "oriented_bbox");
  ensureTagMeta(meta, "weather", "any_string");
  const square = { type: "polygon" as const, exterior: [[1, 1], [4, 1], [4, 3], [1, 3]] as [number, number][], interior: [] };
  const carMask = new Uint8Array(4 * 2).fill(1);
  const labels: Label[] = [
    { classTitle: "car", geometry: rect(6, 4, 9, 5), tags: [{ name: "color", value: "blue" }], extra: { instance: "k1" } },
    { classTitle: "car", geometry: bitmapFromMask({ width: 4, height: 2, data: carMask }, 6, 4)!, tags: [], extra: { instance: "k1" } },
    { classTitle: "road", geometry: square, tags: [], description: "main road" },
    { classTitle: "pin", geometry: { type: "point", x: 3, y: 3 }, tags: [] },
    { classTitle: "lane", geometry: { type: "line", points: [[0, 0], [5, 5]] }, tags: [] },
    { classTitle: "boat", geometry: { type: "oriented_bbox", left: 10, top: 1, right: 12, bottom: 2, angle: 0.3 }, tags: [] },
  ];
  const png = await sharp({ create: { width: 14, height: 8, channels: 3, background: "#336699" } }).png().toBuffer();
  const main: Item = { name: "street.png", image: { kind: "bytes", data: png }, annotation: { size: { width: 14, height: 8 }, tags: [{ name: "weather", value: "rain" }], labels } };
  const other: Item = { name: "street.png", annotation: { size: { width: 14, height: 8 }, tags: [], labels: [{ classTitle: "car", geometry: rect(0, 0, 2, 2), tags: [] }] } };
  return { meta, datasets: [{ name: "ds0", items: [main], datasets: [] }, { name: "ds1", items: [other], datasets: [] }] };
}

/** What the devkit has on an object no tag says anything about. */
const DEFAULT_FLAGS = ["difficult=0", "pose=Unspecified", "truncated=0"];

describe("VOC export of a generic Supervisely project", () => {
  let out: string;
  let project: Project;
  const report = new Report();
  beforeAll(async () => {
    out = path.join(tempDir(), "voc");
    project = await genericProject();
    await writeDataset(project, out, { format: "voc", report, formatOptions: { imageFormat: "jpg" } });
  });

  it("one object per binding group: the rectangle is the box, a free polygon gets its bounds; each dataset is a split", () => {
    expect(xmlObjects(path.join(out, "Annotations/street.xml"))).toEqual([
      { name: "car", box: [6, 4, 9, 5], fields: ["color=blue", DEFAULT_FLAGS].flat(), parts: [] },
      { name: "road", box: [1, 1, 4, 3], fields: DEFAULT_FLAGS, parts: [] },
      { name: "boat", box: expect.any(Array), fields: DEFAULT_FLAGS, parts: [] },
    ]);
    expect(listIds(path.join(out, "ImageSets/Main/ds0.txt"))).toEqual(["street"]);
    expect(listIds(path.join(out, "ImageSets/Segmentation/ds0.txt"))).toEqual(["street"]);
  });

  it("draws masks with VOC class indices (VOC colours keep theirs) and instance k for object k", () => {
    const cls = decodeIndexedPng(fs.readFileSync(path.join(out, "SegmentationClass/street.png")))!;
    const obj = decodeIndexedPng(fs.readFileSync(path.join(out, "SegmentationObject/street.png")))!;
    const at = (m: { pixels: Uint8Array }, x: number, y: number) => m.pixels[y * 14 + x];
    expect(at(cls, 6, 4)).toBe(7); // car
    expect(at(obj, 6, 4)).toBe(1); // first object
    expect(at(cls, 1, 1)).toBe(1); // road: lowest free index…
    expect(cls.palette![1]).toEqual([255, 0, 0]); // …with its own colour
    expect(at(obj, 4, 3)).toBe(2);
    // The square polygon covers its 4×3 vertex pixels (outline included), nothing else.
    const road = [...cls.pixels].filter((v) => v === 1).length;
    expect(road).toBe(12);
    expect(at(cls, 0, 0)).toBe(0);
    // Index order: road 1, boat 4 (pin 2 and lane 3 are never written), car 7; boat keeps its own colour.
    const boat = hexToRgb(project.meta.classes.find((c) => c.title === "boat")!.color).join(",");
    expect(fs.readFileSync(path.join(out, "labelmap.txt"), "utf8")).toBe(`# label:color_rgb:parts:actions\nbackground:0,0,0::\nroad:255,0,0::\nboat:${boat}::\ncar:128,128,128::\n`);
  });

  it("counts every loss and change by class and shape", () => {
    expect(report.lossEntries.map((e) => `${e.className} | ${e.what} | ${e.reason} | ${e.count}`).sort()).toEqual([
      "(image) | tag weather | VOC has no image-level tags | 1",
      "lane | line | VOC holds boxes and masks only | 1",
      "pin | point | VOC holds boxes and masks only | 1",
      "road | description | VOC objects have no description | 1",
    ]);
    expect(report.changeEntries.map((e) => `${e.className} | ${e.what} | ${e.how} | ${e.count}`).sort()).toEqual([
      "boat | bndbox | rounded to whole pixels | 1",
      "boat | oriented_bbox | written as its axis-aligned bounding box (the angle is dropped) | 1",
      "road | polygon | rasterized into the VOC masks (the outline is not kept) | 1",
    ]);
  });

  it("--image-format jpg re-encodes a PNG into JPEGImages/<id>.jpg", () => {
    expect(filesIn(path.join(out, "JPEGImages"))).toEqual(["street.jpg"]);
    const bytes = fs.readFileSync(path.join(out, "JPEGImages/street.jpg"));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(fs.readFileSync(path.join(out, "Annotations/street.xml"), "utf8")).toContain("<filename>street.jpg</filename>");
  });

  it("another image with the same VOC id in another dataset is renamed, with a warning", () => {
    expect(report.findings.filter((f) => f.code === "voc-name-collision").map((f) => f.message)).toEqual([
      'ds1/street.png: another image already has the VOC id "street"; this one is written as "ds1_street"',
    ]);
    expect(listIds(path.join(out, "ImageSets/Main/ds1.txt"))).toEqual(["ds1_street"]);
    expect(xmlObjects(path.join(out, "Annotations/ds1_street.xml"))).toEqual([{ name: "car", box: [0, 0, 2, 2], fields: DEFAULT_FLAGS, parts: [] }]);
  });

  it("--image-format keep copies the image as it is", async () => {
    const keep = path.join(tempDir(), "voc");
    await writeDataset(await genericProject(), keep, { format: "voc", formatOptions: { imageFormat: "keep" } });
    expect(filesIn(path.join(keep, "JPEGImages"))).toEqual(["street.png"]);
    expect(fs.readFileSync(path.join(keep, "Annotations/street.xml"), "utf8")).toContain("<filename>street.png</filename>");
  });

  it("a detection-only export has no mask folders and no Segmentation lists", async () => {
    const meta = emptyProjectMeta();
    ensureClass(meta, "dog", "rectangle");
    const det = path.join(tempDir(), "voc");
    await writeDataset({ meta, datasets: [{ name: "train", items: [{ name: "a.jpg", annotation: { size: { width: 10, height: 10 }, tags: [], labels: [{ classTitle: "dog", geometry: rect(1, 1, 5, 5), tags: [{ name: "difficult", value: 1 }] }] } }], datasets: [] }] }, det, { format: "voc" });
    expect(filesIn(det)).toEqual([".slyconv-output", "Annotations", "ImageSets", "JPEGImages", "labelmap.txt"]);
    expect(filesIn(path.join(det, "ImageSets"))).toEqual(["Main"]);
    expect(fs.readFileSync(path.join(det, "ImageSets/Main/dog_train.txt"), "utf8")).toBe("a  0\n");
    expect(fs.readFileSync(path.join(det, "Annotations/a.xml"), "utf8")).toContain("<segmented>0</segmented>");
  });
});

describe("VOC export: an item repeated in several datasets", () => {
  // dx moves a vertex that is no extreme: the box stays.
  const polygon = (dx: number) => ({ type: "polygon" as const, exterior: [[1, 1], [6.5, 1], [4 + dx, 5.25]] as [number, number][], interior: [] });
  async function twoDatasets(second: Label[], formatOptions: Record<string, unknown> = {}) {
    const meta = emptyProjectMeta();
    ensureClass(meta, "cat", "any");
    const mask = { width: 3, height: 2, data: Uint8Array.of(1, 1, 0, 0, 1, 1) };
    const first: Label[] = [
      { classTitle: "cat", geometry: polygon(0), tags: [{ name: "coco_id", value: 7 }] },
      // A bitmap made from pixels, as COCO's reader makes crowd masks: compared by those pixels.
      { classTitle: "cat", geometry: bitmapEncodedOnRead([2, 3], mask), tags: [] },
    ];
    const item = (labels: Label[]): Item => ({ name: "a.jpg", annotation: { size: { width: 10, height: 8 }, tags: [], labels } });
    const out = path.join(tempDir(), "voc");
    const report = new Report();
    await writeDataset({ meta, datasets: [{ name: "train", items: [item(first)], datasets: [] }, { name: "val", items: [item(second(mask))], datasets: [] }] }, out, { format: "voc", report, formatOptions });
    return { out, report };
  }
  const same = (mask: { width: number; height: number; data: Uint8Array }): Label[] => [
    { classTitle: "cat", geometry: polygon(0), tags: [{ name: "coco_id", value: 7 }] },
    { classTitle: "cat", geometry: bitmapEncodedOnRead([2, 3], { ...mask, data: mask.data.slice() }), tags: [] },
  ];

  it("the same labels (polygon points, bitmap pixels): written once, listed in both splits", async () => {
    const { out, report } = await twoDatasets(same as never);
    expect(filesIn(path.join(out, "Annotations"))).toEqual(["a.xml"]);
    expect(listIds(path.join(out, "ImageSets/Main/train.txt"))).toEqual(["a"]);
    expect(listIds(path.join(out, "ImageSets/Main/val.txt"))).toEqual(["a"]);
    expect(report.findings.filter((f) => f.code === "voc-name-collision")).toEqual([]);
  });

  it("a polygon point or a bitmap pixel apart: another item, renamed", async () => {
    for (const second of [
      (mask: { width: number; height: number; data: Uint8Array }) => [{ ...same(mask)[0], geometry: polygon(1e-9) }, same(mask)[1]],
      (mask: { width: number; height: number; data: Uint8Array }) => [same(mask)[0], { ...same(mask)[1], geometry: bitmapEncodedOnRead([2, 3], { ...mask, data: Uint8Array.of(1, 1, 0, 0, 1, 0) }) }],
    ]) {
      const { out, report } = await twoDatasets(second as never);
      expect(filesIn(path.join(out, "Annotations"))).toEqual(["a.xml", "val_a.xml"]);
      expect(report.findings.filter((f) => f.code === "voc-name-collision")).toHaveLength(1);
    }
  });

  it("--boxes-only: what it writes decides (the same boxes are the same item)", async () => {
    const { out } = await twoDatasets(((mask: { width: number; height: number; data: Uint8Array }) => [{ ...same(mask)[0], geometry: polygon(1e-9) }, same(mask)[1]]) as never, { boxesOnly: true });
    expect(filesIn(path.join(out, "Annotations"))).toEqual(["a.xml"]);
  });
});
