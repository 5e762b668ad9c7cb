/** A fully transparent pixel: background whatever the class map says. */
export declare const TRANSPARENT_KEY = 4294967295;
/** Index reading of an RGB pixel whose channels differ: flagged so that it never equals a class index. */
export declare const COLOUR_FLAG = 16777216;
export interface MaskKeys {
    width: number;
    height: number;
    /** One byte a key where every key is one (8-bit gray or palette index readings). */
    keys: Uint8Array | Uint32Array;
}
export declare class MaskReadError extends Error {
}
export declare function readMaskKeys(bytes: Buffer, mode: "index" | "colour"): MaskKeys;
/** A binary mask of a Supervisely instance PNG: alpha > 0 when it has alpha, otherwise any channel > 0. */
export declare function readBinaryMask(bytes: Buffer): {
    width: number;
    height: number;
    data: Uint8Array;
};
/** Width and height from the IHDR without decoding. */
export declare function maskPngSize(bytes: Buffer): {
    width: number;
    height: number;
} | null;
/** The PLTE entries of a palette PNG, or null (not a palette PNG, or unreadable). */
export declare function pngPalette(bytes: Buffer): [number, number, number][] | null;
