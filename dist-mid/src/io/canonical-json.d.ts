/**
 * A buffer with room for `more` bytes after the first `used` of `buf`: `buf` itself when it has it, else a copy of
 * those bytes in one twice as large (or more), so that appending byte by byte costs amortised constant time.
 */
export declare function grownBuffer(buf: Buffer, used: number, more: number): Buffer;
/**
 * Appends JSON texts to a growing byte buffer: `indented` gives the bytes of JSON.stringify(value, null, 4),
 * `compact` those of JSON.stringify(value).
 */
export declare class JsonWriter {
    private readonly w;
    /** Where a skeleton given as text is put as UTF-8 (kept between calls). */
    private skeletonBytes;
    constructor(initialSize?: number);
    get length(): number;
    /** The bytes written so far (a view: valid until the next write or reset). */
    view(): Buffer;
    /** Empties the buffer; one that grew past `keepBytes` is let go (for a smaller one). */
    reset(keepBytes?: number): void;
    text(s: string): void;
    /** Text known to be ASCII (short separators). */
    ascii(s: string): void;
    indented(value: unknown): void;
    /**
     * What `indented` gives for the value PointLists packed, from the skeleton's bytes and the coordinates. The compact
     * text is indented byte by byte, as JSON.stringify(v, null, 4) indents JSON.stringify(v) (strings, numbers and
     * literals are the same text in both), and each packed list is written from the coordinates: about twice as fast
     * as parsing the skeleton and writing the value again.
     */
    indentedPacked(skeleton: Uint8Array | string, coords: Float64Array): void;
    compact(value: unknown): void;
    private value;
}
/** A value made ready for `JsonWriter.indentedPacked` in another thread: see PointLists. */
export interface PackedJson {
    /** JSON.stringify of the value, each [[x, y], …] list replaced by the string "\u007f<points>". */
    skeleton: string;
    /** The coordinates of those lists, in order: x1, y1, x2, y2, … */
    coords: Float64Array;
}
/**
 * Packs a value whose indented JSON another thread is to write. Its point lists (what most annotation bytes are) go
 * into one Float64Array, cheap to transfer, and the rest into compact JSON made by JSON.stringify (native, and
 * several times faster than walking the value here). Whoever builds the value passes each [[x, y], …] list through
 * `list()` and puts what it returns in its place; `finish()` then gives the skeleton and the coordinates. Not
 * reentrant: build and finish one value at a time.
 */
export declare class PointLists {
    /** list(), bound: what a value's builder is given. */
    readonly write: (<T>(points: T[]) => T[] | string) & {
        /** The stand-in for a list given as flat coordinates x1, y1, x2, y2, … (coords[0 .. count), count even and > 0). */
        flat: (coords: Float64Array, count: number) => string;
    };
    private coords;
    private length;
    private count;
    /**
     * The stand-in for `points` ("\u007f<n>"), its coordinates kept; `points` itself when it is not a non-empty
     * plain list of plain [number, number] arrays (it is then serialized as it is).
     */
    list<T>(points: T[]): T[] | string;
    private flatList;
    /**
     * The skeleton and coordinates of `value` (built with list()), and a fresh start for the next value. Null when the
     * value holds a string of its own starting with DEL, which would read as a list: serialize it otherwise (built
     * without list()). The coordinates are a view of this packer's buffer, valid until the next value is built: the
     * caller copies them (FileWriterThread, into its batch's one buffer).
     */
    finish(value: unknown): PackedJson | null;
}
/** The UTF-8 bytes of `JSON.stringify(value, null, 4)` (which must not be undefined). */
export declare function canonicalJsonBytes(value: unknown): Buffer;
/** The UTF-8 bytes of `JSON.stringify(value)` (which must not be undefined). */
export declare function compactJsonBytes(value: unknown): Buffer;
