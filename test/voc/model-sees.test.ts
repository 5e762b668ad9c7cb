/**
 * What a model trained on slyconv's VOC export sees. The output is read the way the VOC devkit's readers read it
 * (py-faster-rcnn `_load_pascal_annotation`, torchvision `VOCDetection` + the usual target transform, mmdetection's
 * `XMLDataset`), written out here as test code: ids from `ImageSets/Main/<split>.txt`, `int()` on every bndbox and
 * size value and on `difficult`/`truncated` (text that int() refuses fails the test), `name` as the class, and the
 * devkit's default `use_diff=False` (difficult objects are left out of training). The counts per class and split are
 * compared with the source's facts (expected.json, or the fixture's files read directly) minus what the report says
 * was dropped: written + reported = source, exactly.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { convertDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { SHAPES_2D } from "../../src/model/geometry.js";
import { FIXTURES, HAVE_REAL_DATA, expectedFacts, realData, tempDir } from "../helpers/paths.js";
import { devkitFixture } from "./fixture.js";

const xml = new XMLParser({ parseTagValue: false, isArray: (n) => n === "object" || n === "part" });

/** Python's int() on a string: optional sign and digits, surrounding spaces allowed; anything else raises. */
function pyInt(text: unknown, where: string): number {
  if (typeof text !== "string" || !/^\s*[+-]?\d+\s*$/.test(text)) throw new Error(`${where}: int(${JSON.stringify(text)}) raises ValueError`);
  return Number(text);
}

interface SeenObject { cls: string; difficult: boolean; box: [number, number, number, number] }
interface Seen {
  /** split (ImageSets/Main/<split>.txt; "(no list)" for annotation files no list names) → class → objects. */
  all: Record<string, Record<string, number>>;
  /** The same without difficult objects (use_diff=False). */
  trained: Record<string, Record<string, number>>;
  difficult: number;
}

/**
 * One annotation file as the devkit readers parse it; throws where they would. `source`: a dataset read for its
 * facts, not held to the devkit's rules (numbers as written, missing flags 0).
 */
function readAnnotation(file: string, source = false): { objects: SeenObject[] } {
  const doc = xml.parse(fs.readFileSync(file, "utf8")).annotation;
  if (source) {
    return { objects: ((doc.object ?? []) as Record<string, any>[]).map((o) => ({ cls: o.name, difficult: Number(o.difficult || 0) === 1, box: [0, 0, 0, 0] })) };
  }
  const where = path.basename(file);
  for (const el of ["folder", "filename", "source", "size", "segmented"]) expect(doc[el], `${where}: <${el}>`).toBeDefined();
  for (const k of ["width", "height", "depth"]) pyInt(doc.size[k], `${where} ${k}`);
  const objects = ((doc.object ?? []) as Record<string, any>[]).map((o, i) => {
    const w = `${where} object ${i + 1}`;
    expect(typeof o.name === "string" && o.name.trim() !== "", `${w}: name`).toBe(true);
    expect(typeof o.pose === "string" && o.pose !== "", `${w}: pose`).toBe(true);
    const truncated = pyInt(o.truncated, `${w} truncated`), difficult = pyInt(o.difficult, `${w} difficult`);
    expect([0, 1], `${w}: truncated`).toContain(truncated);
    expect([0, 1], `${w}: difficult`).toContain(difficult);
    const b = o.bndbox;
    const box = (["xmin", "ymin", "xmax", "ymax"] as const).map((c) => pyInt(b[c], `${w} ${c}`)) as SeenObject["box"];
    expect(box[0] <= box[2] && box[1] <= box[3], `${w}: ${box}`).toBe(true);
    for (const p of o.part ?? []) for (const c of ["xmin", "ymin", "xmax", "ymax"]) pyInt(p.bndbox[c], `${w} part ${c}`);
    // Only VOC's own elements besides CVAT's <attributes> (which these readers never look at).
    for (const k of Object.keys(o)) expect(["name", "pose", "truncated", "difficult", "occluded", "bndbox", "part", "actions", "point", "attributes"], `${w}: <${k}>`).toContain(k);
    return { cls: o.name as string, difficult: difficult === 1, box };
  });
  return { objects };
}

function seenIn(vocDir: string, source = false): Seen {
  const seen: Seen = { all: {}, trained: {}, difficult: 0 };
  const main = path.join(vocDir, "ImageSets/Main");
  // One-column split lists; <class>_<split>.txt are per-class lists of the same ids.
  const splits = fs.existsSync(main) ? fs.readdirSync(main).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4)) : [];
  const splitLists = splits.filter((s) => !splits.some((o) => s.endsWith(`_${o}`)));
  const listed = new Set<string>();
  const add = (split: string, id: string) => {
    for (const o of readAnnotation(path.join(vocDir, "Annotations", `${id}.xml`), source).objects) {
      const all = (seen.all[split] ??= {});
      all[o.cls] = (all[o.cls] ?? 0) + 1;
      if (o.difficult) seen.difficult++;
      else {
        const t = (seen.trained[split] ??= {});
        t[o.cls] = (t[o.cls] ?? 0) + 1;
      }
    }
  };
  for (const s of splitLists) {
    if (s === "trainval") continue; // train ∪ val, counted there
    for (const id of fs.readFileSync(path.join(main, `${s}.txt`), "utf8").split(/\r?\n/).filter(Boolean)) {
      listed.add(id);
      add(s, id);
    }
  }
  for (const f of fs.readdirSync(path.join(vocDir, "Annotations"))) if (!listed.has(f.slice(0, -4))) add("(no list)", f.slice(0, -4));
  return seen;
}

/**
 * Objects per class the report says were dropped whole: a geometry not written, unless the report says the object
 * it is bound to was written without it. The COCO reader puts a category's keypoints into class `<name>_keypoints`;
 * they count for `<name>`.
 */
function reportedDropped(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of report.lossEntries) {
    if (!(SHAPES_2D as readonly string[]).includes(l.what) || l.reason.includes("is written without it")) continue;
    const cls = l.className.replace(/_keypoints$/, "");
    out[cls] = (out[cls] ?? 0) + l.count;
  }
  return out;
}

function plus(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
const sum = (r: Record<string, number>) => Object.values(r).reduce((n, v) => n + v, 0);

async function exportToVoc(input: string, from?: string): Promise<{ out: string; report: Report }> {
  const report = new Report();
  const out = path.join(tempDir(), "voc");
  await convertDataset(input, out, { to: "voc", report, ...(from ? { from } : {}) });
  return { out, report };
}

/** Per-class objects of COCO annotation files, read straight from the JSON (no converter code). */
function cocoFacts(file: string): Record<string, number> {
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  const names = new Map<number, string>(j.categories.map((c: any) => [c.id, c.name]));
  const out: Record<string, number> = {};
  for (const a of j.annotations) out[names.get(a.category_id)!] = (out[names.get(a.category_id)!] ?? 0) + 1;
  return out;
}

describe.skipIf(!HAVE_REAL_DATA)("what a model sees in the VOC export of the real datasets", () => {
  const facts = HAVE_REAL_DATA ? expectedFacts() : {};

  it.each([
    // case, split the export lists it under, difficult objects in the source
    ["pascalvoc-voc-voc2012", "(no list)", 38],
    ["cvat-voc-voc2012", "default", 0],
    ["labelme-voc-bbox", "(no list)", 0],
  ])("VOC %s → VOC: every object, per class and split; difficult ones left out of training", async (name, split, difficult) => {
    const f = facts[name];
    const { out, report } = await exportToVoc(realData(name));
    const seen = seenIn(out);
    expect(Object.keys(seen.all)).toEqual([split]);
    expect(plus(seen.all[split], reportedDropped(report))).toEqual(f.objects_per_class);
    expect(sum(seen.all[split])).toBe(f.objects);
    expect(seen.difficult).toBe(difficult);
    expect(sum(seen.trained[split])).toBe(f.objects - difficult);
    expect(report.lossEntries).toEqual([]);
  });

  it.each([
    ["cvat-coco-voc2012", "default", []],
    ["voc2coco-coco-voc2012", "v2", []],
    ["labelme-coco-instanceseg", "labelme-coco-instanceseg", []],
    ["roboflow-coco-badminton", "train", []],
    // Keypoints are no VOC object: the person's box and mask are written, its keypoints (a graph bound to it) lost.
    ["mmpose-coco-keypoints", "test_coco", [["person_keypoints", "graph", "VOC holds boxes and masks only (the object it is bound to is written without it)", 12]]],
  ])("COCO %s → VOC: one object per annotation, per class and split", async (name, split, otherLosses) => {
    const file = facts[name].files[0];
    const { out, report } = await exportToVoc(realData(name));
    const seen = seenIn(out);
    expect(Object.keys(seen.all)).toEqual([split]);
    const dropped = reportedDropped(report);
    const sourceClasses = Object.keys(file.annotations_per_category);
    expect(plus(seen.all[split], dropped)).toEqual(file.annotations_per_category);
    expect(sum(seen.all[split])).toBe(file.annotations);
    // Every other loss is named: nothing unexplained.
    expect(report.lossEntries.filter((l) => !sourceClasses.includes(l.className)).map((l) => [l.className, l.what, l.reason, l.count])).toEqual(otherLosses);
    expect(seen.difficult).toBe(0);
  });
});

describe("what a model sees in the VOC export of the fixtures", () => {
  it("the VOCdevkit fixture → VOC: every object per class and split (read from the fixture's XML and lists)", async () => {
    const src = path.join(await devkitFixture(), "VOCdevkit/VOC2012");
    const { out, report } = await exportToVoc(path.dirname(path.dirname(src)));
    const source = seenIn(src, true);
    const seen = seenIn(out);
    expect(seen.all).toEqual(source.all);
    expect(seen.trained).toEqual(source.trained);
    expect(report.lossEntries).toEqual([]);
  });

  it("the COCO demo → VOC: one object per annotation; keypoints counted as lost", async () => {
    const demo = path.join(FIXTURES, "demo/coco-sample");
    const jsonFile = fs.readdirSync(path.join(demo, "annotations")).find((f) => f.startsWith("instances_"))!;
    const { out, report } = await exportToVoc(demo);
    const seen = seenIn(out);
    const split = jsonFile.replace(/^instances_|\.json$/g, "");
    expect(Object.keys(seen.all)).toEqual([split]);
    expect(plus(seen.all[split], reportedDropped(report))).toEqual(cocoFacts(path.join(demo, "annotations", jsonFile)));
    expect(report.lossEntries.map((l) => [l.className, l.what, l.count])).toEqual([["person_keypoints", "graph", 1]]);
  });
});
