/**
 * The COCO cases of ../shared/real-data (never copied into the project): each is imported and checked against the
 * independent facts in expected.json, then exported and compared with the original file.
 */
import { describe, expect, it, beforeAll } from "vitest";
import fs from "node:fs";
import path from "node:path";
import type { GraphGeometry, Item, Label, Project } from "../../src/model/index.js";
import type { Report } from "../../src/report.js";
import { HAVE_REAL_DATA, REAL_DATA_SKIP_MESSAGE, expectedFacts, realData } from "../helpers/paths.js";
import { byId, cocoImageOf, exportCoco, importCoco, itemsOf, labelsPerClass, readJson } from "./helpers.js";

const CASES = {
  "cvat-coco-voc2012": "coco_format_v1/instances_default.json",
  "voc2coco-coco-voc2012": "coco_format_v2/instances_v2.json",
  "labelme-coco-instanceseg": "annotations.json",
  "roboflow-coco-badminton": "train/_annotations.coco.json",
  "mmpose-coco-keypoints": "coco/test_coco.json",
} as const;
type CaseName = keyof typeof CASES;

if (!HAVE_REAL_DATA) console.warn(`COCO: ${REAL_DATA_SKIP_MESSAGE}`);

const imported = new Map<CaseName, { project: Project; report: Report; out: string }>();
async function load(name: CaseName) {
  if (!imported.has(name)) imported.set(name, await importCoco(realData(name)));
  return imported.get(name)!;
}
const allItems = (p: Project): Item[] => p.datasets.flatMap((d) => d.items as Item[]);
const allLabels = (p: Project): Label[] => allItems(p).flatMap((i) => i.annotation.labels);
/** Annotations per category: labels of one COCO annotation share coco_id, so count distinct ids per class. */
function annotationsPerCategory(p: Project): Record<string, number> {
  const seen = new Map<string, Set<unknown>>();
  for (const l of allLabels(p)) {
    const cls = l.classTitle.replace(/_keypoints$/, "");
    const id = l.tags.find((t) => t.name === "coco_id")?.value;
    (seen.get(cls) ?? seen.set(cls, new Set()).get(cls)!).add(id);
  }
  return Object.fromEntries([...seen].map(([k, v]) => [k, v.size]));
}
function sizes(p: Project): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of allItems(p)) {
    const k = `${it.annotation.size.width}x${it.annotation.size.height}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
/** The box of a COCO object as [xmin, ymin, xmax, ymax]: its rectangle, or its polygon's extremes (voc2coco). */
function boxesByImage(p: Project): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const it of allItems(p)) {
    const list = it.annotation.labels.map((l) => {
      const g = l.geometry;
      if (g.type === "rectangle") return `${l.classTitle} ${g.left} ${g.top} ${g.right} ${g.bottom}`;
      if (g.type === "polygon") {
        const xs = g.exterior.map((v) => v[0]), ys = g.exterior.map((v) => v[1]);
        return `${l.classTitle} ${Math.min(...xs)} ${Math.min(...ys)} ${Math.max(...xs)} ${Math.max(...ys)}`;
      }
      return `${l.classTitle} ${g.type}`;
    });
    out.set(it.name, list.sort());
  }
  return out;
}
/** The original VOC XML boxes, read here with a few regular expressions (no converter code). */
function vocBoxes(): Map<string, string[]> {
  const dir = realData("pascalvoc-voc-voc2012/pascalvoc_format");
  const out = new Map<string, string[]>();
  for (const f of fs.readdirSync(dir)) {
    const xml = fs.readFileSync(path.join(dir, f), "utf8");
    const name = /<filename>([^<]+)<\/filename>/.exec(xml)![1];
    const boxes = [...xml.matchAll(/<object>[\s\S]*?<name>([^<]+)<\/name>[\s\S]*?<xmin>([^<]+)<\/xmin>\s*<ymin>([^<]+)<\/ymin>\s*<xmax>([^<]+)<\/xmax>\s*<ymax>([^<]+)<\/ymax>[\s\S]*?<\/object>/g)]
      .map((m) => `${m[1]} ${Number(m[2])} ${Number(m[3])} ${Number(m[4])} ${Number(m[5])}`);
    out.set(name, boxes.sort());
  }
  return out;
}

describe.skipIf(!HAVE_REAL_DATA)("COCO real data: expected.json facts", () => {
  let facts: Record<string, any>;
  beforeAll(() => {
    facts = expectedFacts();
  });
  const fileFacts = (name: CaseName) => facts[name].files[0];

  it.each(Object.keys(CASES) as CaseName[])("%s: images, sizes, categories, annotations per category", async (name) => {
    const { project } = await load(name);
    const f = fileFacts(name);
    expect(allItems(project).length).toBe(f.images);
    expect(sizes(project)).toEqual(f.image_sizes);
    expect(annotationsPerCategory(project)).toEqual(f.annotations_per_category);
    // Every category is a class (unused ones too), with its id kept in coco_info.json.
    const info = readJson(path.join((await load(name)).out, "coco_info.json"));
    expect(Object.fromEntries(info.categories.map((c: any) => [String(c.id), c.name]))).toEqual(f.categories);
    for (const c of Object.values(f.categories) as string[]) expect(project.meta.classes.some((k) => k.title === c)).toBe(true);
  });

  it("cvat-coco-voc2012: 273 box-only annotations → rectangles, CVAT attributes kept, ids kept", async () => {
    const { project, report } = await load("cvat-coco-voc2012");
    const labels = allLabels(project);
    expect(labels.length).toBe(273);
    expect(labels.every((l) => l.geometry.type === "rectangle")).toBe(true);
    expect(labels.every((l) => (l.extra?.coco as any).attributes?.occluded === false)).toBe(true);
    expect(labels.map((l) => l.tags[0].value).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 273 }, (_, i) => i + 1));
    expect(report.findings.map((f) => f.code)).toEqual(["coco-images-not-found"]);
  });

  it("voc2coco-coco-voc2012: 273 four-point polygons, image ids beyond 32 bits kept, `ignore` kept", async () => {
    const { project } = await load("voc2coco-coco-voc2012");
    const labels = allLabels(project);
    expect(labels.length).toBe(fileFacts("voc2coco-coco-voc2012").polygon_parts);
    expect(labels.every((l) => l.geometry.type === "polygon" && l.geometry.exterior.length === 4)).toBe(true);
    expect(labels.every((l) => (l.extra?.coco as any).ignore === 0)).toBe(true);
    const ids = project.datasets.flatMap((d) => (d.items as Item[]).map((i) => cocoImageOf(project, d.name, i.name).id as number));
    expect(Math.max(...ids)).toBe(fileFacts("voc2coco-coco-voc2012").notes.image_id_max);
  });

  it("the COCO voc2012 cases give the same 273 boxes as the original VOC XML", async () => {
    const voc = vocBoxes();
    expect([...voc.values()].flat().length).toBe(273);
    for (const name of ["cvat-coco-voc2012", "voc2coco-coco-voc2012"] as const) {
      const boxes = boxesByImage((await load(name)).project);
      expect(new Map([...boxes].sort()), name).toEqual(new Map([...voc].sort()));
    }
  });

  it("labelme-coco-instanceseg: 16 polygon parts over 12 annotations, category 0 and image id 0, images found", async () => {
    const { project } = await load("labelme-coco-instanceseg");
    const f = fileFacts("labelme-coco-instanceseg");
    expect(allLabels(project).filter((l) => l.geometry.type === "polygon").length).toBe(f.polygon_parts);
    expect(labelsPerClass(project)).toEqual({ person: 7, bus: 2, bottle: 1, car: 1, chair: 1, sofa: 4 });
    // Multi-part annotations: their parts share a binding key.
    const multi = allLabels(project).filter((l) => l.extra?.instance);
    expect(new Set(multi.map((l) => l.extra!.instance)).size).toBe(f.segmentation_kinds.polygon_multipart);
    expect(project.meta.classes.find((c) => c.title === "_background_")).toBeDefined();
    const items = allItems(project);
    expect(items.map((i) => i.name).sort()).toEqual(["2011_000003.jpg", "2011_000006.jpg", "2011_000025.jpg"]);
    expect(items.every((i) => i.image?.kind === "file")).toBe(true);
    const entries = project.datasets.flatMap((d) => (d.items as Item[]).map((i) => cocoImageOf(project, d.name, i.name)));
    expect(entries.map((e) => e.file_name).sort()).toEqual(Object.keys(facts["labelme-coco-instanceseg"].image_files).sort());
    expect(entries.map((e) => e.id).sort()).toEqual([0, 1, 2]);
  });

  it("roboflow-coco-badminton: 36 fractional boxes with right = x + w exactly; category 0 kept; images beside the JSON", async () => {
    const { project, report } = await load("roboflow-coco-badminton");
    const raw = readJson(realData("roboflow-coco-badminton", CASES["roboflow-coco-badminton"]));
    const byId = new Map(raw.annotations.map((a: any) => [a.id, a.bbox]));
    const labels = allLabels(project);
    expect(labels.length).toBe(36);
    for (const l of labels) {
      const [x, y, w, h] = byId.get(l.tags[0].value) as number[];
      expect(l.geometry).toEqual({ type: "rectangle", left: x, top: y, right: x + w, bottom: y + h });
    }
    expect(project.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual(["badminton:rectangle", "shuttlecock:rectangle"]);
    expect(allItems(project).every((i) => i.image?.kind === "file")).toBe(true);
    expect(report.warningCount).toBe(0);
  });

  it("mmpose-coco-keypoints: visibility 2 → nodes, 1 → disabled nodes, 0 → absent; 19-edge skeleton", async () => {
    const { project } = await load("mmpose-coco-keypoints");
    const kp = fileFacts("mmpose-coco-keypoints").keypoints;
    const graphs = allLabels(project).filter((l) => l.geometry.type === "graph");
    const nodes = graphs.flatMap((l) => Object.values((l.geometry as GraphGeometry).nodes));
    expect(nodes.filter((n) => !n.disabled).length).toBe(kp.visibility_flag_counts["2"]);
    expect(nodes.filter((n) => n.disabled).length).toBe(kp.visibility_flag_counts["1"]);
    expect(14 * 17 - nodes.length).toBe(kp.visibility_flag_counts["0"]);
    // The two annotations with num_keypoints 0 make no graph; their all-zero keypoints stay in extra.coco.
    expect(graphs.length).toBe(14 - kp.num_keypoints_field["0"]);
    const cls = project.meta.classes.find((c) => c.title === "person_keypoints")!;
    expect(cls.shape).toBe("graph");
    expect(Object.keys((cls.geometryConfig as any).nodes).length).toBe(17);
    expect((cls.geometryConfig as any).edges.length).toBe(fileFacts("mmpose-coco-keypoints").skeleton_edges.person);
    expect(allLabels(project).filter((l) => l.geometry.type === "polygon").length).toBe(fileFacts("mmpose-coco-keypoints").polygon_parts);
  });
});

describe.skipIf(!HAVE_REAL_DATA)("COCO real data: round trip COCO → Supervisely → COCO", () => {
  it.each(Object.keys(CASES) as CaseName[])("%s: the exported file equals the original as JSON", async (name) => {
    const { out } = await load(name);
    const { out: coco, report } = await exportCoco(out, { images: "none" });
    expect(report.lossEntries).toEqual([]);
    const original = readJson(realData(name, CASES[name]));
    const dataset = itemsOf((await load(name)).project) && (await load(name)).project.datasets[0].name;
    const kind = name === "mmpose-coco-keypoints" ? "person_keypoints" : "instances";
    const exported = readJson(path.join(coco, "annotations", `${kind}_${dataset}.json`));
    // Every image, category, annotation (id, bbox, polygon vertices, RLE, keypoints with visibility) and top-level key.
    expect(byId(exported)).toEqual(byId(original));
  });
});
