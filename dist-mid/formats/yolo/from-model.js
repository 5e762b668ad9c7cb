import { geometryTypeName, graphTemplateOf } from "../../src/model/index.js";
import { geometryBounds } from "../../src/geometry/bounds.js";
import { BitmapDataError, bitmapDataSize, bitmapMask, bitmapSize, decodeAlphaMaskData, labelsWithReadableMasks } from "../../src/codecs/bitmap.js";
import { traceMask } from "../../src/geometry/trace-mask.js";
import { fmt6 } from "./lines.js";
import { joinRings } from "./join-rings.js";
import { keptCorners, orientedBoxToCorners, signedArea2 } from "./obb.js";
/**
 * One class index for the whole project.
 *
 * - detect, segment, obb: every class of meta.json in order, except classes bound to another (`person_bbox` and
 *   `person_keypoints` belong to `person`: COCO and YOLO pose name them so) and placeholder classes;
 * - pose: one class per keypoint template (graph class), named by its owner (`person_keypoints` → `person`); a class
 *   that owns a keypoint class, and a keypoint class's box class, take its index.
 */
export class ExportClasses {
    meta;
    task;
    report;
    names = [];
    /** pose: the graph class of each index. */
    templates = [];
    /** Placeholder classes left out of `names`. */
    placeholders = [];
    index = new Map();
    /** Bound class title → the class it belongs to (`person_bbox` → `person`, `person_keypoints` → `person`). */
    ownerOf = new Map();
    /** `placeholders`: classes to leave out of `names` (placeholders.ts). */
    constructor(meta, task, report, placeholders = []) {
        this.meta = meta;
        this.task = task;
        this.report = report;
        const shapeOf = new Map(meta.classes.map((c) => [c.title, c.shape]));
        for (const c of meta.classes) {
            const box = c.shape === "rectangle" ? /^(.*?)(?:_bbox| bbox)_*$/.exec(c.title) : null;
            if (box && shapeOf.has(box[1]) && shapeOf.get(box[1]) !== "rectangle")
                this.ownerOf.set(c.title, box[1]);
            const kp = c.shape === "graph" ? /^(.*)_keypoints$/.exec(c.title) : null;
            if (kp && shapeOf.has(kp[1]) && shapeOf.get(kp[1]) !== "graph")
                this.ownerOf.set(c.title, kp[1]);
        }
        if (task === "pose") {
            for (const c of meta.classes) {
                if (c.shape !== "graph")
                    continue;
                const owner = this.ownerOf.get(c.title);
                const i = this.add(owner ?? c.title);
                this.templates[i] = c;
                this.index.set(c.title, i);
            }
        }
        else {
            for (const c of meta.classes) {
                if (this.ownerOf.has(c.title))
                    continue;
                if (placeholders.includes(c.title))
                    this.placeholders.push(c.title);
                else
                    this.add(c.title);
            }
        }
        // Bound classes take their owner's index (a box of a keypoint class: the keypoint class's).
        for (const [bound, owner] of this.ownerOf) {
            const i = this.index.get(owner);
            if (i !== undefined && !this.index.has(bound))
                this.index.set(bound, i);
        }
    }
    add(title) {
        const i = this.names.length;
        this.names.push(title);
        this.index.set(title, i);
        return i;
    }
    /** Class title of an object's line: a bound class counts as its owner. */
    objectClass(title) {
        return this.ownerOf.get(title) ?? title;
    }
    /**
     * Index of a class. pose: undefined for a class with no keypoint template. Otherwise a class missing from meta, or
     * a placeholder class that labels use after all, gets the next index (with a warning).
     */
    indexOf(title) {
        const i = this.index.get(title);
        if (i !== undefined || this.task === "pose")
            return i;
        const owner = this.objectClass(title);
        if (this.placeholders.includes(owner)) {
            this.report.warn("yolo-placeholder-class-used", `class ${JSON.stringify(owner)} looked like a placeholder (no objects expected) but labels use it; it gets index ${this.names.length}`);
        }
        else {
            this.report.warn("yolo-class-not-in-meta", `class ${JSON.stringify(owner)} is used by labels but missing from meta.json; it gets index ${this.names.length}`);
        }
        const n = this.add(owner);
        if (owner !== title)
            this.index.set(title, n);
        return n;
    }
}
export function poseLayoutOf(meta, kptShape, report) {
    const order = new Map();
    let max = 0;
    for (const c of meta.classes) {
        if (c.shape !== "graph")
            continue;
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
        if (keys.length < count)
            report.warn("yolo-kpt-padded", `class ${JSON.stringify(title)} has ${keys.length} keypoints of ${count}; the rest are written as missing`);
    }
    return { count, dims: (kptShape?.[1] ?? 3), order };
}
/** Keypoint names of each pose class index (template labels, padded with indices to K). */
export function keypointNamesOf(classes, layout) {
    const out = new Map();
    classes.templates.forEach((cls, i) => {
        const tpl = graphTemplateOf(cls);
        const names = (layout.order.get(cls.title) ?? []).map((k, j) => String(tpl.nodes[k]?.label ?? j));
        while (names.length < layout.count)
            names.push(String(names.length));
        out.set(i, names);
    });
    return out;
}
/** Counts what export converts or cannot hold, reported once at the end. */
export class ExportTally {
    report;
    converted = new Map();
    constructor(report) {
        this.report = report;
    }
    /** `from` describes a label (`polygon`) or, with unit "object", an object (`multi-label`). */
    convert(className, from, to, unit = "label") {
        // Per class, the few kinds it was converted by (no key string to build per label).
        let kinds = this.byClass.get(className);
        if (!kinds)
            this.byClass.set(className, (kinds = []));
        for (const e of kinds) {
            if (e.from === from && e.to === to && e.unit === unit) {
                e.count++;
                return;
            }
        }
        const e = { className, from, to, unit, count: 1 };
        kinds.push(e);
        this.converted.set(`${className}\u0000${from}\u0000${to}\u0000${unit}`, e);
    }
    byClass = new Map();
    lose(className, what, reason, count = 1) {
        this.report.lose(className, what, reason, count);
    }
    /**
     * One info line for the whole export (not one per class): per kind of conversion, its count and the first
     * classes it hit, e.g. "12 polygon labels written as boxes (road, car, +3 classes); 1 rectangle label …".
     */
    flush() {
        const kinds = new Map();
        for (const e of this.converted.values()) {
            const key = `${e.from}\u0000${e.to}\u0000${e.unit}`;
            const k = kinds.get(key) ?? { from: e.from, to: e.to, unit: e.unit, count: 0, classes: [] };
            k.count += e.count;
            k.classes.push(e.className);
            kinds.set(key, k);
        }
        if (!kinds.size)
            return;
        // Sorted (most first, then by name), since items are converted concurrently and arrive in any order.
        const parts = [...kinds.values()].sort((a, b) => b.count - a.count || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)).map((k) => {
            k.classes.sort();
            const named = k.classes.slice(0, 3).join(", ") + (k.classes.length > 3 ? `, +${k.classes.length - 3} classes` : "");
            return `${k.count} ${k.from} ${k.unit}${k.count === 1 ? "" : "s"} written as ${k.to} (${named})`;
        });
        this.report.info("yolo-converted", parts.join("; "));
        this.report.count("yoloLabelsConverted", [...kinds.values()].reduce((n, k) => n + k.count, 0));
    }
}
function boxLine(idx, b, W, H) {
    return `${idx} ${fmt6((b.left + b.right) / 2 / W)} ${fmt6((b.top + b.bottom) / 2 / H)} ${fmt6((b.right - b.left) / W)} ${fmt6((b.bottom - b.top) / H)}`;
}
function pointsLine(idx, pts, W, H) {
    let s = String(idx);
    for (const [x, y] of pts)
        s += ` ${fmt6(x / W)} ${fmt6(y / H)}`;
    return s;
}
const rectCorners = (g, order) => order === "cw"
    ? [[g.left, g.top], [g.right, g.top], [g.right, g.bottom], [g.left, g.bottom]]
    : [[g.left, g.top], [g.left, g.bottom], [g.right, g.bottom], [g.right, g.top]];
const instanceOf = (l) => {
    const v = l.extra?.instance;
    return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
};
/**
 * Labels grouped into objects (bound by `instance`, one class after owners), in the order of their first label. The
 * objects of an instance key are looked up by the key alone (nearly always one object: no key string per label).
 */
function objectsOf(labels, classes) {
    const objects = [];
    if (labels.length === 1) {
        objects.push({ cls: classes.objectClass(labels[0].classTitle), labels: [labels[0]] });
        return objects;
    }
    const byKey = new Map();
    for (const l of labels) {
        const cls = classes.objectClass(l.classTitle);
        const key = instanceOf(l);
        if (key === undefined) {
            objects.push({ cls, labels: [l] });
            continue;
        }
        const found = byKey.get(key);
        const list = found === undefined ? null : Array.isArray(found) ? found : [found];
        const o = list?.find((x) => x.cls === cls);
        if (o) {
            o.labels.push(l);
            continue;
        }
        const n = { cls, labels: [l] };
        objects.push(n);
        if (!list)
            byKey.set(key, n);
        else {
            list.push(n);
            if (list !== found)
                byKey.set(key, list);
        }
    }
    return objects;
}
function union(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}
/** What a label covers: masks whole pixels (origin .. origin + size), other shapes their extreme vertices. */
function coverOf(l) {
    const g = l.geometry;
    if (g.type === "bitmap" || g.type === "alpha_mask") {
        const { width, height } = g.type === "bitmap" ? bitmapSize(g) : bitmapDataSize(g.data);
        return width && height ? { left: g.origin[0], top: g.origin[1], right: g.origin[0] + width, bottom: g.origin[1] + height } : null;
    }
    return geometryBounds(g);
}
/** The COCO bbox the COCO reader kept on a label (label.extra.coco.bbox, [x, y, w, h]), if any. */
function keptCocoBox(l) {
    const coco = l.extra?.coco;
    const b = coco?.bbox;
    if (!Array.isArray(b) || b.length !== 4 || !b.every((v) => typeof v === "number" && Number.isFinite(v)) || b[2] < 0 || b[3] < 0)
        return null;
    return { left: b[0], top: b[1], right: b[0] + b[2], bottom: b[1] + b[3] };
}
const KEYPOINT_LIKE = new Set(["graph", "point"]);
/** The box of an object and where it came from (see the file comment). */
function objectBox(o) {
    let rect = null;
    for (const l of o.labels)
        if (l.geometry.type === "rectangle")
            rect = union(rect, l.geometry);
    if (rect)
        return { box: rect, from: "rectangle" };
    for (const l of o.labels) {
        const b = keptCocoBox(l);
        if (b)
            return { box: b, from: "bbox" };
    }
    let outline = null, points = null;
    for (const l of o.labels) {
        if (KEYPOINT_LIKE.has(l.geometry.type))
            points = union(points, geometryBounds(l.geometry));
        else
            outline = union(outline, coverOf(l));
    }
    if (outline)
        return { box: outline, from: "outline" };
    return points ? { box: points, from: "keypoints" } : null;
}
/** Outlines of a label as rings, for segment lines; what has no outline or loses holes is counted. */
function outlineRings(l, tally) {
    const g = l.geometry;
    switch (g.type) {
        case "polygon":
            if (g.interior.length)
                tally.lose(l.classTitle, "polygon hole", "YOLO segment lines hold one outline, no holes", g.interior.length);
            return [g.exterior];
        case "multipolygon": {
            const holes = g.parts.reduce((n, p) => n + p.interior.length, 0);
            if (holes)
                tally.lose(l.classTitle, "polygon hole", "YOLO segment lines hold one outline, no holes", holes);
            return g.parts.map((p) => p.exterior);
        }
        case "bitmap":
        case "alpha_mask": {
            // An alpha matte's outline is where it is not fully transparent.
            let mask;
            try {
                mask = g.type === "bitmap" ? bitmapMask(g) : decodeAlphaMaskData(g.data);
            }
            catch (e) {
                if (!(e instanceof BitmapDataError))
                    throw e;
                tally.lose(l.classTitle, g.type, `the bitmap data cannot be decoded (${e.message})`);
                return [];
            }
            const traced = traceMask(mask);
            if (traced.holes)
                tally.lose(l.classTitle, "mask hole", "YOLO segment lines hold one outline, no holes (masks are traced along their outer edge)", traced.holes);
            tally.convert(l.classTitle, g.type, "traced outlines");
            const [ox, oy] = g.origin;
            return traced.rings.map((r) => r.map(([x, y]) => [x + ox, y + oy]));
        }
        default:
            return null;
    }
}
/** Object tag of a person-layout part (head, hand, foot) as the VOC reader writes it: a part, not an object. */
const PART_OF_TAG = "part_of";
/** The YOLO lines of one annotation for the task. */
export function annotationLines(ann, lc) {
    const lines = [];
    writeLines(ann, lc, { text: (line) => lines.push(line), box: (idx, b, W, H) => lines.push(boxLine(idx, b, W, H)) });
    return lines;
}
/** The label file of one annotation for the task, into `out`: annotationLines' lines, each ended by "\n". */
export function writeAnnotationLines(ann, lc, out) {
    writeLines(ann, lc, out);
}
function writeLines(ann, lc, sink) {
    const objects = [];
    // A mask whose data does not read has no box and no outline: lost, as in every export.
    for (const l of labelsWithReadableMasks(ann.labels, (x, why) => lc.tally.lose(x.classTitle, geometryTypeName(x.geometry), why))) {
        // Ultralytics' VOC script reads <object>s, not their <part>s.
        if (l.tags.some((t) => t.name === PART_OF_TAG))
            lc.tally.lose(l.classTitle, "object part", "YOLO has no parts of objects (VOC person layout): the part is not written");
        else
            objects.push(l);
    }
    for (const o of objectsOf(objects, lc.classes)) {
        const line = objectLine(o, lc, sink);
        if (line !== null)
            sink.text(line);
    }
}
/** The object's line as text, or null: none (what is lost is counted), or a box line given to `sink` already. */
function objectLine(o, lc, sink) {
    const { width: W, height: H, task, classes, tally } = lc;
    const first = o.labels[0];
    const several = o.labels.length > 1;
    if (task === "pose")
        return poseObjectLine(o, lc);
    const idx = classes.indexOf(o.cls);
    // (segment says "multi-part" for an object whose labels give several outlines)
    if (several && task !== "segment")
        tally.convert(o.cls, "multi-label", "one line each (labels bound by instance)", "object");
    if (task === "segment") {
        const rings = [];
        const boxes = [];
        for (const l of o.labels) {
            const r = outlineRings(l, tally);
            if (r)
                rings.push(...r.filter((ring) => ring.length >= 3));
            else if (l.geometry.type === "rectangle" || l.geometry.type === "oriented_bbox")
                boxes.push(l);
            else
                tally.lose(l.classTitle, geometryTypeName(l.geometry), `YOLO segment holds polygons; a ${geometryTypeName(l.geometry)} has no outline`);
        }
        if (!rings.length && boxes.length) {
            // A box is the outline only of an object that has no other.
            const b = boxes[0];
            const g = b.geometry;
            rings.push(g.type === "oriented_bbox" ? keptCorners(b.extra?.yoloCorners, g, W, H) ?? orientedBoxToCorners(g, "cw") : rectCorners(g, "cw"));
            tally.convert(b.classTitle, geometryTypeName(g), "4-point polygons");
            for (const extra of boxes.slice(1))
                tally.lose(extra.classTitle, geometryTypeName(extra.geometry), "YOLO segment writes one outline per object; a second box of the object is left out");
        }
        else if (boxes.length) {
            tally.convert(o.cls, "box-and-outline", "their outline", "object");
        }
        if (!rings.length)
            return null;
        if (rings.length > 1)
            tally.convert(o.cls, "multi-part", "one line each (parts joined by zero-width cuts)", "object");
        return pointsLine(idx, rings.length > 1 ? joinRings(rings) : rings[0], W, H);
    }
    if (task === "obb") {
        const obb = o.labels.find((l) => l.geometry.type === "oriented_bbox");
        if (obb && obb.geometry.type === "oriented_bbox") {
            let corners = keptCorners(obb.extra?.yoloCorners, obb.geometry, W, H);
            // Corners kept as read stay in their order, unless an order was asked for on the command line.
            if (corners && lc.obbOrderForced && (signedArea2(corners) > 0 ? "cw" : "ccw") !== lc.obbOrder)
                corners = [corners[0], corners[3], corners[2], corners[1]];
            return pointsLine(idx, corners ?? orientedBoxToCorners(obb.geometry, lc.obbOrder), W, H);
        }
        const g = first.geometry;
        if (!several && g.type === "polygon" && g.exterior.length === 4 && g.interior.length === 0)
            return pointsLine(idx, g.exterior, W, H);
    }
    // detect, and obb of anything but an oriented box: the object's box.
    if (several) {
        for (const l of o.labels)
            if (l.geometry.type === "graph")
                tally.lose(l.classTitle, "keypoints", `YOLO ${task} holds boxes: the object's box is written without its keypoints`);
    }
    if (!several && (first.geometry.type === "point" || first.geometry.type === "other")) {
        tally.lose(first.classTitle, geometryTypeName(first.geometry), first.geometry.type === "point" ? "a point has no extent to make a box from" : `YOLO ${task} cannot hold ${geometryTypeName(first.geometry)}`);
        return null;
    }
    const ob = objectBox(o);
    if (!ob) {
        tally.lose(o.cls, geometryTypeName(first.geometry), "empty geometry");
        return null;
    }
    if (task === "detect") {
        if (!several && first.geometry.type !== "rectangle")
            tally.convert(first.classTitle, geometryTypeName(first.geometry), "boxes");
        sink.box(idx, ob.box, W, H);
        return null;
    }
    if (!several)
        tally.convert(first.classTitle, geometryTypeName(first.geometry), "axis-aligned oriented boxes");
    return pointsLine(idx, rectCorners(ob.box, lc.obbOrder), W, H);
}
function poseObjectLine(o, lc) {
    const { width: W, height: H, classes, tally } = lc;
    const pose = lc.pose;
    const graphs = o.labels.filter((l) => l.geometry.type === "graph");
    const graph = graphs[0];
    const idx = classes.indexOf(graph?.classTitle ?? o.cls) ?? (graph ? undefined : o.labels.map((l) => classes.indexOf(l.classTitle)).find((i) => i !== undefined));
    if (idx === undefined) {
        tally.lose(o.cls, "non-keypoint object", "YOLO pose holds objects of keypoint classes; this class has no keypoint template");
        return null;
    }
    for (const extra of graphs.slice(1))
        tally.lose(extra.classTitle, "graph", "YOLO pose writes one set of keypoints per object; a second graph of the object is left out");
    for (const l of o.labels) {
        const t = l.geometry.type;
        if (t === "point" || t === "line" || t === "other")
            tally.lose(l.classTitle, geometryTypeName(l.geometry), "YOLO pose holds keypoints with their box");
    }
    const ob = objectBox(o);
    if (!ob) {
        tally.lose(o.cls, graph ? "graph" : geometryTypeName(o.labels[0].geometry), "no keypoints and no extent");
        return null;
    }
    if (ob.from === "keypoints")
        tally.convert(o.cls, "box-less", "pose lines with the box of their keypoints", "object");
    if (!graph)
        tally.convert(o.cls, "keypoint-less", "pose lines with every keypoint missing", "object");
    let s = boxLine(idx, ob.box, W, H);
    const tplClass = classes.templates[idx];
    const keys = pose.order.get(tplClass.title) ?? [];
    const nodes = graph?.geometry.type === "graph" ? graph.geometry.nodes : {};
    for (let k = 0; k < pose.count; k++) {
        const node = k < keys.length ? nodes[keys[k]] : undefined;
        if (!node)
            s += pose.dims === 3 ? " 0 0 0" : " 0 0";
        else {
            s += ` ${fmt6(node.loc[0] / W)} ${fmt6(node.loc[1] / H)}`;
            if (pose.dims === 3)
                s += node.disabled ? " 1" : " 2";
            else if (node.disabled)
                tally.lose(graph.classTitle, "keypoint visibility", "kpt_shape [K, 2] has no visibility: disabled keypoints are written as visible");
        }
    }
    if (graph) {
        for (const key of Object.keys(nodes))
            if (!keys.includes(key))
                tally.lose(graph.classTitle, "graph node", `node ${JSON.stringify(key)} is not in the class template`);
    }
    return s;
}
//# sourceMappingURL=from-model.js.map