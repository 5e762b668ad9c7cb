/**
 * fixtures/coco/full: instances, person_keypoints and captions files of one split ("val") with images a.png, b.png
 * (c.png is listed but absent). Every expected value below is worked out from the fixture files by hand.
 */
import { describe, expect, it, beforeAll } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { decodeBitmapData } from "../../src/codecs/bitmap.js";
import type { GraphGeometry, Project } from "../../src/model/index.js";
import type { Report } from "../../src/report.js";
import { FIXTURES } from "../helpers/paths.js";
import { brief, byId, exportCoco, importCoco, item, itemsOf, readJson } from "./helpers.js";

const FULL = path.join(FIXTURES, "coco/full");
const rows = (data: string) => {
  const m = decodeBitmapData(data);
  return Array.from({ length: m.height }, (_, y) => [...m.data.subarray(y * m.width, (y + 1) * m.width)].join(""));
};

let project: Project, report: Report, out: string;
beforeAll(async () => {
  ({ project, report, out } = await importCoco(FULL));
});

describe("COCO import: fixtures/coco/full", () => {
  it("three files of split `val` become one dataset; the absent image is one warning", () => {
    expect(project.datasets.map((d) => d.name)).toEqual(["val"]);
    expect(itemsOf(project).map((i) => i.name)).toEqual(["a.png", "b.png", "c.png"]);
    expect(report.warningCount).toBe(1);
    expect(report.findings[0]).toMatchObject({
      code: "coco-image-missing", file: "annotations/captions_val.json", pointer: "/images/2/file_name",
      message: 'image file "c.png" is not in val/; the item is annotation-only',
    });
    expect(item(project, "a.png").image?.kind).toBe("file");
    expect(item(project, "c.png").image).toBeUndefined();
    expect(fs.readdirSync(path.join(out, "val/img")).sort()).toEqual(["a.png", "b.png"]);
  });

  it("classes: one per category (`any` where geometry kinds mix), a graph class for the keypoints", () => {
    expect(project.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual(["person:any", "person_keypoints:graph", "dog:any", "kite:polygon"]);
    const tpl = project.meta.classes[1].geometryConfig as { nodes: Record<string, { label: string }>; edges: { src: string; dst: string }[] };
    expect(Object.entries(tpl.nodes).map(([k, n]) => `${k}=${n.label}`)).toEqual(["nose=nose", "left_eye=left_eye", "right_eye=right_eye"]);
    expect(tpl.edges.map((e) => `${e.src}-${e.dst}`)).toEqual(["nose-left_eye", "nose-right_eye"]);
    expect(project.meta.tagMetas.map((t) => `${t.name}:${t.valueType}:${t.applicableType}`)).toEqual([
      "coco_id:any_number:objectsOnly", "iscrowd:none:objectsOnly", "caption:any_string:imagesOnly",
    ]);
  });

  it("a.png: two-part polygon with a binding key, crowd RLE as a bitmap, polygon + keypoints merged from two files", () => {
    const a = item(project, "a.png");
    expect(a.annotation.size).toEqual({ width: 8, height: 6 });
    expect(a.annotation.tags).toEqual([{ name: "caption", value: "A dog and a person." }, { name: "caption", value: 'Two "quoted" animals ☃' }]);
    expect(a.annotation.labels.map(brief)).toEqual([
      { cls: "dog", type: "polygon", tags: ["coco_id=10"], extra: { coco: { area: 7.5 }, instance: "coco-ann-10" } },
      { cls: "dog", type: "polygon", tags: ["coco_id=10"], extra: { instance: "coco-ann-10" } },
      { cls: "person", type: "bitmap", tags: ["coco_id=11", "iscrowd"], extra: { coco: { area: 5 } } },
      { cls: "person", type: "polygon", tags: ["coco_id=12"], extra: { coco: { area: 4 }, instance: "coco-ann-12" } },
      { cls: "person_keypoints", type: "graph", tags: ["coco_id=12"], extra: { instance: "coco-ann-12" } },
    ]);
    const [p1, p2, mask, , graph] = a.annotation.labels.map((l) => l.geometry);
    expect(p1).toEqual({ type: "polygon", exterior: [[1, 1], [4, 1], [4, 3], [1, 3]], interior: [] });
    expect(p2).toEqual({ type: "polygon", exterior: [[5, 4], [7, 4], [6, 5]], interior: [] });
    // "=2409O0" on 6×8: pixels (2..3, 1..2) and (5, 4) → cropped at origin (2, 1), 4×4.
    expect(mask.type === "bitmap" && mask.origin).toEqual([2, 1]);
    expect(mask.type === "bitmap" && rows(mask.data)).toEqual(["1100", "1100", "0000", "0001"]);
    // v=2 → node, v=1 → disabled node, v=0 → absent.
    expect(graph).toEqual({ type: "graph", nodes: { nose: { loc: [1, 1] }, left_eye: { loc: [0.5, 0.5], disabled: true } } });
    // The image entry goes to coco_info.json (below), not to a meta file per image.
    expect(a.imageMeta).toBeUndefined();
    expect(fs.existsSync(path.join(out, "val/meta"))).toBe(false);
  });

  it("b.png: box-only → rectangle with x+w, y+h; uncompressed RLE; keypoints with a hidden point's coordinates kept", () => {
    const b = item(project, "b.png");
    expect(b.annotation.labels.map(brief)).toEqual([
      { cls: "dog", type: "rectangle", tags: ["coco_id=13"], extra: { coco: { area: 13.5, attributes: { occluded: true } } } },
      { cls: "person", type: "bitmap", tags: ["coco_id=14"], extra: { cocoRleCounts: "list", coco: { area: 8 } } },
      { cls: "person", type: "rectangle", tags: ["coco_id=16"], extra: { coco: { area: 9, keypoints: [6, 2, 2, 7, 2, 2, 6.5, 3, 0] }, instance: "coco-ann-16" } },
      { cls: "person_keypoints", type: "graph", tags: ["coco_id=16"], extra: { instance: "coco-ann-16" } },
      { cls: "person", type: "rectangle", tags: ["coco_id=17"], extra: { coco: { area: 4, keypoints: [0, 0, 0, 0, 0, 0, 0, 0, 0] } } },
    ]);
    const g = b.annotation.labels.map((l) => l.geometry);
    expect(g[0]).toEqual({ type: "rectangle", left: 1.5, top: 2.25, right: 4.5, bottom: 6.75 });
    expect(g[1].type === "bitmap" && g[1].origin).toEqual([0, 0]);
    expect(g[1].type === "bitmap" && rows(g[1].data)).toEqual(["1", "1", "1", "1", "1", "1", "1", "1"]);
    expect(g[2]).toEqual({ type: "rectangle", left: 5, top: 1, right: 8, bottom: 4 });
    expect((g[3] as GraphGeometry).nodes).toEqual({ nose: { loc: [6, 2] }, left_eye: { loc: [7, 2] } });
    expect(b.annotation.tags).toEqual([{ name: "caption", value: "A box." }]);
  });

  it("c.png: annotation-only item with its size from the JSON", () => {
    const c = item(project, "c.png");
    expect(c.annotation.size).toEqual({ width: 4, height: 4 });
    expect(c.annotation.labels.map((l) => l.geometry)).toEqual([{ type: "polygon", exterior: [[0, 0], [3, 0], [3, 3]], interior: [] }]);
  });

  it("coco_info.json keeps categories (merged over files), class → category, and each file's top-level keys", () => {
    const info = readJson(path.join(out, "coco_info.json"));
    expect(info.format).toBe("slyconv-coco/1");
    expect(info.categories).toEqual([
      { id: 1, name: "person", supercategory: "human", keypoints: ["nose", "left_eye", "right_eye"], skeleton: [[1, 2], [1, 3]] },
      { id: 2, name: "dog", supercategory: "animal" },
      { id: 3, name: "kite", supercategory: "outdoor" },
    ]);
    expect(info.classes).toEqual({
      person: { category_id: 1, name: "person", role: "objects" },
      person_keypoints: { category_id: 1, name: "person", role: "keypoints" },
      dog: { category_id: 2, name: "dog", role: "objects" },
      kite: { category_id: 3, name: "kite", role: "objects" },
    });
    // Per dataset and item, what the image entry says beyond the item: file_name equals the item's name and
    // width/height the annotation's size here, so neither is kept; caption ids are.
    expect(info.images).toEqual({
      val: {
        "a.png": { id: 1, license: 1, date_captured: "2024-01-02 03:04:05", caption_ids: [100, 101] },
        "b.png": { id: 2, license: 1, caption_ids: [102] },
        "c.png": { id: 3 },
      },
    });
    expect(info.sources.map((s: any) => [s.file, s.dataset, s.kind, Object.keys(s.top), s.max_image_id, s.max_annotation_id])).toEqual([
      ["annotations/captions_val.json", "val", "captions", ["info", "licenses"], 3, 102],
      ["annotations/instances_val.json", "val", "instances", ["info", "licenses"], 3, 102],
      ["annotations/person_keypoints_val.json", "val", "keypoints", ["info", "licenses"], 3, 102],
    ]);
  });
});

describe("COCO round trip: fixtures/coco/full → Supervisely → COCO", () => {
  it("gives back all three files, equal as JSON, and the images", async () => {
    const { out: coco, report: r } = await exportCoco(out);
    expect(r.warningCount).toBe(0);
    expect(r.lossEntries).toEqual([]);
    expect(fs.readdirSync(path.join(coco, "annotations")).sort()).toEqual(["captions_val.json", "instances_val.json", "person_keypoints_val.json"]);
    for (const f of ["instances_val.json", "person_keypoints_val.json", "captions_val.json"]) {
      expect(byId(readJson(path.join(coco, "annotations", f))), f).toEqual(byId(readJson(path.join(FULL, "annotations", f))));
    }
    expect(fs.readdirSync(path.join(coco, "images/val")).sort()).toEqual(["a.png", "b.png"]);
    expect(fs.readFileSync(path.join(coco, "images/val/a.png"))).toEqual(fs.readFileSync(path.join(FULL, "val/a.png")));
  });
});
