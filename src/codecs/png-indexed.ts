import { inflateSync } from "node:zlib";
import { checkPixels } from "../limits.js";

/**
 * Palette and grayscale PNGs decoded to one byte per pixel (the palette index or the gray value), the layout of VOC
 * and other class-index masks. pngjs (png-decode.ts) expands every pixel to RGBA and costs about 6 ms for a 500×375
 * mask; reading the indices straight from the inflated scanlines costs well under 2 ms, which matters for 17k masks.
 * Other layouts (RGB, alpha, 16-bit, interlaced) return null: callers fall back to decodePng.
 */
export interface IndexedPng {
  width: number;
  height: number;
  /** 0 = gray, 3 = palette. */
  colorType: 0 | 3;
  bitDepth: 1 | 2 | 4 | 8;
  /** One byte per pixel, row-major: palette indices (colour type 3) or gray values (colour type 0). */
  pixels: Uint8Array;
  /** PLTE entries as [r, g, b] (colour type 3). */
  palette?: [number, number, number][];
  /** tRNS: alpha per palette entry (colour type 3) or the transparent gray value (colour type 0). */
  transparency?: Uint8Array;
}

export class IndexedPngError extends Error {}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Undoes the per-scanline filters (bytes per pixel is 1 for every layout handled here) in place: row y moves y + 1
 * bytes to the left over its filter bytes, and every byte is written only after the bytes it is read from, so the
 * inflated buffer becomes the pixels without a second buffer of their size.
 */
function unfilter(raw: Buffer, rowBytes: number, height: number): Uint8Array {
  const out = raw;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)];
    const src = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    const prev = row - rowBytes;
    switch (filter) {
      case 0:
        out.copyWithin(row, src, src + rowBytes);
        break;
      case 1:
        out[row] = raw[src];
        for (let x = 1; x < rowBytes; x++) out[row + x] = (raw[src + x] + out[row + x - 1]) & 255;
        break;
      case 2:
        if (y === 0) out.copyWithin(row, src, src + rowBytes);
        else for (let x = 0; x < rowBytes; x++) out[row + x] = (raw[src + x] + out[prev + x]) & 255;
        break;
      case 3:
        for (let x = 0; x < rowBytes; x++) {
          const left = x > 0 ? out[row + x - 1] : 0, up = y > 0 ? out[prev + x] : 0;
          out[row + x] = (raw[src + x] + ((left + up) >> 1)) & 255;
        }
        break;
      case 4:
        for (let x = 0; x < rowBytes; x++) {
          const left = x > 0 ? out[row + x - 1] : 0, up = y > 0 ? out[prev + x] : 0, upLeft = x > 0 && y > 0 ? out[prev + x - 1] : 0;
          out[row + x] = (raw[src + x] + paeth(left, up, upLeft)) & 255;
        }
        break;
      default:
        throw new IndexedPngError(`unknown PNG filter type ${filter} on row ${y}`);
    }
  }
  return new Uint8Array(raw.buffer, raw.byteOffset, rowBytes * height);
}

/**
 * Output buffer of one inflate call: the declared image data and one byte more, so that a well-formed PNG inflates
 * into one buffer (about half the time of inflating into zlib's default 16 KB chunks and joining them), up to a
 * bound, so that a small file declaring a huge image does not get a buffer of that size before it inflates.
 */
const MAX_INFLATE_CHUNK = 16 << 20;

/** Decodes a palette or gray PNG to indices; null when the layout is not one this fast path handles. */
export function decodeIndexedPng(bytes: Uint8Array): IndexedPng | null {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buf.length < 33 || SIGNATURE.some((b, i) => buf[i] !== b)) throw new IndexedPngError("not a PNG file (bad signature)");
  let width = 0, height = 0, bitDepth = 0, colorType = -1, interlace = 0;
  let palette: [number, number, number][] | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Buffer[] = [];
  let pos = 8;
  while (pos + 8 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + length);
    if (data.length < length) throw new IndexedPngError(`PNG chunk ${type} is cut short`);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colorType = data[9];
      interlace = data[12];
      if ((colorType !== 0 && colorType !== 3) || interlace !== 0 || ![1, 2, 4, 8].includes(bitDepth)) return null;
    } else if (type === "PLTE") {
      palette = [];
      for (let i = 0; i + 2 < data.length; i += 3) palette.push([data[i], data[i + 1], data[i + 2]]);
    } else if (type === "tRNS") {
      transparency = Uint8Array.from(data);
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    pos += 12 + length;
  }
  if (!width || !height) throw new IndexedPngError("PNG has no IHDR chunk");
  checkPixels(width, height, "the PNG");
  if (colorType === 3 && !palette) throw new IndexedPngError("palette PNG has no PLTE chunk");
  let raw: Buffer;
  try {
    // No more than the declared rows: a small PNG whose data inflates to gigabytes stops here.
    // No more than the declared rows: a small PNG whose data inflates to gigabytes stops here.
    const declared = Math.max(1, (Math.ceil((width * bitDepth) / 8) + 1) * height);
    raw = inflateSync(idat.length === 1 ? idat[0] : Buffer.concat(idat), { maxOutputLength: declared, chunkSize: Math.max(64, Math.min(declared + 1, MAX_INFLATE_CHUNK)) });
  } catch (e) {
    throw new IndexedPngError(`PNG image data does not inflate (${(e as Error).message})`);
  }
  const rowBytes = Math.ceil((width * bitDepth) / 8);
  if (raw.length < (rowBytes + 1) * height) throw new IndexedPngError("PNG image data is shorter than its declared size");
  const packed = unfilter(raw, rowBytes, height);
  let pixels: Uint8Array;
  if (bitDepth === 8) {
    pixels = packed;
  } else {
    pixels = new Uint8Array(width * height);
    const mask = (1 << bitDepth) - 1;
    for (let y = 0; y < height; y++) {
      const src = y * rowBytes, dst = y * width;
      // Samples are packed from the high bits down; walk each byte's samples in order.
      for (let x = 0, b = 0; x < width; b++) {
        const byte = packed[src + b];
        for (let shift = 8 - bitDepth; shift >= 0 && x < width; shift -= bitDepth, x++) pixels[dst + x] = (byte >> shift) & mask;
      }
    }
  }
  return { width, height, colorType: colorType as 0 | 3, bitDepth: bitDepth as IndexedPng["bitDepth"], pixels, palette, transparency };
}
