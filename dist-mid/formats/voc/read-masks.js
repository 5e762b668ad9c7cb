/**
 * VOC masks → bitmap regions. This is where SegmentationClass/<id>.png and SegmentationObject/<id>.png are read.
 *
 * A pixel has a class value (SegmentationClass) and an instance value (SegmentationObject). Every distinct pair
 * (class c, instance k) with c a class or k an instance becomes one bitmap:
 *   (c, k)       → class c, tag voc_instance = k, joined by the caller to XML object k
 *   (c, 0 / 255) → class c, tag voc_instance = 0: a class region that is no object in SegmentationObject
 *   (none, k)    → the class of XML object k (no class mask, or the class mask says background there)
 * Void (255) pixels are no class: they are kept as their own bitmap per mask file (annotation customBigData), so
 * that export paints them back and a round trip gives the same pixels.
 */
import { decodePng } from "../../src/codecs/png-decode.js";
import { decodeIndexedPng } from "../../src/codecs/png-indexed.js";
import { cpuTask } from "../../src/workers/task.js";
import { VOID_INDEX, meaningOf, packRgb, vocColormapIndex } from "./palette.js";
export class MaskDecodeError extends Error {
}
function decodeMaskPixels(bytes) {
    let indexed;
    try {
        indexed = decodeIndexedPng(bytes);
    }
    catch {
        indexed = null; // let pngjs produce the precise message below
    }
    if (indexed) {
        return { width: indexed.width, height: indexed.height, keys: indexed.pixels, palette: indexed.palette, byColor: false };
    }
    let png;
    try {
        png = decodePng(bytes);
    }
    catch (e) {
        throw new MaskDecodeError(e.message);
    }
    const keys = new Uint32Array(png.width * png.height);
    for (let i = 0, p = 0; i < keys.length; i++, p += 4)
        keys[i] = packRgb(png.rgba[p], png.rgba[p + 1], png.rgba[p + 2]);
    return { width: png.width, height: png.height, keys, palette: png.palette?.map((c) => [c[0], c[1], c[2]]), byColor: true };
}
const unpack = (k) => [(k >> 16) & 255, (k >> 8) & 255, k & 255];
export const CODE_VOID = -1;
const CODE_UNKNOWN = -2;
/**
 * Colour masks in one pass: each distinct colour is resolved once (`codeOf`), every pixel gets its colour's code,
 * and pixels are counted per colour so that unknown values can be reported with their pixel counts.
 */
function mapKeys(px, codeOf) {
    const n = px.width * px.height;
    const codes = new Int16Array(n);
    const keys = px.keys;
    const table = new Map();
    const counts = new Map();
    for (let i = 0; i < n; i++) {
        const k = keys[i];
        counts.set(k, (counts.get(k) ?? 0) + 1);
        let c = table.get(k);
        if (c === undefined)
            table.set(k, (c = codeOf(k)));
        codes[i] = c;
    }
    return { codes, pixelsOf: (k) => counts.get(k) ?? 0 };
}
/**
 * The code of each index of an index mask, resolved in the order the indices first appear in the mask (so that
 * classes are named in the same order as a pixel-by-pixel scan names them), and each index's pixel count.
 */
function codeIndices(indices, codeOf) {
    const counts = new Uint32Array(256);
    const firstSeen = [];
    for (let i = 0; i < indices.length; i++)
        if (counts[indices[i]]++ === 0)
            firstSeen.push(indices[i]);
    const table = new Int16Array(256);
    for (const key of firstSeen)
        table[key] = codeOf(key);
    return { table, counts };
}
/** Decodes a SegmentationClass PNG and names every value through the class table. */
export function readClassLayer(bytes, table) {
    const px = decodeMaskPixels(bytes);
    const names = [], colors = [];
    const unknownKeys = [];
    const codeOf = (key) => {
        let index, color;
        if (px.byColor) {
            color = unpack(key);
            // An RGB(A) decode of a palette PNG still knows its palette: the first entry with that colour is the index.
            const pi = px.palette?.findIndex((c) => c[0] === color[0] && c[1] === color[1] && c[2] === color[2]);
            index = pi !== undefined && pi >= 0 ? pi : vocColormapIndex(color);
        }
        else {
            index = key;
            color = px.palette?.[key];
        }
        const m = meaningOf(table, index, color);
        if (m.kind === "background")
            return 0;
        if (m.kind === "void")
            return CODE_VOID;
        if (m.kind === "unknown") {
            unknownKeys.push([key, color ? `(${color.join(",")})` : `index ${index}`]);
            return CODE_UNKNOWN;
        }
        let c = names.indexOf(m.name);
        if (c < 0) {
            names.push(m.name);
            colors.push(m.color);
            c = names.length - 1;
        }
        return c + 1;
    };
    if (px.keys instanceof Uint8Array) {
        const { table: codes, counts } = codeIndices(px.keys, codeOf);
        const unknown = unknownKeys.map(([key, value]) => ({ value, pixels: counts[key] }));
        return { width: px.width, height: px.height, pixels: { indices: px.keys, codeOf: codes }, names, colors, unknown };
    }
    const { codes, pixelsOf } = mapKeys(px, codeOf);
    const unknown = unknownKeys.map(([key, value]) => ({ value, pixels: pixelsOf(key) }));
    return { width: px.width, height: px.height, pixels: { codes }, names, colors, unknown };
}
/** Decodes a SegmentationObject PNG: the stored index is the instance (RGB masks: through the VOC colour map). */
export function readObjectLayer(bytes) {
    const px = decodeMaskPixels(bytes);
    if (px.keys instanceof Uint8Array)
        return { width: px.width, height: px.height, instances: px.keys, unknown: [] };
    const unknownKeys = [];
    const { codes, pixelsOf } = mapKeys(px, (key) => {
        const i = vocColormapIndex(unpack(key));
        if (i === undefined)
            unknownKeys.push(key);
        return i ?? 0;
    });
    const unknown = unknownKeys.map((key) => ({ value: `(${unpack(key).join(",")})`, pixels: pixelsOf(key) }));
    return { width: px.width, height: px.height, instances: Uint8Array.from(codes), unknown };
}
function grow(b, x, y) {
    if (!b)
        return { left: x, top: y, right: x, bottom: y, pixels: 1 };
    if (x < b.left)
        b.left = x;
    if (x > b.right)
        b.right = x;
    if (y < b.top)
        b.top = y;
    if (y > b.bottom)
        b.bottom = y;
    b.pixels++;
    return b;
}
/**
 * The pixels of `values` equal to `value` inside `box` (the bounds of those pixels, so the mask is cropped to its
 * content), as a bitmap placed at the box, encoded only when its string is asked for.
 */
function bitmapWhere(values, width, box, value) {
    const w = box.right - box.left + 1, h = box.bottom - box.top + 1;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
        const row = (y + box.top) * width + box.left, out = y * w;
        for (let x = 0; x < w; x++)
            if (values[row + x] === value)
                data[out + x] = 1;
    }
    return { x: box.left, y: box.top, mask: { width: w, height: h, data } };
}
/** The pixels of a class layer whose code is `code`, inside `box` (their bounds), as a bitmap placed at the box. */
function classBitmapWhere(cls, box, code) {
    if ("codes" in cls.pixels)
        return bitmapWhere(cls.pixels.codes, cls.width, box, code);
    const { indices, codeOf } = cls.pixels;
    const w = box.right - box.left + 1, h = box.bottom - box.top + 1;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
        const row = (y + box.top) * cls.width + box.left, out = y * w;
        for (let x = 0; x < w; x++)
            if (codeOf[indices[row + x]] === code)
                data[out + x] = 1;
    }
    return { x: box.left, y: box.top, mask: { width: w, height: h, data } };
}
let codeOfCodeTable;
/** The codes of a code array read as unsigned 16-bit values: each one's own signed value. */
function codeOfCode() {
    if (!codeOfCodeTable) {
        codeOfCodeTable = new Int16Array(65536);
        for (let k = 0; k < 65536; k++)
            codeOfCodeTable[k] = k < 32768 ? k : k - 65536;
    }
    return codeOfCodeTable;
}
/**
 * Combines the two layers (either may be absent; present ones have the same size) into regions and void bitmaps.
 * Regions come ordered by instance, then by class.
 */
export function combineLayers(cls, obj) {
    const width = (cls ?? obj).width, height = (cls ?? obj).height;
    // Index masks: each pixel's code through its index's (a table of 256); others: the code array. Absent layers read
    // as zeros.
    let values, codeOf;
    if (!cls)
        [values, codeOf] = [new Uint8Array(width * height), new Int16Array(256)];
    else if ("indices" in cls.pixels)
        [values, codeOf] = [cls.pixels.indices, cls.pixels.codeOf];
    else
        [values, codeOf] = [new Uint16Array(cls.pixels.codes.buffer, cls.pixels.codes.byteOffset, cls.pixels.codes.length), codeOfCode()];
    const instances = obj?.instances ?? new Uint8Array(width * height);
    const hasInstances = Boolean(obj);
    // Region key per pixel: class code × 256 + instance (0 = no region), so each region is cropped by one comparison.
    const keys = new Uint16Array(width * height);
    const boxes = new Map();
    let classVoid, objectVoid;
    let sameVoid = Boolean(cls) && hasInstances;
    // Pixels come in runs of one value: remember the last region box instead of a map lookup per pixel.
    let lastKey = -1, lastBox;
    const visit = (i, code, inst) => {
        const y = (i / width) | 0, x = i - y * width;
        const cv = code === CODE_VOID, ov = inst === VOID_INDEX;
        if (cv !== ov)
            sameVoid = false;
        if (cv)
            classVoid = grow(classVoid, x, y);
        if (ov)
            objectVoid = grow(objectVoid, x, y);
        const key = (code > 0 ? code : 0) * 256 + (ov ? 0 : inst);
        if (key === 0)
            return;
        keys[i] = key;
        if (key !== lastKey) {
            lastKey = key;
            lastBox = boxes.get(key);
            if (!lastBox) {
                lastBox = { left: x, top: y, right: x, bottom: y, pixels: 0 };
                boxes.set(key, lastBox);
            }
        }
        const b = lastBox;
        if (x < b.left)
            b.left = x;
        if (x > b.right)
            b.right = x;
        if (y < b.top)
            b.top = y;
        if (y > b.bottom)
            b.bottom = y;
        b.pixels++;
    };
    const n = width * height;
    let start = 0;
    // Most of a mask is background: where index 0 is background, four pixels whose indices and instances are all 0
    // are passed over with two 32-bit reads.
    if (codeOf[0] === 0 && values instanceof Uint8Array && values.byteOffset % 4 === 0 && instances.byteOffset % 4 === 0) {
        const words = n >> 2;
        const v32 = new Uint32Array(values.buffer, values.byteOffset, words), i32 = new Uint32Array(instances.buffer, instances.byteOffset, words);
        for (let j = 0; j < words; j++) {
            if ((v32[j] | i32[j]) === 0)
                continue;
            for (let i = j * 4; i < j * 4 + 4; i++) {
                const code = codeOf[values[i]], inst = instances[i];
                if (code !== 0 || inst !== 0)
                    visit(i, code, inst);
            }
        }
        start = words * 4;
    }
    for (let i = start; i < n; i++) {
        const code = codeOf[values[i]], inst = instances[i];
        if (code !== 0 || inst !== 0)
            visit(i, code, inst);
    }
    const regions = [];
    const order = [...boxes.keys()].sort((a, b) => {
        const ka = a % 256 || 1000, kb = b % 256 || 1000; // instances first, class-only regions last
        return ka - kb || a - b;
    });
    for (const key of order) {
        const c = Math.floor(key / 256), k = key % 256;
        const box = boxes.get(key);
        regions.push({
            ...(c > 0 ? { className: cls.names[c - 1], color: cls.colors[c - 1] } : {}),
            instance: hasInstances ? k : null,
            geometry: bitmapWhere(keys, width, box, key),
            pixels: box.pixels,
        });
    }
    const voids = [];
    if (classVoid && sameVoid) {
        voids.push({ masks: ["SegmentationClass", "SegmentationObject"], geometry: classBitmapWhere(cls, classVoid, CODE_VOID) });
    }
    else {
        if (classVoid)
            voids.push({ masks: ["SegmentationClass"], geometry: classBitmapWhere(cls, classVoid, CODE_VOID) });
        if (objectVoid)
            voids.push({ masks: ["SegmentationObject"], geometry: bitmapWhere(instances, width, objectVoid, VOID_INDEX) });
    }
    return { regions, voids };
}
/**
 * An image's SegmentationClass and SegmentationObject masks decoded, checked against the image size and each other,
 * and combined into regions (combineLayers). A pool task (src/workers): a pure function of its job, whose findings
 * are returned for the caller to report.
 */
export function readVocMasks(job) {
    const warnings = [];
    const decode = (bytes, file, read) => {
        if (!bytes)
            return undefined;
        try {
            return read(bytes);
        }
        catch (e) {
            if (!(e instanceof MaskDecodeError))
                throw e;
            warnings.push({ code: "voc-mask-unreadable", message: `mask is not a readable PNG (${e.message}); it is skipped`, file: file });
            return undefined;
        }
    };
    let cls = decode(job.classBytes, job.classShown, (b) => readClassLayer(b, job.table));
    let obj = decode(job.objectBytes, job.objectShown, readObjectLayer);
    const fits = (layer, file, against, what) => {
        if (!layer || !against || (layer.width === against.width && layer.height === against.height))
            return true;
        warnings.push({ code: "voc-mask-size", message: `mask is ${layer.width}×${layer.height} but ${what} is ${against.width}×${against.height}; the mask is skipped`, file: file });
        return false;
    };
    if (!fits(cls, job.classShown, job.size, "the image"))
        cls = undefined;
    if (!fits(obj, job.objectShown, job.size ?? cls, job.size ? "the image" : "the class mask"))
        obj = undefined;
    for (const [layer, file] of [[cls, job.classShown], [obj, job.objectShown]]) {
        if (!layer?.unknown.length)
            continue;
        const pixels = layer.unknown.reduce((n, u) => n + u.pixels, 0);
        const list = layer.unknown.slice(0, 5).map((u) => `${u.value} ${u.pixels} px`).join(", ");
        const source = layer === cls ? `the class table (${job.table.source})` : "the VOC colour map";
        warnings.push({ code: "voc-mask-unknown-color", message: `${layer.unknown.length} mask colours are not in ${source}: ${list}; those ${pixels} pixels are left unlabelled`, file: file });
    }
    const kept = cls ?? obj;
    const { regions, voids } = kept ? combineLayers(cls, obj) : { regions: [], voids: [] };
    return { warnings, hasClass: Boolean(cls), size: kept ? { width: kept.width, height: kept.height } : undefined, regions, voids };
}
/** readVocMasks as a worker-pool task (VOC import and convert). */
export const readVocMasksTask = cpuTask(import.meta.url, "readVocMasks", readVocMasks);
//# sourceMappingURL=read-masks.js.map