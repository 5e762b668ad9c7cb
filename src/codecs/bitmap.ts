import { inflateSync } from "node:zlib";
import type { AlphaMaskGeometry, BitmapGeometry, Geometry, Vec2 } from "../model/geometry.js";
import { encodePng } from "./png-encode.js";
import { decodePng, looksLikePng, pngHeaderSize } from "./png-decode.js";
import { decodeIndexedPng } from "./png-indexed.js";
import { cropMaskToContent, type BinaryMask, type GrayMask } from "./mask.js";
import { cpuTask } from "../workers/task.js";
import { checkPixels } from "../limits.js";

/** The `bitmap.data` string of spec §4 could not be decoded. */
export class BitmapDataError extends Error {}

function pngBytesOf(data: string): Uint8Array {
  if (typeof data !== "string" || data.length === 0) throw new BitmapDataError("bitmap data is empty");
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(data)) throw new BitmapDataError("bitmap data is not base64");
  const raw = Buffer.from(data, "base64");
  // Spec §4.2: zlib-wrapped PNG (SDK, server) or a plain base64 PNG (labeling tool brush strokes).
  if (looksLikePng(raw)) return raw;
  try {
    return inflateSync(raw);
  } catch {
    throw new BitmapDataError("bitmap data is neither a zlib stream nor a PNG");
  }
}

/**
 * Decodes a Supervisely bitmap string into a 0/1 mask (spec §4.2): with an alpha channel or tRNS the mask is
 * alpha > 0, otherwise any colour channel > 0. The layouts Supervisely and this toolkit write (1- or 8-bit palette
 * and gray PNGs) are decoded straight from their indices, about 5× faster than through pngjs's RGBA expansion,
 * which matters when an export or validate decodes thousands of masks; every other layout goes through pngjs.
 */
export function decodeBitmapData(data: string): BinaryMask {
  const png = pngBytesOf(data);
  checkDeclaredSize(png, "the bitmap");
  let indexed;
  try {
    indexed = decodeIndexedPng(png);
  } catch {
    indexed = null; // malformed: pngjs below gives the precise error
  }
  return indexed ? maskFromIndexedPng(indexed) : decodeBitmapPngGeneric(png);
}

function maskFromIndexedPng(png: NonNullable<ReturnType<typeof decodeIndexedPng>>): BinaryMask {
  const { width, height, pixels, colorType, palette, transparency, bitDepth } = png;
  // Which pixel values count as "set": a lookup table over every possible index or gray level.
  const on = new Uint8Array(colorType === 3 ? Math.max(256, palette!.length) : 1 << bitDepth);
  if (colorType === 3) {
    palette!.forEach(([r, g, b], i) => {
      // tRNS entries cover the first indices; later ones are opaque.
      on[i] = transparency ? ((i < transparency.length ? transparency[i] : 255) > 0 ? 1 : 0) : r | g | b ? 1 : 0;
    });
  } else {
    const transparentGray = transparency && transparency.length >= 2 ? (transparency[0] << 8) | transparency[1] : -1;
    for (let v = 0; v < on.length; v++) on[v] = transparentGray >= 0 ? (v !== transparentGray ? 1 : 0) : v > 0 ? 1 : 0;
  }
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = on[pixels[i]];
  return { width, height, data: out };
}

function decodeBitmapPngGeneric(png: Uint8Array): BinaryMask {
  let decoded;
  try {
    decoded = decodePng(png);
  } catch (e) {
    throw new BitmapDataError((e as Error).message);
  }
  const { width, height, rgba, hasAlpha } = decoded;
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = hasAlpha ? (rgba[p + 3] > 0 ? 1 : 0) : rgba[p] | rgba[p + 1] | rgba[p + 2] ? 1 : 0;
  }
  return { width, height, data: out };
}

/** The PNG's declared size against the pixel limit, before any pixel buffer is made (src/limits.ts). */
function checkDeclaredSize(png: Uint8Array, what: string): void {
  const size = pngHeaderSize(png);
  if (size) checkPixels(size.width, size.height, what);
}

/** Mask width and height from the PNG header only. */
export function bitmapDataSize(data: string): { width: number; height: number } {
  const size = pngHeaderSize(pngBytesOf(data));
  if (!size) throw new BitmapDataError("bitmap data does not hold a PNG");
  return size;
}

/** Why a bitmap's data cannot be read (not base64, not a PNG, no PNG header), or null when its header reads. */
export function bitmapDataProblem(data: string): string | null {
  try {
    bitmapDataSize(data);
    return null;
  } catch (e) {
    if (e instanceof BitmapDataError) return e.message;
    throw e;
  }
}

/**
 * The labels whose bitmap or alpha-mask data reads (its PNG header); each other one is handed to `lost` with the
 * reason, for the writers that need a mask's extent (a box, a canvas) to count it as lost instead of failing.
 */
export function labelsWithReadableMasks<L extends { geometry: Geometry }>(labels: readonly L[], lost: (label: L, reason: string) => void): L[] {
  return labels.filter((l) => {
    const g = l.geometry;
    const why = (g.type === "bitmap" && !hasSourceMask(g)) || g.type === "alpha_mask" ? bitmapDataProblem(g.data) : null;
    if (why) lost(l, `the bitmap data cannot be decoded (${why})`);
    return !why;
  });
}

/** Spec §4.1: 1-bit palette PNG [black, white], index 0 fully transparent, zlib-wrapped, base64. */
export function encodeBitmapData(mask: BinaryMask): string {
  const png = encodePng(
    { width: mask.width, height: mask.height, bitDepth: 1, colorType: 3, palette: [[0, 0, 0], [255, 255, 255]], transparency: Uint8Array.of(0) },
    mask.data,
  );
  return zlibStored(png).toString("base64");
}

/** Bytes of one stored (uncompressed) deflate block at most. */
const STORED_BLOCK = 65535;

/**
 * `data` as a zlib stream of stored deflate blocks (RFC 1950/1951): what the format asks for around the PNG, without
 * compressing again what the PNG has compressed. zlib at its default level gives stored blocks for PNG bytes too
 * (same size, measured on COCO's masks), after searching them for matches: a third of encoding a mask.
 */
export function zlibStored(data: Uint8Array): Buffer {
  const blocks = Math.max(1, Math.ceil(data.length / STORED_BLOCK));
  const out = Buffer.allocUnsafe(2 + 5 * blocks + data.length + 4);
  out[0] = 0x78; // deflate, 32 KB window
  out[1] = 0x01; // fastest level, no dictionary; (0x78 << 8 | 0x01) % 31 === 0
  let o = 2;
  for (let k = 0, p = 0; k < blocks; k++) {
    const n = Math.min(STORED_BLOCK, data.length - p);
    out[o] = k === blocks - 1 ? 1 : 0; // BFINAL, BTYPE 00
    out.writeUInt16LE(n, o + 1);
    out.writeUInt16LE(~n & 0xffff, o + 3);
    out.set(data.subarray(p, p + n), o + 5);
    o += 5 + n;
    p += n;
  }
  out.writeUInt32BE(adler32(data), o);
  return out;
}

/** Adler-32 (RFC 1950), the checksum that ends a zlib stream. */
function adler32(data: Uint8Array): number {
  let a = 1, b = 0;
  for (let i = 0; i < data.length;) {
    // 5552 bytes at most before the sums could leave 32 bits.
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * The 0/1 mask each bitmap geometry of bitmapEncodedOnRead was made from, until its `data` is set to something else:
 * a writer that needs pixels or a size (COCO's RLE, YOLO's boxes, drawing) takes them from here instead of encoding
 * the mask to a PNG string and decoding it back. Decoding that string gives exactly these pixels.
 */
const sourceMasks = new WeakMap<BitmapGeometry, BinaryMask>();

/** Geometries of bitmapEncodedOnRead and bitmapMadeOnRead whose `data` has not been made (nor set) yet. */
const dataPending = new WeakSet<BitmapGeometry>();

/**
 * The mask a bitmap's `data` would be encoded from (encodeBitmapData) when first read, while it has not been
 * (bitmapEncodedOnRead, bitmapMadeOnRead); else null. A writer may have the encoding done elsewhere, with the same
 * result: the Supervisely writer has it done in its file-writer thread.
 */
export function maskOfPendingData(g: BitmapGeometry): BinaryMask | null {
  return dataPending.has(g) ? bitmapMask(g) : null;
}

/**
 * A bitmap geometry whose `data` is encoded from `mask` (0/1 values, cropped to its content) when first read (then
 * kept): when its item is written, rather than when it is read, and never when the writer takes the pixels through
 * bitmapMask; the Supervisely writer has it encoded in its file-writer thread (maskOfPendingData).
 */
export function bitmapEncodedOnRead(origin: Vec2, mask: BinaryMask): BitmapGeometry {
  let data: string | null = null;
  const geometry: BitmapGeometry = {
    type: "bitmap",
    origin,
    get data(): string {
      if (data === null) {
        data = encodeBitmapData(mask);
        dataPending.delete(geometry);
      }
      return data;
    },
    set data(value: string) {
      data = value;
      sourceMasks.delete(geometry);
      dataPending.delete(geometry);
    },
  };
  sourceMasks.set(geometry, mask);
  dataPending.add(geometry);
  return geometry;
}

/** The masks of bitmapMadeOnRead's geometries, made when first needed, and their sizes, known before. */
const lateMasks = new WeakMap<BitmapGeometry, { width: number; height: number; make: () => BinaryMask }>();

/**
 * bitmapEncodedOnRead for a mask of a known size that `make` makes only when it is first needed: its `data` read, or
 * its pixels asked for (bitmapMask). A writer that skips the label (YOLO skips crowd masks) never makes it.
 */
export function bitmapMadeOnRead(origin: Vec2, size: { width: number; height: number }, make: () => BinaryMask): BitmapGeometry {
  let mask: BinaryMask | null = null;
  let data: string | null = null;
  const made = () => {
    if (mask === null) {
      mask = make();
      lateMasks.delete(geometry);
      sourceMasks.set(geometry, mask);
    }
    return mask;
  };
  const geometry: BitmapGeometry = {
    type: "bitmap",
    origin,
    get data(): string {
      if (data === null) {
        data = encodeBitmapData(made());
        dataPending.delete(geometry);
      }
      return data;
    },
    set data(value: string) {
      data = value;
      lateMasks.delete(geometry);
      sourceMasks.delete(geometry);
      dataPending.delete(geometry);
    },
  };
  lateMasks.set(geometry, { ...size, make: made });
  dataPending.add(geometry);
  return geometry;
}

/** A bitmap's 0/1 mask: the one it was made from (bitmapEncodedOnRead, bitmapMadeOnRead), else its `data` decoded. */
export function bitmapMask(g: BitmapGeometry): BinaryMask {
  return sourceMasks.get(g) ?? lateMasks.get(g)?.make() ?? decodeBitmapData(g.data);
}

/** A bitmap's mask width and height: from the mask it was made from, else from its PNG header. */
export function bitmapSize(g: BitmapGeometry): { width: number; height: number } {
  const m = sourceMasks.get(g) ?? lateMasks.get(g);
  return m ? { width: m.width, height: m.height } : bitmapDataSize(g.data);
}

/** Whether a bitmap's pixels are at hand without decoding its `data` (bitmapEncodedOnRead, bitmapMadeOnRead). */
export function hasSourceMask(g: BitmapGeometry): boolean {
  return sourceMasks.has(g) || lateMasks.has(g);
}

/** Spec §4.3: alpha matte as 8-bit gray (0..255). */
export function decodeAlphaMaskData(data: string): GrayMask {
  const png = pngBytesOf(data);
  checkDeclaredSize(png, "the alpha mask");
  const { width, height, rgba, colorType } = decodePng(png);
  const out = new Uint8Array(width * height);
  // Gray PNGs carry the matte in the gray value; RGBA ones (rare) in their alpha.
  const channel = colorType === 0 || colorType === 4 || colorType === 3 ? 0 : 3;
  for (let i = 0; i < out.length; i++) out[i] = rgba[i * 4 + channel];
  return { width, height, data: out };
}

export function encodeAlphaMaskData(matte: GrayMask): string {
  const png = encodePng(
    { width: matte.width, height: matte.height, bitDepth: 8, colorType: 0, transparency: Uint8Array.of(0, 0) },
    matte.data,
  );
  return zlibStored(png).toString("base64");
}

/**
 * A bitmap geometry from a mask placed at (x, y) in the image, cropped to its content the way Supervisely stores
 * bitmaps. Null for an empty mask (Supervisely refuses those).
 */
export function bitmapFromMask(mask: BinaryMask, x = 0, y = 0): BitmapGeometry | null {
  const cropped = cropMaskToContent(mask);
  if (!cropped) return null;
  return { type: "bitmap", origin: [x + cropped.x, y + cropped.y], data: encodeBitmapData(cropped.mask) };
}

export function alphaMaskFromMatte(matte: GrayMask, x = 0, y = 0): AlphaMaskGeometry | null {
  const cropped = cropMaskToContent(matte);
  if (!cropped) return null;
  return { type: "alpha_mask", origin: [x + cropped.x, y + cropped.y], data: encodeAlphaMaskData(cropped.mask) };
}

/** encodeBitmapData as a worker-pool task (the COCO reader's masks, in batches). */
export const encodeBitmapTask = cpuTask(import.meta.url, "encodeBitmapData", encodeBitmapData);
