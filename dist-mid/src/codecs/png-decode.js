import { createRequire } from "node:module";
import { checkPixels } from "../limits.js";
/**
 * pngjs, loaded on the first decode: most conversions never decode a PNG here (it takes ~20 ms of start-up, and the
 * COCO and Supervisely imports load this module only to encode masks).
 */
let pngjs = null;
const loadPngjs = () => (pngjs ??= createRequire(import.meta.url)("pngjs"));
export class PngDecodeError extends Error {
}
/** Decodes any PNG variant (colour types 0/2/3/4/6, bit depths 1–16, interlaced) with pngjs. */
export function decodePng(bytes) {
    // pngjs makes a 4-byte-a-pixel buffer (and more while it inflates): the declared size is checked first.
    const declared = pngHeaderSize(bytes);
    if (declared)
        checkPixels(declared.width, declared.height, "the PNG");
    let png;
    try {
        png = loadPngjs().PNG.sync.read(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    }
    catch (e) {
        throw new PngDecodeError(`not a readable PNG (${e.message})`);
    }
    const meta = png;
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
export function looksLikePng(bytes) {
    return PNG_MAGIC.every((b, i) => bytes[i] === b);
}
/** Width and height from the IHDR chunk, without decoding pixels. */
export function pngHeaderSize(bytes) {
    if (bytes.length < 24 || !looksLikePng(bytes))
        return null;
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    return { width: dv.getUint32(16), height: dv.getUint32(20) };
}
//# sourceMappingURL=png-decode.js.map