/**
 * Supervisely labels (pixels) → YOLO lines (normalised, six decimals), the inverse of to-model.ts:
 *
 *   detect   rectangle → `c xc yc w h` with xc = (left + right)/2/W, w = (right − left)/W; any other geometry with an
 *            extent → its bounding box (converted); points → skipped
 *   segment  polygon → its exterior (holes lost); multipolygon → one line per part; rectangle / oriented_bbox → their
 *            four corners (converted); bitmaps, lines, points, keypoints → skipped
 *   pose     graph (+ the rectangle bound to it by `instance`) → `c xc yc w h` + K keypoints in template order,
 *            `x y v` with v = 2, or 1 when `disabled`, and `0 0 0` for a keypoint the label lacks; a graph without a
 *            bound box gets the box of its keypoints; a lone rectangle → a line with every keypoint missing
 *   obb      oriented_bbox → four corners in the project's corner order; a 4-point polygon → its points as they are;
 *            rectangles and other shapes → their axis-aligned bounding box as four corners (converted)
 *
 * Labels sharing an `instance` key are one object: a box bound to an outline or to keypoints is not written twice.
 */
import type { Annotation, GraphTemplate, Label, ObjClass, ProjectMeta, RectangleGeometry, Vec2 } from "../../src/model/index.js";
import { geometryTypeName, graphTemplateOf } from "../../src/model/index.js";
import { geometryBounds } from "../../src/geometry/bounds.js";
import type { Report } from "../../src/report.js";
import { fmt6 } from "./lines.js";
import { keptCorners, orientedBoxToCorners, signedArea2, type CornerOrder } from "./obb.js";
import type { YoloTask } from "./options.js";

/** One class index for the whole project: every class in meta order, except box classes bound to another class. */
export class ExportClasses {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  /** Box class title → the class it belongs to (`person_bbox` → `person`). */
  readonly boxOf = new Map<string, string>();

  constructor(readonly meta: ProjectMeta, private readonly report: Report) {
    const titles = new Set(meta.classes.map((c) => c.title));
    const shapeOf = new Map(meta.classes.map((c) => [c.title, c.shape]));
    for (const c of meta.classes) {
      if (c.shape !== "rectangle") continue;
      const m = /^(.*?)(?:_bbox| bbox)_*$/.exec(c.title);
      if (m && titles.has(m[1]) && shapeOf.get(m[1]) !== "rectangle") this.boxOf.set(c.title, m[1]);
    }
    for (const c of meta.classes) if (!this.boxOf.has(c.title)) this.add(c.title);
  }

  private add(title: string): number {
    const i = this.names.length;
    this.names.push(title);
    this.index.set(title, i);
    return i;
  }

  /** Index of a label's class (box classes take their owner's); a class missing from meta gets the next index. */
  indexOf(title: string): number {
    const owner = this.boxOf.get(title) ?? title;
    const i = this.index.get(owner);
    if (i !== undefined) return i;
    this.report.warn("yolo-class-not-in-meta", `class ${JSON.stringify(owner)} is used by labels but missing from meta.json; it gets index ${this.names.length}`);
    return this.add(owner);
  }

  classOf(title: string): ObjClass | undefined {
    return this.meta.classes.find((c) => c.title === (this.boxOf.get(title) ?? title));
  }
}

/** Keypoint settings of a pose export: K, D, and each class's template order. */
export interface PoseLayout {
  count: number;
  dims: 2 | 3;
  /** Template node keys per class title, in template order. */
  order: Map<string, string[]>;
}

export function poseLayoutOf(meta: ProjectMeta, kptShape: [number, number] | undefined, report: Report): PoseLayout {
  const order = new Map<string, string[]>();
  let max = 0;
  for (const c of meta.classes) {
    if (c.shape !== "graph") continue;
    const keys = Object.keys(graphTemplateOf(c).nodes);
    order.set(c.title, keys);
    max = Math.max(max, keys.length);
  }
  let count = kptShape?.[0] ?? max;
  if (count < max) {
    report.warn("yolo-kpt-shape-grown", `yolo.json says ${count} keypoints but a template has ${max}; writing ${max}`);
    count = max;
  }
  for (const [title, keys] of order) {
    if (keys.length < count) report.warn("yolo-kpt-padded", `class ${JSON.stringify(title)} has ${keys.length} keypoints of ${count}; the rest are written as missing`);
  }
  return { count, dims: (kptShape?.[1] ?? 3) as 2 | 3, order };
}

/** Keypoint names per class index, when any template names its nodes other than by index. */
export function keypointNames(classes: ExportClasses, layout: PoseLayout): Map<number, string[]> | null {
  const out = new Map<number, string[]>();
  let meaningful = false;
  classes.names.forEach((title, i) => {
    const cls = classes.meta.classes.find((c) => c.title === title);
    const keys = layout.order.get(title);
    if (!cls || !keys) return;
    const tpl: GraphTemplate = graphTemplateOf(cls);
    const names = keys.map((k, j) => String(tpl.nodes[k]?.label ?? j));
    while (names.length < layout.count) names.push(String(names.length));
    if (names.some((n, j) => n !== String(j))) meaningful = true;
    out.set(i, names);
  });
  return meaningful ? out : null;
}

/** Counts what export converts or cannot hold, reported once at the end. */
export class ExportTally {
  private readonly converted = new Map<string, { className: string; from: string; to: string; count: number }>();
  constructor(private readonly report: Report) {}
  convert(className: string, from: string, to: string): void {
    const key = `${className}\u0000${from}\u0000${to}`;
    const e = this.converted.get(key);
    if (e) e.count++;
    else this.converted.set(key, { className, from, to, count: 1 });
  }
  lose(className: string, what: string, reason: string): void {
    this.report.lose(className, what, reason);
  }
  flush(): void {
    for (const e of this.converted.values()) {
      this.report.info("yolo-converted", `${e.className}: ${e.count} ${e.from} label${e.count === 1 ? "" : "s"} written as ${e.to}`);
      this.report.count(`converted ${e.from} → ${e.to}`, e.count);
    }
  }
}

export interface LineContext {
  width: number;
  height: number;
  task: YoloTask;
  classes: ExportClasses;
  pose?: PoseLayout;
  obbOrder: CornerOrder;
  /** The order was given explicitly (--obb-order): corners kept from import are turned to it too. */
  obbOrderForced: boolean;
  tally: ExportTally;
}

function boxLine(idx: number, l: number, t: number, r: number, b: number, W: number, H: number): string {
  return `${idx} ${fmt6((l + r) / 2 / W)} ${fmt6((t + b) / 2 / H)} ${fmt6((r - l) / W)} ${fmt6((b - t) / H)}`;
}

function pointsLine(idx: number, pts: readonly Vec2[], W: number, H: number): string {
  let s = String(idx);
  for (const [x, y] of pts) s += ` ${fmt6(x / W)} ${fmt6(y / H)}`;
  return s;
}

const rectCorners = (g: { left: number; top: number; right: number; bottom: number }, order: CornerOrder): Vec2[] =>
  order === "cw"
    ? [[g.left, g.top], [g.right, g.top], [g.right, g.bottom], [g.left, g.bottom]]
    : [[g.left, g.top], [g.left, g.bottom], [g.right, g.bottom], [g.right, g.top]];

const instanceOf = (l: Label): string | undefined => {
  const v = l.extra?.instance;
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
};

const OUTLINES = new Set(["polygon", "multipolygon", "bitmap", "alpha_mask"]);

function poseLine(idx: number, box: { left: number; top: number; right: number; bottom: number }, graph: Label | undefined, cls: ObjClass | undefined, lc: LineContext): string {
  const { width: W, height: H } = lc;
  const pose = lc.pose!;
  let s = boxLine(idx, box.left, box.top, box.right, box.bottom, W, H);
  const keys = (cls && pose.order.get(cls.title)) ?? [];
  const nodes = graph?.geometry.type === "graph" ? graph.geometry.nodes : {};
  for (let k = 0; k < pose.count; k++) {
    const node = k < keys.length ? nodes[keys[k]] : undefined;
    if (!node) s += pose.dims === 3 ? " 0 0 0" : " 0 0";
    else {
      s += ` ${fmt6(node.loc[0] / W)} ${fmt6(node.loc[1] / H)}`;
      if (pose.dims === 3) s += node.disabled ? " 1" : " 2";
      else if (node.disabled) lc.tally.lose(graph!.classTitle, "keypoint visibility", "kpt_shape [K, 2] has no visibility: disabled keypoints are written as visible");
    }
  }
  if (graph) {
    for (const key of Object.keys(nodes)) if (!keys.includes(key)) lc.tally.lose(graph.classTitle, "graph node", `node ${JSON.stringify(key)} is not in the class template`);
  }
  return s;
}

/** The YOLO lines of one annotation for the task. */
export function annotationLines(ann: Annotation, lc: LineContext): string[] {
  const { width: W, height: H, task, classes, tally } = lc;
  const lines: string[] = [];
  // Objects bound by `instance`: which groups have a box, an outline, keypoints.
  const groups = new Map<string, Label[]>();
  for (const l of ann.labels) {
    const key = instanceOf(l);
    if (key === undefined) continue;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(l);
  }
  const groupHas = (l: Label, pred: (g: Label) => boolean) => {
    const key = instanceOf(l);
    return key !== undefined && groups.get(key)!.some((g) => g !== l && pred(g));
  };
  const isRect = (g: Label) => g.geometry.type === "rectangle";

  for (const l of ann.labels) {
    const g = l.geometry;
    const type = geometryTypeName(g);
    const idx = classes.indexOf(l.classTitle);
    switch (task) {
      case "detect":
      case "obb": {
        if (g.type !== "rectangle" && groupHas(l, isRect)) {
          tally.lose(l.classTitle, type, `YOLO ${task} holds boxes: the box bound to this label (same instance) is written instead`);
          continue;
        }
        if (task === "obb" && g.type === "oriented_bbox") {
          let corners = keptCorners(l.extra?.yoloCorners, g, W, H);
          // Corners kept as read stay in their order, unless an order was asked for on the command line.
          if (corners && lc.obbOrderForced && (signedArea2(corners) > 0 ? "cw" : "ccw") !== lc.obbOrder) corners = [corners[0], corners[3], corners[2], corners[1]];
          lines.push(pointsLine(idx, corners ?? orientedBoxToCorners(g, lc.obbOrder), W, H));
          break;
        }
        if (task === "obb" && g.type === "polygon" && g.exterior.length === 4 && g.interior.length === 0) { lines.push(pointsLine(idx, g.exterior, W, H)); break; }
        if (task === "detect" && g.type === "rectangle") { lines.push(boxLine(idx, g.left, g.top, g.right, g.bottom, W, H)); break; }
        if (g.type === "point" || g.type === "other") { tally.lose(l.classTitle, type, g.type === "point" ? "a point has no extent to make a box from" : `YOLO ${task} cannot hold ${type}`); break; }
        const b = geometryBounds(g);
        if (!b) { tally.lose(l.classTitle, type, "empty geometry"); break; }
        if (task === "detect") { lines.push(boxLine(idx, b.left, b.top, b.right, b.bottom, W, H)); tally.convert(l.classTitle, type, "boxes"); }
        else { lines.push(pointsLine(idx, rectCorners(b, lc.obbOrder), W, H)); tally.convert(l.classTitle, type, "axis-aligned oriented boxes"); }
        break;
      }
      case "segment": {
        if (g.type === "rectangle" && groupHas(l, (x) => OUTLINES.has(x.geometry.type))) {
          tally.convert(l.classTitle, "rectangle bound to an outline", "nothing (the outline is written)");
          continue;
        }
        if (g.type === "polygon") {
          lines.push(pointsLine(idx, g.exterior, W, H));
          if (g.interior.length) tally.lose(l.classTitle, "polygon hole", "YOLO segment lines hold one outline, no holes");
        } else if (g.type === "multipolygon") {
          for (const part of g.parts) {
            lines.push(pointsLine(idx, part.exterior, W, H));
            if (part.interior.length) tally.lose(l.classTitle, "polygon hole", "YOLO segment lines hold one outline, no holes");
          }
          tally.convert(l.classTitle, "multipolygon", "one polygon per part");
        } else if (g.type === "rectangle") {
          lines.push(pointsLine(idx, rectCorners(g, "cw"), W, H));
          tally.convert(l.classTitle, "rectangle", "4-point polygons");
        } else if (g.type === "oriented_bbox") {
          lines.push(pointsLine(idx, keptCorners(l.extra?.yoloCorners, g, W, H) ?? orientedBoxToCorners(g, "cw"), W, H));
          tally.convert(l.classTitle, "oriented_bbox", "4-point polygons");
        } else {
          tally.lose(l.classTitle, type, g.type === "bitmap" || g.type === "alpha_mask"
            ? "YOLO segment needs polygons; export masks with -f masks"
            : `YOLO segment holds polygons; a ${type} has no outline`);
        }
        break;
      }
      case "pose": {
        if (g.type === "graph") {
          const key = instanceOf(l);
          const boundBox = key !== undefined ? groups.get(key)!.find((x) => x !== l && isRect(x)) : undefined;
          let box: { left: number; top: number; right: number; bottom: number } | null = boundBox ? (boundBox.geometry as RectangleGeometry) : null;
          if (!box) {
            box = geometryBounds(g);
            if (!box) { tally.lose(l.classTitle, "graph", "no keypoints"); break; }
            tally.convert(l.classTitle, "graph without a bound box", "pose lines with the box of their keypoints");
          }
          lines.push(poseLine(idx, box, l, classes.classOf(l.classTitle), lc));
        } else if (g.type === "rectangle") {
          if (groupHas(l, (x) => x.geometry.type === "graph")) continue; // written with its keypoints
          lines.push(poseLine(idx, g, undefined, classes.classOf(l.classTitle), lc));
          if (!classes.boxOf.has(l.classTitle)) tally.convert(l.classTitle, "rectangle", "pose lines without keypoints");
        } else {
          tally.lose(l.classTitle, type, "YOLO pose holds keypoints with their box");
        }
        break;
      }
    }
  }
  return lines;
}
