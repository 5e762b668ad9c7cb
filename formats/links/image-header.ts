/**
 * Image width and height from the first bytes of a file held in memory, for partial downloads (HTTP range
 * requests): PNG, JPEG, GIF, WebP and BMP. Unlike src/io/image-header.ts (which reads local files, seeking as it
 * needs), this works on whatever prefix has arrived and says how many bytes it needs when that is too short (a
 * JPEG's frame header can sit behind a large EXIF block), so the prober can ask for the next range.
 */

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
    if (ascii(b, 12, 4) !== "IHDR") return { status: "invalid", format: "png", reason: "the first chunk is not IHDR" };
    return ok("png", dv.getUint32(16), dv.getUint32(20));
  }

  if (b[0] === 0xff && b[1] === 0xd8) return parseJpeg(b, dv);

  if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a") return ok("gif", dv.getUint16(6, true), dv.getUint16(8, true));

  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP") {
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
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
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
