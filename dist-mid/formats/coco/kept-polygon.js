/**
 * COCO's usual annotation, told apart so that the reader's first pass can be shared with a thread (parse-thread.ts):
 * a polygon annotation with nothing to report and nothing beyond its polygons, box, crowd flag and area. Everything
 * the first pass notes about one fits in a few numbers and its vertices; every other annotation is handled by the
 * reader itself, with the full checks and warnings.
 */
import { maxLabels } from "../../src/limits.js";
import { MAKES_POLYGON, MAPPED_KEYS, flatPartsBox, planAnnotation, sameBox, } from "./annotation.js";
import { cleanFloat, isFiniteNumber, isObject } from "./model.js";
import { OVERSIZED_ROW_BYTES } from "./row-vertices.js";
import { QuickPolygon, readQuickPolygon } from "./quick-polygon.js";
import { VertexStore } from "./vertex-store.js";
/** The only keys such an annotation has (a key beyond these is kept in extra.coco, so the annotation is read again). */
const KEPT_KEYS = new Set(["id", "image_id", "category_id", "segmentation", "bbox", "iscrowd", "area"]);
/** FNV-1a of a string. */
function hash32(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
/** Tells whether two annotations of one object (read from two files) have the same geometry. */
export function annotationHash(a) {
    return hash32(JSON.stringify([a.segmentation, a.bbox, a.iscrowd]));
}
/**
 * Whether the first pass can keep a planned annotation in the vertex store: a polygon whose fields the labels and
 * extra.coco.area say everything about. Undefined when it cannot; else the bbox to keep with the parts (null when it
 * is their extremes, and so says nothing the polygons do not).
 */
export function keptBox(plan, raw) {
    if (plan.makes !== MAKES_POLYGON || plan.keypoints !== null || plan.rle !== null)
        return undefined;
    const { area, iscrowd } = raw;
    if (!(iscrowd === undefined || iscrowd === 0 || iscrowd === 1))
        return undefined;
    if (!(area === undefined || isFiniteNumber(area)))
        return undefined;
    for (const k in raw)
        if (k !== "area" && !MAPPED_KEYS.has(k))
            return undefined;
    return plan.bbox && !sameBox(plan.bbox, flatPartsBox(plan.flatParts)) ? plan.bbox : null;
}
/** keptBox for an annotation readQuickPolygon read: its bbox, or null when it has none or it is the parts' extremes. */
export function quickKeptBox(q) {
    if (!q.hasBbox)
        return null;
    const b = q.bbox;
    // sameBox(b, flatPartsBox(parts)), from the extremes readQuickPolygon found.
    const same = b[0] === q.left && b[1] === q.top && b[2] === cleanFloat(q.right - q.left) && b[3] === cleanFloat(q.bottom - q.top);
    return same ? null : b;
}
/**
 * Keeps the polygon readQuickPolygon read into q in `store` (its parts' extremes alone when q.boundsOnly): its
 * record's position, or -1 (see VertexStore.addFlat).
 */
export function storeQuick(store, q) {
    if (q.boundsOnly)
        return store.addBounds(q.partLengths, q.parts, q.partBounds, quickKeptBox(q));
    return store.addFlat(q.coords, q.count, q.partLengths, q.parts, quickKeptBox(q), q.allInts ? q.ints : null);
}
/**
 * The annotation as a KeptPolygon, or null when it is anything else: what keptBox refuses, a caption, keypoints,
 * a category `category` does not know, ids that are not numbers, or anything planAnnotation would report.
 */
export function keptPolygonOf(value, nonFinite, category, withHash) {
    if (!isObject(value))
        return null;
    for (const k in value)
        if (!KEPT_KEYS.has(k))
            return null;
    const { image_id: imageId, category_id: categoryId } = value;
    if (!isFiniteNumber(imageId) || typeof categoryId !== "number")
        return null;
    const plan = planAnnotation(value, category, null, nonFinite, true);
    if (plan.skip || plan.problems.length || plan.caption !== null)
        return null;
    const bbox = keptBox(plan, value);
    if (bbox === undefined)
        return null;
    return {
        id: plan.id, imageId, categoryId, iscrowd: plan.iscrowd, area: value.area, parts: plan.flatParts, bbox,
        hash: withHash ? annotationHash(value) : 0,
    };
}
const NUMS = 7;
const FLAG_CROWD = 1;
/** Packs the kept rows of a block as they come. */
export class BlockPacker {
    kept;
    nums = new Float64Array(NUMS * 256);
    count = 0;
    store = new VertexStore();
    constructor(rows) {
        this.kept = new Int32Array(rows);
    }
    /** Row k (of the block) is kept polygon p (unless its vertices are too many for one record). */
    add(k, p) {
        const record = this.store.add(p.parts, p.bbox);
        if (record >= 0)
            this.push(k, p.id ?? NaN, p.imageId, p.categoryId, p.area ?? NaN, p.iscrowd, p.hash, record);
    }
    /** Row k is the polygon readQuickPolygon read into q (kept unless its vertices are too many for one record). */
    addQuick(k, q) {
        const record = storeQuick(this.store, q);
        if (record >= 0)
            this.push(k, q.id, q.imageId, q.categoryId, q.area, q.iscrowd, 0, record);
    }
    /** A row not kept is read again by the reader (which cannot keep it either). */
    push(k, id, imageId, categoryId, area, crowd, hash, record) {
        this.kept[k] = this.count + 1;
        if ((this.count + 1) * NUMS > this.nums.length) {
            const grown = new Float64Array(this.nums.length * 2);
            grown.set(this.nums);
            this.nums = grown;
        }
        const o = this.count++ * NUMS;
        const nums = this.nums;
        nums[o] = id;
        nums[o + 1] = imageId;
        nums[o + 2] = categoryId;
        nums[o + 3] = area;
        nums[o + 4] = crowd ? FLAG_CROWD : 0;
        nums[o + 5] = hash;
        nums[o + 6] = record;
    }
    finish() {
        return { kept: this.kept, nums: this.nums.slice(0, this.count * NUMS), vertices: this.store.chunks() };
    }
}
/** The buffers of a block, to transfer it to another thread. */
export function blockBuffers(b) {
    return [b.kept, b.nums, ...b.vertices.ints, ...b.vertices.doubles].map((a) => a.buffer);
}
/** What the reader adds for a kept row: a KeptPolygon whose vertices are already in the reader's store. */
/** The image ids of a block's kept rows, each once. */
export function blockImageIds(b) {
    const ids = new Set();
    for (let o = 1; o < b.nums.length; o += NUMS)
        ids.add(b.nums[o]);
    return [...ids];
}
/** Moves a block's vertices into `store` and gives its kept rows. */
export class BlockUnpacker {
    block;
    shift;
    constructor(block, store) {
        this.block = block;
        const records = new Float64Array(block.nums.length / NUMS);
        for (let k = 0; k < records.length; k++)
            records[k] = block.nums[k * NUMS + 6];
        this.shift = store.adopt(block.vertices, records);
    }
    /** Row k of the block, which must be kept. */
    row(k) {
        const n = this.block.nums;
        const o = (this.block.kept[k] - 1) * NUMS;
        return {
            id: Number.isNaN(n[o]) ? null : n[o], imageId: n[o + 1], categoryId: n[o + 2], area: Number.isNaN(n[o + 3]) ? undefined : n[o + 3],
            iscrowd: (n[o + 4] & FLAG_CROWD) !== 0, hash: n[o + 5], record: n[o + 6] + this.shift,
        };
    }
}
/** Any numeric category id passes when parsing a block; the reader looks up those of the kept rows when adding them. */
const ANY_CATEGORY = { id: 0, name: "", classTitle: "" };
const anyNumericCategory = (id) => (typeof id === "number" ? ANY_CATEGORY : undefined);
/**
 * Rows kept per image by one side of the first pass (the parse thread, or the reader claiming blocks back): at most
 * the labels limit (src/limits.ts) each. The rest are left to the reader, which skips them all (read.ts): a hostile
 * file of millions of annotations on one image is then never kept.
 */
export class ImageBudget {
    counts = new Map();
    limit = maxLabels();
    /** Whether one more row of the image may be kept (and counts it). */
    take(imageId) {
        const n = this.counts.get(imageId) ?? 0;
        if (n >= this.limit)
            return false;
        this.counts.set(imageId, n + 1);
        return true;
    }
}
/**
 * Parses `count` annotation rows and packs the kept polygons among them (what ParseThread and the reader share).
 * COCO's usual annotation is read from its bytes (quick-polygon.ts), unless a hash is asked for (it is made from
 * the parsed values).
 */
export async function parseBlock(reader, count, offsetOf, lengthOf, withHash, budget, boundsOnly) {
    const packer = new BlockPacker(count);
    const q = new QuickPolygon();
    q.boundsOnly = boundsOnly;
    // Oversized rows are left to the reader, which counts their vertices from their bytes (row-vertices.ts) and parses
    // them only when it must: parsed here, one of 100 MB took as much memory again in this thread. A run of parseRuns
    // never spans a row left out: that row alone is longer than a run.
    const rows = [];
    for (let k = 0; k < count; k++)
        if (lengthOf(k) <= OVERSIZED_ROW_BYTES)
            rows.push(k);
    await reader.parseRuns(rows.length, (j) => offsetOf(rows[j]), (j) => lengthOf(rows[j]), (j, parsed) => {
        if (!parsed.ok)
            return;
        const p = keptPolygonOf(parsed.value, parsed.nonFinite, anyNumericCategory, withHash);
        if (p && budget.take(p.imageId))
            packer.add(rows[j], p);
    }, withHash ? undefined : (bytes, from, to, j) => {
        if (!readQuickPolygon(bytes, from, to, q))
            return false;
        if (budget.take(q.imageId))
            packer.addQuick(rows[j], q);
        return true;
    });
    return packer.finish();
}
//# sourceMappingURL=kept-polygon.js.map