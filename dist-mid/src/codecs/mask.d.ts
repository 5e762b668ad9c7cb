/** A binary mask, row-major, one byte per pixel (0 or 1). */
export interface BinaryMask {
    width: number;
    height: number;
    data: Uint8Array;
}
/** An 8-bit matte, row-major (0 = background). */
export interface GrayMask {
    width: number;
    height: number;
    data: Uint8Array;
}
/** A blank mask; `what` names it in the error when the size is over the pixel limit (src/limits.ts). */
export declare function createMask(width: number, height: number, what?: string): BinaryMask;
export declare function maskArea(mask: {
    data: Uint8Array;
}): number;
/** Tight bounding box of the non-zero pixels, inclusive; null when the mask is empty. */
export declare function maskBounds(mask: {
    width: number;
    height: number;
    data: Uint8Array;
}): {
    left: number;
    top: number;
    right: number;
    bottom: number;
} | null;
/** Crops a mask to its tight bounding box (Supervisely stores bitmaps that way, spec §3.5). */
export declare function cropMaskToContent<T extends {
    width: number;
    height: number;
    data: Uint8Array;
}>(mask: T): {
    mask: T;
    x: number;
    y: number;
} | null;
/** Draws `mask` placed at (x, y) into a full image-sized canvas with `value`, clipping at the borders. */
export declare function pasteMask(canvas: {
    width: number;
    height: number;
    data: Uint8Array;
}, mask: {
    width: number;
    height: number;
    data: Uint8Array;
}, x0: number, y0: number, value: number): void;
