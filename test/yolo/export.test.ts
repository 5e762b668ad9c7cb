import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import sharp from "sharp";
import type { Item, Label, Project } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { bitmapFromMask } from "../../src/codecs/bitmap.js";
import { createMask } from "../../src/codecs/mask.js";
import { writeYolo, type YoloWriteOptions } from "../../formats/yolo/write.js";
import { listFiles, tempDir } from "../helpers/paths.js";
import { context } from "./helpers.js";

const rect = (left: number, top: number, right: number, bottom: number) => ({ type: "rectangle" as const, left, top, right, bottom });
const label = (classTitle: string, geometry: Label["geometry"], extra?: Record<string, unknown>): Label => ({ classTitle, geometry, tags: [], ...(extra ? { extra } : {}) });

/** One image of each kind of object, 100 × 50, values chosen so the expected lines can be checked by hand. */
function sampleProject(): Project {
  const meta = emptyProjectMeta();
  ensureClass(meta, "car", "rectangle");
  ensureClass(meta, "road", "polygon");
  ensureClass(meta, "person", "graph", {
    geometryConfig: {
      nodes: { "nose-uuid": { label: "nose", loc: [0, 0] }, l: { label: "left", loc: [1, 0] }, r: { label: "right", loc: [2, 0] } },
      edges: [],
    },
  });
  ensureClass(meta, "person_bbox", "rectangle");
  ensureClass(meta, "pin", "point");
  ensureClass(meta, "mask", "bitmap");
  ensureClass(meta, "ship", "oriented_bbox");
  const mask = createMask(10, 5);
  mask.data.fill(1);
  const a: Item = {
    name: "a.png",
    annotation: {
      size: { width: 100, height: 50 },
      tags: [],
      labels: [
        label("car", rect(10, 5, 30, 25)),
        label("road", { type: "polygon", exterior: [[0, 0], [50, 0], [50, 50]], interior: [[[10, 5], [20, 5], [20, 10]]] }),
        label("person", { type: "graph", nodes: { l: { loc: [20, 10] }, "nose-uuid": { loc: [30, 20], disabled: true } } }, { instance: "k1" }),
        label("person_bbox", rect(10, 5, 40, 30), { instance: "k1" }),
        label("pin", { type: "point", x: 5, y: 5 }),
        label("mask", bitmapFromMask(mask, 60, 20)!),
        label("ship", { type: "oriented_bbox", left: 60, top: 30, right: 80, bottom: 40, angle: 0 }),
      ],
    },
  };
  const v: Item = { name: "v.png", annotation: { size: { width: 200, height: 100 }, tags: [], labels: [label("car", rect(0, 0, 200, 100))] } };
  const x: Item = { name: "x.png", annotation: { size: { width: 10, height: 10 }, tags: [], labels: [] } };
  return {
    meta,
    datasets: [
      { name: "train", items: [a], datasets: [] },
      { name: "valid", items: [v], datasets: [] },
      { name: "extra", items: [x], datasets: [] },
    ],
  };
}

async function exportTo(project: Project, options: YoloWriteOptions, report = new Report()) {
  const out = tempDir("slyconv-yolo-export-");
  await writeYolo(project, out, options, context(report));
  const read = (rel: string) => fs.readFileSync(path.join(out, rel), "utf8");
  return { out, report, read, yaml: YAML.parse(read("data.yaml")) as Record<string, unknown> };
}

const losses = (r: Report) => r.lossEntries.map((e) => `${e.className}/${e.what}: ${e.reason} ×${e.count}`).sort();

describe("YOLO export", () => {
  it("detect: one class index for the project, boxes with six decimals, conversions counted, points lost", async () => {
    const { read, report, yaml } = await exportTo(sampleProject(), { task: "detect", images: "none" });
    expect(yaml.names).toEqual({ 0: "car", 1: "road", 2: "person", 3: "pin", 4: "mask", 5: "ship" });
    expect(yaml.nc).toBe(6);
    expect(yaml.train).toEqual(["images/train", "images/extra"]);
    expect(yaml.val).toBe("images/valid");
    expect(read("labels/train/a.txt")).toBe([
      "0 0.200000 0.300000 0.200000 0.400000",
      "1 0.250000 0.500000 0.500000 1.000000", // polygon → its bounding box
      "2 0.250000 0.350000 0.300000 0.500000", // the box bound to the keypoints, with the keypoint class
      "4 0.650000 0.450000 0.100000 0.100000", // bitmap 10×5 at (60, 20): it covers 60..70 × 20..25
      "5 0.700000 0.700000 0.200000 0.200000", // oriented box (angle 0) → its bounding box
    ].join("\n") + "\n");
    expect(read("labels/valid/v.txt")).toBe("0 0.500000 0.500000 1.000000 1.000000\n");
    expect(read("labels/extra/x.txt")).toBe("");
    expect(losses(report)).toEqual([
      "person/keypoints: YOLO detect holds boxes: the object's box is written without its keypoints ×1",
      "pin/point: a point has no extent to make a box from ×1",
    ]);
    expect(report.findings.filter((f) => f.code === "yolo-converted").map((f) => f.message)).toEqual([
      "1 bitmap label written as boxes (mask); 1 multi-label object written as one line each (labels bound by instance) (person); 1 oriented_bbox label written as boxes (ship); 1 polygon label written as boxes (road)",
    ]);
    expect(report.stats.yoloLabelsConverted).toBe(4);
    expect(report.stats.items).toBe(3);
  });

  it("segment: exteriors, holes lost, rectangles as 4-point polygons, bitmaps traced along pixel edges, keypoints skipped", async () => {
    const { read, report } = await exportTo(sampleProject(), { task: "segment", images: "none" });
    expect(read("labels/train/a.txt")).toBe([
      "0 0.100000 0.100000 0.300000 0.100000 0.300000 0.500000 0.100000 0.500000",
      "1 0.000000 0.000000 0.500000 0.000000 0.500000 1.000000",
      "2 0.100000 0.100000 0.400000 0.100000 0.400000 0.600000 0.100000 0.600000", // the keypoints' box, as a polygon
      "4 0.600000 0.400000 0.700000 0.400000 0.700000 0.500000 0.600000 0.500000", // the 10×5 mask's outline, on pixel edges
      "5 0.600000 0.600000 0.800000 0.600000 0.800000 0.800000 0.600000 0.800000",
    ].join("\n") + "\n");
    expect(losses(report)).toEqual([
      "person/graph: YOLO segment holds polygons; a graph has no outline ×1",
      "pin/point: YOLO segment holds polygons; a point has no outline ×1",
      "road/polygon hole: YOLO segment lines hold one outline, no holes ×1",
    ]);
  });

  it("pose: one class per keypoint template; keypoints in template order, `0 0 0` for a missing one, visibility 1 for disabled", async () => {
    const { read, report, yaml } = await exportTo(sampleProject(), { task: "pose", images: "none" });
    expect(yaml.names).toEqual({ 0: "person" });
    expect(yaml.nc).toBe(1);
    expect(yaml.kpt_shape).toEqual([3, 3]);
    // left ↔ right by name, nose in place
    expect(yaml.flip_idx).toEqual([0, 2, 1]);
    expect(yaml.kpt_names).toEqual({ 0: ["nose", "left", "right"] });
    // template order nose (disabled → 1), left (2), right (absent → 0 0 0); box from the bound rectangle
    expect(read("labels/train/a.txt")).toBe("0 0.250000 0.350000 0.300000 0.500000 0.300000 0.400000 1 0.200000 0.200000 2 0 0 0\n");
    expect(read("labels/valid/v.txt")).toBe("");
    expect(read("data.yaml")).toContain("kpt_shape: [ 3, 3 ]");
    const why = "YOLO pose holds objects of keypoint classes; this class has no keypoint template";
    expect(losses(report)).toEqual([
      `car/non-keypoint object: ${why} ×2`, `mask/non-keypoint object: ${why} ×1`, `pin/non-keypoint object: ${why} ×1`,
      `road/non-keypoint object: ${why} ×1`, `ship/non-keypoint object: ${why} ×1`,
    ]);
  });

  it("pose: a graph without a bound box gets the box of its keypoints; kpt_shape and flip_idx come from yolo.json", async () => {
    const p = sampleProject();
    (p.datasets[0].items as Item[])[0].annotation.labels = [label("person", { type: "graph", nodes: { r: { loc: [80, 40] }, l: { loc: [60, 10] } } })];
    p.sideFiles = { "yolo.json": { kpt_shape: [4, 3], flip_idx: [0, 2, 1, 3] } };
    const { read, yaml, report } = await exportTo(p, { task: "pose", images: "none" });
    expect(yaml.kpt_shape).toEqual([4, 3]);
    expect(yaml.flip_idx).toEqual([0, 2, 1, 3]);
    expect(read("labels/train/a.txt")).toBe("0 0.700000 0.500000 0.200000 0.600000 0 0 0 0.600000 0.200000 2 0.800000 0.800000 2 0 0 0\n");
    expect(report.countOf("yolo-kpt-padded")).toBe(1);
    expect(report.findings.filter((f) => f.code === "yolo-converted").map((f) => f.message)).toEqual([
      "1 box-less object written as pose lines with the box of their keypoints (person)",
    ]);
  });

  it("obb: corners clockwise by default, counter-clockwise on request; rectangles become axis-aligned boxes", async () => {
    const cw = await exportTo(sampleProject(), { task: "obb", images: "none" });
    const lines = cw.read("labels/train/a.txt").trim().split("\n");
    expect(lines[0]).toBe("0 0.100000 0.100000 0.300000 0.100000 0.300000 0.500000 0.100000 0.500000");
    expect(lines.at(-1)).toBe("5 0.600000 0.600000 0.800000 0.600000 0.800000 0.800000 0.600000 0.800000");
    const ccw = await exportTo(sampleProject(), { task: "obb", obbOrder: "ccw", images: "none" });
    expect(ccw.read("labels/train/a.txt").trim().split("\n").at(-1)).toBe("5 0.600000 0.600000 0.600000 0.800000 0.800000 0.800000 0.800000 0.600000");
  });

  it("obb: corners kept at import are written while the box is unchanged (turned by --obb-order), dropped once it is edited", async () => {
    const kept = [[60.0000004, 30], [80, 30.0000003], [80, 40], [60, 40]];
    const p = sampleProject();
    const ship = (p.datasets[0].items as Item[])[0].annotation.labels[6];
    ship.extra = { yoloCorners: kept };
    const same = await exportTo(p, { task: "obb", images: "none" });
    expect(same.read("labels/train/a.txt").trim().split("\n").at(-1)).toBe("5 0.600000 0.600000 0.800000 0.600000 0.800000 0.800000 0.600000 0.800000");
    const forced = await exportTo(p, { task: "obb", obbOrder: "ccw", images: "none" });
    expect(forced.read("labels/train/a.txt").trim().split("\n").at(-1)).toBe("5 0.600000 0.600000 0.600000 0.800000 0.800000 0.800000 0.800000 0.600000");
    ship.geometry = { type: "oriented_bbox", left: 60, top: 30, right: 90, bottom: 40, angle: 0 };
    const edited = await exportTo(p, { task: "obb", images: "none" });
    expect(edited.read("labels/train/a.txt").trim().split("\n").at(-1)).toBe("5 0.600000 0.600000 0.900000 0.600000 0.900000 0.800000 0.600000 0.800000");
  });

  it("--split-tag: splits from a tag's value (or a value-less tag's name), untagged → train, clashing names renamed", async () => {
    const p = sampleProject();
    const items = (ds: number) => p.datasets[ds].items as Item[];
    items(0)[0].annotation.tags = [{ name: "split", value: "val" }];
    items(1)[0].name = "a.png";
    items(1)[0].annotation.tags = [{ name: "split", value: "val" }];
    items(2)[0].annotation.tags = [{ name: "test" }];
    const { out, report, yaml } = await exportTo(p, { task: "detect", splitTag: "split", images: "none" });
    expect(listFiles(out)).toEqual(["data.yaml", "labels/train/x.txt", "labels/val/a.txt", "labels/val/valid_a.txt"]);
    expect(yaml.train).toBe("images/train");
    expect(yaml.val).toBe("images/val");
    expect(report.countOf("yolo-name-collision")).toBe(1);
  });

  it("copies or links images, probes the size when the annotation lacks it, and reports labels it cannot place", async () => {
    const dir = tempDir();
    const img = path.join(dir, "p.png");
    fs.writeFileSync(img, await sharp({ create: { width: 40, height: 20, channels: 3, background: "#000" } }).png().toBuffer());
    const p = sampleProject();
    p.datasets = [{
      name: "train", datasets: [], items: [
        { name: "p.png", image: { kind: "file", path: img }, annotation: { size: { width: null, height: null }, tags: [], labels: [label("car", rect(0, 0, 20, 10))] } },
        { name: "q.png", annotation: { size: { width: null, height: null }, tags: [], labels: [label("car", rect(0, 0, 20, 10))] } },
      ],
    }];
    const { out, read, report } = await exportTo(p, { task: "detect", images: "copy" });
    expect(fs.readFileSync(path.join(out, "images/train/p.png")).equals(fs.readFileSync(img))).toBe(true);
    expect(read("labels/train/p.txt")).toBe("0 0.250000 0.250000 0.500000 0.500000\n");
    expect(read("labels/train/q.txt")).toBe("");
    expect(report.countOf("yolo-size-unknown")).toBe(1);
    expect(losses(report)).toEqual(["car/rectangle: image size unknown ×1"]);
  });

  it("never lists one split under another's key: without a validation split `val` is empty (a warning)", async () => {
    const p = sampleProject();
    p.datasets = [p.datasets[0]];
    const { yaml, report, read } = await exportTo(p, { task: "detect", images: "none" });
    expect(yaml.train).toBe("images/train");
    expect(yaml.val).toBeNull();
    expect(read("data.yaml")).toMatch(/^val:$/m);
    expect(report.findings.find((f) => f.code === "yolo-no-val")?.severity).toBe("warning");
  });

  it("refuses pose without a graph class", async () => {
    const p = sampleProject();
    p.meta.classes = p.meta.classes.filter((c) => c.shape !== "graph");
    await expect(exportTo(p, { task: "pose" })).rejects.toThrow("`task` pose needs at least one graph (keypoints) class in meta.json");
  });
});
