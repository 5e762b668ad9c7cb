import { bitmapEncodedOnRead, bitmapMadeOnRead } from "../../src/codecs/bitmap.js";
import { CocoRleError, rleArea, rleBounds, rleFromJson, rleToCroppedMask } from "../../src/codecs/coco-rle.js";
import { EXTRA_COCO, EXTRA_RLE_COUNTS, TAG_COCO_ID, TAG_ISCROWD, cleanFloat, isFiniteNumber, isObject, } from "./model.js";
export const MAKES_POLYGON = 1;
export const MAKES_BITMAP = 2;
export const MAKES_RECTANGLE = 4;
export const MAKES_GRAPH = 8;
/** Keys the mapping expresses; any other key of an annotation is kept verbatim in label.extra.coco. */
export const MAPPED_KEYS = new Set(["id", "image_id", "category_id", "segmentation", "bbox", "iscrowd", "keypoints", "num_keypoints", "caption"]);
/** Stands for a valid part when only checking (the first pass need not build vertices). */
const CHECKED_PART = [];
function polygonParts(seg, problems, build, flatParts) {
    // A single flat list [x1, y1, x2, y2, …] is read as one part (some tools write it so).
    const lists = seg.every((v) => typeof v === "number" || v === null) ? [seg] : seg;
    const flat = lists !== seg;
    const parts = [];
    lists.forEach((part, k) => {
        const ptr = flat ? "/segmentation" : `/segmentation/${k}`;
        if (!Array.isArray(part)) {
            problems.push({ code: "coco-polygon-invalid", message: "a polygon part is not a list of numbers; the part is skipped", pointer: ptr });
            return;
        }
        if (!part.every(isFiniteNumber)) {
            problems.push({ code: "coco-polygon-invalid", message: "a polygon part holds something other than finite numbers (NaN, null, text); the part is skipped", pointer: ptr });
            return;
        }
        if (part.length % 2 !== 0) {
            problems.push({ code: "coco-polygon-invalid", message: `a polygon part has an odd count of numbers (${part.length}); the part is skipped`, pointer: ptr });
            return;
        }
        if (part.length < 6) {
            problems.push({ code: "coco-polygon-degenerate", message: `a polygon part has ${part.length / 2} point(s), fewer than 3; the part is skipped`, pointer: ptr });
            return;
        }
        flatParts.push(part);
        if (!build) {
            parts.push(CHECKED_PART);
            return;
        }
        const ring = new Array(part.length / 2);
        for (let i = 0; i < ring.length; i++)
            ring[i] = [part[2 * i], part[2 * i + 1]];
        parts.push(ring);
    });
    return parts;
}
function readBbox(v, nonFinite, problems) {
    if (v === undefined)
        return null;
    if (!Array.isArray(v) || v.length !== 4) {
        problems.push({ code: "coco-bbox-invalid", message: "`bbox` must be [x, y, width, height]", pointer: "/bbox" });
        return null;
    }
    if (!v.every(isFiniteNumber)) {
        const why = nonFinite && v.some((n) => n === null) ? "NaN or Infinity" : "a value that is not a number";
        problems.push({ code: "coco-bbox-invalid", message: `\`bbox\` holds ${why}: ${JSON.stringify(v)}`, pointer: "/bbox" });
        return null;
    }
    if (v[2] < 0 || v[3] < 0) {
        problems.push({ code: "coco-bbox-invalid", message: `\`bbox\` has a negative width or height: ${JSON.stringify(v)}`, pointer: "/bbox" });
        return null;
    }
    return v;
}
function readKeypoints(v, cat, problems) {
    if (v === undefined || v === null)
        return null;
    if (!Array.isArray(v) || !v.every(isFiniteNumber) || v.length % 3 !== 0) {
        problems.push({ code: "coco-keypoints-invalid", message: "`keypoints` must be a list of x, y, v triples of numbers; keypoints are skipped", pointer: "/keypoints" });
        return null;
    }
    const n = v.length / 3;
    const keys = cat.nodeKeys ?? Array.from({ length: n }, (_, i) => String(i));
    if (!cat.nodeKeys)
        cat.maxKeypoints = Math.max(cat.maxKeypoints ?? 0, n);
    if (n > keys.length) {
        problems.push({
            code: "coco-keypoints-count",
            message: `${n} keypoints, but category ${JSON.stringify(cat.name)} names ${keys.length}; the extra ${n - keys.length} are skipped`,
            pointer: "/keypoints",
        });
    }
    const nodes = {};
    let labelled = 0;
    let keepRaw = false;
    for (let i = 0; i < n; i++) {
        const x = v[3 * i], y = v[3 * i + 1], vis = v[3 * i + 2];
        if (vis > 0)
            labelled++;
        if (i >= keys.length)
            continue;
        if (vis === 2)
            nodes[keys[i]] = { loc: [x, y] };
        else if (vis === 1)
            nodes[keys[i]] = { loc: [x, y], disabled: true };
        else if (vis === 0) {
            if (x !== 0 || y !== 0)
                keepRaw = true;
        }
        else {
            problems.push({
                code: "coco-keypoints-visibility",
                message: `keypoint ${i} has visibility ${vis}, not 0, 1 or 2; it is read as ${vis > 0 ? "visible (2)" : "absent (0)"}`,
                pointer: `/keypoints/${3 * i + 2}`,
            });
            if (vis > 0)
                nodes[keys[i]] = { loc: [x, y] };
        }
    }
    if (Object.keys(nodes).length === 0)
        keepRaw = true;
    return { nodes, labelled, keepRaw, raw: v };
}
/**
 * Checks one annotation and decides its labels. `imageSize` (when known) is used to check an RLE's size.
 * `nonFinite` says the element had NaN/Infinity literals (read as null). With `checkOnly` polygon vertices are
 * checked but not built (the plan then only says what the annotation makes).
 */
export function planAnnotation(raw, category, imageSize, nonFinite = false, checkOnly = false) {
    const problems = [];
    const plan = {
        skip: true, id: null, imageId: undefined, categoryId: undefined, caption: null, iscrowd: false,
        polygons: [], flatParts: [], rle: null, rleForm: "string", bbox: null, keypoints: null, makes: 0, problems,
    };
    if (!isObject(raw)) {
        problems.push({ code: "coco-annotation-invalid", message: "an annotation must be a JSON object; it is skipped", pointer: "" });
        return plan;
    }
    const a = raw;
    if (isFiniteNumber(a.id))
        plan.id = a.id;
    else if (a.id !== undefined)
        problems.push({ code: "coco-annotation-id", message: `annotation id ${JSON.stringify(a.id)} is not a number; it is not kept`, pointer: "/id" });
    plan.imageId = a.image_id;
    plan.categoryId = a.category_id;
    if (typeof a.caption === "string" && a.category_id === undefined) {
        plan.caption = a.caption;
        plan.skip = false;
        return plan;
    }
    const cat = category(a.category_id);
    if (!cat) {
        problems.push({
            code: "coco-unknown-category",
            message: `category_id ${JSON.stringify(a.category_id)} is not among the categories; the annotation is skipped`,
            pointer: "/category_id",
        });
        return plan;
    }
    plan.iscrowd = a.iscrowd === 1 || a.iscrowd === true;
    const seg = a.segmentation;
    if (Array.isArray(seg)) {
        if (seg.length)
            plan.polygons = polygonParts(seg, problems, !checkOnly, plan.flatParts);
    }
    else if (isObject(seg)) {
        try {
            const rle = rleFromJson(seg);
            plan.rleForm = Array.isArray(seg.counts) ? "list" : "string";
            if (imageSize && imageSize.width !== null && imageSize.height !== null && (rle.width !== imageSize.width || rle.height !== imageSize.height)) {
                problems.push({
                    code: "coco-rle-size",
                    message: `RLE size ${rle.height}×${rle.width} (h×w) differs from the image's ${imageSize.height}×${imageSize.width}; the mask is kept at its own size`,
                    pointer: "/segmentation/size",
                });
            }
            if (rleArea(rle) === 0)
                problems.push({ code: "coco-rle-empty", message: "the RLE mask has no pixels; no mask label is made", pointer: "/segmentation" });
            else
                plan.rle = rle;
        }
        catch (e) {
            if (!(e instanceof CocoRleError))
                throw e;
            problems.push({ code: "coco-rle-invalid", message: `${e.message}; the mask is skipped`, pointer: "/segmentation" });
        }
    }
    else if (seg !== undefined && seg !== null) {
        problems.push({ code: "coco-segmentation-invalid", message: "`segmentation` must be a list of polygons or an RLE object; it is skipped", pointer: "/segmentation" });
    }
    plan.bbox = readBbox(a.bbox, nonFinite, problems);
    if (a.keypoints !== undefined) {
        if (!cat.keypointsClass) {
            problems.push({ code: "coco-keypoints-invalid", message: `category ${JSON.stringify(cat.name)} has no keypoints; the keypoints are skipped`, pointer: "/keypoints" });
        }
        else
            plan.keypoints = readKeypoints(a.keypoints, cat, problems);
    }
    if (plan.polygons.length)
        plan.makes |= MAKES_POLYGON;
    if (plan.rle)
        plan.makes |= MAKES_BITMAP;
    if (plan.keypoints && Object.keys(plan.keypoints.nodes).length)
        plan.makes |= MAKES_GRAPH;
    if (!plan.makes && plan.bbox)
        plan.makes |= MAKES_RECTANGLE;
    if (!plan.makes) {
        problems.push({ code: "coco-annotation-empty", message: "the annotation has no usable segmentation, keypoints or bbox; it is skipped", pointer: "" });
        return plan;
    }
    plan.skip = false;
    return plan;
}
/** Extremes of what a set of COCO geometries covers, as a COCO [x, y, w, h] (the same rule on import and export). */
export function boxOf(parts) {
    let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
    const add = (x0, y0, x1, y1) => {
        if (x0 < l)
            l = x0;
        if (y0 < t)
            t = y0;
        if (x1 > r)
            r = x1;
        if (y1 > b)
            b = y1;
    };
    if (parts.polygons?.length || parts.masks?.length) {
        for (const ring of parts.polygons ?? [])
            for (const [x, y] of ring)
                add(x, y, x, y);
        // A mask covers whole pixels: its box ends after its last pixel (pycocotools' toBbox).
        for (const m of parts.masks ?? [])
            add(m.x, m.y, m.x + m.width, m.y + m.height);
    }
    else if (parts.rect)
        add(parts.rect.left, parts.rect.top, parts.rect.right, parts.rect.bottom);
    else
        for (const [x, y] of parts.points ?? [])
            add(x, y, x, y);
    if (l === Infinity)
        return null;
    return [l, t, cleanFloat(r - l), cleanFloat(b - t)];
}
/** What `boxOf({ polygons })` gives for polygon parts written as flat [x1, y1, x2, y2, …] lists. */
export function flatPartsBox(parts) {
    let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
    for (const part of parts) {
        for (let i = 0; i + 1 < part.length; i += 2) {
            const x = part[i], y = part[i + 1];
            if (x < l)
                l = x;
            if (y < t)
                t = y;
            if (x > r)
                r = x;
            if (y > b)
                b = y;
        }
    }
    if (l === Infinity)
        return null;
    return [l, t, cleanFloat(r - l), cleanFloat(b - t)];
}
export function sameBox(a, b) {
    return !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
}
/**
 * The labels of one planned annotation, in the order polygons, bitmap, rectangle, graph. The first label carries
 * extra.coco; every label carries the coco_id / iscrowd tags. With `pending`, a mask is not encoded here: its
 * geometry (data "") is added to `pending` for the caller to fill in (in worker threads, many at a time).
 */
export function buildLabels(plan, raw, cat, pending, masksOnRead = false) {
    const tags = () => {
        const t = [];
        if (plan.id !== null)
            t.push({ name: TAG_COCO_ID, value: plan.id });
        if (plan.iscrowd)
            t.push({ name: TAG_ISCROWD });
        return t;
    };
    const labels = [];
    for (const ring of plan.polygons) {
        labels.push({ classTitle: cat.classTitle, geometry: { type: "polygon", exterior: ring, interior: [] }, tags: tags() });
    }
    let mask;
    if (plan.rle && masksOnRead) {
        // Decoded and encoded only if the data is read (a writer that needs extents alone, and skips crowd masks, never does).
        const rle = plan.rle;
        const b = rleBounds(rle);
        mask = { x: b.left, y: b.top, width: b.right - b.left + 1, height: b.bottom - b.top + 1 };
        const label = { classTitle: cat.classTitle, geometry: bitmapMadeOnRead([b.left, b.top], { width: mask.width, height: mask.height }, () => rleToCroppedMask(rle).mask), tags: tags() };
        if (plan.rleForm === "list")
            label.extra = { [EXTRA_RLE_COUNTS]: "list" };
        labels.push(label);
    }
    else if (plan.rle) {
        const cropped = rleToCroppedMask(plan.rle);
        mask = { x: cropped.x, y: cropped.y, width: cropped.mask.width, height: cropped.mask.height };
        // Encoded later: in worker threads with the batch (pending), or when the data is first read.
        const geometry = pending ? { type: "bitmap", origin: [cropped.x, cropped.y], data: "" } : bitmapEncodedOnRead([cropped.x, cropped.y], cropped.mask);
        if (pending)
            pending.push({ geometry, mask: cropped.mask });
        const label = { classTitle: cat.classTitle, geometry, tags: tags() };
        if (plan.rleForm === "list")
            label.extra = { [EXTRA_RLE_COUNTS]: "list" };
        labels.push(label);
    }
    let rect;
    if (plan.makes & MAKES_RECTANGLE) {
        const [x, y, w, h] = plan.bbox;
        rect = { left: x, top: y, right: x + w, bottom: y + h };
        labels.push({ classTitle: cat.classTitle, geometry: { type: "rectangle", ...rect }, tags: tags() });
    }
    if (plan.makes & MAKES_GRAPH) {
        labels.push({ classTitle: cat.keypointsClass, geometry: { type: "graph", nodes: plan.keypoints.nodes }, tags: tags() });
    }
    // The box the geometry gives only matters when the annotation has a bbox to compare it with.
    const overlay = overlayOf(plan, raw, plan.bbox ? boxOf({
        polygons: plan.polygons,
        masks: mask ? [mask] : [],
        rect,
        points: plan.keypoints ? Object.values(plan.keypoints.nodes).map((n) => n.loc) : [],
    }) : null);
    if (Object.keys(overlay).length)
        labels[0].extra = { ...labels[0].extra, [EXTRA_COCO]: overlay };
    return labels;
}
/** The fields of an annotation that its labels do not express, for label.extra.coco. `derivedBox` is only read when plan.bbox is set. */
export function overlayOf(plan, raw, derivedBox) {
    const overlay = {};
    if (isFiniteNumber(raw.area))
        overlay.area = raw.area;
    if (plan.bbox && !sameBox(plan.bbox, derivedBox))
        overlay.bbox = plan.bbox;
    if (plan.keypoints) {
        if (plan.keypoints.keepRaw)
            overlay.keypoints = plan.keypoints.raw;
        if (raw.num_keypoints !== undefined && raw.num_keypoints !== plan.keypoints.labelled)
            overlay.num_keypoints = raw.num_keypoints;
    }
    // iscrowd is the `iscrowd` tag; anything but 0, 1 or absent (`true`, "1") is kept as written.
    if (raw.iscrowd !== undefined && raw.iscrowd !== 0 && raw.iscrowd !== 1)
        overlay.iscrowd = raw.iscrowd;
    for (const [k, v] of Object.entries(raw)) {
        if (k === "area") {
            if (!isFiniteNumber(v))
                overlay[k] = v;
        }
        else if (!MAPPED_KEYS.has(k))
            overlay[k] = v;
    }
    return overlay;
}
//# sourceMappingURL=annotation.js.map