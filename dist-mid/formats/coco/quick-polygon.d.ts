/** What readQuickPolygon read: reused from one annotation to the next. */
export declare class QuickPolygon {
    id: number;
    hasId: boolean;
    imageId: number;
    categoryId: number;
    iscrowd: boolean;
    area: number;
    hasArea: boolean;
    hasBbox: boolean;
    readonly bbox: [number, number, number, number];
    /** The parts' numbers one after the other: coords[0 .. count). */
    coords: Float64Array<ArrayBuffer>;
    /**
     * When `allInts`: the same numbers × 10000, each written with at most four decimals and within ±214748 (not -0),
     * which is how a VertexStore keeps them: ints[k] / 10000 is coords[k].
     */
    ints: Int32Array<ArrayBuffer>;
    allInts: boolean;
    count: number;
    /** The extremes of the parts' points (what flatPartsBox measures), found while reading them. */
    left: number;
    top: number;
    right: number;
    bottom: number;
    /** Numbers in each part: partLengths[0 .. parts). */
    partLengths: Int32Array<ArrayBuffer>;
    parts: number;
    /**
     * Set by the caller: only the parts' extremes are wanted (a writer that needs extents alone): the numbers are
     * read and checked as always, but not kept in coords and ints (count and allInts still say what they were).
     */
    boundsOnly: boolean;
    /** Each part's extremes, four numbers a part (left, top, right, bottom): partBounds[0 .. 4 × parts). */
    partBounds: Float64Array<ArrayBuffer>;
}
/**
 * Reads the annotation b[start .. end) (an element of the annotations list, from its '{' to its '}') into `out`;
 * false when it is not COCO's usual polygon annotation (see the module comment).
 */
export declare function readQuickPolygon(b: Uint8Array, start: number, end: number, out: QuickPolygon): boolean;
