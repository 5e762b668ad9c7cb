import type { AlphaMaskGeometry, BitmapGeometry, Geometry, Vec2 } from "../model/geometry.js";
import { type BinaryMask, type GrayMask } from "./mask.js";
/** The `bitmap.data` string of spec §4 could not be decoded. */
export declare class BitmapDataError extends Error {
}
/**
 * Decodes a Supervisely bitmap string into a 0/1 mask (spec §4.2): with an alpha channel or tRNS the mask is
 * alpha > 0, otherwise any colour channel > 0. The layouts Supervisely and this toolkit write (1- or 8-bit palette
 * and gray PNGs) are decoded straight from their indices, about 5× faster than through pngjs's RGBA expansion,
 * which matters when an export or validate decodes thousands of masks; every other layout goes through pngjs.
 */
export declare function decodeBitmapData(data: string): BinaryMask;
/** Mask width and height from the PNG header only. */
export declare function bitmapDataSize(data: string): {
    width: number;
    height: number;
};
/** Why a bitmap's data cannot be read (not base64, not a PNG, no PNG header), or null when its header reads. */
export declare function bitmapDataProblem(data: string): string | null;
/**
 * The labels whose bitmap or alpha-mask data reads (its PNG header); each other one is handed to `lost` with the
 * reason, for the writers that need a mask's extent (a box, a canvas) to count it as lost instead of failing.
 */
export declare function labelsWithReadableMasks<L extends {
    geometry: Geometry;
}>(labels: readonly L[], lost: (label: L, reason: string) => void): L[];
/** Spec §4.1: 1-bit palette PNG [black, white], index 0 fully transparent, zlib-wrapped, base64. */
export declare function encodeBitmapData(mask: BinaryMask): string;
/**
 * `data` as a zlib stream of stored deflate blocks (RFC 1950/1951): what the format asks for around the PNG, without
 * compressing again what the PNG has compressed. zlib at its default level gives stored blocks for PNG bytes too
 * (same size, measured on COCO's masks), after searching them for matches: a third of encoding a mask.
 */
export declare function zlibStored(data: Uint8Array): Buffer;
/**
 * A bitmap geometry whose `data` is encoded from `mask` (0/1 values, cropped to its content) when first read (then
 * kept): when its item is written, rather than when it is read, and never when the writer takes the pixels through
 * bitmapMask. (Not in the Supervisely writer's file-writer thread: that thread is the busier of the two, and the
 * masks would have to be copied to it.)
 */
export declare function bitmapEncodedOnRead(origin: Vec2, mask: BinaryMask): BitmapGeometry;
/**
 * bitmapEncodedOnRead for a mask of a known size that `make` makes only when it is first needed: its `data` read, or
 * its pixels asked for (bitmapMask). A writer that skips the label (YOLO skips crowd masks) never makes it.
 */
export declare function bitmapMadeOnRead(origin: Vec2, size: {
    width: number;
    height: number;
}, make: () => BinaryMask): BitmapGeometry;
/** A bitmap's 0/1 mask: the one it was made from (bitmapEncodedOnRead, bitmapMadeOnRead), else its `data` decoded. */
export declare function bitmapMask(g: BitmapGeometry): BinaryMask;
/** A bitmap's mask width and height: from the mask it was made from, else from its PNG header. */
export declare function bitmapSize(g: BitmapGeometry): {
    width: number;
    height: number;
};
/** Whether a bitmap's pixels are at hand without decoding its `data` (bitmapEncodedOnRead, bitmapMadeOnRead). */
export declare function hasSourceMask(g: BitmapGeometry): boolean;
/** Spec §4.3: alpha matte as 8-bit gray (0..255). */
export declare function decodeAlphaMaskData(data: string): GrayMask;
export declare function encodeAlphaMaskData(matte: GrayMask): string;
/**
 * A bitmap geometry from a mask placed at (x, y) in the image, cropped to its content the way Supervisely stores
 * bitmaps. Null for an empty mask (Supervisely refuses those).
 */
export declare function bitmapFromMask(mask: BinaryMask, x?: number, y?: number): BitmapGeometry | null;
export declare function alphaMaskFromMatte(matte: GrayMask, x?: number, y?: number): AlphaMaskGeometry | null;
/** encodeBitmapData as a worker-pool task (the COCO reader's masks, in batches). */
export declare const encodeBitmapTask: import("../workers/task.js").CpuTask<[mask: BinaryMask], string>;
