/**
 * Reading mask PNGs as per-pixel keys. Two readings:
 * - index: the stored sample — a palette PNG's palette *index* (not its colour), a gray PNG's gray value (any bit
 *   depth, 16-bit included), an RGB pixel with equal channels its gray value;
 * - colour: the pixel's RGB colour (palette expanded), packed as 0xRRGGBB.
 * Unlike Supervisely's importer (OpenCV, blue channel only) every channel counts.
 */
import { inflateSync } from "node:zlib";
import pngjs from "pngjs";
import { looksLikePng } from "../../src/codecs/png-decode.js";
import { crc32 } from "../../src/codecs/png-encode.js";
import { checkPixels } from "../../src/limits.js";

/** A fully transparent pixel: background whatever the class map says. */
export const TRANSPARENT_KEY = 0xffffffff;
/** Index reading of an RGB pixel whose channels differ: flagged so that it never equals a class index. */
export const COLOUR_FLAG = 0x1000000;

export interface MaskKeys {
  width: number;
  height: number;
  /** One byte a key where every key is one (8-bit gray or palette index readings). */
  keys: Uint8Array | Uint32Array;
}

export class MaskReadError extends Error {}

function readPng(bytes: Buffer, options: { skipRescale?: boolean }) {
  try {
    return pngjs.PNG.sync.read(bytes, options as pngjs.ParserOptions) as unknown as {
      width: number; height: number; data: Uint8Array | Uint16Array; colorType: number; alpha: boolean;
    };
  } catch (e) {
    throw new MaskReadError(`not a readable PNG (${(e as Error).message})`);
  }
}

interface Chunk { type: string; data: Buffer; crc: number }

/** CRC-32 of a chunk's type and data (PNG spec), the data's continuing the type's (no joined copy). */
function chunkCrc(type: string, data: Uint8Array): number {
  return crc32(data, crc32(Buffer.from(type, "latin1")));
}

function chunksOf(bytes: Buffer): Chunk[] {
  const out: Chunk[] = [];
  let pos = 8;
  while (pos + 12 <= bytes.length) {
    const len = bytes.readUInt32BE(pos);
    const type = bytes.toString("latin1", pos + 4, pos + 8);
    if (pos + 12 + len > bytes.length) throw new MaskReadError(`not a readable PNG (chunk ${type} is cut short)`);
    const data = bytes.subarray(pos + 8, pos + 8 + len);
    const crc = bytes.readUInt32BE(pos + 8 + len);
    // Type and data lie together in the file: their CRC is taken where they are.
    if (crc32(bytes.subarray(pos + 4, pos + 8 + len)) !== crc) throw new MaskReadError(`not a readable PNG (crc error in chunk ${type})`);
    out.push({ type, data, crc });
    pos += 12 + len;
    if (type === "IEND") break;
  }
  if (out[0]?.type !== "IHDR") throw new MaskReadError("not a readable PNG (no IHDR chunk first)");
  if (out[out.length - 1].type !== "IEND") throw new MaskReadError("not a readable PNG (the file is cut short: no IEND chunk)");
  return out;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function assemble(chunks: Chunk[]): Buffer {
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const c of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(c.data.length, 0);
    head.write(c.type, 4, "latin1");
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(chunkCrc(c.type, c.data), 0);
    parts.push(head, c.data, tail);
  }
  return Buffer.concat(parts);
}

/**
 * Palette indices of a colour-type-3 PNG: pngjs only hands out expanded colours, so the PLTE is swapped for an
 * identity palette (entry i = (i, 0, 0)) and tRNS dropped; the red channel then is the index. Palettes with
 * duplicate colours (common: unused entries all black) stay unambiguous this way.
 */
function paletteIndices(chunksIn: Chunk[]): MaskKeys {
  const chunks = chunksIn.filter((c) => c.type !== "tRNS");
  for (const c of chunks) {
    if (c.type !== "PLTE") continue;
    const n = Math.floor(c.data.length / 3);
    const identity = Buffer.alloc(n * 3);
    for (let i = 0; i < n; i++) identity[i * 3] = i;
    c.data = identity;
  }
  const png = readPng(assemble(chunks), {});
  const keys = new Uint32Array(png.width * png.height);
  for (let i = 0; i < keys.length; i++) keys[i] = png.data[i * 4];
  return { width: png.width, height: png.height, keys };
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

interface Raw8 { width: number; height: number; colorType: number; channels: number; samples: Uint8Array; plte?: Buffer; trns?: Buffer }

/**
 * The common case decoded here directly: 8-bit, non-interlaced (inflate, then undo the row filters). pngjs would
 * expand every pixel to RGBA first, which costs more than the rest of a mask import. Null for other layouts.
 */
function decode8(chunks: Chunk[]): Raw8 | null {
  const ihdr = chunks[0].data;
  if (ihdr.length < 13) throw new MaskReadError("not a readable PNG (IHDR is too short)");
  const width = ihdr.readUInt32BE(0), height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr[8], colorType = ihdr[9], interlace = ihdr[12];
  // Before anything is inflated: a 1.5 MB PNG of 40000×40000 would take gigabytes.
  checkPixels(width, height, "the mask");
  const channels = CHANNELS[colorType];
  if (bitDepth !== 8 || interlace !== 0 || !channels) return null;
  let inflated: Buffer;
  try {
    inflated = inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)), { maxOutputLength: Math.max(1, (width * channels + 1) * height) });
  } catch (e) {
    // More data than the declared rows: pngjs reads just those rows (and ignores the rest), as before this limit.
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw new MaskReadError(`not a readable PNG (${(e as Error).message})`);
  }
  const stride = width * channels;
  if (inflated.length < (stride + 1) * height) throw new MaskReadError("not a readable PNG (the image data is cut short)");
  const out = new Uint8Array(stride * height);
  const bpp = channels;
  for (let y = 0; y < height; y++) {
    const filter = inflated[y * (stride + 1)];
    const src = y * (stride + 1) + 1, row = y * stride, up = row - stride;
    // One loop per filter type: the switch stays out of the per-byte path.
    if (filter === 0 || (filter === 2 && y === 0)) {
      out.set(inflated.subarray(src, src + stride), row);
    } else if (filter === 1) {
      for (let x = 0; x < stride; x++) out[row + x] = (inflated[src + x] + (x >= bpp ? out[row + x - bpp] : 0)) & 255;
    } else if (filter === 2) {
      for (let x = 0; x < stride; x++) out[row + x] = (inflated[src + x] + out[up + x]) & 255;
    } else if (filter === 3) {
      for (let x = 0; x < stride; x++) {
        const a = x >= bpp ? out[row + x - bpp] : 0, b = y > 0 ? out[up + x] : 0;
        out[row + x] = (inflated[src + x] + ((a + b) >> 1)) & 255;
      }
    } else if (filter === 4) {
      for (let x = 0; x < stride; x++) {
        const a = x >= bpp ? out[row + x - bpp] : 0, b = y > 0 ? out[up + x] : 0, c = x >= bpp && y > 0 ? out[up + x - bpp] : 0;
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        out[row + x] = (inflated[src + x] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
      }
    } else {
      throw new MaskReadError(`not a readable PNG (unknown row filter ${filter})`);
    }
  }
  return {
    width, height, colorType, channels, samples: out,
    plte: chunks.find((c) => c.type === "PLTE")?.data, trns: chunks.find((c) => c.type === "tRNS")?.data,
  };
}

/** Keys of an 8-bit image decoded by decode8: its samples themselves where they are the index reading. */
function keysOf8(raw: Raw8, mode: "index" | "colour"): Uint8Array | Uint32Array {
  const { samples: d, colorType, plte, trns } = raw;
  const n = raw.width * raw.height;
  // A gray sample is its index reading (no transparency in that reading).
  if (colorType === 0 && mode === "index") return d;
  if (colorType === 3) {
    if (!plte) throw new MaskReadError("not a readable PNG (a palette image without PLTE)");
    const entries = Math.floor(plte.length / 3);
    if (mode === "index") {
      if (entries < 256) {
        for (let i = 0; i < n; i++) if (d[i] >= entries) throw new MaskReadError(`not a readable PNG (index ${d[i]} is not in the palette)`);
      }
      return d;
    }
    const keys = new Uint32Array(n);
    const lut = new Uint32Array(256).fill(TRANSPARENT_KEY);
    for (let k = 0; k < entries; k++) lut[k] = trns && k < trns.length && trns[k] === 0 ? TRANSPARENT_KEY : ((plte[k * 3] << 16) | (plte[k * 3 + 1] << 8) | plte[k * 3 + 2]) >>> 0;
    for (let i = 0; i < n; i++) keys[i] = lut[d[i]];
    return keys;
  }
  const keys = new Uint32Array(n);
  const transparentGray = colorType === 0 && trns && trns.length >= 2 && mode === "colour" ? trns.readUInt16BE(0) : -1;
  const transparentRgb = colorType === 2 && trns && trns.length >= 6 && mode === "colour" ? [trns.readUInt16BE(0), trns.readUInt16BE(2), trns.readUInt16BE(4)] : null;
  for (let i = 0; i < n; i++) {
    let r: number, g: number, b: number, alpha = 255;
    switch (colorType) {
      case 0: r = g = b = d[i]; break;
      case 4: r = g = b = d[i * 2]; alpha = d[i * 2 + 1]; break;
      case 2: r = d[i * 3]; g = d[i * 3 + 1]; b = d[i * 3 + 2]; break;
      default: r = d[i * 4]; g = d[i * 4 + 1]; b = d[i * 4 + 2]; alpha = d[i * 4 + 3];
    }
    if (alpha === 0 || r === transparentGray || (transparentRgb && r === transparentRgb[0] && g === transparentRgb[1] && b === transparentRgb[2])) keys[i] = TRANSPARENT_KEY;
    else if (mode === "colour") keys[i] = ((r << 16) | (g << 8) | b) >>> 0;
    else keys[i] = r === g && g === b ? r : (COLOUR_FLAG | (r << 16) | (g << 8) | b) >>> 0;
  }
  return keys;
}

function pngColorType(bytes: Buffer): number {
  return bytes.length > 25 ? bytes[25] : -1;
}

export function readMaskKeys(bytes: Buffer, mode: "index" | "colour"): MaskKeys {
  if (!looksLikePng(bytes)) throw new MaskReadError("not a PNG file");
  // Chunk structure and CRCs are checked here: pngjs's own messages for broken files are not helpful.
  const chunks = chunksOf(bytes);
  const raw = decode8(chunks);
  if (raw) return { width: raw.width, height: raw.height, keys: keysOf8(raw, mode) };
  const colorType = pngColorType(bytes);
  if (mode === "index" && colorType === 3) return paletteIndices(chunks);
  const png = readPng(bytes, { skipRescale: mode === "index" });
  const { width, height, data } = png;
  const keys = new Uint32Array(width * height);
  const hasAlpha = png.alpha || colorType === 4 || colorType === 6;
  for (let i = 0, p = 0; i < keys.length; i++, p += 4) {
    const r = data[p], g = data[p + 1], b = data[p + 2];
    if (hasAlpha && data[p + 3] === 0) keys[i] = TRANSPARENT_KEY;
    else if (mode === "colour") keys[i] = ((r << 16) | (g << 8) | b) >>> 0;
    else keys[i] = r === g && g === b ? r : (COLOUR_FLAG | (r << 16) | (g << 8) | b) >>> 0;
  }
  return { width, height, keys };
}

/** A binary mask of a Supervisely instance PNG: alpha > 0 when it has alpha, otherwise any channel > 0. */
export function readBinaryMask(bytes: Buffer): { width: number; height: number; data: Uint8Array } {
  if (!looksLikePng(bytes)) throw new MaskReadError("not a PNG file");
  const raw = decode8(chunksOf(bytes));
  if (raw) {
    const keys = keysOf8(raw, "colour");
    const data = new Uint8Array(keys.length);
    for (let i = 0; i < keys.length; i++) data[i] = keys[i] !== TRANSPARENT_KEY && keys[i] !== 0 ? 1 : 0;
    return { width: raw.width, height: raw.height, data };
  }
  const png = readPng(bytes, {});
  const colorType = pngColorType(bytes);
  const hasAlpha = png.alpha || colorType === 4 || colorType === 6;
  const data = new Uint8Array(png.width * png.height);
  const d = png.data;
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    data[i] = hasAlpha ? (d[p + 3] > 0 && (d[p] | d[p + 1] | d[p + 2]) > 0 ? 1 : 0) : (d[p] | d[p + 1] | d[p + 2]) > 0 ? 1 : 0;
  }
  return { width: png.width, height: png.height, data };
}

/** Width and height from the IHDR without decoding. */
export function maskPngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !looksLikePng(bytes)) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The PLTE entries of a palette PNG, or null (not a palette PNG, or unreadable). */
export function pngPalette(bytes: Buffer): [number, number, number][] | null {
  if (!looksLikePng(bytes) || pngColorType(bytes) !== 3) return null;
  try {
    const plte = chunksOf(bytes).find((c) => c.type === "PLTE");
    if (!plte) return null;
    const out: [number, number, number][] = [];
    for (let i = 0; i + 2 < plte.data.length; i += 3) out.push([plte.data[i], plte.data[i + 1], plte.data[i + 2]]);
    return out;
  } catch {
    return null;
  }
}
