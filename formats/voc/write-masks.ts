/**
 * Labels → SegmentationClass / SegmentationObject palette PNGs.
 *
 * Class indices: a class whose colour is the VOC colour of index i (1..254) gets index i, so VOC, CVAT and labelme
 * data keep their values; other classes get the lowest free index, with their own colour in the palette (or that
 * index's VOC colour when their colour is already taken, so every index stays distinguishable by colour).
 * Instance indices follow VOC: object k of the XML file is value k. 0 is background, 255 void.
 */
import os from "node:os";
import type { Geometry, PolygonRing, ProjectMeta, Vec2 } from "../../src/model/index.js";
import { hexToRgb, isHexColor } from "../../src/model/index.js";
import { BitmapDataError, bitmapMask, decodeAlphaMaskData, decodeBitmapData, hasSourceMask } from "../../src/codecs/bitmap.js";
import type { BinaryMask } from "../../src/codecs/mask.js";
import { palettePngOfCompressed, palettePngSize, writePalettePngOfCompressed } from "../../src/codecs/png-encode.js";
import { deflateRangesView } from "../../src/codecs/run-deflate.js";
import { fastPathCoords, fillFlatPolygon, type IndexCanvases } from "../../src/geometry/fill-flat.js";
import { flatExterior } from "../../src/geometry/extent.js";
import { drawGeometry } from "../../src/geometry/rasterize.js";
import { VOC_COLORMAP, VOID_INDEX, packRgb, vocColormapIndex, type Rgb } from "./palette.js";
import type { StoredVoid } from "./void-masks.js";
import { packPalette, unpackPoints } from "../../src/workers/packed.js";
import { cpuTask } from "../../src/workers/task.js";
import { CpuTaskError, type CpuTaskRunner } from "../../src/workers/pool.js";
import { reviveTaskError, taskErrorData, type TaskErrorData } from "../../src/workers/task-errors.js";
import { checkPixels } from "../../src/limits.js";
import { grownCoords } from "../../src/io/canonical-json.js";

export interface ClassIndexing {
  indexOf: Map<string, number>;
  /** 256 entries: the VOC colour map with each class's colour at its index. */
  palette: Rgb[];
}

const MAX_CLASS_INDEX = 254;


export function assignClassIndices(meta: ProjectMeta): ClassIndexing {
  const indexOf = new Map<string, number>();
  const palette = VOC_COLORMAP.map((c) => [...c] as Rgb);
  const taken = new Set<number>();
  const colorOf = (hex: string): Rgb => (isHexColor(hex) ? hexToRgb(hex) : [0, 0, 0]);
  for (const c of meta.classes) {
    const i = vocColormapIndex(colorOf(c.color));
    if (i !== undefined && i >= 1 && i <= MAX_CLASS_INDEX && !taken.has(i)) {
      indexOf.set(c.title, i);
      taken.add(i);
    }
  }
  const usedColors = new Set<number>([packRgb(0, 0, 0), packRgb(...VOC_COLORMAP[VOID_INDEX])]);
  for (const i of taken) usedColors.add(packRgb(...palette[i]));
  let next = 1;
  for (const c of meta.classes) {
    if (indexOf.has(c.title)) continue;
    while (next <= MAX_CLASS_INDEX && taken.has(next)) next++;
    if (next > MAX_CLASS_INDEX) break; // the rest cannot be drawn; the writer counts them as lost
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
class MaskCanvases implements IndexCanvases {
  width = 0;
  height = 0;
  stride = 1;
  readonly offset = 1;
  first = new Uint8Array(0);
  second = new Uint8Array(0);
  colFrom = new Int32Array(0);
  colTo = new Int32Array(0);
  classUsed = false;
  objectUsed = false;

  /** Blank canvases of `width` × `height`. */
  reset(width: number, height: number): void {
    checkPixels(width, height, "the image");
    // Everything outside the noted columns is zero: clearing those (in the last image's layout) blanks the whole.
    const { first, second, stride, offset, colFrom, colTo } = this;
    for (let y = 0; y < this.height; y++) {
      const from = colFrom[y], to = colTo[y];
      if (from > to) continue;
      const row = offset + y * stride;
      first.fill(0, row + from, row + to + 1);
      second.fill(0, row + from, row + to + 1);
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
  touch(x0: number, x1: number, y0: number, y1: number): void {
    const a = Math.max(0, x0), b = Math.min(this.width - 1, x1);
    if (a > b) return;
    for (let y = Math.max(0, y0); y <= Math.min(this.height - 1, y1); y++) {
      if (a < this.colFrom[y]) this.colFrom[y] = a;
      if (b > this.colTo[y]) this.colTo[y] = b;
    }
  }

  /** Sets the pixels of a full-image 0/1 mask, or of `mask` placed at (x0, y0), clipped (pasteMask). */
  paste(mask: { width: number; height: number; data: Uint8Array }, x0: number, y0: number, v1: number, v2: number): void {
    const yFrom = Math.max(0, -y0), yTo = Math.min(mask.height, this.height - y0);
    const xFrom = Math.max(0, -x0), xTo = Math.min(mask.width, this.width - x0);
    this.touch(x0 + xFrom, x0 + xTo - 1, y0 + yFrom, y0 + yTo - 1);
    for (let y = yFrom; y < yTo; y++) {
      const src = y * mask.width, dst = this.offset + (y + y0) * this.stride + x0;
      for (let x = xFrom; x < xTo; x++) {
        if (mask.data[src + x]) {
          if (v1 >= 0) this.first[dst + x] = v1;
          if (v2 >= 0) this.second[dst + x] = v2;
        }
      }
    }
  }
}

const canvases = new MaskCanvases();

/** One label to draw: its class index, its instance (-1: class mask only), and its shape. */
export type VocMaskDraw =
  | {
    classIndex: number;
    instance: number;
    /** A polygon or multipolygon: part k is rings parts[k] (its exterior) up to parts[k + 1] (its holes) of the job. */
    parts: number[];
  }
  /** A bitmap made from pixels a reader holds (src/codecs/bitmap.ts bitmapMask): those pixels, not a PNG to decode. */
  | { classIndex: number; instance: number; mask: BinaryMask; origin: Vec2 }
  | { classIndex: number; instance: number; geometry: Geometry };

/** Everything needed to draw the two masks of one image, in a form that is cheap to send to a worker thread. */
export interface VocMaskJob {
  width: number;
  height: number;
  /** The vertices of every polygon of the job, x, y pairs: one buffer, moved to the worker rather than copied. */
  coords: Float64Array;
  /** Ring r is coords[ringStarts[r], ringStarts[r + 1]). */
  ringStarts: Int32Array;
  /** In drawing order. */
  draws: VocMaskDraw[];
  voids: StoredVoid[];
  /** SegmentationClass palette: 256 × r, g, b. */
  palette: Uint8Array;
}

/** Where flatExterior puts a lazy polygon's numbers (kept between labels). */
const flatScratch = { coords: new Float64Array(256) };

/**
 * The vertex buffer of the builder being filled. A builder lives from an image's first label to the queue's copy of
 * its job (VocMaskBatchPacker.add), with no await between: one buffer serves image after image instead of one
 * allocated for each. A builder made while another holds it gets a buffer of its own.
 */
let sharedCoords = new Float64Array(1024);
let sharedCoordsTaken = false;

function takeCoords(): Float64Array<ArrayBuffer> {
  if (sharedCoordsTaken) return new Float64Array(64);
  sharedCoordsTaken = true;
  return sharedCoords;
}

/** Called once a job's numbers are copied: the shared buffer is free again if the job was built in it. */
function releaseCoords(coords: Float64Array): void {
  if (coords.buffer === sharedCoords.buffer) sharedCoordsTaken = false;
}

/** Builds one image's VocMaskJob as its labels are walked (the writer's side). */
export class VocMaskJobBuilder {
  private coords: Float64Array<ArrayBuffer>;
  private used = 0;
  private readonly ringStarts: number[] = [0];
  readonly draws: VocMaskDraw[] = [];
  readonly voids: StoredVoid[] = [];
  constructor(readonly width: number, readonly height: number, private readonly palette: Uint8Array) {
    this.coords = takeCoords();
  }

  add(g: Geometry, classIndex: number, instance: number): void {
    if (g.type === "polygon") {
      const first = this.ringStarts.length - 1;
      // A reader's lazy polygon (src/geometry/extent.ts) gives its exterior as numbers, its points never made.
      const n = flatExterior(g, flatScratch);
      if (n < 0) this.points(g.exterior);
      else {
        this.room(n);
        this.coords.set(flatScratch.coords.subarray(0, n), this.used);
        this.used += n;
        this.ringStarts.push(this.used);
      }
      for (const hole of g.interior) this.points(hole);
      this.draws.push({ classIndex, instance, parts: [first] });
    } else if (g.type === "multipolygon") this.draws.push({ classIndex, instance, parts: g.parts.map((p) => this.ring(p)) });
    else if (g.type === "bitmap" && hasSourceMask(g)) this.draws.push({ classIndex, instance, mask: bitmapMask(g), origin: g.origin });
    else this.draws.push({ classIndex, instance, geometry: g });
    const last = this.draws[this.draws.length - 1];
    if ("parts" in last) last.parts.push(this.ringStarts.length - 1);
  }

  /** Adds a polygon's rings; returns the index of its exterior ring. */
  private ring(p: PolygonRing): number {
    const first = this.ringStarts.length - 1;
    this.points(p.exterior);
    for (const hole of p.interior) this.points(hole);
    return first;
  }

  /** Adds one ring. */
  private points(ring: readonly Vec2[]): void {
    this.room(2 * ring.length);
    for (const [x, y] of ring) {
      this.coords[this.used++] = x;
      this.coords[this.used++] = y;
    }
    this.ringStarts.push(this.used);
  }

  private room(n: number): void {
    if (this.used + n <= this.coords.length) return;
    const grown = grownCoords(this.coords, this.used, n);
    if (this.coords === sharedCoords) sharedCoords = grown;
    this.coords = grown;
  }

  build(): VocMaskJob {
    return {
      width: this.width,
      height: this.height,
      // A view: the queue copies the numbers into its batch (VocMaskBatchPacker).
      coords: this.coords.subarray(0, this.used),
      ringStarts: new Int32Array(this.ringStarts),
      draws: this.draws,
      voids: this.voids,
      palette: this.palette,
    };
  }
}

export interface VocMaskPngs {
  /** SegmentationClass PNG, when something was drawn into it. */
  classPng?: Uint8Array;
  /** SegmentationObject PNG, when something was drawn into it. */
  objectPng?: Uint8Array;
  /** Draws (index into job.draws; -1 for a void region) whose bitmap pixels did not decode, and why: not drawn. */
  unreadable?: { draw: number; message: string }[];
}

/** A full-image mask for what the fast path does not draw, reused. */
let fallbackMask: Uint8Array = new Uint8Array(0);

/** A geometry's pixels as rasterize.ts draws them, into both canvases (coordinates beyond the fast path, other types). */
function drawGenerally(c: MaskCanvases, g: Geometry, v1: number, v2: number): boolean {
  const size = c.width * c.height;
  if (fallbackMask.length < size) fallbackMask = new Uint8Array(size);
  const mask = { width: c.width, height: c.height, data: fallbackMask.subarray(0, size) };
  mask.data.fill(0);
  if (!drawGeometry(mask, g, 1)) return false;
  c.paste(mask, 0, 0, v1, v2);
  return true;
}

/** Draws one label into the class canvas and, when it is an object, the object canvas. */
function drawOne(c: MaskCanvases, job: VocMaskJob, d: VocMaskDraw): void {
  const v2 = d.instance < 0 ? -1 : d.instance;
  if ("parts" in d) {
    const { coords, ringStarts } = job;
    for (let k = 0; k + 1 < d.parts.length; k++) {
      const first = d.parts[k], end = d.parts[k + 1];
      if (fastPathCoords(coords, ringStarts[first], ringStarts[end])) fillFlatPolygon(c, coords, ringStarts, first, end, d.classIndex, v2);
      else {
        const ring = (r: number) => unpackPoints(coords.subarray(ringStarts[r], ringStarts[r + 1]));
        const interior: Vec2[][] = [];
        for (let r = first + 1; r < end; r++) interior.push(ring(r));
        drawGenerally(c, { type: "polygon", exterior: ring(first), interior }, d.classIndex, v2);
      }
    }
  } else if ("mask" in d) {
    c.paste(d.mask, Math.round(d.origin[0]), Math.round(d.origin[1]), d.classIndex, v2);
  } else {
    const g = d.geometry;
    if (g.type === "bitmap" || g.type === "alpha_mask") {
      // A bitmap whose header reads but whose pixels do not (a corrupt PNG stream) throws before anything is drawn.
      const mask = g.type === "bitmap" ? decodeBitmapData(g.data) : decodeAlphaMaskData(g.data);
      c.paste(mask, Math.round(g.origin[0]), Math.round(g.origin[1]), d.classIndex, v2);
    } else if (!drawGenerally(c, g, d.classIndex, v2)) return;
  }
  c.classUsed = true;
  if (v2 >= 0) c.objectUsed = true;
}

function paintVoid(c: MaskCanvases, v: StoredVoid): void {
  const mask = decodeBitmapData(v.data);
  const inClass = v.masks.includes("SegmentationClass"), inObject = v.masks.includes("SegmentationObject");
  c.paste(mask, Math.round(v.origin[0]), Math.round(v.origin[1]), inClass ? VOID_INDEX : -1, inObject ? VOID_INDEX : -1);
  if (inClass) c.classUsed = true;
  if (inObject) c.objectUsed = true;
}

/** Palettes as PNG PLTE payloads, the last few kept (an export uses two: its class palette and VOC's). */
const VOC_PLTE = packPalette(VOC_COLORMAP);

/** Draws and encodes the masks of one image (the CPU-heavy part of a VOC export; runs in the worker pool). */
export function renderVocMasks(job: VocMaskJob): VocMaskPngs {
  const unreadable = drawVocMasks(job);
  const c = canvases;
  const png = (canvas: Uint8Array, plte: Uint8Array) => palettePngOfCompressed(c.width, c.height, plte, deflateRangesView(canvas, c.stride, c.offset, c.height, c.colFrom, c.colTo));
  return {
    ...(c.classUsed ? { classPng: png(c.first, job.palette) } : {}),
    ...(c.objectUsed ? { objectPng: png(c.second, VOC_PLTE) } : {}),
    ...(unreadable.length ? { unreadable } : {}),
  };
}

/** Draws the masks of one image into the thread's canvases; returns the draws that were not drawn, and why. */
function drawVocMasks(job: VocMaskJob): { draw: number; message: string }[] {
  const c = canvases;
  c.reset(job.width, job.height);
  const unreadable: { draw: number; message: string }[] = [];
  // A bitmap whose header reads but whose pixels do not (a corrupt PNG stream) is left out, and said so.
  const attempt = (draw: number, paint: () => void) => {
    try {
      paint();
    } catch (e) {
      if (!(e instanceof BitmapDataError)) throw e;
      unreadable.push({ draw, message: e.message });
    }
  };
  for (let i = 0; i < job.draws.length; i++) attempt(i, () => drawOne(c, job, job.draws[i]));
  for (const v of job.voids) attempt(-1, () => paintVoid(c, v));
  return unreadable;
}

/** The PNGs of a batch, written one after another into one buffer kept by the thread (grown as needed). */
let batchBytes = new Uint8Array(1 << 16);

/** Encodes `canvas` as a PNG at batchBytes[at]; returns its length. */
function encodeInto(at: number, canvas: Uint8Array, plte: Uint8Array): number {
  const c = canvases;
  const zlib = deflateRangesView(canvas, c.stride, c.offset, c.height, c.colFrom, c.colTo);
  const size = palettePngSize(plte, zlib.length);
  if (batchBytes.length < at + size) {
    const grown = new Uint8Array(Math.max(2 * batchBytes.length, at + size));
    grown.set(batchBytes.subarray(0, at));
    batchBytes = grown;
  }
  writePalettePngOfCompressed(batchBytes, at, c.width, c.height, plte, zlib);
  return size;
}

/**
 * Several images' jobs in one message to a worker. Structured clone copies a message object by object and a typed
 * array with a buffer of its own each (tens of microseconds for eight small jobs, more than drawing them), so the
 * polygons of every job travel as numbers in two arrays, moved rather than copied; only what is not a polygon (bitmaps,
 * other geometries, void masks) is cloned as it is.
 */
export interface VocMaskBatch {
  /**
   * Per job: width, height, its palette's index in `palettes`, its first ring's index in `ringStarts`, its ring count,
   * its draw count, its voids' index in `extras` (-1: none); then per draw its class index, instance and either
   * -1 - (its index in `extras`) or its count of part boundaries followed by them (ring indices within the job).
   */
  ints: Int32Array;
  /** Ring r of the batch is coords[ringStarts[r], ringStarts[r + 1]). */
  ringStarts: Int32Array;
  coords: Float64Array;
  palettes: Uint8Array[];
  extras: unknown[];
}

/** Gathers jobs into a VocMaskBatch, copying their numbers into arrays grown as needed and kept between batches. */
class VocMaskBatchPacker {
  private ints: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private intsUsed = 0;
  private rings: Int32Array<ArrayBuffer> = new Int32Array(256);
  /** Rings of the batch so far; rings[0] is 0. */
  private ringCount = 0;
  private coords = new Float64Array(4096);
  private coordsUsed = 0;
  private palettes: Uint8Array[] = [];
  private extras: unknown[] = [];
  jobs = 0;

  add(job: VocMaskJob): void {
    const ringsOfJob = job.ringStarts.length - 1, numbers = job.ringStarts[ringsOfJob];
    let ints = 7;
    for (const d of job.draws) ints += "parts" in d ? 3 + d.parts.length : 3;
    this.roomInts(ints);
    if (this.rings.length < this.ringCount + ringsOfJob + 1) this.rings = grownInt32(this.rings, this.ringCount + ringsOfJob + 1);
    this.coords = grownCoords(this.coords, this.coordsUsed, numbers);
    this.coords.set(job.coords.subarray(0, numbers), this.coordsUsed);
    releaseCoords(job.coords);
    for (let r = 1; r <= ringsOfJob; r++) this.rings[this.ringCount + r] = this.coordsUsed + job.ringStarts[r];
    let palette = this.palettes.indexOf(job.palette);
    if (palette < 0) palette = this.palettes.push(job.palette) - 1;
    const a = this.ints;
    let at = this.intsUsed;
    a[at++] = job.width;
    a[at++] = job.height;
    a[at++] = palette;
    a[at++] = this.ringCount;
    a[at++] = ringsOfJob;
    a[at++] = job.draws.length;
    a[at++] = job.voids.length ? this.extras.push(job.voids) - 1 : -1;
    for (const d of job.draws) {
      a[at++] = d.classIndex;
      a[at++] = d.instance;
      if ("parts" in d) {
        a[at++] = d.parts.length;
        for (const p of d.parts) a[at++] = p;
      } else a[at++] = -1 - (this.extras.push(d) - 1);
    }
    this.intsUsed = at;
    this.ringCount += ringsOfJob;
    this.coordsUsed += numbers;
    this.jobs++;
  }

  private roomInts(n: number): void {
    if (this.ints.length < this.intsUsed + n) this.ints = grownInt32(this.ints, this.intsUsed + n);
  }

  /** The batch so far (its arrays of its own, to be moved to a worker); the packer starts empty again. */
  take(): VocMaskBatch {
    const batch: VocMaskBatch = {
      ints: this.ints.slice(0, this.intsUsed),
      ringStarts: this.rings.slice(0, this.ringCount + 1),
      coords: this.coords.slice(0, this.coordsUsed),
      palettes: this.palettes,
      extras: this.extras,
    };
    this.intsUsed = 0;
    this.ringCount = 0;
    this.coordsUsed = 0;
    this.palettes = [];
    this.extras = [];
    this.jobs = 0;
    return batch;
  }
}

function grownInt32(a: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(2 * a.length, atLeast));
  grown.set(a);
  return grown;
}

/** `jobs` as one VocMaskBatch. */
export function packVocMaskBatch(jobs: VocMaskJob[]): VocMaskBatch {
  const packer = new VocMaskBatchPacker();
  for (const j of jobs) packer.add(j);
  return packer.take();
}

/** The jobs of a batch, their polygons as views into the batch's arrays. */
export function unpackVocMaskBatch(batch: VocMaskBatch): VocMaskJob[] {
  const { ints, ringStarts, coords, palettes, extras } = batch;
  const jobs: VocMaskJob[] = [];
  for (let at = 0; at < ints.length;) {
    const width = ints[at++], height = ints[at++], palette = palettes[ints[at++]];
    const firstRing = ints[at++], rings = ints[at++], drawCount = ints[at++], voids = ints[at++];
    const draws: VocMaskDraw[] = [];
    for (let k = 0; k < drawCount; k++) {
      const classIndex = ints[at++], instance = ints[at++], n = ints[at++];
      if (n < 0) draws.push(extras[-1 - n] as VocMaskDraw);
      else {
        draws.push({ classIndex, instance, parts: Array.from(ints.subarray(at, at + n)) });
        at += n;
      }
    }
    jobs.push({
      width, height, coords, draws, palette,
      ringStarts: ringStarts.subarray(firstRing, firstRing + rings + 1),
      voids: voids < 0 ? [] : extras[voids] as StoredVoid[],
    });
  }
  return jobs;
}

/**
 * What a worker sends back for a batch: every PNG in one buffer, moved rather than copied (see VocMaskBatch), and
 * per job the byte lengths of its class and object PNGs (-1: none); the few jobs with something more to say (draws
 * not drawn, an error) in `notes`, by job index.
 */
export interface VocMaskBatchResult {
  bytes: Uint8Array;
  lengths: Int32Array;
  notes: [job: number, note: { unreadable: { draw: number; message: string }[] } | { error: TaskErrorData }][];
}

/** The masks of a batch's images, each image's error apart (an error ends the export at its own item, not before). */
export function renderVocMaskBatch(batch: VocMaskBatch): VocMaskBatchResult {
  const jobs = unpackVocMaskBatch(batch);
  const lengths = new Int32Array(2 * jobs.length);
  const notes: VocMaskBatchResult["notes"] = [];
  let total = 0;
  jobs.forEach((job, i) => {
    lengths[2 * i] = lengths[2 * i + 1] = -1;
    try {
      const unreadable = drawVocMasks(job);
      const c = canvases;
      let classBytes = -1, objectBytes = -1;
      if (c.classUsed) classBytes = encodeInto(total, c.first, job.palette);
      if (c.objectUsed) objectBytes = encodeInto(total + Math.max(0, classBytes), c.second, VOC_PLTE);
      lengths[2 * i] = classBytes;
      lengths[2 * i + 1] = objectBytes;
      total += Math.max(0, classBytes) + Math.max(0, objectBytes);
      if (unreadable.length) notes.push([i, { unreadable }]);
    } catch (e) {
      notes.push([i, { error: taskErrorData(e) }]);
    }
  });
  return { bytes: batchBytes.slice(0, total), lengths, notes };
}

/** renderVocMaskBatch as a worker-pool task (VOC export). */
export const renderVocMaskBatchTask = cpuTask(import.meta.url, "renderVocMaskBatch", renderVocMaskBatch);

/**
 * Each job's outcome in a batch result: its PNGs, or its error. The PNGs are views into the result's one buffer (a
 * copy each would be an ArrayBuffer allocated each; the file-writer thread's message carries the buffer once).
 */
export function vocMaskBatchOutcomes(result: VocMaskBatchResult, jobs: number): ({ pngs: VocMaskPngs } | { error: TaskErrorData })[] {
  const out: ({ pngs: VocMaskPngs } | { error: TaskErrorData })[] = [];
  const { bytes, lengths } = result;
  let at = 0;
  const take = (n: number) => {
    if (n < 0) return undefined;
    at += n;
    return bytes.subarray(at - n, at);
  };
  for (let i = 0; i < jobs; i++) {
    const classPng = take(lengths[2 * i]), objectPng = take(lengths[2 * i + 1]);
    out.push({ pngs: { ...(classPng ? { classPng } : {}), ...(objectPng ? { objectPng } : {}) } });
  }
  for (const [i, note] of result.notes) {
    if ("error" in note) out[i] = note;
    else (out[i] as { pngs: VocMaskPngs }).pngs.unreadable = note.unreadable;
  }
  return out;
}

/** Images per message to a worker: a message costs about as much to send as drawing a small mask. */
const BATCH = 8;

/**
 * The mask jobs of an export, sent to the CPU pool (or run inline, see CpuTaskRunner) several images at a time. A
 * batch leaves when it is full, or at the next turn of the event loop while fewer batches than threads are being
 * drawn, so that the threads neither wait for a full batch nor get a message per image.
 */
export class VocMaskQueue {
  private packer = new VocMaskBatchPacker();
  private waiting: { resolve: (p: VocMaskPngs) => void; reject: (e: Error) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;
  constructor(private readonly cpu: CpuTaskRunner, private readonly threads = Math.max(1, os.availableParallelism())) {}

  render(job: VocMaskJob): Promise<VocMaskPngs> {
    return new Promise((resolve, reject) => {
      this.packer.add(job);
      this.waiting.push({ resolve, reject });
      if (this.packer.jobs >= BATCH) this.flush();
      else this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.threads) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const waiting = this.waiting;
    if (!this.packer.jobs) return;
    const batch = this.packer.take();
    this.waiting = [];
    this.inFlight++;
    this.cpu.run(renderVocMaskBatchTask, [batch], [batch.ints.buffer as ArrayBuffer, batch.ringStarts.buffer as ArrayBuffer, batch.coords.buffer as ArrayBuffer]).then(
      (result) => vocMaskBatchOutcomes(result, waiting.length).forEach((r, i) => ("error" in r ? waiting[i].reject(reviveTaskError(r.error) ?? new CpuTaskError(r.error.message)) : waiting[i].resolve(r.pngs))),
      (e: Error) => waiting.forEach((w) => w.reject(e)),
    ).finally(() => {
      this.inFlight--;
      if (this.packer.jobs) this.schedule();
    });
  }
}
