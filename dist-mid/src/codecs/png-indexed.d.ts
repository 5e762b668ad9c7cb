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
export declare class IndexedPngError extends Error {
}
/** Decodes a palette or gray PNG to indices; null when the layout is not one this fast path handles. */
export declare function decodeIndexedPng(bytes: Uint8Array): IndexedPng | null;
