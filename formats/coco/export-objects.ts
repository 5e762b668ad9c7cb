/**
 * Supervisely labels → COCO annotations and categories (export).
 *
 * Labels sharing a binding key (`instance`) and a category make one COCO annotation: polygons become its
 * segmentation parts; masks, and polygons with holes, become one RLE (the union), unless --polygons asks for traced
 * polygons; a rectangle becomes the bbox (alone: a box-only annotation); a graph becomes the keypoints. What
 * label.extra.coco kept (area, bbox, extra keys) is given back.
 */
import type { GraphGeometry, Label, ObjClass, PolygonRing, ProjectMeta, Vec2 } from "../../src/model/index.js";
import { graphTemplateOf } from "../../src/model/index.js";
import { BitmapDataError } from "../../src/codecs/bitmap.js";
import { decodeBitmapDataFast } from "../../src/codecs/bitmap-fast.js";
import { createMask, pasteMask, type BinaryMask } from "../../src/codecs/mask.js";
import {
  rleArea, rleBounds, rleFromMask, rleFromPlacedMask, rleToJson, type CocoRle,
} from "../../src/codecs/coco-rle.js";
import { fillRings } from "../../src/geometry/rasterize.js";
import { ringArea } from "../../src/geometry/bounds.js";
import type { Report } from "../../src/report.js";
import { boxOf, type Bbox } from "./annotation.js";
import { traceMask } from "./trace.js";
import {
  EXTRA_COCO, EXTRA_INSTANCE, EXTRA_RLE_COUNTS, TAG_COCO_ID, TAG_ISCROWD, cleanFloat, isFiniteNumber, isObject,
  type CocoInfo, type Json,
} from "./model.js";

/** Shapes COCO has no place for. */
const UNWRITABLE: Record<string, string> = {
  point: "COCO has no point annotations",
  line: "COCO has no polylines",
  alpha_mask: "COCO masks are binary; an alpha matte has no COCO form",
  cuboid: "COCO has no cuboids",
  cuboid_2d: "COCO has no cuboids",
  oriented_bbox: "COCO boxes are axis-aligned",
};

export interface CategoryOut {
  id: number;
  /** Category object for the instances file (no keypoints). */
  object: Json;
  /** The graph class whose template gives this category's keypoints, if any. */
  keypointsClass?: ObjClass;
}

export interface CategoryPlan {
  categories: CategoryOut[];
  byId: Map<number, CategoryOut>;
  /** Classes of meta.json that have no category (their shape has no COCO form), by title → shape. */
  skipped: Map<string, string>;
  /** Class title → category and what role the class plays in it. */
  byClass: Map<string, { category: CategoryOut; role: "objects" | "keypoints" }>;
}

/**
 * Categories from the project's classes: a class that came from a COCO category (coco_info.json) gets that category
 * back with its id and fields; other classes get new categories (ids after the largest one in use), in meta order.
 */
export function planCategories(meta: ProjectMeta, info: CocoInfo | null, report: Report): CategoryPlan {
  const byClass = new Map<string, { category: CategoryOut; role: "objects" | "keypoints" }>();
  const categories: CategoryOut[] = [];
  const original = new Map<string, { obj: Json; out?: CategoryOut }>();
  for (const c of info?.categories ?? []) if (isFiniteNumber(c.id) && typeof c.name === "string") original.set(`${c.id}\u0000${c.name}`, { obj: c });
  // First the COCO categories still represented by a class, in their original order.
  const mappedClass = (cls: ObjClass) => {
    const m = info?.classes[cls.title];
    if (!m || !original.has(`${m.category_id}\u0000${m.name}`)) return null;
    if (m.role === "keypoints" && cls.shape !== "graph") return null;
    return m;
  };
  const wanted = new Set<string>();
  for (const cls of meta.classes) {
    const m = mappedClass(cls);
    if (m) wanted.add(`${m.category_id}\u0000${m.name}`);
  }
  const usedIds = new Set<number>();
  const skipped = new Map<string, string>();
  let maxId = 0;
  for (const [key, rec] of original) {
    if (!wanted.has(key)) continue;
    const id = rec.obj.id as number;
    const object: Json = {};
    for (const [k, v] of Object.entries(rec.obj)) if (k !== "keypoints" && k !== "skeleton") object[k] = v;
    rec.out = { id, object };
    if (usedIds.has(id)) rec.out.id = -1; // renumbered below
    else usedIds.add(id);
    maxId = Math.max(maxId, id);
    categories.push(rec.out);
  }
  for (const cat of categories) {
    if (cat.id === -1) {
      cat.id = ++maxId;
      report.warn("coco-category-renumbered", `two categories had id ${String(cat.object.id)}; ${JSON.stringify(cat.object.name)} is written with id ${cat.id}`);
      cat.object = { ...cat.object, id: cat.id };
    }
  }
  for (const cls of meta.classes) {
    const m = mappedClass(cls);
    if (m) {
      const out = original.get(`${m.category_id}\u0000${m.name}`)!.out!;
      byClass.set(cls.title, { category: out, role: m.role });
      if (m.role === "keypoints") out.keypointsClass ??= cls;
      continue;
    }
    if (UNWRITABLE[cls.shape]) {
      skipped.set(cls.title, cls.shape);
      continue;
    }
    const out: CategoryOut = { id: ++maxId, object: { id: maxId, name: cls.title, supercategory: cls.title } };
    if (cls.shape === "graph") out.keypointsClass = cls;
    categories.push(out);
    byClass.set(cls.title, { category: out, role: cls.shape === "graph" ? "keypoints" : "objects" });
  }
  return { categories, byClass, byId: new Map(categories.map((c) => [c.id, c])), skipped };
}

/** Category objects of a keypoints file: keypoint names and skeleton from the graph class's template. */
export function keypointCategory(cat: CategoryOut): Json {
  const { nodes, edges } = graphTemplateOf(cat.keypointsClass!);
  const keys = Object.keys(nodes);
  const index = new Map(keys.map((k, i) => [k, i + 1]));
  return {
    ...cat.object,
    keypoints: keys.map((k) => (typeof nodes[k].label === "string" ? nodes[k].label : k)),
    skeleton: edges.filter((e) => index.has(e.src) && index.has(e.dst)).map((e) => [index.get(e.src)!, index.get(e.dst)!]),
  };
}

export interface ExportSettings {
  polygons: boolean;
  /** Template node keys in order, per graph class title (the COCO keypoint order). */
  templateKeys: Map<string, string[]>;
}

/** One COCO annotation before ids are given: the instances form, and keypoint fields when it has keypoints. */
export interface ObjectOut {
  cocoId: unknown;
  categoryId: number;
  fields: Json;
  keypoints?: { keypoints: number[]; num_keypoints: number };
}

const flatRing = (ring: Vec2[]): number[] => {
  const out = new Array<number>(ring.length * 2);
  for (let i = 0; i < ring.length; i++) {
    out[2 * i] = ring[i][0];
    out[2 * i + 1] = ring[i][1];
  }
  return out;
};

function tagValue(l: Label, name: string): { found: boolean; value: unknown } {
  const t = l.tags.find((x) => x.name === name);
  return { found: !!t, value: t?.value };
}

/**
 * The COCO annotations of one image. Labels are grouped by (binding key, category); what COCO cannot hold is
 * counted in the report's losses.
 */
export function imageObjects(
  labels: readonly Label[],
  size: { width: number | null; height: number | null },
  plan: CategoryPlan,
  settings: ExportSettings,
  report: Report,
  where: { file?: string },
): ObjectOut[] {
  const groups = new Map<string, { category: CategoryPlan["byClass"] extends Map<string, infer V> ? V : never; labels: Label[] }>();
  labels.forEach((l, i) => {
    const g = l.geometry;
    const type = g.type === "other" ? g.geometryType : g.type;
    if (UNWRITABLE[type] || g.type === "other") {
      report.lose(l.classTitle, type, UNWRITABLE[type] ?? "COCO has no such geometry");
      return;
    }
    const m = plan.byClass.get(l.classTitle);
    if (!m) {
      const shape = plan.skipped.get(l.classTitle);
      report.lose(l.classTitle, type, shape ? `the class's shape (${shape}) has no COCO category` : "the class is not in meta.json");
      return;
    }
    const instance = l.extra?.[EXTRA_INSTANCE];
    const key = `${typeof instance === "string" || typeof instance === "number" ? `k${instance}` : `#${i}`}\u0000${m.category.id}`;
    let grp = groups.get(key);
    if (!grp) groups.set(key, (grp = { category: m, labels: [] }));
    grp.labels.push(l);
  });
  const out: ObjectOut[] = [];
  for (const grp of groups.values()) {
    // One graph and one box per annotation: any more become annotations of their own.
    const graphs = grp.labels.filter((l) => l.geometry.type === "graph");
    const rects = grp.labels.filter((l) => l.geometry.type === "rectangle");
    const segs = grp.labels.filter((l) => l.geometry.type !== "graph" && l.geometry.type !== "rectangle");
    const main = [...segs, ...rects.slice(0, 1), ...graphs.slice(0, 1)];
    const rest = [...rects.slice(1), ...graphs.slice(1)];
    const ordered = grp.labels.filter((l) => main.includes(l));
    const o = objectOf(ordered, grp.category.category.id, size, settings, report, where);
    if (o) out.push(o);
    for (const l of rest) {
      const r = objectOf([l], grp.category.category.id, size, settings, report, where);
      if (r) out.push({ ...r, cocoId: null });
    }
  }
  return out;
}

function objectOf(
  labels: Label[], categoryId: number, size: { width: number | null; height: number | null },
  settings: ExportSettings, report: Report, where: { file?: string },
): ObjectOut | null {
  const overlay: Json = { ...((labels.find((l) => isObject(l.extra?.[EXTRA_COCO]))?.extra?.[EXTRA_COCO] as Json | undefined) ?? {}) };
  const segs = labels.filter((l) => l.geometry.type === "polygon" || l.geometry.type === "multipolygon" || l.geometry.type === "bitmap");
  const rect = labels.find((l) => l.geometry.type === "rectangle");
  const graph = labels.find((l) => l.geometry.type === "graph");

  // Segmentation: polygon parts when every part is hole-free (or --polygons), else one RLE of their union.
  const rings: { cls: string; ring: PolygonRing }[] = [];
  const bitmaps: { cls: string; mask: BinaryMask; x: number; y: number; listCounts: boolean }[] = [];
  for (const l of segs) {
    const g = l.geometry;
    if (g.type === "polygon") rings.push({ cls: l.classTitle, ring: g });
    else if (g.type === "multipolygon") for (const p of g.parts) rings.push({ cls: l.classTitle, ring: p });
    else if (g.type === "bitmap") {
      try {
        bitmaps.push({ cls: l.classTitle, mask: decodeBitmapDataFast(g.data), x: Math.round(g.origin[0]), y: Math.round(g.origin[1]), listCounts: l.extra?.[EXTRA_RLE_COUNTS] === "list" });
      } catch (e) {
        if (!(e instanceof BitmapDataError)) throw e;
        report.lose(l.classTitle, "bitmap", `the bitmap data cannot be decoded (${e.message})`);
      }
    }
  }
  const needRle = !settings.polygons && (bitmaps.length > 0 || rings.some((r) => r.ring.interior.length > 0));
  let segmentation: unknown = [];
  let box: Bbox | null = null;
  let area: number | null = null;
  if (needRle) {
    if (size.width === null || size.height === null) {
      for (const r of rings) report.lose(r.cls, "polygon", "the image size is unknown, and an RLE mask needs it");
      for (const b of bitmaps) report.lose(b.cls, "bitmap", "the image size is unknown, and an RLE mask needs it");
    } else {
      const { width, height } = size;
      let rle: CocoRle;
      let clipped = 0;
      if (rings.length === 0 && bitmaps.length === 1) {
        const b = bitmaps[0];
        const r = rleFromPlacedMask(b.mask, b.x, b.y, width, height);
        clipped = r.clipped;
        rle = r;
      } else {
        const canvas = createMask(width, height);
        for (const r of rings) fillRings(canvas, [r.ring.exterior, ...r.ring.interior], 1);
        for (const b of bitmaps) {
          pasteMask(canvas, b.mask, b.x, b.y, 1);
          clipped += rleFromPlacedMask(b.mask, b.x, b.y, width, height).clipped;
        }
        rle = rleFromMask(canvas);
      }
      if (clipped) report.warn("coco-mask-clipped", `${clipped} mask pixels lie outside the ${width}×${height} image and are not written`, where);
      segmentation = rleToJson(rle, bitmaps.length && bitmaps.every((b) => b.listCounts) ? "list" : "string");
      const b = rleBounds(rle);
      if (b) box = [b.left, b.top, b.right - b.left + 1, b.bottom - b.top + 1];
      area = rleArea(rle);
    }
  } else {
    const polys: Vec2[][] = [];
    for (const r of rings) {
      polys.push(r.ring.exterior);
      if (r.ring.interior.length) report.lose(r.cls, "polygon hole", "COCO polygons cannot hold holes (--polygons writes the outline only)", r.ring.interior.length);
    }
    for (const b of bitmaps) {
      const traced = traceMask(b.mask);
      for (const ring of traced.rings) polys.push(ring.map(([x, y]) => [x + b.x, y + b.y] as Vec2));
      if (traced.holes) report.lose(b.cls, "mask hole", "COCO polygons cannot hold holes (--polygons traces the outline only)", traced.holes);
    }
    if (polys.length) {
      segmentation = polys.map(flatRing);
      // What the polygons give, unless a rectangle or what extra.coco kept takes its place below.
      if (!rect && !Array.isArray(overlay.bbox)) box = boxOf({ polygons: polys });
      if (overlay.area === undefined) area = polys.reduce((s, p) => s + ringArea(p), 0) - rings.reduce((s, r) => s + r.ring.interior.reduce((t, h) => t + ringArea(h), 0), 0);
    }
  }
  const hasSegmentation = Array.isArray(segmentation) ? segmentation.length > 0 : true;
  const rectBox = rect ? boxOf({ rect: rect.geometry as { left: number; top: number; right: number; bottom: number } }) : null;
  let keypoints: ObjectOut["keypoints"];
  if (graph) keypoints = keypointsOf(graph, overlay, settings.templateKeys.get(graph.classTitle), report);
  if (!hasSegmentation && !rect && !graph) return null; // everything was reported lost above
  // The box: as read (extra.coco.bbox), else a rectangle bound to the object, else what the geometry covers.
  if (rectBox) box = rectBox;
  if (!box && graph) box = boxOf({ points: Object.values((graph.geometry as GraphGeometry).nodes).map((n) => n.loc) });
  if (Array.isArray(overlay.bbox)) box = overlay.bbox as Bbox;
  if (area === null) area = box ? cleanFloat(box[2] * box[3]) : 0;
  if (overlay.area !== undefined) area = overlay.area as number;
  if (!keypoints && Array.isArray(overlay.keypoints)) {
    const raw = overlay.keypoints as number[];
    keypoints = { keypoints: raw, num_keypoints: raw.filter((v, i) => i % 3 === 2 && v > 0).length };
  }
  if (keypoints && overlay.num_keypoints !== undefined) keypoints.num_keypoints = overlay.num_keypoints as number;

  const crowd = labels.some((l) => tagValue(l, TAG_ISCROWD).found);
  const idTag = labels.map((l) => tagValue(l, TAG_COCO_ID)).find((t) => t.found);
  const fields: Json = {
    segmentation,
    area,
    bbox: box ?? [0, 0, 0, 0],
    iscrowd: crowd ? 1 : 0,
  };
  // Other object tags travel as CVAT-style `attributes` (name → value); descriptions have no COCO place.
  const attributes: Json = isObject(overlay.attributes) ? { ...overlay.attributes } : {};
  let extraAttributes = false;
  for (const l of labels) {
    for (const t of l.tags) {
      if (t.name === TAG_COCO_ID || t.name === TAG_ISCROWD) continue;
      if (!(t.name in attributes)) {
        attributes[t.name] = t.value ?? true;
        extraAttributes = true;
      }
    }
    if (l.description) report.lose(l.classTitle, "label description", "COCO annotations have no description");
  }
  for (const [k, v] of Object.entries(overlay)) {
    if (k === "area" || k === "bbox" || k === "keypoints" || k === "num_keypoints") continue;
    fields[k] = v;
  }
  if (extraAttributes) fields.attributes = attributes;
  return { cocoId: idTag?.value ?? null, categoryId, fields, keypoints };
}

/** Keypoints in template order: v=2 for a node, 1 for a disabled node, 0 (with coordinates kept on import) else. */
function keypointsOf(graph: Label, overlay: Json, templateKeys: string[] | undefined, report: Report): { keypoints: number[]; num_keypoints: number } {
  const g = graph.geometry as GraphGeometry;
  const keys = templateKeys ?? Object.keys(g.nodes);
  const raw = Array.isArray(overlay.keypoints) ? (overlay.keypoints as number[]) : null;
  const out: number[] = [];
  let labelled = 0;
  keys.forEach((k, i) => {
    const n = g.nodes[k];
    if (n) {
      out.push(n.loc[0], n.loc[1], n.disabled ? 1 : 2);
      labelled++;
    } else if (raw && raw.length === keys.length * 3 && raw[3 * i + 2] === 0) out.push(raw[3 * i], raw[3 * i + 1], 0);
    else out.push(0, 0, 0);
  });
  const unknown = Object.keys(g.nodes).filter((k) => !keys.includes(k)).length;
  if (unknown) report.lose(graph.classTitle, "graph node", "the node is not in the class template, so it has no keypoint index", unknown);
  return { keypoints: out, num_keypoints: labelled };
}
