/**
 * Labels → SegmentationClass / SegmentationObject palette PNGs.
 *
 * Class indices: a class whose colour is the VOC colour of index i (1..254) gets index i, so VOC, CVAT and labelme
 * data keep their values; other classes get the lowest free index, with their own colour in the palette (or that
 * index's VOC colour when their colour is already taken, so every index stays distinguishable by colour).
 * Instance indices follow VOC: object k of the XML file is value k. 0 is background, 255 void.
 */
import os from "node:os";
import { hexToRgb, isHexColor } from "../../src/model/index.js";
import { decodeAlphaMaskData } from "../../src/codecs/bitmap.js";
import { BitmapDataError, bitmapMask, decodeBitmapData, hasSourceMask } from "../../src/codecs/bitmap.js";
import { palettePngOfCompressed } from "../../src/codecs/png-encode.js";
import { deflateRanges } from "../../src/codecs/run-deflate.js";
import { fastPathCoords, fillFlatPolygon } from "../../src/geometry/fill-flat.js";
import { flatExterior } from "../../src/geometry/extent.js";
import { drawGeometry } from "../../src/geometry/rasterize.js";
import { VOC_COLORMAP, VOID_INDEX, packRgb, vocColormapIndex } from "./palette.js";
import { packPalette, unpackPoints } from "../../src/workers/packed.js";
import { cpuTask } from "../../src/workers/task.js";
import { CpuTaskError } from "../../src/workers/pool.js";
import { reviveTaskError, taskErrorData } from "../../src/workers/task-errors.js";
import { checkPixels } from "../../src/limits.js";
const MAX_CLASS_INDEX = 254;
export function assignClassIndices(meta) {
    const indexOf = new Map();
    const palette = VOC_COLORMAP.map((c) => [...c]);
    const taken = new Set();
    const colorOf = (hex) => (isHexColor(hex) ? hexToRgb(hex) : [0, 0, 0]);
    for (const c of meta.classes) {
        const i = vocColormapIndex(colorOf(c.color));
        if (i !== undefined && i >= 1 && i <= MAX_CLASS_INDEX && !taken.has(i)) {
            indexOf.set(c.title, i);
            taken.add(i);
        }
    }
    const usedColors = new Set([packRgb(0, 0, 0), packRgb(...VOC_COLORMAP[VOID_INDEX])]);
    for (const i of taken)
        usedColors.add(packRgb(...palette[i]));
    let next = 1;
    for (const c of meta.classes) {
        if (indexOf.has(c.title))
            continue;
        while (next <= MAX_CLASS_INDEX && taken.has(next))
            next++;
        if (next > MAX_CLASS_INDEX)
            break; // the rest cannot be drawn; the writer counts them as lost
        const rgb = colorOf(c.color);
        const key = packRgb(...rgb);
        if (!usedColors.has(key)) {
            palette[next] = rgb;
            usedColors.add(key);
        }
        indexOf.set(c.title, next);
        taken.add(next);
    }
    return { indexOf, palette };
}
/**
 * The two index canvases of one image, kept by each thread that draws and reused from image to image. Each row is
 * laid out as a PNG scanline (its filter byte 0, then the row), and the columns drawn on in each row are noted
 * (IndexCanvases colFrom / colTo): the encoder reads those alone, and the next image clears those alone.
 */
class MaskCanvases {
    width = 0;
    height = 0;
    stride = 1;
    offset = 1;
    first = new Uint8Array(0);
    second = new Uint8Array(0);
    colFrom = new Int32Array(0);
    colTo = new Int32Array(0);
    classUsed = false;
    objectUsed = false;
    /** Blank canvases of `width` × `height`. */
    reset(width, height) {
        checkPixels(width, height, "the image");
        // Everything outside the noted columns is zero: clear the rows from the first to the last that has any (in the
        // last image's layout; one fill is cheaper than one a row), and the whole is blank.
        let top = 0, bottom = this.height - 1;
        while (top <= bottom && this.colFrom[top] > this.colTo[top])
            top++;
        while (bottom >= top && this.colFrom[bottom] > this.colTo[bottom])
            bottom--;
        if (top <= bottom) {
            this.first.fill(0, top * this.stride, (bottom + 1) * this.stride);
            this.second.fill(0, top * this.stride, (bottom + 1) * this.stride);
        }
        this.width = width;
        this.height = height;
        this.stride = width + 1;
        const bytes = this.stride * height;
        if (this.first.length < bytes) {
            this.first = new Uint8Array(bytes);
            this.second = new Uint8Array(bytes);
        }
        if (this.colFrom.length < height) {
            this.colFrom = new Int32Array(height);
            this.colTo = new Int32Array(height);
        }
        this.colFrom.fill(width, 0, height);
        this.colTo.fill(-1, 0, height);
        this.classUsed = false;
        this.objectUsed = false;
    }
    /** Notes columns x0..x1 of rows y0..y1 (inclusive, clipped to the image) as drawn on. */
    touch(x0, x1, y0, y1) {
        const a = Math.max(0, x0), b = Math.min(this.width - 1, x1);
        if (a > b)
            return;
        for (let y = Math.max(0, y0); y <= Math.min(this.height - 1, y1); y++) {
            if (a < this.colFrom[y])
                this.colFrom[y] = a;
            if (b > this.colTo[y])
                this.colTo[y] = b;
        }
    }
    /** Sets the pixels of a full-image 0/1 mask, or of `mask` placed at (x0, y0), clipped (pasteMask). */
    paste(mask, x0, y0, v1, v2) {
        const yFrom = Math.max(0, -y0), yTo = Math.min(mask.height, this.height - y0);
        const xFrom = Math.max(0, -x0), xTo = Math.min(mask.width, this.width - x0);
        this.touch(x0 + xFrom, x0 + xTo - 1, y0 + yFrom, y0 + yTo - 1);
        for (let y = yFrom; y < yTo; y++) {
            const src = y * mask.width, dst = this.offset + (y + y0) * this.stride + x0;
            for (let x = xFrom; x < xTo; x++) {
                if (mask.data[src + x]) {
                    if (v1 >= 0)
                        this.first[dst + x] = v1;
                    if (v2 >= 0)
                        this.second[dst + x] = v2;
                }
            }
        }
    }
}
const canvases = new MaskCanvases();
/** Where flatExterior puts a lazy polygon's numbers (kept between labels). */
const flatScratch = { coords: new Float64Array(256) };
/** Builds one image's VocMaskJob as its labels are walked (the writer's side). */
export class VocMaskJobBuilder {
    width;
    height;
    palette;
    coords = new Float64Array(256);
    used = 0;
    ringStarts = [0];
    draws = [];
    voids = [];
    constructor(width, height, palette) {
        this.width = width;
        this.height = height;
        this.palette = palette;
    }
    add(g, classIndex, instance) {
        if (g.type === "polygon") {
            const first = this.ringStarts.length - 1;
            // A reader's lazy polygon (src/geometry/extent.ts) gives its exterior as numbers, its points never made.
            const n = flatExterior(g, flatScratch);
            if (n < 0)
                this.points(g.exterior);
            else {
                this.room(n);
                this.coords.set(flatScratch.coords.subarray(0, n), this.used);
                this.used += n;
                this.ringStarts.push(this.used);
            }
            for (const hole of g.interior)
                this.points(hole);
            this.draws.push({ classIndex, instance, parts: [first] });
        }
        else if (g.type === "multipolygon")
            this.draws.push({ classIndex, instance, parts: g.parts.map((p) => this.ring(p)) });
        else if (g.type === "bitmap" && hasSourceMask(g))
            this.draws.push({ classIndex, instance, mask: bitmapMask(g), origin: g.origin });
        else
            this.draws.push({ classIndex, instance, geometry: g });
        const last = this.draws[this.draws.length - 1];
        if ("parts" in last)
            last.parts.push(this.ringStarts.length - 1);
    }
    /** Adds a polygon's rings; returns the index of its exterior ring. */
    ring(p) {
        const first = this.ringStarts.length - 1;
        this.points(p.exterior);
        for (const hole of p.interior)
            this.points(hole);
        return first;
    }
    /** Adds one ring. */
    points(ring) {
        this.room(2 * ring.length);
        for (const [x, y] of ring) {
            this.coords[this.used++] = x;
            this.coords[this.used++] = y;
        }
        this.ringStarts.push(this.used);
    }
    room(n) {
        if (this.used + n <= this.coords.length)
            return;
        const grown = new Float64Array(Math.max(2 * this.coords.length, this.used + n));
        grown.set(this.coords.subarray(0, this.used));
        this.coords = grown;
    }
    build() {
        return {
            width: this.width,
            height: this.height,
            coords: this.coords.slice(0, this.used),
            ringStarts: new Int32Array(this.ringStarts),
            draws: this.draws,
            voids: this.voids,
            palette: this.palette,
        };
    }
}
/** The buffers of a job to move to a worker rather than copy. */
export function vocMaskJobBuffers(job) {
    return [job.coords.buffer, job.ringStarts.buffer];
}
/** A full-image mask for what the fast path does not draw, reused. */
let fallbackMask = new Uint8Array(0);
/** A geometry's pixels as rasterize.ts draws them, into both canvases (coordinates beyond the fast path, other types). */
function drawGenerally(c, g, v1, v2) {
    const size = c.width * c.height;
    if (fallbackMask.length < size)
        fallbackMask = new Uint8Array(size);
    const mask = { width: c.width, height: c.height, data: fallbackMask.subarray(0, size) };
    mask.data.fill(0);
    if (!drawGeometry(mask, g, 1))
        return false;
    c.paste(mask, 0, 0, v1, v2);
    return true;
}
/** Draws one label into the class canvas and, when it is an object, the object canvas. */
function drawOne(c, job, d) {
    const v2 = d.instance < 0 ? -1 : d.instance;
    if ("parts" in d) {
        const { coords, ringStarts } = job;
        for (let k = 0; k + 1 < d.parts.length; k++) {
            const first = d.parts[k], end = d.parts[k + 1];
            if (fastPathCoords(coords, ringStarts[first], ringStarts[end]))
                fillFlatPolygon(c, coords, ringStarts, first, end, d.classIndex, v2);
            else {
                const ring = (r) => unpackPoints(coords.subarray(ringStarts[r], ringStarts[r + 1]));
                const interior = [];
                for (let r = first + 1; r < end; r++)
                    interior.push(ring(r));
                drawGenerally(c, { type: "polygon", exterior: ring(first), interior }, d.classIndex, v2);
            }
        }
    }
    else if ("mask" in d) {
        c.paste(d.mask, Math.round(d.origin[0]), Math.round(d.origin[1]), d.classIndex, v2);
    }
    else {
        const g = d.geometry;
        if (g.type === "bitmap" || g.type === "alpha_mask") {
            // A bitmap whose header reads but whose pixels do not (a corrupt PNG stream) throws before anything is drawn.
            const mask = g.type === "bitmap" ? decodeBitmapData(g.data) : decodeAlphaMaskData(g.data);
            c.paste(mask, Math.round(g.origin[0]), Math.round(g.origin[1]), d.classIndex, v2);
        }
        else if (!drawGenerally(c, g, d.classIndex, v2))
            return;
    }
    c.classUsed = true;
    if (v2 >= 0)
        c.objectUsed = true;
}
function paintVoid(c, v) {
    const mask = decodeBitmapData(v.data);
    const inClass = v.masks.includes("SegmentationClass"), inObject = v.masks.includes("SegmentationObject");
    c.paste(mask, Math.round(v.origin[0]), Math.round(v.origin[1]), inClass ? VOID_INDEX : -1, inObject ? VOID_INDEX : -1);
    if (inClass)
        c.classUsed = true;
    if (inObject)
        c.objectUsed = true;
}
/** Palettes as PNG PLTE payloads, the last few kept (an export uses two: its class palette and VOC's). */
const VOC_PLTE = packPalette(VOC_COLORMAP);
/** Draws and encodes the masks of one image (the CPU-heavy part of a VOC export; runs in the worker pool). */
export function renderVocMasks(job) {
    const c = canvases;
    c.reset(job.width, job.height);
    const unreadable = [];
    // A bitmap whose header reads but whose pixels do not (a corrupt PNG stream) is left out, and said so.
    const attempt = (draw, paint) => {
        try {
            paint();
        }
        catch (e) {
            if (!(e instanceof BitmapDataError))
                throw e;
            unreadable.push({ draw, message: e.message });
        }
    };
    for (let i = 0; i < job.draws.length; i++)
        attempt(i, () => drawOne(c, job, job.draws[i]));
    for (const v of job.voids)
        attempt(-1, () => paintVoid(c, v));
    const png = (canvas, plte) => palettePngOfCompressed(c.width, c.height, plte, deflateRanges(canvas, c.stride, c.offset, c.height, c.colFrom, c.colTo));
    return {
        ...(c.classUsed ? { classPng: png(c.first, job.palette) } : {}),
        ...(c.objectUsed ? { objectPng: png(c.second, VOC_PLTE) } : {}),
        ...(unreadable.length ? { unreadable } : {}),
    };
}
/** The masks of several images, each image's error apart (an error ends the export at its own item, not before). */
export function renderVocMasksBatch(jobs) {
    return jobs.map((job) => {
        try {
            return { pngs: renderVocMasks(job) };
        }
        catch (e) {
            return { error: taskErrorData(e) };
        }
    });
}
/** renderVocMasksBatch as a worker-pool task (VOC export). */
export const renderVocMasksBatchTask = cpuTask(import.meta.url, "renderVocMasksBatch", renderVocMasksBatch);
/** Images per message to a worker: a message costs about as much to send as drawing a small mask. */
const BATCH = 8;
/**
 * The mask jobs of an export, sent to the CPU pool (or run inline, see CpuTaskRunner) several images at a time. A
 * batch leaves when it is full, or at the next turn of the event loop while fewer batches than threads are being
 * drawn, so that the threads neither wait for a full batch nor get a message per image.
 */
export class VocMaskQueue {
    cpu;
    threads;
    jobs = [];
    waiting = [];
    inFlight = 0;
    scheduled = false;
    constructor(cpu, threads = Math.max(1, os.availableParallelism())) {
        this.cpu = cpu;
        this.threads = threads;
    }
    render(job) {
        return new Promise((resolve, reject) => {
            this.jobs.push(job);
            this.waiting.push({ resolve, reject });
            if (this.jobs.length >= BATCH)
                this.flush();
            else
                this.schedule();
        });
    }
    schedule() {
        if (this.scheduled || this.inFlight >= this.threads)
            return;
        this.scheduled = true;
        setImmediate(() => {
            this.scheduled = false;
            this.flush();
        });
    }
    flush() {
        const jobs = this.jobs, waiting = this.waiting;
        if (!jobs.length)
            return;
        this.jobs = [];
        this.waiting = [];
        this.inFlight++;
        this.cpu.run(renderVocMasksBatchTask, [jobs], jobs.flatMap(vocMaskJobBuffers)).then((results) => results.forEach((r, i) => ("error" in r ? waiting[i].reject(reviveTaskError(r.error) ?? new CpuTaskError(r.error.message)) : waiting[i].resolve(r.pngs))), (e) => waiting.forEach((w) => w.reject(e))).finally(() => {
            this.inFlight--;
            if (this.jobs.length)
                this.schedule();
        });
    }
}
//# sourceMappingURL=write-masks.js.map