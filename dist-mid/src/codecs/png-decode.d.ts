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
export declare class PngDecodeError extends Error {
}
/** Decodes any PNG variant (colour types 0/2/3/4/6, bit depths 1–16, interlaced) with pngjs. */
export declare function decodePng(bytes: Uint8Array): DecodedPng;
export declare function looksLikePng(bytes: Uint8Array): boolean;
/** Width and height from the IHDR chunk, without decoding pixels. */
export declare function pngHeaderSize(bytes: Uint8Array): {
    width: number;
    height: number;
} | null;
