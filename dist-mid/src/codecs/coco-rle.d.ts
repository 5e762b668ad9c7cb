/**
 * COCO run-length encoding (the `segmentation` of crowd annotations and of mask-based datasets).
 *
 * Facts of the format (as pycocotools defines it):
 * - The mask is `size = [height, width]`, read in column-major order: index = x * height + y.
 * - `counts` alternate zeros and ones, starting with a (possibly empty) run of zeros; they sum to height * width.
 * - Uncompressed RLE keeps `counts` as a JSON list of numbers.
 * - Compressed RLE keeps `counts` as an ASCII string: each count (from the fourth on, as the difference with the count
 *   two places before it, so that runs of similar lengths stay short) is cut into 5-bit groups, lowest first; a group
 *   is written as the character 48 + (group | 0x20 when more groups follow). The last group's bit 0x10 is the sign
 *   bit: when it is set the value is negative (sign-extended).
 *
 * Everything here is hand-written and pixel-exact; masks are the row-major `BinaryMask` of codecs/mask.ts.
 */
import type { BinaryMask } from "./mask.js";
/** An RLE with numeric counts (whatever form it was stored in). */
export interface CocoRle {
    height: number;
    width: number;
    counts: number[];
}
/** The RLE could not be decoded; the message says why (it becomes a per-annotation warning). */
export declare class CocoRleError extends Error {
}
/**
 * Decodes the compressed counts string. Arithmetic instead of 32-bit shifts so that counts beyond 2^31 (huge masks)
 * stay exact.
 */
export declare function decodeRleCounts(s: string): number[];
/** Encodes counts as the compressed string (the inverse of decodeRleCounts). */
export declare function encodeRleCounts(counts: readonly number[]): string;
/** What a COCO `segmentation` RLE object looks like in JSON. */
export interface CocoRleJson {
    size: [number, number];
    counts: string | number[];
}
/**
 * Reads and checks an RLE object from JSON: `size` of two whole numbers, `counts` a string or a list of
 * non-negative whole numbers summing to height * width.
 */
export declare function rleFromJson(v: unknown): CocoRle;
export declare function rleToJson(rle: CocoRle, form?: "string" | "list"): CocoRleJson;
/** Number of 1 pixels. */
export declare function rleArea(rle: CocoRle): number;
/** Tight box of the 1 pixels (inclusive), or null for an empty mask. */
export declare function rleBounds(rle: CocoRle): {
    left: number;
    top: number;
    right: number;
    bottom: number;
} | null;
/** The full-size row-major mask. */
export declare function rleToMask(rle: CocoRle): BinaryMask;
/**
 * The mask cropped to its content and where it sits (what a Supervisely bitmap stores), without allocating the
 * full image. Null for an empty mask.
 */
export declare function rleToCroppedMask(rle: CocoRle): {
    mask: BinaryMask;
    x: number;
    y: number;
} | null;
/** RLE of a full-size row-major mask. */
export declare function rleFromMask(mask: BinaryMask): CocoRle;
/**
 * RLE of an image of `width`×`height` that is empty except for `mask` placed with its top-left pixel at (x0, y0).
 * Pixels outside the image are clipped (the count of clipped 1 pixels is returned so callers can report it).
 * Work is proportional to the mask, not to the image.
 */
export declare function rleFromPlacedMask(mask: BinaryMask, x0: number, y0: number, width: number, height: number): CocoRle & {
    clipped: number;
};
/** Pixel-wise union of RLEs of the same size. */
export declare function rleUnion(rles: readonly CocoRle[]): CocoRle;
