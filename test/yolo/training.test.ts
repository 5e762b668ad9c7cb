/**
 * What a model sees: the real datasets of ../shared/real-data converted to YOLO, read back the way Ultralytics reads a
 * dataset to train on it (ultralytics-reader.ts), and counted per class and split. Each count must be the source's
 * (expected.json, computed from the raw files) minus what the report says was left out: written + reported = source.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { FIXTURES, HAVE_REAL_DATA, REAL_DATA_SKIP_MESSAGE, expectedFacts, realData, tempDir } from "../helpers/paths.js";
import { countsPerClass, readAsUltralytics, type UltralyticsView } from "./ultralytics-reader.js";

if (!HAVE_REAL_DATA) console.warn(`yolo training view: ${REAL_DATA_SKIP_MESSAGE}`);

async function toYolo(input: string, writeOptions: Record<string, unknown> = {}, readOptions: Record<string, unknown> = {}, from?: string) {
  const out = path.join(tempDir("slyconv-yolo-train-"), "yolo");
  const report = new Report();
  await convertDataset(input, out, { from: from as never, to: "yolo", formatOptions: { images: "none", ...readOptions, ...writeOptions } as never, report });
  return { out, report, view: readAsUltralytics(out) };
}

/** Objects the report says were left out (crowd, difficult, or with no shape the task holds), per class. */
function leftOut(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of report.lossEntries) if (/ object$/.test(e.what)) out[e.className] = (out[e.className] ?? 0) + e.count;
  return out;
}

function add(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

const total = (r: Record<string, number>) => Object.values(r).reduce((s, v) => s + v, 0);

function expectSane(view: UltralyticsView): void {
  expect(view.duplicatesDropped).toBe(0);
  // No split is listed under another's key.
  const all = [...view.splitDirs.train, ...view.splitDirs.val, ...view.splitDirs.test];
  expect(new Set(all).size).toBe(all.length);
}

describe.skipIf(!HAVE_REAL_DATA)("what a model sees: real datasets → YOLO, counted as Ultralytics reads them", () => {
  it("labelme-coco-instanceseg (detect): 12 objects as annotated, one box per annotation; _background_ is not a class", async () => {
    const facts = expectedFacts()["labelme-coco-instanceseg"].files[0];
    const { view, report } = await toYolo(realData("labelme-coco-instanceseg"), { task: "detect" });
    expectSane(view);
    expect(add(countsPerClass(view), leftOut(report))).toEqual(facts.annotations_per_category);
    expect(leftOut(report)).toEqual({});
    expect(view.names).toEqual(Object.entries(facts.categories as Record<string, string>).sort((a, b) => Number(a[0]) - Number(b[0])).map(([, n]) => n).filter((n) => n !== "_background_"));
    expect(report.countOf("yolo-placeholder-classes")).toBe(1);
    // The sofa, 4 polygon parts: one line, its box the annotation's bbox [18, 140, 460, 172] in a 500 × 375 image.
    const sofa = view.objects.train.filter((o) => view.names[o.cls] === "sofa");
    expect(sofa.map((o) => o.box.map((v) => v.toFixed(6)))).toEqual([[(248 / 500).toFixed(6), (226 / 375).toFixed(6), (460 / 500).toFixed(6), (172 / 375).toFixed(6)]]);
  });

  it("labelme-coco-instanceseg (segment): one line per annotation, the 4-part sofa joined into one outline", async () => {
    const facts = expectedFacts()["labelme-coco-instanceseg"].files[0];
    const { view } = await toYolo(realData("labelme-coco-instanceseg"), { task: "segment" });
    expectSane(view);
    expect(countsPerClass(view)).toEqual(facts.annotations_per_category);
    const sofa = view.objects.train.filter((o) => view.names[o.cls] === "sofa");
    expect(sofa).toHaveLength(1);
    // Its outline visits the four parts: the box Ultralytics derives from it spans them all, within a pixel of the
    // annotation's bbox [18, 140, 460, 172] (labelme's bbox is the parts' extent rounded to whole pixels).
    const want = [(18 + 230) / 500, (140 + 86) / 375, 460 / 500, 172 / 375];
    sofa[0].box.forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThan(1 / 375));
  });

  it("mmpose-coco-keypoints (pose): 14 people, the two with 0 keypoints included; one class `person`", async () => {
    const facts = expectedFacts()["mmpose-coco-keypoints"].files[0];
    const { view, report } = await toYolo(realData("mmpose-coco-keypoints"), { task: "pose" });
    expectSane(view);
    expect(view.names).toEqual(["person"]);
    expect(view.yaml.kpt_shape).toEqual([17, 3]);
    expect(add(countsPerClass(view), leftOut(report))).toEqual(facts.annotations_per_category);
    // The dataset is test_coco.json: a test split.
    expect(view.splitDirs).toEqual({ train: [], val: [], test: ["images/test_coco"] });
    const people = view.objects.test;
    const zero = people.filter((o) => o.keypoints!.every((v) => v === 0));
    expect(zero).toHaveLength(facts.keypoints.num_keypoints_field["0"]);
    // Visibility flags as in the source: v = 1 and v = 2 per keypoint, v = 0 for the rest.
    const flags: Record<string, number> = {};
    for (const o of people) for (let k = 2; k < o.keypoints!.length; k += 3) flags[o.keypoints![k]] = (flags[o.keypoints![k]] ?? 0) + 1;
    expect(flags).toEqual(facts.keypoints.visibility_flag_counts);
    // Each box is its annotation's bbox (read from the source file here), not the keypoints' extent.
    const coco = JSON.parse(fs.readFileSync(realData("mmpose-coco-keypoints", "coco", "test_coco.json"), "utf8"));
    for (const a of coco.annotations) {
      const img = coco.images.find((i: { id: number }) => i.id === a.image_id);
      const [x, y, w, h] = a.bbox;
      const want = [(x + w / 2) / img.width, (y + h / 2) / img.height, w / img.width, h / img.height];
      const file = `labels/test_coco/${path.basename(img.file_name, ".jpg")}.txt`;
      expect(people.some((o) => o.file === file && o.box.every((v, k) => Math.abs(v - want[k]) < 1e-6)), `annotation ${a.id}`).toBe(true);
    }
    expect(view.yaml.flip_idx).toEqual([0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]);
  });

  it("roboflow-coco-badminton (detect): 36 shuttlecocks; the project-name category is not a class", async () => {
    const facts = expectedFacts()["roboflow-coco-badminton"].files[0];
    const { view, report } = await toYolo(realData("roboflow-coco-badminton"), { task: "detect" });
    expectSane(view);
    expect(view.names).toEqual(["shuttlecock"]);
    expect(add(countsPerClass(view, "train"), leftOut(report))).toEqual(facts.annotations_per_category);
  });

  it("pascalvoc-voc-voc2012 (detect): 273 objects = 235 lines + 38 difficult left out and reported; a plain folder trains", async () => {
    const facts = expectedFacts()["pascalvoc-voc-voc2012"];
    const { view, report } = await toYolo(realData("pascalvoc-voc-voc2012", "pascalvoc_format"), { task: "detect" }, {}, "voc");
    expectSane(view);
    expect(view.splitDirs.train).toEqual(["images/train"]);
    expect(view.yaml.val).toBeNull();
    expect(total(countsPerClass(view, "train"))).toBe(facts.object_flags["difficult:0"]);
    expect(total(leftOut(report))).toBe(facts.object_flags["difficult:1"]);
    expect(add(countsPerClass(view), leftOut(report))).toEqual(facts.objects_per_class);
    // Besides the difficult objects, only tags are lost (YOLO holds none): the 235 written boxes' difficult, truncated, pose.
    expect(report.lossEntries.every((e) => e.what === "difficult object" || e.what.startsWith("tag "))).toBe(true);
    expect(report.lossEntries.filter((e) => e.what === "tag difficult").reduce((n, e) => n + e.count, 0)).toBe(facts.object_flags["difficult:0"]);
    // --no-skip-difficult: every object is a training box.
    const all = await toYolo(realData("pascalvoc-voc-voc2012", "pascalvoc_format"), { task: "detect", skipDifficult: false }, {}, "voc");
    expect(countsPerClass(all.view)).toEqual(facts.objects_per_class);
    expect(leftOut(all.report)).toEqual({});
  });

  it.each([
    ["cvat-voc-voc2012", ["imagenet_format"], "voc", {}],
    ["cvat-coco-voc2012", ["coco_format_v1", "instances_default.json"], "coco", {}],
    ["voc2coco-coco-voc2012", ["coco_format_v2", "instances_v2.json"], "coco", {}],
    ["cvat-yolo-voc2012", ["yolo_format"], "yolo", { sizesFrom: realData("cvat-voc-voc2012", "imagenet_format", "Annotations") }],
  ])("%s (detect): the 273 boxes of the VOC 2012 sample, per class", async (name, parts, from, readOptions) => {
    const voc = expectedFacts()["pascalvoc-voc-voc2012"];
    const { view, report } = await toYolo(realData(name, ...parts), { task: "detect" }, readOptions, from);
    expectSane(view);
    // These exports carry no difficult flag: nothing is left out.
    expect(leftOut(report)).toEqual({});
    expect(countsPerClass(view)).toEqual(voc.objects_per_class);
  });

  it("cvat-yolo-indoor-zip and labelstudio-yolo-importfixture: every box, per class", async () => {
    const zip = await toYolo(realData("cvat-yolo-indoor-zip", "Yolo (1).zip"), { task: "detect" }, { imageSize: "1000x500" });
    expectSane(zip.view);
    expect(countsPerClass(zip.view)).toEqual(expectedFacts()["cvat-yolo-indoor-zip"].objects_per_class);
    const ls = await toYolo(realData("labelstudio-yolo-importfixture"), { task: "detect" });
    expectSane(ls.view);
    expect(countsPerClass(ls.view)).toEqual(expectedFacts()["labelstudio-yolo-importfixture"].objects_per_class);
  });

  it("labelme-voc-bbox (detect): 9 objects (`<difficult/>` empty is not difficult)", async () => {
    const facts = expectedFacts()["labelme-voc-bbox"];
    const { view, report } = await toYolo(realData("labelme-voc-bbox"), { task: "detect" }, {}, "voc");
    expectSane(view);
    expect(leftOut(report)).toEqual({});
    expect(countsPerClass(view)).toEqual(facts.objects_per_class);
  });

  it("supervisely-sly-tutorial-image (detect, segment): 10 masks → 10 boxes covering their pixels, 10 traced outlines", async () => {
    const facts = expectedFacts()["supervisely-sly-tutorial-image"];
    const project = realData("supervisely-sly-tutorial-image", "images_project");
    const det = await toYolo(project, { task: "detect" }, {}, "supervisely");
    expectSane(det.view);
    expect(countsPerClass(det.view)).toEqual(facts.objects_per_class);
    // A mask's box spans its pixels: xyxy inclusive [212, 38, 445, 391] → 234 × 354 px.
    for (const b of facts.bitmaps as { ann: string; mask_bbox_in_image_xyxy: number[] }[]) {
      const item = facts.datasets.original.items.find((i: { ann: string }) => `original/ann/${i.ann}` === b.ann);
      const { width: W, height: H } = item.size;
      const stem = path.basename(b.ann, ".jpg.json");
      const [l, t, r, btm] = b.mask_bbox_in_image_xyxy;
      const boxes = det.view.objects.train.filter((o) => o.file === `labels/original/${stem}.txt`).map((o) => o.box);
      const want = [(l + r + 1) / 2 / W, (t + btm + 1) / 2 / H, (r + 1 - l) / W, (btm + 1 - t) / H];
      expect(boxes.some((x) => x.every((v, k) => Math.abs(v - want[k]) < 1e-6)), `${b.ann} ${want.join(" ")}`).toBe(true);
    }
    const seg = await toYolo(project, { task: "segment" }, {}, "supervisely");
    expect(countsPerClass(seg.view)).toEqual(facts.objects_per_class);
    expect(seg.report.lossEntries.filter((e) => e.what === "bitmap")).toEqual([]);
  });
});

describe("what a model sees: fixtures → YOLO", () => {
  it.each(["detect", "segment", "pose", "obb"])("YOLO %s fixture → YOLO: the same objects per class and split as the source, read the same way", async (task) => {
    const input = path.join(FIXTURES, "yolo", task);
    const source = readAsUltralytics(input);
    const { view, report } = await toYolo(input, { task }, task === "obb" ? { obb: true } : {}, "yolo");
    expectSane(view);
    expect(report.lossEntries).toEqual([]);
    for (const split of ["train", "val", "test"] as const) expect(countsPerClass(view, split), split).toEqual(countsPerClass(source, split));
    expect(view.names).toEqual(source.names);
  });

  // The COCO fixture read straight from its JSON: annotations per category, and the crowd ones.
  const cocoFacts = () => {
    const raw = JSON.parse(fs.readFileSync(path.join(FIXTURES, "coco", "full", "annotations", "instances_val.json"), "utf8"));
    const name = new Map<number, string>(raw.categories.map((c: { id: number; name: string }) => [c.id, c.name]));
    const perCategory: Record<string, number> = {}, crowd: Record<string, number> = {};
    for (const a of raw.annotations) {
      const n = name.get(a.category_id)!;
      perCategory[n] = (perCategory[n] ?? 0) + 1;
      if (a.iscrowd) crowd[n] = (crowd[n] ?? 0) + 1;
    }
    return { perCategory, crowd, names: [...name.values()] };
  };

  it("COCO fixture (detect): one box per annotation in split val; crowd annotations left out and reported", async () => {
    const facts = cocoFacts();
    const { view, report } = await toYolo(path.join(FIXTURES, "coco", "full"), { task: "detect" }, {}, "coco");
    expectSane(view);
    expect(view.names).toEqual(facts.names);
    expect(view.splitDirs).toEqual({ train: [], val: ["images/val"], test: [] });
    expect(leftOut(report)).toEqual(facts.crowd);
    expect(add(countsPerClass(view, "val"), leftOut(report))).toEqual(facts.perCategory);
    // --no-skip-crowd: the crowd region is a box too.
    const all = await toYolo(path.join(FIXTURES, "coco", "full"), { task: "detect", skipCrowd: false }, {}, "coco");
    expect(countsPerClass(all.view)).toEqual(facts.perCategory);
  });

  it("COCO fixture (pose): every non-crowd person, with or without keypoints; dogs have no keypoint class and are reported", async () => {
    const facts = cocoFacts();
    const { view, report } = await toYolo(path.join(FIXTURES, "coco", "full"), { task: "pose" }, {}, "coco");
    expectSane(view);
    expect(view.names).toEqual(["person"]);
    expect(add(add(countsPerClass(view), leftOut(report)), {})).toEqual(Object.fromEntries(Object.entries(facts.perCategory).filter(([, n]) => n > 0)));
    expect(report.lossEntries.filter((e) => e.what === "non-keypoint object").map((e) => [e.className, e.count])).toEqual([["dog", facts.perCategory.dog]]);
  });

  it("VOC devkit fixture (detect): objects per split list; difficult ones left out and reported", async () => {
    const dir = path.join(FIXTURES, "voc", "devkit", "VOCdevkit", "VOC2012");
    const objectsOf = (id: string) => [...fs.readFileSync(path.join(dir, "Annotations", `${id}.xml`), "utf8").matchAll(/<object>([\s\S]*?)<\/object>/g)]
      .map((m) => ({ name: /<name>([^<]*)<\/name>/.exec(m[1])![1], difficult: /<difficult>1<\/difficult>/.test(m[1]) }))
      // person-layout parts are not objects of their own
      .filter((o) => o.name !== "");
    const { view, report } = await toYolo(dir, { task: "detect" }, {}, "voc");
    expectSane(view);
    const listOf = (s: string) => fs.readFileSync(path.join(dir, "ImageSets", "Main", `${s}.txt`), "utf8").split(/\s+/).filter(Boolean);
    // Images in no list (dataset `unlisted`) train too.
    const unlisted = fs.readdirSync(path.join(dir, "Annotations")).map((f) => path.basename(f, ".xml")).filter((id) => !listOf("train").includes(id) && !listOf("val").includes(id));
    expect(unlisted).toEqual(["2009_000004"]);
    expect(view.splitDirs).toEqual({ train: ["images/train", "images/unlisted"], val: ["images/val"], test: [] });
    for (const split of ["train", "val"] as const) {
      const ids = split === "train" ? [...listOf("train"), ...unlisted] : listOf("val");
      const want: Record<string, number> = {};
      for (const o of ids.flatMap(objectsOf)) if (!o.difficult) want[o.name] = (want[o.name] ?? 0) + 1;
      expect(countsPerClass(view, split), split).toEqual(want);
    }
    // An image listed in both splits is in both (as the lists say): its difficult objects are left out once per split.
    const difficult: Record<string, number> = {};
    for (const id of [...listOf("train"), ...listOf("val"), ...unlisted]) for (const o of objectsOf(id)) if (o.difficult) difficult[o.name] = (difficult[o.name] ?? 0) + 1;
    expect(total(difficult)).toBeGreaterThan(0);
    expect(leftOut(report)).toEqual(difficult);
    // The person layout parts (head, hands, feet) are parts, not objects: not written, counted.
    expect(report.lossEntries.filter((e) => e.what === "object part").length).toBeGreaterThan(0);
  });
});
