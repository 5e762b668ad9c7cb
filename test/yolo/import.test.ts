import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { Report } from "../../src/report.js";
import type { GraphGeometry, OrientedBBoxGeometry } from "../../src/model/index.js";
import { detectYolo } from "../../formats/yolo/detect.js";
import { tempDir } from "../helpers/paths.js";
import { YOLO_FIXTURES, copyFixture, itemsOf, readAll, writeFiles } from "./helpers.js";

const fixture = (name: string) => path.join(YOLO_FIXTURES, name);
const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: "#808080" } }).png().toBuffer();

describe("YOLO import: Ultralytics detect fixture", () => {
  it("makes one dataset per split, a nested dataset per sub-folder, and classes in names order", async () => {
    const p = await readAll(fixture("detect"));
    expect(p.datasets.map((d) => d.name)).toEqual(["train", "val"]);
    expect(p.datasets[0].datasets.map((d) => d.name)).toEqual(["sub"]);
    expect(p.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual(["cat:rectangle", "dog:rectangle", "traffic light:rectangle"]);
    expect(itemsOf(p, "train").map((i) => i.name)).toEqual(["a.png", "b.jpg"]);
    expect(itemsOf(p, "train", "sub").map((i) => i.name)).toEqual(["e.png"]);
  });

  it("turns centre/size into pixel rectangles with sizes from the image headers (values checked by hand)", async () => {
    const p = await readAll(fixture("detect"));
    const [a, b] = itemsOf(p, "train");
    expect(a.annotation.size).toEqual({ width: 200, height: 100 });
    // 0 0.25 0.5 0.3 0.4 on 200×100: left (0.25−0.15)·200 = 20, right 80, top (0.5−0.2)·100 = 30, bottom 70.
    expect(a.annotation.labels.map((l) => [l.classTitle, l.geometry])).toEqual([
      ["cat", { type: "rectangle", left: 20, top: 30, right: 80, bottom: 70 }],
      ["traffic light", { type: "rectangle", left: 110, top: 22, right: 140, bottom: 44 }],
    ]);
    expect(a.image).toEqual({ kind: "file", path: path.join(fixture("detect"), "images/train/a.png") });
    // An empty label file is an image without labels.
    expect(b.annotation).toEqual({ size: { width: 160, height: 120 }, tags: [], labels: [] });
    const [d] = itemsOf(p, "val");
    expect(d.annotation.labels[0].geometry).toEqual({ type: "rectangle", left: 80, top: 66, right: 120, bottom: 126 });
  });

  it("is detected from data.yaml, and reads from the YAML file given as input", async () => {
    expect(await detectYolo(fixture("detect"))).toEqual({ confidence: 0.9, evidence: ["data.yaml", "labels/"] });
    const p = await readAll(path.join(fixture("detect"), "data.yaml"));
    expect(itemsOf(p, "val")[0].annotation.labels).toHaveLength(1);
  });
});

describe("YOLO import: segment, pose, OBB, Darknet fixtures", () => {
  it("reads polygons vertex by vertex, a closing vertex kept", async () => {
    const p = await readAll(fixture("segment"));
    expect(p.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual(["building:polygon", "road:polygon"]);
    const [s1] = itemsOf(p, "train");
    const polys = s1.annotation.labels.map((l) => (l.geometry.type === "polygon" ? l.geometry.exterior : null));
    expect(polys[0]).toEqual([[20, 10], [80, 10], [50, 60]]);
    expect(polys[1]).toEqual([[100, 20], [180, 20], [190, 50], [140, 90], [100, 60]]);
    expect(polys[2]).toEqual([[10, 80], [30, 80], [30, 95], [10, 80]]);
  });

  it("reads pose lines into a K-node graph keyed by keypoint index, with a bound box, names and flip_idx kept", async () => {
    const report = new Report();
    const p = await readAll(fixture("pose"), {}, report);
    expect(p.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual(["person:graph", "dog:graph", "person_bbox:rectangle", "dog_bbox:rectangle"]);
    const tpl = p.meta.classes[0].geometryConfig as { nodes: Record<string, { label: string }> };
    expect(Object.entries(tpl.nodes).map(([k, n]) => `${k}=${n.label}`)).toEqual(["0=nose", "1=left_eye", "2=right_eye"]);
    expect(p.sideFiles?.["yolo.json"]).toEqual({ kpt_shape: [3, 3], flip_idx: [0, 2, 1] });
    const [p1] = itemsOf(p, "train");
    const [g, box, dogG, dogBox, lone] = p1.annotation.labels;
    // v = 2 → node, v = 1 → disabled node, v = 0 → absent; keys stay the keypoint index.
    expect(g.geometry).toEqual({ type: "graph", nodes: { "0": { loc: [100, 30] }, "1": { loc: [90, 35], disabled: true } } });
    expect(box).toEqual({ classTitle: "person_bbox", tags: [], geometry: { type: "rectangle", left: 60, top: 20, right: 140, bottom: 80 }, extra: { instance: "yolo-line-1" } });
    expect(g.extra).toEqual({ instance: "yolo-line-1" });
    expect(Object.keys((dogG.geometry as GraphGeometry).nodes)).toEqual(["0", "1", "2"]);
    expect(dogBox.classTitle).toBe("dog_bbox");
    // A line with no labelled keypoint keeps only its box.
    expect(lone).toEqual({ classTitle: "person_bbox", tags: [], geometry: { type: "rectangle", left: 150, top: 75, right: 170, bottom: 85 } });
    // In the val image keypoint 0 is missing: the others keep keys "1" and "2" (not "0" and "1", the SDK's bug).
    const [p2] = itemsOf(p, "val");
    expect((p2.annotation.labels[0].geometry as GraphGeometry).nodes).toEqual({ "1": { loc: [160, 80] }, "2": { loc: [240, 80] } });
  });

  it("reads 4 corners as oriented boxes with --obb (angle and size by hand), keeping a non-rectangle as a polygon", async () => {
    const report = new Report();
    const p = await readAll(fixture("obb"), { obb: true }, report);
    const [o1] = itemsOf(p, "train");
    const [turned, square, quad] = o1.annotation.labels.map((l) => l.geometry);
    const t = turned as OrientedBBoxGeometry;
    expect(t.type).toBe("oriented_bbox");
    // Corners (475,200) (555,260) (525,300) (445,240): a 100×50 box about (500,250) turned by atan2(60, 80).
    expect([t.left, t.top, t.right, t.bottom].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([450, 225, 550, 275]);
    expect(t.angle).toBeCloseTo(Math.atan2(3, 4), 12);
    expect(square).toMatchObject({ type: "oriented_bbox", left: 100, top: 50, right: 200, bottom: 100 });
    expect((square as OrientedBBoxGeometry).angle).toBeCloseTo(0, 12);
    expect(quad).toEqual({ type: "polygon", exterior: [[600, 300], [700, 300], [750, 400], [600, 400]], interior: [] });
    expect(report.findings.filter((f) => f.code === "yolo-obb-not-rectangle").map((f) => `${f.file}:${f.line}`)).toEqual(["labels/train/o1.txt:3"]);
    expect(p.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual(["ship:any", "plane:oriented_bbox"]);
    expect(p.sideFiles?.["yolo.json"]).toEqual({ obb_corner_order: "cw" });
    // Without --obb the same lines are 4-point polygons.
    const plain = await readAll(fixture("obb"));
    expect(itemsOf(plain, "train")[0].annotation.labels.every((l) => l.geometry.type === "polygon")).toBe(true);
  });

  it("reads the Darknet layout: obj.data, obj.names, train.txt entries relative to Darknet's folder", async () => {
    const report = new Report();
    const p = await readAll(fixture("darknet"), {}, report);
    expect(await detectYolo(fixture("darknet"))).toMatchObject({ confidence: 0.9 });
    expect(p.meta.classes.map((c) => c.title)).toEqual(["car", "bicycle"]);
    const items = itemsOf(p, "train");
    expect(items.map((i) => [i.name, Boolean(i.image)])).toEqual([["k1.jpg", true], ["k2.jpg", false]]);
    expect(items[0].annotation.labels[0]).toEqual({ classTitle: "bicycle", tags: [], geometry: { type: "rectangle", left: 40, top: 15, right: 60, bottom: 35 } });
    // k2.jpg is listed, absent, and its label file is empty: kept, size unknown.
    expect(items[1].annotation).toEqual({ size: { width: null, height: null }, tags: [], labels: [] });
  });
});

describe("YOLO import: layouts and edge cases", () => {
  it("keeps an image without a label file, and reads labels without images with --image-size", async () => {
    const root = tempDir();
    writeFiles(root, {
      "data.yaml": "names: [a, b]\ntrain: images/train\n",
      "images/train/x.png": await png(40, 20),
      "labels/train/orphan.txt": "1 0.5 0.5 0.5 0.5\n",
    });
    const report = new Report();
    const p = await readAll(root, { imageSize: "100x50" }, report);
    const items = itemsOf(p, "train");
    expect(items.map((i) => i.name)).toEqual(["x.png", "orphan.jpg"]);
    expect(items[0].annotation).toEqual({ size: { width: 40, height: 20 }, tags: [], labels: [] });
    expect(items[1].annotation.labels[0].geometry).toEqual({ type: "rectangle", left: 25, top: 12.5, right: 75, bottom: 37.5 });
    expect(report.countOf("yolo-label-without-image")).toBe(1);
    await expect(readAll(root)).rejects.toThrow(/orphan\.jpg is not there.*`sizesFrom`/);
  });

  it("takes sizes of absent images from a COCO JSON or a {name: [w, h]} JSON (--sizes-from)", async () => {
    const root = tempDir();
    writeFiles(root, {
      "obj.names": "a\n",
      "obj.data": "classes = 1\ntrain = data/train.txt\nnames = data/obj.names\n",
      "train.txt": "data/obj_train_data/u.jpg\ndata/obj_train_data/v.png\n",
      "obj_train_data/u.txt": "0 0.5 0.5 0.5 0.5\n",
      "obj_train_data/v.txt": "0 0.5 0.5 1 1\n",
      "coco.json": JSON.stringify({ images: [{ id: 1, file_name: "imgs/u.jpg", width: 200, height: 100 }, { id: 2, file_name: "v.png", width: 10, height: 20 }] }),
      "map.json": JSON.stringify({ "u.jpg": [40, 20], v: { width: 4, height: 8 } }),
    });
    const boxes = (p: Awaited<ReturnType<typeof readAll>>) => itemsOf(p, "train").map((i) => [i.name, i.annotation.size, i.annotation.labels[0].geometry]);
    expect(boxes(await readAll(root, { sizesFrom: path.join(root, "coco.json") }))).toEqual([
      ["u.jpg", { width: 200, height: 100 }, { type: "rectangle", left: 50, top: 25, right: 150, bottom: 75 }],
      ["v.png", { width: 10, height: 20 }, { type: "rectangle", left: 0, top: 0, right: 10, bottom: 20 }],
    ]);
    expect(boxes(await readAll(root, { sizesFrom: path.join(root, "map.json") }))).toEqual([
      ["u.jpg", { width: 40, height: 20 }, { type: "rectangle", left: 10, top: 5, right: 30, bottom: 15 }],
      ["v.png", { width: 4, height: 8 }, { type: "rectangle", left: 0, top: 0, right: 4, bottom: 8 }],
    ]);
  });

  it("reads names as a map, list files with ./ entries, `path` written elsewhere, and val = train once", async () => {
    const root = tempDir();
    writeFiles(root, {
      "data.yaml": "path: /content/datasets/elsewhere\ntrain: train.txt\nval: train.txt\nnames:\n  0: cat\n  1: dog\nnc: 2\n",
      "train.txt": "./images/one.png\n./images/two.png\n",
      "images/one.png": await png(10, 10),
      "images/two.png": await png(20, 10),
      "labels/one.txt": "1 0.5 0.5 1 1\n",
    });
    const report = new Report();
    const p = await readAll(root, {}, report);
    expect(p.datasets.map((d) => d.name)).toEqual(["train"]);
    expect(itemsOf(p, "train").map((i) => [i.name, i.annotation.labels.length])).toEqual([["one.png", 1], ["two.png", 0]]);
    expect(report.codes()).toEqual(expect.arrayContaining(["yolo-path-missing", "yolo-split-shared"]));
  });

  it("finds Roboflow's <split>/images folders from ../ paths and names the splits by the YAML keys", async () => {
    const root = tempDir();
    writeFiles(root, {
      "data.yaml": "train: ../train/images\nval: ../valid/images\nnc: 1\nnames: ['ball']\n",
      "train/images/r1.jpg": await sharp({ create: { width: 30, height: 30, channels: 3, background: "#000" } }).jpeg().toBuffer(),
      "train/labels/r1.txt": "0 0.5 0.5 0.2 0.2\n",
      "valid/images/r2.png": await png(30, 30),
      "valid/labels/r2.txt": "",
    });
    const p = await readAll(root);
    expect(p.datasets.map((d) => d.name)).toEqual(["train", "val"]);
    expect(itemsOf(p, "train")[0].annotation.labels[0].geometry).toEqual({ type: "rectangle", left: 12, top: 12, right: 18, bottom: 18 });
  });

  it("walks plain folders (classes.txt + images/ + labels/) and descends into one wrapping folder", async () => {
    const root = tempDir();
    writeFiles(root, {
      "wrap/classes.txt": "x\r\ny\r\n",
      "wrap/images/f.png": await png(8, 4),
      "wrap/labels/f.txt": "1 0.5 0.5 0.5 0.5\r\n",
    });
    const p = await readAll(root);
    expect(p.meta.classes.map((c) => c.title)).toEqual(["x", "y"]);
    expect(itemsOf(p, "train")[0].annotation.labels[0]).toMatchObject({ classTitle: "y", geometry: { left: 2, top: 1, right: 6, bottom: 3 } });
  });

  it("names classes by index when nothing names them", async () => {
    const root = tempDir();
    writeFiles(root, { "images/train/f.png": await png(10, 10), "labels/train/f.txt": "2 0.5 0.5 0.5 0.5\n" });
    const report = new Report();
    const p = await readAll(root, {}, report);
    expect(p.meta.classes.map((c) => c.title)).toEqual(["0", "1", "2"]);
    expect(report.countOf("yolo-no-names")).toBe(1);
  });

  it("reads [K, 2] keypoints: a point at 0,0 is absent", async () => {
    const root = tempDir();
    writeFiles(root, {
      "data.yaml": "names: [hand]\nkpt_shape: [2, 2]\nkpt_names: [wrist, thumb]\ntrain: images\n",
      "images/h.png": await png(100, 100),
      "labels/h.txt": "0 0.5 0.5 0.4 0.4 0.3 0.4 0 0\n",
    });
    const p = await readAll(root);
    const [g] = itemsOf(p, "train")[0].annotation.labels;
    expect(g.geometry).toEqual({ type: "graph", nodes: { "0": { loc: [30, 40] } } });
    expect(Object.values((p.meta.classes[0].geometryConfig as { nodes: Record<string, { label: string }> }).nodes).map((n) => n.label)).toEqual(["wrist", "thumb"]);
  });

  it("warns about two images of a dataset with one name and renames the second", async () => {
    const root = tempDir();
    writeFiles(root, {
      "data.yaml": "names: [a]\ntrain: [one/images, two/images]\n",
      "one/images/same.png": await png(4, 4),
      "two/images/same.png": await png(6, 6),
    });
    const report = new Report();
    const p = await readAll(root, {}, report);
    expect(itemsOf(p, "train").map((i) => i.name)).toEqual(["same.png", "images_same.png"]);
    expect(report.countOf("yolo-duplicate-name")).toBe(1);
  });

  it("stops on bad data.yaml with the line of the problem", async () => {
    const root = copyFixture("detect", path.join(tempDir(), "d"));
    fs.writeFileSync(path.join(root, "data.yaml"), "names:\n  0: a\n  bad: [\n");
    await expect(readAll(root)).rejects.toMatchObject({ code: "yolo-yaml", location: { file: "data.yaml", line: 4 } });
    fs.writeFileSync(path.join(root, "data.yaml"), "names: [a]\ntrain: images/train\nkpt_shape: [3, 4]\n");
    await expect(readAll(root)).rejects.toThrow("kpt_shape must be [K, 2] or [K, 3] with K ≥ 1, found [3,4]");
  });
});
