/**
 * Export of a Supervisely project that did not come from COCO: every geometry kind, what COCO cannot hold (counted
 * per class), captions, ids, images.
 */
import { describe, expect, it, beforeAll } from "vitest";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { writeProject } from "../../src/api.js";
import { bitmapFromMask, encodeAlphaMaskData } from "../../src/codecs/bitmap.js";
import { rleFromJson, rleToMask } from "../../src/codecs/coco-rle.js";
import { rasterizeGeometry } from "../../src/geometry/rasterize.js";
import { emptyProjectMeta, ensureClass, ensureTagMeta, type Item, type Label, type Project } from "../../src/model/index.js";
import { tempDir } from "../helpers/paths.js";
import { exportCoco, readJson } from "./helpers.js";

const W = 12, H = 10;
const maskRows = ["0110", "1111", "1001", "1111"]; // a 4×4 mask with a hole at (1..2, 2)
const mask = { width: 4, height: 4, data: Uint8Array.from(maskRows.join("").split("").map(Number)) };

const holed: Label = {
  classTitle: "lake", tags: [{ name: "depth", value: 3 }],
  geometry: { type: "polygon", exterior: [[1, 1], [9, 1], [9, 8], [1, 8]], interior: [[[3, 3], [6, 3], [6, 6], [3, 6]]] },
};
const plain: Label = { classTitle: "lake", tags: [], geometry: { type: "polygon", exterior: [[0.5, 0.5], [3.25, 0.5], [2, 4]], interior: [] } };
const blob: Label = { classTitle: "blob", tags: [], geometry: bitmapFromMask(mask, 6, 5)! };
const box: Label = { classTitle: "car", tags: [], geometry: { type: "rectangle", left: 1.5, top: 2, right: 4, bottom: 7.25 } };
const multi: Label = {
  classTitle: "lake", tags: [],
  geometry: { type: "multipolygon", parts: [{ exterior: [[0, 0], [2, 0], [2, 2]], interior: [] }, { exterior: [[5, 5], [7, 5], [7, 7]], interior: [] }] },
};
const pose: Label = {
  classTitle: "person", tags: [],
  geometry: { type: "graph", nodes: { head: { loc: [5, 1] }, foot: { loc: [5, 9], disabled: true } } },
};
const lost: Label[] = [
  { classTitle: "road", tags: [], geometry: { type: "line", points: [[0, 0], [5, 5]] } },
  { classTitle: "road", tags: [], geometry: { type: "line", points: [[1, 0], [5, 5]] } },
  { classTitle: "spot", tags: [], geometry: { type: "point", x: 1, y: 1 } },
  { classTitle: "haze", tags: [], geometry: { type: "alpha_mask", origin: [0, 0], data: encodeAlphaMaskData({ width: 2, height: 1, data: Uint8Array.of(10, 200) }) } },
  { classTitle: "tilted", tags: [], geometry: { type: "oriented_bbox", left: 1, top: 1, right: 4, bottom: 3, angle: 0.3 } },
];

let projectDir: string;
beforeAll(async () => {
  const dir = tempDir("slyconv-coco-native-");
  const png = path.join(dir, "src.png");
  await sharp({ create: { width: W, height: H, channels: 3, background: "#808080" } }).png().toFile(png);
  const meta = emptyProjectMeta();
  for (const [t, s] of [["lake", "any"], ["blob", "bitmap"], ["car", "rectangle"], ["road", "line"], ["spot", "point"], ["haze", "alpha_mask"], ["tilted", "oriented_bbox"]] as const) ensureClass(meta, t, s);
  ensureClass(meta, "person", "graph", {
    geometryConfig: {
      nodes: { head: { label: "head", loc: [0, 0] }, hand: { label: "hand", loc: [1, 1] }, foot: { label: "foot", loc: [2, 2] } },
      edges: [{ src: "head", dst: "hand" }, { src: "hand", dst: "foot" }],
    },
  });
  ensureTagMeta(meta, "caption", "any_string");
  ensureTagMeta(meta, "weather", "any_string");
  ensureTagMeta(meta, "depth", "any_number");
  ensureTagMeta(meta, "coco_id", "any_number");
  const size = { width: W, height: H };
  const items: Item[] = [
    {
      name: "one.png", image: { kind: "file", path: png },
      annotation: { size, tags: [{ name: "caption", value: "first" }, { name: "weather", value: "sunny" }, { name: "caption", value: "second" }], labels: [holed, plain, blob, box, pose, ...lost] },
    },
    {
      name: "two.png", image: { kind: "file", path: png },
      annotation: { size, tags: [], labels: [multi, { ...box, tags: [{ name: "coco_id", value: 7 }] }, { ...box, tags: [{ name: "coco_id", value: 7 }] }] },
    },
    { name: "remote.jpg", image: { kind: "link", url: "https://example.com/remote.jpg" }, annotation: { size: { width: 20, height: 10 }, tags: [], labels: [] } },
  ];
  const project: Project = {
    meta,
    datasets: [{ name: "ds", items, datasets: [{ name: "child", items: [{ name: "c.png", annotation: { size, tags: [], labels: [box] } }], datasets: [] }] }],
  };
  projectDir = path.join(dir, "project");
  await writeProject(project, projectDir, { images: "copy" });
});

const annsOf = (coco: any, file: string) => coco.annotations.filter((a: any) => a.image_id === coco.images.find((i: any) => i.file_name === file).id);

describe("COCO export of a Supervisely project", () => {
  let coco: any, kp: any, caps: any, report: Awaited<ReturnType<typeof exportCoco>>["report"], out: string;
  beforeAll(async () => {
    ({ out, report } = await exportCoco(projectDir, { images: "copy" }));
    coco = readJson(path.join(out, "annotations/instances_ds.json"));
    kp = readJson(path.join(out, "annotations/person_keypoints_ds.json"));
    caps = readJson(path.join(out, "annotations/captions_ds.json"));
  });

  it("files per dataset (nested ones too), categories 1..N in class order, images copied", () => {
    expect(fs.readdirSync(path.join(out, "annotations")).sort()).toEqual(["captions_ds.json", "instances_ds.json", "instances_ds_child.json", "person_keypoints_ds.json"]);
    expect(coco.categories).toEqual([
      { id: 1, name: "lake", supercategory: "lake" }, { id: 2, name: "blob", supercategory: "blob" },
      { id: 3, name: "car", supercategory: "car" }, { id: 4, name: "person", supercategory: "person" },
    ]);
    expect(coco.images.map((i: any) => [i.id, i.file_name, i.width, i.height, i.coco_url])).toEqual([
      [1, "one.png", W, H, undefined], [2, "remote.jpg", 20, 10, "https://example.com/remote.jpg"], [3, "two.png", W, H, undefined],
    ]);
    expect(fs.readdirSync(path.join(out, "images/ds")).sort()).toEqual(["one.png", "two.png"]);
    expect(coco.info).toEqual({ description: "exported from a Supervisely project by slyconv" });
    expect(coco.licenses).toEqual([]);
  });

  it("a polygon with a hole becomes an RLE equal pixel for pixel to the polygon rasterised", () => {
    const a = annsOf(coco, "one.png").find((x: any) => x.category_id === 1 && !Array.isArray(x.segmentation));
    expect(a.segmentation.size).toEqual([H, W]);
    expect(typeof a.segmentation.counts).toBe("string");
    const got = rleToMask(rleFromJson(a.segmentation));
    expect([...got.data]).toEqual([...rasterizeGeometry(holed.geometry, W, H).data]);
    const ones = got.data.reduce((s, v) => s + v, 0);
    expect(a.area).toBe(ones);
    expect(a.bbox).toEqual([1, 1, 9, 8]); // pixels 1..9 × 1..8
    expect(a.attributes).toEqual({ depth: 3 }); // other object tags travel as attributes
  });

  it("a bitmap becomes an RLE pixel-exactly, box and area from its pixels", () => {
    const a = annsOf(coco, "one.png").find((x: any) => x.category_id === 2);
    const m = rleToMask(rleFromJson(a.segmentation));
    const rows = Array.from({ length: H }, (_, y) => [...m.data.subarray(y * W, (y + 1) * W)].join(""));
    expect(rows.slice(5, 9).map((r) => r.slice(6, 10))).toEqual(maskRows);
    expect(m.data.reduce((s, v) => s + v, 0)).toBe(12);
    expect(a.bbox).toEqual([6, 5, 4, 4]);
    expect(a.area).toBe(12);
  });

  it("plain polygons and multipolygons keep their vertices exactly; rectangles are bboxes with segmentation []", () => {
    const p = annsOf(coco, "one.png").find((x: any) => x.category_id === 1 && Array.isArray(x.segmentation));
    expect(p.segmentation).toEqual([[0.5, 0.5, 3.25, 0.5, 2, 4]]);
    expect(p.bbox).toEqual([0.5, 0.5, 2.75, 3.5]);
    expect(p.area).toBe(4.8125); // ½ · 2.75 · 3.5
    const r = annsOf(coco, "one.png").find((x: any) => x.category_id === 3);
    expect(r).toMatchObject({ segmentation: [], bbox: [1.5, 2, 2.5, 5.25], area: 13.125, iscrowd: 0 });
    const m = annsOf(coco, "two.png").find((x: any) => x.category_id === 1);
    expect(m.segmentation).toEqual([[0, 0, 2, 0, 2, 2], [5, 5, 7, 5, 7, 7]]);
  });

  it("a graph becomes keypoints in template order (disabled → v=1, absent → 0 0 0) and the skeleton", () => {
    expect(kp.categories).toEqual([{ id: 4, name: "person", supercategory: "person", keypoints: ["head", "hand", "foot"], skeleton: [[1, 2], [2, 3]] }]);
    expect(kp.annotations).toHaveLength(1);
    expect(kp.annotations[0]).toMatchObject({ category_id: 4, keypoints: [5, 1, 2, 0, 0, 0, 5, 9, 1], num_keypoints: 2, bbox: [5, 1, 0, 8] });
    expect(coco.annotations.find((a: any) => a.category_id === 4).keypoints).toBeUndefined();
  });

  it("captions from the caption tag; everything COCO cannot hold is counted per class", () => {
    expect(caps.annotations).toEqual([{ id: 1, image_id: 1, caption: "first" }, { id: 2, image_id: 1, caption: "second" }]);
    expect(caps.categories).toBeUndefined();
    const losses = Object.fromEntries(report.lossEntries.map((l) => [`${l.className}/${l.what}`, l.count]));
    expect(losses).toEqual({ "road/line": 2, "spot/point": 1, "haze/alpha_mask": 1, "tilted/oriented_bbox": 1, "(image)/tag weather": 1 });
  });

  it("an id used twice (coco_id tags) is written once and the repeat gets a fresh id, with a warning", () => {
    const boxes = annsOf(coco, "two.png").filter((x: any) => x.category_id === 3);
    expect(boxes.map((b: any) => b.id)).toEqual([7, expect.any(Number)]);
    expect(boxes[1].id).not.toBe(7);
    expect(new Set(coco.annotations.map((a: any) => a.id)).size).toBe(coco.annotations.length);
    expect(report.findings.filter((f) => f.code === "coco-id-reassigned").map((f) => f.message)).toEqual([
      "annotation id 7 is used twice in this dataset; written as 8",
    ]);
  });

  it("--polygons traces masks along pixel edges and outlines holed polygons; the holes are counted as lost", async () => {
    const { out: o2, report: r2 } = await exportCoco(projectDir, { images: "none", polygons: true });
    const c2 = readJson(path.join(o2, "annotations/instances_ds.json"));
    const b = annsOf(c2, "one.png").find((x: any) => x.category_id === 2);
    // The 4×4 mask at (6, 5), outlined along pixel edges (worked by hand): the outline encloses its 12 pixels and
    // the 2-pixel hole, which COCO polygons cannot leave out.
    expect(b.segmentation).toEqual([[7, 5, 9, 5, 9, 6, 10, 6, 10, 9, 6, 9, 6, 6, 7, 6]]);
    expect(b.bbox).toEqual([6, 5, 4, 4]);
    const h = annsOf(c2, "one.png").find((x: any) => x.category_id === 1 && x.attributes);
    expect(h.segmentation).toEqual([[1, 1, 9, 1, 9, 8, 1, 8]]);
    const losses = Object.fromEntries(r2.lossEntries.map((l) => [`${l.className}/${l.what}`, l.count]));
    expect(losses["lake/polygon hole"]).toBe(1);
    expect(losses["blob/mask hole"]).toBe(1);
    expect(fs.existsSync(path.join(o2, "images"))).toBe(false);
  });
});

describe("COCO export: file names", () => {
  it("two items with one file_name: the second is written as <stem>__<id>, with a warning, and both files exist", async () => {
    const dir = tempDir("slyconv-coco-names-");
    const png = path.join(dir, "x.png");
    await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000000" } }).png().toFile(png);
    const meta = emptyProjectMeta();
    const size = { width: 2, height: 2 };
    const items: Item[] = [
      { name: "p.png", image: { kind: "file", path: png }, annotation: { size, tags: [], labels: [] }, imageMeta: { coco: { id: 5, file_name: "sub/same.png" } } },
      { name: "q.png", image: { kind: "file", path: png }, annotation: { size, tags: [], labels: [] }, imageMeta: { coco: { id: 6, file_name: "sub/same.png" } } },
      { name: "r.png", image: { kind: "file", path: png }, annotation: { size, tags: [], labels: [] }, imageMeta: { coco: { id: 7, file_name: "../escape.png" } } },
    ];
    const projectDir = path.join(dir, "project");
    await writeProject({ meta, datasets: [{ name: "d", items, datasets: [] }] }, projectDir, { images: "copy" });
    const { out, report } = await exportCoco(projectDir, { images: "copy" });
    const coco = readJson(path.join(out, "annotations/instances_d.json"));
    expect(coco.images.map((i: any) => [i.id, i.file_name])).toEqual([[5, "sub/same.png"], [6, "q__6.png"], [7, "r.png"]]);
    expect(fs.readdirSync(path.join(out, "images/d")).sort()).toEqual(["q__6.png", "r.png", "sub"]);
    expect(fs.readdirSync(path.join(out, "images/d/sub"))).toEqual(["same.png"]);
    expect(report.findings.map((f) => [f.code, f.message])).toEqual([
      ["coco-duplicate-file-name", 'two images of dataset d would be written as "sub/same.png"; this one is "q__6.png"'],
    ]);
  });
});
