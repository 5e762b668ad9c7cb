import type { Label } from "../../src/model/index.js";
import { type RingSource } from "../../src/geometry/extent.js";
import { type AnnotationPlan, type CategoryMapping } from "./annotation.js";
import type { CocoFile } from "./discover.js";
import { type ScanValue } from "./json-scan.js";
import { type Json } from "./model.js";
import { ThreadedRows } from "./parse-thread.js";
/**
 * Tuning, for tests: with `keepPolygons` off every annotation is read again from the file when its item is built
 * (the path annotations the vertex store cannot hold take); masks are encoded in worker threads from `workerMasks`
 * masks on (see BATCH_MASKS). The annotations of a file of `parallelBytes` or more (or of `parallelRows`
 * annotations or more) are parsed with a thread's help, in blocks of `threadBlock`, the reader claiming blocks back
 * from the end once its scan is over unless `claimBack` is off (see parse-thread.ts). On a file of hundreds of MB
 * the thread shortens the first pass by a third or more; on a small one its start-up and its code's warming up
 * cost what it saves. With `boundsOnly` off, a writer that needs extents alone still gets polygons kept with their
 * vertices (AnnotationStore.boundsOnly).
 * Tests check that every path gives the same items.
 */
export declare const readerTuning: {
    keepPolygons: boolean;
    workerMasks: number;
    parallelBytes: number;
    parallelRows: number;
    threadBlock: number;
    claimBack: boolean;
    boundsOnly: boolean;
};
/** For tests: blocks of annotations added from their packed form so far: parsed by a ParseThread, or claimed back. */
export declare const readerStats: {
    threadBlocks: number;
    claimedBlocks: number;
};
/** Bits of AnnotationTable.kept: what a polygon annotation kept in the vertex store had besides its vertices. */
export declare const K_AREA = 1;
export declare const K_CROWD = 2;
/** Per-annotation facts in typed arrays (a few dozen bytes each), grown by doubling. */
export declare class AnnotationTable {
    length: number;
    file: Uint16Array<ArrayBuffer>;
    index: Uint32Array<ArrayBuffer>;
    offset: Float64Array<ArrayBuffer>;
    bytes: Uint32Array<ArrayBuffer>;
    image: Int32Array<ArrayBuffer>;
    annId: Float64Array<ArrayBuffer>;
    category: Int32Array<ArrayBuffer>;
    flags: Uint8Array<ArrayBuffer>;
    hash: Uint32Array<ArrayBuffer>;
    mergeInto: Int32Array<ArrayBuffer>;
    /** Position of the annotation's record in the vertex store, -1 when it is read again from the file. */
    record: Int32Array<ArrayBuffer>;
    area: Float64Array<ArrayBuffer>;
    kept: Uint8Array<ArrayBuffer>;
    /** Vertices of the annotation's polygons (what its labels will hold), against the vertex limit per image. */
    vertices: Int32Array<ArrayBuffer>;
    add(): number;
    /** A row for element `index` of file `file` (its bytes at `offset`, `bytes` long); the mapping says the rest. */
    addRow(file: number, index: number, offset: number, bytes: number): number;
    /** The mapping's reading of row i: its COCO id (null: none that is a number) and its image's key (imageKey). */
    setIdentity(i: number, id: number | null, imageKey?: number): void;
    /** Row i is left out (a problem the mapping reported, or its image is over the labels limit). */
    skip(i: number): void;
    /** Row i is a caption: a tag of its image, not an object. */
    markCaption(i: number): void;
    /** Row i is an object of category `category` (an index of the store's); a mask is built ahead of its item. */
    markObject(i: number, category: number, mask: boolean, hash?: number): void;
    isCaption(i: number): boolean;
    /** A second reading of an object (COCO's instances and keypoints files share ids): merged into primaryOf(i). */
    isSecondary(i: number): boolean;
    primaryOf(i: number): number;
    /** A mask annotation whose labels are built ahead of its item: not a caption, not a second reading. */
    isMaskBuiltAhead(i: number): boolean;
    /** Row i's polygons hold `vertices` vertices (counted against the vertex limit of its image). */
    addVertices(i: number, vertices: number): void;
    /**
     * Per image, once grouped: the vertices of its objects' polygons (a second reading of an object, a caption and a
     * row left out do not count).
     */
    verticesByImage(images: number): Float64Array;
    /** Its COCO id, when it has one that is a number and no earlier annotation has it (else NaN). */
    uniqueId(i: number): number;
    /**
     * Links the rows once every file is read, and groups them by image: each row's image key becomes its image
     * (`keyToImage`; -1, no such image: `missingImage` is told and the row left out); the objects of an image over the
     * labels limit (`overLimit`, by key) are left out; an id seen before, in another file, on the same image, category
     * and content, is a second reading of that object (merged into the first), any other repeat a duplicate
     * (`duplicateId`). Image k's rows, in file order, are then order[start[k]] … order[start[k + 1] - 1].
     */
    groupByImage(images: number, keyToImage: Int32Array, overLimit: Uint8Array | null, tell: {
        missingImage(i: number, key: number): void;
        duplicateId(i: number, first: number): void;
    }): {
        order: Int32Array;
        start: Int32Array;
    };
}
/** Thrown from inside a scan callback; turned into a located SlyconvError once the scan has stopped. */
export declare class ElementSyntaxError extends Error {
    readonly value: ScanValue;
    readonly cause: Error;
    constructor(value: ScanValue, cause: Error);
}
export declare function parseOrThrow(v: ScanValue): {
    value: unknown;
    nonFinite: boolean;
};
/** What the mapping (read.ts) does with the rows the store reads for it. */
export interface RowMapping {
    /** A row JSON.parse read: checked, reported and entered in the table by the mapping, in file order. */
    addAnnotation(row: number, index: number, value: unknown, nonFinite: boolean): void;
    /** The table key of an image id, for a kept row (counted against the labels limit). */
    imageKey(imageId: unknown): number;
    /**
     * Whether an image already holds as many annotations as the labels limit: its further rows are not kept but
     * handed to addAnnotation, which skips them (read.ts).
     */
    imageFull(imageId: unknown): boolean;
    /** A usual polygon annotation kept from its numbers: what it says about the project. */
    noteKept(cat: CategoryMapping, crowd: boolean, hasId: boolean): void;
    /**
     * An oversized row (row-vertices.ts) offered before it is parsed: true when the mapping entered it from its bytes
     * alone (its vertices put its image past the vertex limit), false to have it parsed.
     */
    addOversized(row: number, bytes: Buffer, from: number, to: number): boolean;
}
/** The rows of one file: its table, its categories, and the mapping to hand the other rows to. */
interface FileRows {
    t: AnnotationTable;
    categories: Map<unknown, CategoryMapping>;
    /** The file group has more than one file of objects (a hash is kept to match one object read twice). */
    compareAcrossFiles: boolean;
    map: RowMapping;
}
/** An annotation kept in the first pass, as the mapping builds its labels: the plan, its extra fields, its category. */
export interface KeptAnnotation {
    plan: AnnotationPlan;
    fields: Json;
    category: CategoryMapping;
}
export declare class AnnotationStore {
    /** Polygon annotations, kept from the first pass so that building items needs no second parse. */
    private readonly vertices;
    /** Reused by parseRows for each annotation it reads from its bytes. */
    private readonly quick;
    /** Categories by the index kept in AnnotationTable.category. */
    private readonly categoryList;
    private readonly categoryIndexes;
    /** The index AnnotationTable.category keeps for `cat`. */
    categoryIndex(cat: CategoryMapping): number;
    /** Where the scan of a file of `size` bytes notes its annotation rows (handed to a parse thread where that pays). */
    rowsOf(file: string, size: number, t: AnnotationTable, compareAcrossFiles: boolean): ThreadedRows;
    /**
     * Parses the annotation rows noted in the scan (the elements of the annotations list, in order) and adds them, in
     * order: blocks parsed by the thread or claimed back from it (parse-thread.ts) from their packed form, the others
     * parsed here.
     */
    readRows(file: string, rows: ThreadedRows, f: FileRows, signal?: AbortSignal): Promise<void>;
    /**
     * Parses rows from .. to-1 (in runs) and adds them; a row that does not parse stops the reading. COCO's usual
     * annotation is read from its bytes (quick-polygon.ts) and kept, as addKept keeps one a thread read.
     */
    private parseRows;
    /** A block the ParseThread parsed: its kept polygons are added from their numbers, the rest parsed here, in order. */
    private addParsedBlock;
    /** What the mapping's addAnnotation does for a kept polygon (see kept-polygon.ts): the same table entries. */
    private addKept;
    /** A kept polygon's table entries; id and area NaN when it has none. */
    private keepRow;
    /**
     * For a row the mapping parsed: a polygon annotation whose fields the labels and extra.coco.area say everything
     * about (COCO's usual annotation) goes to the vertex store, so its item is built without reading it again.
     */
    keep(t: AnnotationTable, i: number, plan: AnnotationPlan, raw: Json): void;
    /**
     * Kept annotations come back (keptLabels) with polygons whose points are built only when read
     * (src/geometry/extent.ts): set when the writer needs only extents (FormatContext.geometry).
     */
    extentOnly: boolean;
    /**
     * COCO's usual polygon annotation is kept as its parts' extremes alone (VertexStore.addBounds): set when the
     * writer needs nothing but extents (FormatContext.geometry "extent"). A polygon whose points are read anyway (a
     * far-outside check) gets them from its annotation read again (keptLabels' `rings`).
     */
    boundsOnly: boolean;
    private readonly extents;
    private readonly extent;
    /** Annotation i as kept in the first pass (the plan and fields a second reading would give), or null. */
    kept(t: AnnotationTable, i: number): KeptAnnotation | null;
    /**
     * The labels of annotation i as kept in the first pass (what buildLabels makes of kept(t, i)), or null when it was
     * not kept. For a writer that needs extents alone they are made here directly: one lazy polygon per part, the
     * coco_id and iscrowd tags, extra.coco with the area and a bbox that differs from the parts' extremes. `rings`
     * gives the points of a polygon kept as its extremes alone (rereadRings of t's files).
     */
    keptLabels(t: AnnotationTable, i: number, rings?: RingSource): Label[] | null;
    /**
     * Where the points of t's polygons kept as their extremes alone come from (keptLabels): record = the row, read
     * again from its file (opened and closed for each: only a polygon whose points something reads needs them).
     */
    static rereadRings(files: CocoFile[], t: AnnotationTable): RingSource;
    /**
     * Reads annotations of `files` back from their byte ranges, as JSON.parse gives them (files opened on first use);
     * `close` closes them.
     */
    static reread(files: CocoFile[], t: AnnotationTable): {
        read: (i: number) => {
            value: unknown;
            nonFinite: boolean;
        };
        close: () => void;
    };
}
export {};
