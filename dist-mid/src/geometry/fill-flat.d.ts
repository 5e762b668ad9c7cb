/** Index canvases of one size: pixel (x, y) is byte `offset + y * stride + x` of each. */
export interface IndexCanvases {
    width: number;
    height: number;
    stride: number;
    offset: number;
    first: Uint8Array;
    /** Drawn too when its value is 0 or more. */
    second: Uint8Array;
    /**
     * When present, the columns drawn on in each row, widened as pixels are set: row y holds its pixels within
     * colFrom[y]..colTo[y] (none while colFrom[y] > colTo[y]). An encoder reads those columns alone.
     */
    colFrom?: Int32Array;
    colTo?: Int32Array;
}
/** Whether coords[from, to) are all finite and within ±FAST_LIMIT. */
export declare function fastPathCoords(coords: Float64Array, from: number, to: number): boolean;
/**
 * Fills the rings coords[ringStarts[k], ringStarts[k + 1]) for k in [firstRing, ringEnd) together by the even-odd
 * rule and draws their outlines (rasterize.ts fillRings), with v1 into `first` and, when v2 ≥ 0, v2 into `second`.
 * Coordinates must have passed fastPathCoords.
 */
export declare function fillFlatRings(c: IndexCanvases, coords: Float64Array, ringStarts: ArrayLike<number>, firstRing: number, ringEnd: number, v1: number, v2: number): void;
/**
 * One polygon: ring firstRing is the exterior, the rings after it up to ringEnd its holes (rasterize.ts
 * fillPolygon: a polygon with holes is drawn into a mask of its own, exterior with 1 and then the holes together
 * with 0, and its set pixels copied). Coordinates must have passed fastPathCoords.
 */
export declare function fillFlatPolygon(c: IndexCanvases, coords: Float64Array, ringStarts: ArrayLike<number>, firstRing: number, ringEnd: number, v1: number, v2: number): void;
