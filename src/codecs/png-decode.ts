import { createRequire } from "node:module";
import type PngJs from "pngjs";
import { checkPixels } from "../limits.js";

/**
 * pngjs, loaded on the first decode: most conversions never decode a PNG here (it takes ~20 ms of start-up, and the
 * COCO and Supervisely imports load this module only to encode masks).
 */
let pngjs: typeof PngJs | null = null;
const loadPngjs = (): typeof PngJs => (pngjs ??= createRequire(import.meta.url)("pngjs") as typeof PngJs);

/** A decoded PNG as RGBA plus what the file declared (colour type, palette), for mask readers. */
export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  rgba: Uint8Array;
  colorType: number;
  /** True when the PNG has an alpha channel or a tRNS chunk. */
  hasAlpha: boolean;
  palette?: number[][];
}

export class PngDecodeError extends Error {}

/** Decodes any PNG variant (colour types 0/2/3/4/6, bit depths 1–16, interlaced) with pngjs. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  // pngjs makes a 4-byte-a-pixel buffer (and more while it inflates): the declared size is checked first.
  const declared = pngHeaderSize(bytes);
  if (declared) checkPixels(declared.width, declared.height, "the PNG");
  let png;
  try {
    png = loadPngjs().PNG.sync.read(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  } catch (e) {
    throw new PngDecodeError(`not a readable PNG (${(e as Error).message})`);
  }
  const meta = png as unknown as { colorType: number; alpha: boolean; palette?: number[][] };
  return {
    width: png.width,
    height: png.height,
    rgba: png.data,
    colorType: meta.colorType,
    hasAlpha: Boolean(meta.alpha),
    palette: Array.isArray(meta.palette) ? meta.palette : undefined,
  };
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
export function looksLikePng(bytes: Uint8Array): boolean {
  return PNG_MAGIC.every((b, i) => bytes[i] === b);
}

/** Width and height from the IHDR chunk, without decoding pixels. */
export function pngHeaderSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || !looksLikePng(bytes)) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}
