/** The point lists of a batch of packed files: coordinates, and per list its first coordinate and its point count. */
export interface PackedLists {
    coords: Float64Array;
    /** starts[k], counts[k]: list k's first coordinate index in `coords` and its number of points. */
    starts: Int32Array;
    counts: Int32Array;
}
/** Packs files one after another into shared coordinate and list buffers (one batch). */
export declare class Packer {
    private b;
    private dv;
    private p;
    private n;
    private out;
    /** Where the next skeleton starts in `skeletons` (bytes written so far). */
    o: number;
    private nonAscii;
    coords: Float64Array<ArrayBuffer>;
    nc: number;
    starts: Int32Array<ArrayBuffer>;
    counts: Int32Array<ArrayBuffer>;
    nl: number;
    /**
     * Appends the skeleton of one file's bytes to the batch (its lists numbered on from the lists packed so far);
     * false, with nothing kept, when the file is to be read plainly. The skeleton is `skeletons` bytes from `o` before
     * the call to `o` after it, UTF-8 when `utf8` is set, else ASCII.
     */
    pack(bytes: Uint8Array): boolean;
    /** Whether the skeleton packed last holds non-ASCII (UTF-8) text. */
    utf8: boolean;
    /** The skeletons so far (valid until the next pack). */
    get skeletons(): Buffer;
    /** One file's skeleton as text, or null (for tests and single files): a batch of one. */
    packOne(bytes: Uint8Array): string | null;
    /** The lists and skeletons packed so far (copies, ready to transfer), and a fresh start. */
    take(): PackedLists & {
        skeletons: Uint8Array;
    };
    private ws;
    private room;
    private emit;
    private value;
    private literal;
    /** Copies a string as written (escapes and all); gives up on control characters, bad escapes and DEL (the marker). */
    private string;
    /** Checks a number's grammar and copies it as written. */
    private number;
    /** The end of the JSON number at p (grammar checked). */
    private scanNumber;
    private object;
    /** After a member or element: true at `close` (written), false after a comma (written, spaces after it skipped). */
    private closedBy;
    private array;
    /** At the first `[` of a list's first element: packs `[[x, y], …]` and writes its marker, else false (nothing kept). */
    private points;
    private undo;
    private growCoords;
}
/** The point lists of one packed file, for `annotationFromJson`: markers become points, and are ticked off. */
export declare class PackedPoints {
    readonly lists: PackedLists;
    readonly first: number;
    readonly count: number;
    private readonly used;
    private usedCount;
    constructor(lists: PackedLists, first: number, count: number);
    /** List k (absolute) as [x, y] pairs, or null when k is not one of this file's lists. */
    take(marker: string): [number, number][] | null;
    /** Every list was taken (none is left in the skeleton as a string). */
    get allTaken(): boolean;
    /** The parsed skeleton with every marker replaced by its points: what JSON.parse gives for the file. */
    unpack(v: unknown): unknown;
}
