/**
 * What a model trained on slyconv's COCO export sees. The output is read the way pycocotools' `COCO()` indexes it
 * and the usual training loaders (mmdetection's CocoDataset, Detectron2's load_coco_json) take annotations from it,
 * written out here as test code since pycocotools cannot be installed:
 *   - `createIndex`: annotations, images and categories by id; an id used twice silently replaces the first (so ids
 *     must be unique); every annotation's image_id and category_id must exist (loadImgs/loadCats raise otherwise);
 *   - `annToRLE`: a polygon segmentation is a list of flat lists of more than 4 numbers (frPyObjects reads a list of
 *     4 as a box), even length; an RLE is {size: [h, w] of the image, counts};
 *   - training: crowd annotations are ignored regions, not objects; boxes with w < 1 or h < 1 or area <= 0 are left
 *     out (mmdetection's `_parse_ann_info`).
 * The counts per category and split (instances_<split>.json) are compared with the source's facts (expected.json, or
 * the fixture's JSON read directly) minus what the report says was dropped: written + reported = source, exactly.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { SHAPES_2D } from "../../src/model/geometry.js";
import { FIXTURES, HAVE_REAL_DATA, expectedFacts, realData, tempDir } from "../helpers/paths.js";

interface Seen {
  /** split → category name → annotations. */
  all: Record<string, Record<string, number>>;
  /** The same, only what training takes as objects. */
  trained: Record<string, Record<string, number>>;
  crowd: number;
}

function indexCocoFile(file: string) {
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  const where = path.basename(file);
  for (const k of ["images", "annotations", "categories"]) expect(Array.isArray(j[k]), `${where}: ${k}`).toBe(true);
  const imgs = new Map<number, any>(), cats = new Map<number, any>(), anns = new Map<number, any>();
  for (const [list, byId, what] of [[j.images, imgs, "image"], [j.categories, cats, "category"], [j.annotations, anns, "annotation"]] as const) {
    for (const x of list) {
      expect(Number.isInteger(x.id), `${where}: ${what} id ${x.id}`).toBe(true);
      expect(byId.has(x.id), `${where}: ${what} id ${x.id} used twice (createIndex keeps the last)`).toBe(false);
      byId.set(x.id, x);
    }
  }
  for (const a of anns.values()) {
    const w = `${where} annotation ${a.id}`;
    const img = imgs.get(a.image_id);
    expect(img, `${w}: image_id ${a.image_id}`).toBeDefined();
    expect(cats.has(a.category_id), `${w}: category_id ${a.category_id}`).toBe(true);
    expect(a.bbox.length === 4 && a.bbox.every(Number.isFinite) && a.bbox[2] >= 0 && a.bbox[3] >= 0, `${w}: bbox ${a.bbox}`).toBe(true);
    expect([0, 1], `${w}: iscrowd`).toContain(a.iscrowd);
    expect(Number.isFinite(a.area), `${w}: area`).toBe(true);
    const s = a.segmentation;
    if (Array.isArray(s)) {
      for (const poly of s) expect(Array.isArray(poly) && poly.length > 4 && poly.length % 2 === 0 && poly.every(Number.isFinite), `${w}: polygon of ${poly.length} numbers`).toBe(true);
    } else {
      expect(s.size, `${w}: RLE size`).toEqual([img.height, img.width]);
      expect(typeof s.counts === "string" || Array.isArray(s.counts), `${w}: RLE counts`).toBe(true);
    }
  }
  return { cats, anns };
}

function seenIn(cocoDir: string): Seen {
  const seen: Seen = { all: {}, trained: {}, crowd: 0 };
  const dir = path.join(cocoDir, "annotations");
  for (const f of fs.readdirSync(dir).filter((x) => /^instances_.+\.json$/.test(x)).sort()) {
    const split = f.replace(/^instances_|\.json$/g, "");
    const { cats, anns } = indexCocoFile(path.join(dir, f));
    const all = (seen.all[split] ??= {}), trained = (seen.trained[split] ??= {});
    for (const a of anns.values()) {
      const name = cats.get(a.category_id).name as string;
      all[name] = (all[name] ?? 0) + 1;
      if (a.iscrowd) seen.crowd++;
      else if (a.bbox[2] >= 1 && a.bbox[3] >= 1 && a.area > 0) trained[name] = (trained[name] ?? 0) + 1;
    }
  }
  return seen;
}

/** Objects per class the report says were dropped whole (a geometry of that class not written). */
function reportedDropped(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of report.lossEntries) if ((SHAPES_2D as readonly string[]).includes(l.what)) out[l.className] = (out[l.className] ?? 0) + l.count;
  return out;
}

function plus(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

async function exportToCoco(input: string): Promise<{ out: string; report: Report }> {
  const report = new Report();
  const out = path.join(tempDir(), "coco");
  await convertDataset(input, out, { to: "coco", formatOptions: { images: "none" }, report });
  return { out, report };
}

describe.skipIf(!HAVE_REAL_DATA)("what a model sees in the COCO export of the real datasets", () => {
  const facts = HAVE_REAL_DATA ? expectedFacts() : {};

  it.each([
    ["pascalvoc-voc-voc2012", "unlisted"],
    ["cvat-voc-voc2012", "default"],
    ["labelme-voc-bbox", "unlisted"],
  ])("VOC %s → COCO: one annotation per object, per class and split", async (name, split) => {
    const f = facts[name];
    const { out, report } = await exportToCoco(realData(name));
    const seen = seenIn(out);
    expect(Object.keys(seen.all)).toEqual([split]);
    expect(plus(seen.all[split], reportedDropped(report))).toEqual(f.objects_per_class);
    expect(seen.trained[split]).toEqual(seen.all[split]);
    // Nothing but image tags COCO has no place for (CVAT's split-list membership) is lost.
    expect(report.lossEntries.filter((l) => !(l.className === "(image)" && l.what.startsWith("tag ")))).toEqual([]);
  });

  it.each([
    ["cvat-coco-voc2012", "default"],
    ["voc2coco-coco-voc2012", "v2"],
    ["labelme-coco-instanceseg", "labelme-coco-instanceseg"],
    ["roboflow-coco-badminton", "train"],
    ["mmpose-coco-keypoints", "test_coco"],
  ])("COCO %s → COCO: every annotation, per category and split", async (name, split) => {
    const file = facts[name].files[0];
    const { out, report } = await exportToCoco(realData(name));
    const seen = seenIn(out);
    expect(Object.keys(seen.all)).toEqual([split]);
    expect(plus(seen.all[split], reportedDropped(report))).toEqual(file.annotations_per_category);
    expect(seen.crowd).toBe(file.iscrowd["1"] ?? 0);
    expect(report.lossEntries).toEqual([]);
  });

  it("keypoints go to person_keypoints_<split>.json, one per annotation, with the skeleton pycocotools' showAnns draws", async () => {
    const { out } = await exportToCoco(realData("mmpose-coco-keypoints"));
    const kp = JSON.parse(fs.readFileSync(path.join(out, "annotations/person_keypoints_test_coco.json"), "utf8"));
    expect(kp.annotations).toHaveLength(14);
    const [cat] = kp.categories;
    expect(cat.keypoints).toHaveLength(17);
    for (const a of kp.annotations) {
      expect(a.keypoints).toHaveLength(51);
      expect(a.num_keypoints).toBe(a.keypoints.filter((v: number, i: number) => i % 3 === 2 && v > 0).length);
    }
    for (const [p, q] of cat.skeleton) expect(p >= 1 && q >= 1 && p <= 17 && q <= 17).toBe(true);
  });
});

describe("what a model sees in the COCO export of the fixtures", () => {
  it("the COCO demo → COCO: every annotation, the crowd one an ignored region", async () => {
    const demo = path.join(FIXTURES, "demo/coco-sample");
    const src = JSON.parse(fs.readFileSync(path.join(demo, "annotations/instances_demo.json"), "utf8"));
    const names = new Map<number, string>(src.categories.map((c: any) => [c.id, c.name]));
    const perClass: Record<string, number> = {};
    for (const a of src.annotations) perClass[names.get(a.category_id)!] = (perClass[names.get(a.category_id)!] ?? 0) + 1;
    const { out, report } = await exportToCoco(demo);
    const seen = seenIn(out);
    expect(plus(seen.all.demo, reportedDropped(report))).toEqual(perClass);
    expect(seen.crowd).toBe(src.annotations.filter((a: any) => a.iscrowd).length);
    expect(seen.trained.demo).toEqual({ car: 2, tree: 1, person: 1 });
  });

});
