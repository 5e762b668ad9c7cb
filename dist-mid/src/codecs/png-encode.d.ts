import { type ZlibOptions } from "node:zlib";
/** CRC-32 as PNG chunks use it (over the chunk type and data); `start`: the CRC of what came before. */
export declare function crc32(buf: Uint8Array, start?: number): number;
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
/** Encodes `pixels` (one byte per pixel, row-major) with filter type 0 on every scanline. */
export declare function encodePng(layout: PngLayout, pixels: Uint8Array): Buffer;
/** 8-bit palette PNG (VOC class/object masks, colour masks with ≤ 256 colours). */
export declare function encodePalettePng(width: number, height: number, indices: Uint8Array, palette: readonly (readonly [number, number, number])[], deflate?: ZlibOptions): Buffer;
/**
 * 8-bit palette PNG whose image data is compressed already (`zlibData`: a zlib stream of the scanlines, each after
 * its filter-type byte), with `plte` as the PLTE payload (r, g, b per entry). Written into one buffer.
 */
export declare function palettePngOfCompressed(width: number, height: number, plte: Uint8Array, zlibData: Uint8Array): Buffer;
/** 8-bit grayscale PNG (machine masks: pixel = class index). */
export declare function encodeGrayPng(width: number, height: number, values: Uint8Array): Buffer;
