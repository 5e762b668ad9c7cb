import { type AnnotationPlan, type Bbox, type CategoryMapping } from "./annotation.js";
import type { ElementReader } from "./json-scan.js";
import { type Json } from "./model.js";
import { QuickPolygon } from "./quick-polygon.js";
import { VertexStore } from "./vertex-store.js";
/** What the first pass keeps of such an annotation (see CocoReader.addKept). */
export interface KeptPolygon {
    id: number | null;
    imageId: number;
    categoryId: number;
    iscrowd: boolean;
    /** Absent when the annotation has none. */
    area: number | undefined;
    /** The polygon parts as read: flat [x1, y1, x2, y2, …] lists. */
    parts: ArrayLike<number>[];
    /** The bbox, when it is not the extremes of the parts (else it says nothing the polygons do not). */
    bbox: Bbox | null;
    /** See annotationHash (0 unless asked for). */
    hash: number;
}
/** Tells whether two annotations of one object (read from two files) have the same geometry. */
export declare function annotationHash(a: Record<string, unknown>): number;
/**
 * Whether the first pass can keep a planned annotation in the vertex store: a polygon whose fields the labels and
 * extra.coco.area say everything about. Undefined when it cannot; else the bbox to keep with the parts (null when it
 * is their extremes, and so says nothing the polygons do not).
 */
export declare function keptBox(plan: AnnotationPlan, raw: Json): Bbox | null | undefined;
/** keptBox for an annotation readQuickPolygon read: its bbox, or null when it has none or it is the parts' extremes. */
export declare function quickKeptBox(q: QuickPolygon): Bbox | null;
/**
 * Keeps the polygon readQuickPolygon read into q in `store` (its parts' extremes alone when q.boundsOnly): its
 * record's position, or -1 (see VertexStore.addFlat).
 */
export declare function storeQuick(store: VertexStore, q: QuickPolygon): number;
/**
 * The annotation as a KeptPolygon, or null when it is anything else: what keptBox refuses, a caption, keypoints,
 * a category `category` does not know, ids that are not numbers, or anything planAnnotation would report.
 */
export declare function keptPolygonOf(value: unknown, nonFinite: boolean, category: (id: unknown) => CategoryMapping | undefined, withHash: boolean): KeptPolygon | null;
/**
 * Kept polygons of a block of annotation rows, in typed arrays (cheap to move between threads): per row, 0 when it is
 * not kept, else 1 + the index of its NUMS numbers in `nums` (rows are kept in the order they are read, which is not
 * always theirs: see ElementReader.parseRuns); and the kept rows' vertices as a VertexStore's chunks, which the
 * reader's store adopts as they are.
 */
export interface ParsedBlock {
    kept: Int32Array;
    /** Per kept row: id (NaN: none), image id, category id, area (NaN: none), flags, hash, record in `vertices`. */
    nums: Float64Array;
    vertices: {
        ints: Int32Array[];
        doubles: Float64Array[];
    };
}
/** Packs the kept rows of a block as they come. */
export declare class BlockPacker {
    private readonly kept;
    private nums;
    private count;
    private readonly store;
    constructor(rows: number);
    /** Row k (of the block) is kept polygon p (unless its vertices are too many for one record). */
    add(k: number, p: KeptPolygon): void;
    /** Row k is the polygon readQuickPolygon read into q (kept unless its vertices are too many for one record). */
    addQuick(k: number, q: QuickPolygon): void;
    /** A row not kept is read again by the reader (which cannot keep it either). */
    private push;
    finish(): ParsedBlock;
}
/** The buffers of a block, to transfer it to another thread. */
export declare function blockBuffers(b: ParsedBlock): ArrayBuffer[];
/** What the reader adds for a kept row: a KeptPolygon whose vertices are already in the reader's store. */
/** The image ids of a block's kept rows, each once. */
export declare function blockImageIds(b: ParsedBlock): number[];
export interface AdoptedPolygon {
    id: number | null;
    imageId: number;
    categoryId: number;
    iscrowd: boolean;
    area: number | undefined;
    hash: number;
    /** Position of its record in the store that adopted the block. */
    record: number;
}
/** Moves a block's vertices into `store` and gives its kept rows. */
export declare class BlockUnpacker {
    private readonly block;
    private readonly shift;
    constructor(block: ParsedBlock, store: VertexStore);
    /** Row k of the block, which must be kept. */
    row(k: number): AdoptedPolygon;
}
/**
 * Rows kept per image by one side of the first pass (the parse thread, or the reader claiming blocks back): at most
 * the labels limit (src/limits.ts) each. The rest are left to the reader, which skips them all (read.ts): a hostile
 * file of millions of annotations on one image is then never kept.
 */
export declare class ImageBudget {
    private readonly counts;
    private readonly limit;
    /** Whether one more row of the image may be kept (and counts it). */
    take(imageId: number): boolean;
}
/**
 * Parses `count` annotation rows and packs the kept polygons among them (what ParseThread and the reader share).
 * COCO's usual annotation is read from its bytes (quick-polygon.ts), unless a hash is asked for (it is made from
 * the parsed values).
 */
export declare function parseBlock(reader: ElementReader, count: number, offsetOf: (k: number) => number, lengthOf: (k: number) => number, withHash: boolean, budget: ImageBudget, boundsOnly: boolean): Promise<ParsedBlock>;
