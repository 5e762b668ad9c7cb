/**
 * Polygon annotations as read in the reader's first pass, kept compactly so that items are built from them without
 * reading and parsing the JSON a second time.
 *
 * A record holds an annotation's valid polygon parts and, when it differs from the parts' extremes, its bbox.
 * Coordinates with at most four decimals (COCO writes two) are kept as 32-bit integers in units of 1/10000 — exact:
 * `k / 10000` is the double nearest to the decimal, which is what JSON.parse gave — and any others as doubles.
 * Storage is a list of fixed-size chunks (no copying as it grows): about 4 bytes a coordinate, half the JSON's size.
 *
 * Int32 record at a position p:
 *   [p]           parts count | DOUBLES (coordinates are doubles) | BOX (a bbox is kept) | BOUNDS (extremes only)
 *   [p+1 … p+n]   numbers in each part (2 × vertices)
 *   [p+n+1]       when DOUBLES, BOX or BOUNDS: position of the doubles (bbox first, then coordinates, or with
 *                 BOUNDS each part's left, top, right, bottom)
 *   then          when neither DOUBLES nor BOUNDS: the coordinates × 10000
 *
 * A BOUNDS record (addBounds) is for a writer that needs each polygon's extent alone (YOLO detect, VOC boxes): its
 * vertices are not kept, and whoever needs them reads the annotation again from the file (see hasVertices).
 */
import type { Vec2 } from "../../src/model/index.js";
import type { Bbox } from "./annotation.js";
/** More numbers than this never fit a record (a record is one chunk at most): such an annotation is not kept. */
export declare const MAX_KEPT_NUMBERS: number;
export declare class VertexStore {
    private readonly ints;
    private readonly doubles;
    /** Chunk sizes (in numbers) are for tests. */
    constructor(intChunk?: number, doubleChunk?: number);
    private scratch;
    private scratchLengths;
    /** Keeps the parts (and a bbox, or null); returns the record's position, or -1 when it is too large to keep. */
    add(parts: readonly ArrayLike<number>[], bbox: Bbox | null): number;
    /**
     * Keeps `parts` parts whose numbers are coords[0 .. count), partLengths[k] in part k (and a bbox, or null); returns
     * the record's position, or -1 when it is too large to keep. `ints`, when given, holds the numbers × SCALE already
     * (the caller vouches that each is a whole number of 1/SCALE within the integer range, as fitsIntegers checks).
     */
    addFlat(coords: Float64Array, count: number, partLengths: Int32Array, parts: number, bbox: ArrayLike<number> | null, ints?: Int32Array | null): number;
    /**
     * Keeps the extremes of `parts` parts (partBounds[4k .. 4k + 4): left, top, right, bottom of part k, which holds
     * partLengths[k] numbers) and a bbox (or null), without their vertices: `extents` and `vertexCount` give what they
     * would give for the whole record, `get`, `ring` and `flatRing` refuse it. Returns the record's position.
     */
    addBounds(partLengths: Int32Array, parts: number, partBounds: Float64Array, bbox: ArrayLike<number> | null): number;
    /** Whether a record holds its vertices (not one of addBounds). */
    hasVertices(position: number): boolean;
    /** The vertices of a record's parts together (what `get` would build), from its header alone. */
    vertexCount(position: number): number;
    /** The polygons ([x, y] vertices) and the bbox of a record. */
    get(position: number): {
        polygons: Vec2[][];
        bbox: Bbox | null;
    };
    /**
     * The parts of a record without their vertices: per part, its extremes and vertex count in `out` (five numbers
     * each: left, top, right, bottom, vertices, as `get` would give them), and the bbox. Returns the parts' count.
     */
    extents(position: number, out: {
        ext: Float64Array;
        bbox: Bbox | null;
    }): number;
    /** Where part k of a record starts: in `ints` (coordinates × SCALE) or in `doubles`, and its count of numbers. */
    private part;
    /** Part k of a record, as `get` gives it. */
    ring(position: number, k: number): Vec2[];
    /** Part k of a record as flat coordinates (the numbers of `ring`'s points) in `into.coords`, grown when short; their count. */
    flatRing(position: number, k: number, into: {
        coords: Float64Array;
    }): number;
    /** The store's numbers, to be moved to another thread and adopted there (see adopt). */
    chunks(): {
        ints: Int32Array[];
        doubles: Float64Array[];
    };
    /**
     * Takes over the records of a store made with the same chunk sizes (in another thread: see parse-thread.ts), given
     * by their positions there; returns what to add to those positions to get theirs here. The chunks become this
     * store's (their records' references to doubles are moved along).
     */
    adopt(chunks: {
        ints: Int32Array[];
        doubles: Float64Array[];
    }, records: ArrayLike<number>): number;
    /** Memory held, in bytes. */
    get bytes(): number;
}
