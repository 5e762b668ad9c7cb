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
import type { BinaryMask } from "../../src/codecs/mask.js";
import { cpuTask } from "../../src/workers/task.js";
import type { BitmapGeometry } from "../../src/model/index.js";
import { VOID_INDEX, meaningOf, packRgb, vocColormapIndex, type ClassTable, type Rgb } from "./palette.js";

/** A mask PNG as one key per pixel: the stored index (palette / gray PNGs) or the packed colour (RGB PNGs). */
interface MaskPixels {
  width: number;
  height: number;
  keys: Uint8Array | Uint32Array;
  /** Colour shown for an index key (palette PNGs). */
  palette?: Rgb[];
  byColor: boolean;
}

export class MaskDecodeError extends Error {}

function decodeMaskPixels(bytes: Uint8Array): MaskPixels {
  let indexed;
  try {
    indexed = decodeIndexedPng(bytes);
  } catch {
    indexed = null; // let pngjs produce the precise message below
  }
  if (indexed) {
    return { width: indexed.width, height: indexed.height, keys: indexed.pixels, palette: indexed.palette, byColor: false };
  }
  let png;
  try {
    png = decodePng(bytes);
  } catch (e) {
    throw new MaskDecodeError((e as Error).message);
  }
  const keys = new Uint32Array(png.width * png.height);
  for (let i = 0, p = 0; i < keys.length; i++, p += 4) keys[i] = packRgb(png.rgba[p], png.rgba[p + 1], png.rgba[p + 2]);
  return { width: png.width, height: png.height, keys, palette: png.palette?.map((c) => [c[0], c[1], c[2]] as Rgb), byColor: true };
}

const unpack = (k: number): Rgb => [(k >> 16) & 255, (k >> 8) & 255, k & 255];

/**
 * Per-pixel codes: 0 background, -1 void, -2 unknown value, c ≥ 1 = names[c - 1]. A layer is a value per pixel and
 * the code of each value: index masks (palette and gray PNGs) keep their stored index per pixel and name each index
 * when combineLayers first meets it (`resolve`), so that classes are named in the order they first appear and the
 * mask is scanned once; colour masks get a code per pixel, read through a table of each code's own value.
 */
export interface ClassLayer {
  width: number;
  height: number;
  values: Uint8Array | Uint16Array;
  /** The code of each value (for an index mask, of those `resolve` has named so far). */
  codeOf: Int16Array;
  /** Index masks: names a value and sets its code, the first time the scan meets it (`resolved[value]` is then 1). */
  resolve?: (value: number) => void;
  resolved?: Uint8Array;
  /** Index masks whose index 0 is background: its code is 0 from the start (naming it has no effect). */
  zeroIsBackground?: boolean;
  /** Index masks: pixels of each value, counted by combineLayers. */
  counts?: Uint32Array;
  names: string[];
  colors: Rgb[];
  /** Values the class table does not know: their colour (or index) and, once the pixels are counted, pixel count. */
  unknownKeys: [number, string][];
  unknownPixels: (key: number) => number;
}

export const CODE_VOID = -1;
const CODE_UNKNOWN = -2;
/**
 * Colour masks in one pass: each distinct colour is resolved once (`codeOf`), every pixel gets its colour's code,
 * and pixels are counted per colour so that unknown values can be reported with their pixel counts.
 */
function mapKeys(px: { width: number; height: number; keys: Uint32Array }, codeOf: (key: number) => number): { codes: Int16Array; pixelsOf: (key: number) => number } {
  const n = px.width * px.height;
  const codes = new Int16Array(n);
  const keys = px.keys;
  const table = new Map<number, number>();
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    counts.set(k, (counts.get(k) ?? 0) + 1);
    let c = table.get(k);
    if (c === undefined) table.set(k, (c = codeOf(k)));
    codes[i] = c;
  }
  return { codes, pixelsOf: (k) => counts.get(k) ?? 0 };
}

let codeOfCodeTable: Int16Array | undefined;
/** The codes of a code array read as unsigned 16-bit values: each one's own signed value. */
function codeOfCode(): Int16Array {
  if (!codeOfCodeTable) {
    codeOfCodeTable = new Int16Array(65536);
    for (let k = 0; k < 65536; k++) codeOfCodeTable[k] = k < 32768 ? k : k - 65536;
  }
  return codeOfCodeTable;
}

/** Decodes a SegmentationClass PNG and names its values through the class table (index masks: as they are met). */
export function readClassLayer(bytes: Uint8Array, table: ClassTable): ClassLayer {
  const px = decodeMaskPixels(bytes);
  const names: string[] = [], colors: Rgb[] = [];
  const unknownKeys: [number, string][] = [];
  const meaning = (key: number) => {
    let index: number | undefined, color: Rgb | undefined;
    if (px.byColor) {
      color = unpack(key);
      // An RGB(A) decode of a palette PNG still knows its palette: the first entry with that colour is the index.
      const pi = px.palette?.findIndex((c) => c[0] === color![0] && c[1] === color![1] && c[2] === color![2]);
      index = pi !== undefined && pi >= 0 ? pi : vocColormapIndex(color);
    } else {
      index = key;
      color = px.palette?.[key];
    }
    return { m: meaningOf(table, index, color), index, color };
  };
  const codeOf = (key: number): number => {
    const { m, index, color } = meaning(key);
    if (m.kind === "background") return 0;
    if (m.kind === "void") return CODE_VOID;
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
    const codes = new Int16Array(256);
    const counts = new Uint32Array(256), resolved = new Uint8Array(256);
    const zeroIsBackground = meaning(0).m.kind === "background";
    if (zeroIsBackground) resolved[0] = 1;
    return {
      width: px.width, height: px.height, values: px.keys, codeOf: codes, counts, names, colors, unknownKeys,
      unknownPixels: (key) => counts[key], resolved, zeroIsBackground,
      resolve: (value) => {
        resolved[value] = 1;
        codes[value] = codeOf(value);
      },
    };
  }
  const { codes, pixelsOf } = mapKeys(px as MaskPixels & { keys: Uint32Array }, codeOf);
  const values = new Uint16Array(codes.buffer, codes.byteOffset, codes.length);
  return { width: px.width, height: px.height, values, codeOf: codeOfCode(), names, colors, unknownKeys, unknownPixels: pixelsOf };
}

/** Per-pixel instance numbers: 0 none, 255 void, 1..254 the object's position in the XML. */
export interface ObjectLayer {
  width: number;
  height: number;
  instances: Uint8Array;
  unknown: { value: string; pixels: number }[];
}

/** Decodes a SegmentationObject PNG: the stored index is the instance (RGB masks: through the VOC colour map). */
export function readObjectLayer(bytes: Uint8Array): ObjectLayer {
  const px = decodeMaskPixels(bytes);
  if (px.keys instanceof Uint8Array) return { width: px.width, height: px.height, instances: px.keys, unknown: [] };
  const unknownKeys: number[] = [];
  const { codes, pixelsOf } = mapKeys(px as MaskPixels & { keys: Uint32Array }, (key) => {
    const i = vocColormapIndex(unpack(key));
    if (i === undefined) unknownKeys.push(key);
    return i ?? 0;
  });
  const unknown = unknownKeys.map((key) => ({ value: `(${unpack(key).join(",")})`, pixels: pixelsOf(key) }));
  return { width: px.width, height: px.height, instances: Uint8Array.from(codes), unknown };
}

/** A 0/1 mask cropped to its content, placed at (x, y) in the image. */
export interface PlacedBitmap { x: number; y: number; mask: BinaryMask }

export interface MaskRegion<G = BitmapGeometry> {
  /** Undefined: no class value there; the caller takes the class of XML object `instance`. */
  className?: string;
  color?: Rgb;
  /** Instance number (0 = a class region with no object); null when there is no SegmentationObject mask. */
  instance: number | null;
  geometry: G;
  pixels: number;
}

/** The void (255) pixels of the mask files, as one bitmap and the folders it belongs to. */
export interface VoidRegion<G = BitmapGeometry> {
  masks: ("SegmentationClass" | "SegmentationObject")[];
  geometry: G;
}

/**
 * Pixels of one value (a region, or a layer's void) as the runs of them found by the scan: `runs` holds each run's
 * first pixel (row-major index) and length; the box is their bounds.
 */
interface Runs { left: number; top: number; right: number; bottom: number; pixels: number; runs: number[] }

const newRuns = (x: number, y: number): Runs => ({ left: x, top: y, right: x, bottom: y, pixels: 0, runs: [] });

function addRun(r: Runs, start: number, length: number, x: number, y: number): void {
  // Runs come in pixel order: the top is the first run's row and the bottom the last's.
  if (x < r.left) r.left = x;
  if (x + length - 1 > r.right) r.right = x + length - 1;
  r.bottom = y;
  r.pixels += length;
  r.runs.push(start, length);
}

/** The pixels of some runs as a bitmap cropped to their bounds and placed there, encoded only when asked for. */
function bitmapOfRuns(r: Runs, width: number): PlacedBitmap {
  const w = r.right - r.left + 1, h = r.bottom - r.top + 1;
  const data = new Uint8Array(w * h);
  const runs = r.runs;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k], length = runs[k + 1];
    const y = (start / width) | 0;
    const at = (y - r.top) * w + (start - y * width - r.left);
    if (length > 16) data.fill(1, at, at + length);
    else for (let t = 0; t < length; t++) data[at + t] = 1;
  }
  return { x: r.left, y: r.top, mask: { width: w, height: h, data } };
}

/**
 * Pixels kept as their runs within their box, for the void bitmaps, which only an export asks for: a tenth of the
 * memory of their masks while every item is held (read.ts). `runs` holds each run's offset in the box's mask and its
 * length.
 */
export interface PlacedRuns { x: number; y: number; width: number; height: number; runs: Int32Array }

function placedRuns(r: Runs, width: number): PlacedRuns {
  const w = r.right - r.left + 1, h = r.bottom - r.top + 1;
  const runs = new Int32Array(r.runs.length);
  for (let k = 0; k < r.runs.length; k += 2) {
    const start = r.runs[k], y = (start / width) | 0;
    runs[k] = (y - r.top) * w + (start - y * width - r.left);
    runs[k + 1] = r.runs[k + 1];
  }
  return { x: r.left, y: r.top, width: w, height: h, runs };
}

/** The mask of some placed runs. */
export function maskOfRuns(p: PlacedRuns): BinaryMask {
  const data = new Uint8Array(p.width * p.height);
  for (let k = 0; k < p.runs.length; k += 2) data.fill(1, p.runs[k], p.runs[k] + p.runs[k + 1]);
  return { width: p.width, height: p.height, data };
}

/**
 * Combines the two layers (either may be absent; present ones have the same size) into regions and void bitmaps,
 * in one scan of the pixels as runs of one (class value, instance) pair within a row: a region or void is the runs
 * of its pixels, cut out of the image once their bounds are known. An index class layer's values are named as the
 * scan first meets them and counted (ClassLayer). Regions come ordered by instance, then by class.
 */
export function combineLayers(cls: ClassLayer | undefined, obj: ObjectLayer | undefined): { regions: MaskRegion<PlacedBitmap>[]; voids: VoidRegion<PlacedRuns>[] } {
  const width = (cls ?? obj)!.width, height = (cls ?? obj)!.height;
  const n = width * height;
  // Absent layers read as zeros.
  const values = cls?.values ?? new Uint8Array(n);
  const codeOf = cls?.codeOf ?? new Int16Array(256);
  const resolved = cls?.resolved, resolve = cls?.resolve, counts = cls?.counts;
  const instances = obj?.instances ?? new Uint8Array(n);
  const hasInstances = Boolean(obj);
  // Region key: class code × 256 + instance (0 = no region).
  const regionsOf = new Map<number, Runs>();
  let classVoid: Runs | undefined, objectVoid: Runs | undefined;
  let sameVoid = Boolean(cls) && hasInstances;
  // Pixels come in runs of one value: remember the last region instead of a map lookup per run.
  let lastKey = -1, lastRuns: Runs | undefined;
  // Most of a mask is background: where index 0 is background, four pixels whose indices and instances are all 0
  // are passed over with two 32-bit reads.
  const skipZeros = (!cls || cls.zeroIsBackground === true) && values instanceof Uint8Array && values.byteOffset % 4 === 0 && instances.byteOffset % 4 === 0;
  const v32 = skipZeros ? new Uint32Array(values.buffer, values.byteOffset, n >> 2) : undefined;
  const i32 = skipZeros ? new Uint32Array(instances.buffer, instances.byteOffset, n >> 2) : undefined;
  const words = n >> 2;
  let skipped = 0;
  let i = 0, y = 0, rowEnd = width;
  while (i < n) {
    if (v32 !== undefined && (i & 3) === 0) {
      let j = i >> 2;
      while (j < words && (v32[j] | i32![j]) === 0) j++;
      if (j << 2 !== i) {
        skipped += (j << 2) - i;
        i = j << 2;
        if (i >= rowEnd) {
          y = (i / width) | 0;
          rowEnd = (y + 1) * width;
        }
        continue;
      }
    }
    const v = values[i], k = instances[i];
    let end = i + 1;
    while (end < rowEnd && values[end] === v && instances[end] === k) end++;
    const length = end - i, x = i - (rowEnd - width);
    if (resolved !== undefined && resolved[v] === 0) resolve!(v);
    if (counts !== undefined) counts[v] += length;
    const code = codeOf[v];
    if (code !== 0 || k !== 0) {
      const cv = code === CODE_VOID, ov = k === VOID_INDEX;
      if (cv !== ov) sameVoid = false;
      if (cv) addRun((classVoid ??= newRuns(x, y)), i, length, x, y);
      if (ov) addRun((objectVoid ??= newRuns(x, y)), i, length, x, y);
      const key = (code > 0 ? code : 0) * 256 + (ov ? 0 : k);
      if (key !== 0) {
        if (key !== lastKey) {
          lastKey = key;
          lastRuns = regionsOf.get(key);
          if (!lastRuns) regionsOf.set(key, (lastRuns = newRuns(x, y)));
        }
        addRun(lastRuns!, i, length, x, y);
      }
    }
    i = end;
    if (i === rowEnd) {
      y++;
      rowEnd += width;
    }
  }
  if (counts !== undefined) counts[0] += skipped;
  const regions: MaskRegion<PlacedBitmap>[] = [];
  const order = [...regionsOf.keys()].sort((a, b) => {
    const ka = a % 256 || 1000, kb = b % 256 || 1000; // instances first, class-only regions last
    return ka - kb || a - b;
  });
  for (const key of order) {
    const c = Math.floor(key / 256), k = key % 256;
    const r = regionsOf.get(key)!;
    regions.push({
      ...(c > 0 ? { className: cls!.names[c - 1], color: cls!.colors[c - 1] } : {}),
      instance: hasInstances ? k : null,
      geometry: bitmapOfRuns(r, width),
      pixels: r.pixels,
    });
  }
  const voids: VoidRegion<PlacedRuns>[] = [];
  if (classVoid && sameVoid) {
    voids.push({ masks: ["SegmentationClass", "SegmentationObject"], geometry: placedRuns(classVoid, width) });
  } else {
    if (classVoid) voids.push({ masks: ["SegmentationClass"], geometry: placedRuns(classVoid, width) });
    if (objectVoid) voids.push({ masks: ["SegmentationObject"], geometry: placedRuns(objectVoid, width) });
  }
  return { regions, voids };
}

type Size = { width: number; height: number };

/** One image's mask files (their bytes, read by the caller) with what readVocMasks needs to know. */
export interface VocMaskJob {
  classBytes?: Uint8Array;
  objectBytes?: Uint8Array;
  /** The files as messages name them. */
  classShown?: string;
  objectShown?: string;
  table: ClassTable;
  /** The image's size (XML or header), when known: masks of another size are skipped. */
  size?: Size;
}

export interface VocMaskOut {
  /** What reading them reports (warnings), in order. */
  warnings: { code: string; message: string; file: string }[];
  /** Whether a class mask was kept. */
  hasClass: boolean;
  /** The size of the masks kept. */
  size?: Size;
  regions: MaskRegion<PlacedBitmap>[];
  voids: VoidRegion<PlacedRuns>[];
}

/**
 * An image's SegmentationClass and SegmentationObject masks decoded, checked against the image size and each other,
 * and combined into regions (combineLayers). A pool task (src/workers): a pure function of its job, whose findings
 * are returned for the caller to report.
 */
export function readVocMasks(job: VocMaskJob): VocMaskOut {
  const warnings: VocMaskOut["warnings"] = [];
  const decode = <T>(bytes: Uint8Array | undefined, file: string | undefined, read: (b: Uint8Array) => T): T | undefined => {
    if (!bytes) return undefined;
    try {
      return read(bytes);
    } catch (e) {
      if (!(e instanceof MaskDecodeError)) throw e;
      warnings.push({ code: "voc-mask-unreadable", message: `mask is not a readable PNG (${e.message}); it is skipped`, file: file! });
      return undefined;
    }
  };
  let cls = decode(job.classBytes, job.classShown, (b) => readClassLayer(b, job.table));
  let obj = decode(job.objectBytes, job.objectShown, readObjectLayer);
  const fits = (layer: Size | undefined, file: string | undefined, against: Size | undefined, what: string) => {
    if (!layer || !against || (layer.width === against.width && layer.height === against.height)) return true;
    warnings.push({ code: "voc-mask-size", message: `mask is ${layer.width}×${layer.height} but ${what} is ${against.width}×${against.height}; the mask is skipped`, file: file! });
    return false;
  };
  if (!fits(cls, job.classShown, job.size, "the image")) cls = undefined;
  if (!fits(obj, job.objectShown, job.size ?? cls, job.size ? "the image" : "the class mask")) obj = undefined;
  const kept = cls ?? obj;
  // The scan names an index class layer's values and counts them: its unknown values are known after it.
  const { regions, voids } = kept ? combineLayers(cls, obj) : { regions: [], voids: [] };
  const classUnknown = cls?.unknownKeys.map(([key, value]) => ({ value, pixels: cls.unknownPixels(key) }));
  for (const [unknown, file, source] of [[classUnknown, job.classShown, `the class table (${job.table.source})`], [obj?.unknown, job.objectShown, "the VOC colour map"]] as const) {
    if (!unknown?.length) continue;
    const pixels = unknown.reduce((n, u) => n + u.pixels, 0);
    const list = unknown.slice(0, 5).map((u) => `${u.value} ${u.pixels} px`).join(", ");
    warnings.push({ code: "voc-mask-unknown-color", message: `${unknown.length} mask colours are not in ${source}: ${list}; those ${pixels} pixels are left unlabelled`, file: file! });
  }
  return { warnings, hasClass: Boolean(cls), size: kept ? { width: kept.width, height: kept.height } : undefined, regions, voids };
}

/** readVocMasks as a worker-pool task (VOC import and convert). */
export const readVocMasksTask = cpuTask(import.meta.url, "readVocMasks", readVocMasks);
