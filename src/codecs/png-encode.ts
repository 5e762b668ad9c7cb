import zlib, { deflateSync, type ZlibOptions } from "node:zlib";

/**
 * Minimal PNG writer for the few exact layouts this toolkit must emit (1-bit palette masks, 8-bit gray mattes,
 * 8-bit palette and gray class masks). General image encoding goes through sharp; these need byte-level control
 * (bit depth 1, a tRNS chunk) that sharp does not offer.
 */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC_TABLE extended for four bytes a step (slicing by 4): table k is the CRC of a byte followed by k zero bytes. */
const CRC_TABLES = (() => {
  const t = new Int32Array(4 * 256);
  for (let n = 0; n < 256; n++) t[n] = CRC_TABLE[n];
  for (let k = 1; k < 4; k++) for (let n = 0; n < 256; n++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** zlib's own CRC-32 (Node 20.15 and later). */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 as PNG chunks use it (over the chunk type and data); `start`: the CRC of what came before. */
export function crc32(buf: Uint8Array, start = 0): number {
  return nativeCrc32 ? nativeCrc32(buf, start) : crc32ByTables(buf, start);
}

/** crc32 without zlib's, for Node before 20.15 (package.json allows any Node 20); exported for its test. */
export function crc32ByTables(buf: Uint8Array, start = 0): number {
  const t = CRC_TABLES;
  let c = ~start, i = 0;
  for (const end = buf.length - 3; i < end; i += 4) {
    c ^= buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
    c = t[768 + (c & 0xff)] ^ t[512 + ((c >>> 8) & 0xff)] ^ t[256 + ((c >>> 16) & 0xff)] ^ t[c >>> 24];
  }
  for (; i < buf.length; i++) c = t[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngLayout {
  width: number;
  height: number;
  bitDepth: 1 | 8;
  /** 0 = gray, 3 = palette. */
  colorType: 0 | 3;
  palette?: readonly (readonly [number, number, number])[];
  /** Raw tRNS payload (palette alphas, or a 2-byte gray value). */
  transparency?: Uint8Array;
  /** zlib settings for the image data (default: zlib's defaults). */
  deflate?: ZlibOptions;
}

/**
 * The scanlines of `pixels` (one byte per pixel, row-major), each after its filter-type byte 0. Apart from
 * encodePng so that only this loop is compiled hot: compiled whole, encodePng took the optimizing compiler longer
 * than converting the val2017 shape's 339 masks took (it inlines zlib's JavaScript).
 */
function scanlines(width: number, height: number, bitDepth: 1 | 8, pixels: Uint8Array): Buffer {
  const rowBytes = bitDepth === 1 ? Math.ceil(width / 8) : width;
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const rowStart = y * (rowBytes + 1) + 1;
    const src = y * width;
    if (bitDepth === 8) {
      raw.set(pixels.subarray(src, src + width), rowStart);
      continue;
    }
    // Eight pixels a byte, written once.
    let s = src, o = rowStart, x = 0;
    for (; x + 8 <= width; x += 8, s += 8) {
      raw[o++] = (pixels[s] ? 0x80 : 0) | (pixels[s + 1] ? 0x40 : 0) | (pixels[s + 2] ? 0x20 : 0) | (pixels[s + 3] ? 0x10 : 0)
        | (pixels[s + 4] ? 0x08 : 0) | (pixels[s + 5] ? 0x04 : 0) | (pixels[s + 6] ? 0x02 : 0) | (pixels[s + 7] ? 0x01 : 0);
    }
    let last = 0;
    for (let bit = 0x80; x < width; x++, s++, bit >>= 1) if (pixels[s]) last |= bit;
    if (width & 7) raw[o] = last;
  }
  return raw;
}

/** Encodes `pixels` (one byte per pixel, row-major) with filter type 0 on every scanline. */
export function encodePng(layout: PngLayout, pixels: Uint8Array): Buffer {
  const { width, height, bitDepth, colorType } = layout;
  const raw = scanlines(width, height, bitDepth, pixels);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  const parts = [SIGNATURE, chunk("IHDR", ihdr)];
  if (layout.palette) {
    const plte = Buffer.alloc(layout.palette.length * 3);
    layout.palette.forEach(([r, g, b], i) => plte.set([r, g, b], i * 3));
    parts.push(chunk("PLTE", plte));
  }
  if (layout.transparency) parts.push(chunk("tRNS", layout.transparency));
  parts.push(chunk("IDAT", deflateSync(raw, layout.deflate)), chunk("IEND", new Uint8Array(0)));
  return Buffer.concat(parts);
}

/** 8-bit palette PNG (VOC class/object masks, colour masks with ≤ 256 colours). */
export function encodePalettePng(
  width: number,
  height: number,
  indices: Uint8Array,
  palette: readonly (readonly [number, number, number])[],
  deflate?: ZlibOptions,
): Buffer {
  return encodePng({ width, height, bitDepth: 8, colorType: 3, palette, ...(deflate ? { deflate } : {}) }, indices);
}

/** PLTE chunks (length, type, payload, CRC) of the last palettes asked for: an export uses one or two. */
const plteChunks: { payload: Uint8Array; chunk: Buffer }[] = [];

function plteChunk(payload: Uint8Array): Buffer {
  for (const c of plteChunks) if (c.payload.length === payload.length && Buffer.compare(c.payload, payload) === 0) return c.chunk;
  const made = { payload: payload.slice(), chunk: chunk("PLTE", payload) };
  plteChunks.unshift(made);
  plteChunks.length = Math.min(plteChunks.length, 4);
  return made.chunk;
}

const IDAT_TYPE = Buffer.from("IDAT", "latin1");
const IEND = chunk("IEND", new Uint8Array(0));

/**
 * 8-bit palette PNG whose image data is compressed already (`zlibData`: a zlib stream of the scanlines, each after
 * its filter-type byte), with `plte` as the PLTE payload (r, g, b per entry). Written into one buffer.
 */
export function palettePngOfCompressed(width: number, height: number, plte: Uint8Array, zlibData: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(palettePngSize(plte, zlibData.length));
  writePalettePngOfCompressed(out, 0, width, height, plte, zlibData);
  return out;
}

/** The bytes palettePngOfCompressed makes for a palette `plte` and a zlib stream of `zlibBytes` bytes. */
export function palettePngSize(plte: Uint8Array, zlibBytes: number): number {
  return SIGNATURE.length + 25 + 12 + plte.length + 12 + zlibBytes + IEND.length;
}

/** The IHDR chunk of an 8-bit palette image, reused (its size and CRC are set for each image). */
const ihdrChunk = Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0, 0, 0, 0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0]);

/** palettePngOfCompressed written into `dest` at `at` (palettePngSize bytes). */
export function writePalettePngOfCompressed(dest: Uint8Array, at: number, width: number, height: number, plte: Uint8Array, zlibData: Uint8Array): void {
  ihdrChunk.writeUInt32BE(width, 8);
  ihdrChunk.writeUInt32BE(height, 12);
  ihdrChunk.writeUInt32BE(crc32(ihdrChunk.subarray(4, 21)), 21);
  const palette = plteChunk(plte);
  for (const part of [SIGNATURE, ihdrChunk, palette]) {
    dest.set(part, at);
    at += part.length;
  }
  const view = new DataView(dest.buffer, dest.byteOffset, dest.byteLength);
  view.setUint32(at, zlibData.length);
  dest.set(IDAT_TYPE, at + 4);
  at += 8;
  dest.set(zlibData, at);
  at += zlibData.length;
  view.setUint32(at, crc32(zlibData, crc32(IDAT_TYPE)));
  dest.set(IEND, at + 4);
}

/** 8-bit grayscale PNG (machine masks: pixel = class index). */
export function encodeGrayPng(width: number, height: number, values: Uint8Array): Buffer {
  return encodePng({ width, height, bitDepth: 8, colorType: 0 }, values);
}
