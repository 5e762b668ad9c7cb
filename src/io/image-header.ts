/**
 * The one image-header reader: width and height (and format) from the first bytes of an image, for the formats
 * datasets mostly use (PNG, JPEG, GIF, BMP, WebP). `parseImageHeader` works on whatever prefix is at hand and says
 * how many bytes it needs when that is too short (a JPEG's frame header can sit behind a large EXIF block): local
 * files read a longer prefix (readImageHeaderSize), the link prober asks the server for the next range.
 *
 * Why not sharp for all: sharp's metadata() costs a libvips call per file and tops out near 3,000 files/s on 2 cores
 * even with a warm page cache, while reading a few hundred bytes and decoding them here runs several times faster
 * (bench/cases/yolo.ts measures both). sharp stays the fallback for every other format (TIFF, AVIF, HEIC, …) and for
 * headers this reader finds broken.
 *
 * Sizes are those of the stored pixels (EXIF orientation is not applied), as Supervisely records them.
 */
import fs from "node:fs";
import { sharpImageSize, type ImageDimensions } from "./image-size.js";
import { mapLimit } from "./concurrency.js";
import { READ_NONBLOCK } from "./regular-file.js";

export type ImageHeaderFormat = "png" | "jpeg" | "gif" | "webp" | "bmp";

export interface ImageHeader {
  format: ImageHeaderFormat;
  mime: string;
  width: number;
  height: number;
}

export type HeaderParse =
  | { status: "ok"; header: ImageHeader }
  /** The bytes so far are a valid start; at least `minBytes` bytes are needed to go on. */
  | { status: "need-more"; minBytes: number }
  /** Not one of the known formats. */
  | { status: "unknown" }
  /** A known format whose header is broken. */
  | { status: "invalid"; format: ImageHeaderFormat; reason: string };

const MIME: Record<ImageHeaderFormat, string> = {
  png: "image/png", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", bmp: "image/bmp",
};

/** File extension (without dot) conventionally used for each format. */
export const IMAGE_HEADER_EXTENSION: Record<ImageHeaderFormat, string> = {
  png: "png", jpeg: "jpg", gif: "gif", webp: "webp", bmp: "bmp",
};

function ok(format: ImageHeaderFormat, width: number, height: number): HeaderParse {
  if (!(width > 0 && height > 0)) return { status: "invalid", format, reason: `the header declares a size of ${width}×${height}` };
  return { status: "ok", header: { format, mime: MIME[format], width, height } };
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));
/** Whether `b` holds the ASCII text `s` at `at`, compared byte by byte (no string made: this runs for every image). */
const isAscii = (b: Uint8Array, at: number, s: string) => {
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PREFIXES = [PNG_SIGNATURE, [0xff, 0xd8], [0x47, 0x49, 0x46, 0x38], [0x52, 0x49, 0x46, 0x46], [0x42, 0x4d]];

/** Parses whatever header is at the start of `bytes` (see HeaderParse). */
export function parseImageHeader(bytes: Uint8Array): HeaderParse {
  const b = bytes;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const n = b.length;
  // Every format below is recognisable from its first 12 bytes.
  if (n < 12) {
    const couldBe = PREFIXES.some((p) => p.slice(0, n).every((v, i) => b[i] === v));
    return couldBe ? { status: "need-more", minBytes: 12 } : { status: "unknown" };
  }

  if (startsWith(b, PNG_SIGNATURE)) {
    if (n < 24) return { status: "need-more", minBytes: 24 };
    if (!isAscii(b, 12, "IHDR")) return { status: "invalid", format: "png", reason: "the first chunk is not IHDR" };
    return ok("png", dv.getUint32(16), dv.getUint32(20));
  }

  if (b[0] === 0xff && b[1] === 0xd8) return parseJpeg(b, dv);

  if (isAscii(b, 0, "GIF87a") || isAscii(b, 0, "GIF89a")) return ok("gif", dv.getUint16(6, true), dv.getUint16(8, true));

  if (isAscii(b, 0, "RIFF") && isAscii(b, 8, "WEBP")) {
    if (n < 30) return { status: "need-more", minBytes: 30 };
    const chunk = ascii(b, 12, 4);
    if (chunk === "VP8 ") {
      // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
      if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return { status: "invalid", format: "webp", reason: "VP8 start code missing" };
      return ok("webp", dv.getUint16(26, true) & 0x3fff, dv.getUint16(28, true) & 0x3fff);
    }
    if (chunk === "VP8L") {
      if (b[20] !== 0x2f) return { status: "invalid", format: "webp", reason: "VP8L signature missing" };
      const bits = dv.getUint32(21, true);
      return ok("webp", (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    if (chunk === "VP8X") {
      const w = b[24] | (b[25] << 8) | (b[26] << 16);
      const h = b[27] | (b[28] << 8) | (b[29] << 16);
      return ok("webp", w + 1, h + 1);
    }
    return { status: "invalid", format: "webp", reason: `unknown first chunk ${JSON.stringify(chunk)}` };
  }

  if (b[0] === 0x42 && b[1] === 0x4d) {
    if (n < 26) return { status: "need-more", minBytes: 26 };
    const dibSize = dv.getUint32(14, true);
    if (dibSize === 12) return ok("bmp", dv.getUint16(18, true), dv.getUint16(20, true));
    if (dibSize >= 40) return ok("bmp", Math.abs(dv.getInt32(18, true)), Math.abs(dv.getInt32(22, true)));
    return { status: "invalid", format: "bmp", reason: `unknown DIB header size ${dibSize}` };
  }

  return { status: "unknown" };
}

/** Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function parseJpeg(b: Uint8Array, dv: DataView): HeaderParse {
  let pos = 2;
  for (;;) {
    if (pos + 4 > b.length) return { status: "need-more", minBytes: pos + 4 };
    if (b[pos] !== 0xff) return { status: "invalid", format: "jpeg", reason: `no marker at byte ${pos}` };
    // Any number of 0xFF fill bytes may precede a marker.
    if (b[pos + 1] === 0xff) {
      pos++;
      continue;
    }
    const marker = b[pos + 1];
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      pos += 2; // stand-alone markers carry no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return { status: "invalid", format: "jpeg", reason: "no frame header before the image data" };
    const length = dv.getUint16(pos + 2);
    if (length < 2) return { status: "invalid", format: "jpeg", reason: `segment length ${length} at byte ${pos}` };
    if (isStartOfFrame(marker)) {
      if (pos + 9 > b.length) return { status: "need-more", minBytes: pos + 9 };
      return ok("jpeg", dv.getUint16(pos + 7), dv.getUint16(pos + 5));
    }
    pos += 2 + length;
  }
}

/** Bytes read first: enough for PNG/GIF/BMP/WebP headers and for the start of a JPEG before any large APPn segment. */
const FIRST_READ = 4096;
/** The longest prefix read for a header (a JPEG's segments before its frame header are at most 64 KiB each). */
const MAX_HEADER_READ = 4 << 20;

// Callback fs calls wrapped by hand: FileHandle adds an object and a promise chain per call, which shows at 100k files.
function openRead(file: string): Promise<number> {
  return new Promise((resolve, reject) => fs.open(file, READ_NONBLOCK, (err, fd) => (err ? reject(err) : resolve(fd))));
}
function readAt(fd: number, buf: Buffer, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buf, 0, buf.length, position, (err, n) => (err ? reject(err) : resolve(n))));
}
function closeFd(fd: number): Promise<void> {
  return new Promise((resolve) => fs.close(fd, () => resolve()));
}

/** The header of an open file: prefixes read until the parser has what it needs; "unreadable" when reading fails. */
async function fileHeader(fd: number): Promise<HeaderParse | "unreadable"> {
  let buf = Buffer.allocUnsafe(FIRST_READ);
  let n = await readAt(fd, buf, 0);
  for (;;) {
    const parsed = parseImageHeader(buf.subarray(0, n));
    if (parsed.status !== "need-more") return parsed;
    // The file ends before the header does.
    if (n < buf.length || parsed.minBytes > MAX_HEADER_READ) return n < buf.length ? "unreadable" : { status: "unknown" };
    const bigger = Buffer.allocUnsafe(Math.min(MAX_HEADER_READ, Math.max(parsed.minBytes + FIRST_READ, buf.length * 2)));
    buf.copy(bigger, 0, 0, n);
    buf = bigger;
    n += await readAt(fd, buf.subarray(n), n);
  }
}

/** One buffer for every synchronous first read: the parse keeps nothing of it (a buffer a file showed in profiles). */
const firstReadBuffer = Buffer.allocUnsafe(FIRST_READ);

/**
 * The header of a file from its first FIRST_READ bytes, read with synchronous calls (a few microseconds for a file in
 * the page cache, where the thread-pool round trips of open, read and close cost the main thread far more); null when
 * the header goes on past them, for fileHeader to read on.
 */
function firstHeaderSync(file: string): HeaderParse | "unreadable" | "unopened" | null {
  let fd: number;
  try {
    fd = fs.openSync(file, READ_NONBLOCK);
  } catch {
    return "unopened";
  }
  try {
    const buf = firstReadBuffer;
    const n = fs.readSync(fd, buf, 0, FIRST_READ, 0);
    const parsed = parseImageHeader(buf.subarray(0, n));
    if (parsed.status !== "need-more") return parsed;
    return n < FIRST_READ ? "unreadable" : null;
  } catch {
    return "unreadable";
  } finally {
    fs.closeSync(fd);
  }
}

/** Width and height of an image file from its header; sharp for formats not decoded here. Null when unreadable. */
export async function readImageHeaderSize(file: string): Promise<ImageDimensions | null> {
  let parsed: HeaderParse | "unreadable" | "unopened" | null = firstHeaderSync(file);
  if (parsed === "unopened") return null;
  if (parsed === null) {
    let fd: number;
    try {
      fd = await openRead(file);
    } catch {
      return null;
    }
    try {
      parsed = await fileHeader(fd);
    } catch {
      parsed = "unreadable";
    } finally {
      await closeFd(fd);
    }
  }
  if (parsed === "unreadable") return null;
  if (parsed.status === "ok") return { width: parsed.header.width, height: parsed.header.height };
  return sharpImageSize(file);
}

/** Width and height of an image held in memory (e.g. an archive member); sharp for formats not decoded here. */
export async function imageSizeFromBuffer(data: Buffer): Promise<ImageDimensions | null> {
  const parsed = parseImageHeader(data);
  if (parsed.status === "ok") return { width: parsed.header.width, height: parsed.header.height };
  return sharpImageSize(data);
}

/** Header reads are small and I/O bound: enough in flight to keep the libuv pool busy. */
export const HEADER_PROBE_CONCURRENCY = 32;

export function readImageHeaderSizes(files: readonly string[], concurrency = HEADER_PROBE_CONCURRENCY) {
  return mapLimit(files, concurrency, (f) => readImageHeaderSize(f));
}
