import { inflateSync } from "node:zlib";
import { checkPixels } from "../limits.js";
export class IndexedPngError extends Error {
}
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
function paeth(a, b, c) {
    const p = a + b - c;
    const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
/** Undoes the per-scanline filters in place (bytes per pixel is 1 for every layout handled here). */
function unfilter(raw, rowBytes, height) {
    const out = new Uint8Array(rowBytes * height);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (rowBytes + 1)];
        const src = y * (rowBytes + 1) + 1;
        const row = y * rowBytes;
        const prev = row - rowBytes;
        switch (filter) {
            case 0:
                out.set(raw.subarray(src, src + rowBytes), row);
                break;
            case 1:
                out[row] = raw[src];
                for (let x = 1; x < rowBytes; x++)
                    out[row + x] = (raw[src + x] + out[row + x - 1]) & 255;
                break;
            case 2:
                if (y === 0)
                    out.set(raw.subarray(src, src + rowBytes), row);
                else
                    for (let x = 0; x < rowBytes; x++)
                        out[row + x] = (raw[src + x] + out[prev + x]) & 255;
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
    return out;
}
/** Decodes a palette or gray PNG to indices; null when the layout is not one this fast path handles. */
export function decodeIndexedPng(bytes) {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    if (buf.length < 33 || SIGNATURE.some((b, i) => buf[i] !== b))
        throw new IndexedPngError("not a PNG file (bad signature)");
    let width = 0, height = 0, bitDepth = 0, colorType = -1, interlace = 0;
    let palette;
    let transparency;
    const idat = [];
    let pos = 8;
    while (pos + 8 <= buf.length) {
        const length = buf.readUInt32BE(pos);
        const type = buf.toString("latin1", pos + 4, pos + 8);
        const data = buf.subarray(pos + 8, pos + 8 + length);
        if (data.length < length)
            throw new IndexedPngError(`PNG chunk ${type} is cut short`);
        if (type === "IHDR") {
            width = data.readUInt32BE(0);
            height = data.readUInt32BE(4);
            bitDepth = data[8];
            colorType = data[9];
            interlace = data[12];
            if ((colorType !== 0 && colorType !== 3) || interlace !== 0 || ![1, 2, 4, 8].includes(bitDepth))
                return null;
        }
        else if (type === "PLTE") {
            palette = [];
            for (let i = 0; i + 2 < data.length; i += 3)
                palette.push([data[i], data[i + 1], data[i + 2]]);
        }
        else if (type === "tRNS") {
            transparency = Uint8Array.from(data);
        }
        else if (type === "IDAT") {
            idat.push(data);
        }
        else if (type === "IEND") {
            break;
        }
        pos += 12 + length;
    }
    if (!width || !height)
        throw new IndexedPngError("PNG has no IHDR chunk");
    checkPixels(width, height, "the PNG");
    if (colorType === 3 && !palette)
        throw new IndexedPngError("palette PNG has no PLTE chunk");
    let raw;
    try {
        // No more than the declared rows: a small PNG whose data inflates to gigabytes stops here.
        raw = inflateSync(Buffer.concat(idat), { maxOutputLength: Math.max(1, (Math.ceil((width * bitDepth) / 8) + 1) * height) });
    }
    catch (e) {
        throw new IndexedPngError(`PNG image data does not inflate (${e.message})`);
    }
    const rowBytes = Math.ceil((width * bitDepth) / 8);
    if (raw.length < (rowBytes + 1) * height)
        throw new IndexedPngError("PNG image data is shorter than its declared size");
    const packed = unfilter(raw, rowBytes, height);
    let pixels;
    if (bitDepth === 8) {
        pixels = packed;
    }
    else {
        pixels = new Uint8Array(width * height);
        const mask = (1 << bitDepth) - 1;
        for (let y = 0; y < height; y++) {
            const src = y * rowBytes, dst = y * width;
            // Samples are packed from the high bits down; walk each byte's samples in order.
            for (let x = 0, b = 0; x < width; b++) {
                const byte = packed[src + b];
                for (let shift = 8 - bitDepth; shift >= 0 && x < width; shift -= bitDepth, x++)
                    pixels[dst + x] = (byte >> shift) & mask;
            }
        }
    }
    return { width, height, colorType: colorType, bitDepth: bitDepth, pixels, palette, transparency };
}
//# sourceMappingURL=png-indexed.js.map