import { SlyconvError } from "../../src/errors.js";
export interface ScanValue {
    /** Top-level key the value belongs to. */
    key: string;
    /** Index inside the top-level array, or -1 for a top-level value that is not an array. */
    index: number;
    /** The element's JSON text. */
    text: string;
    /** Byte offset of the element in the file, and its length in bytes. */
    offset: number;
    length: number;
}
export interface ScanHandlers {
    /**
     * A top-level key was read; `isArray` tells whether elements follow one by one. Returning "skip" skips the value
     * (its elements are still checked for structure and counted, but no text is made); "ranges" reports only where
     * each element is (onRange), to be read later.
     */
    onKey?(key: string, isArray: boolean): "skip" | "ranges" | void;
    onValue(value: ScanValue): void;
    onRange?(key: string, index: number, offset: number, length: number): void;
    onArrayEnd?(key: string, count: number): void;
    /** Bytes read so far (called once per chunk). */
    onProgress?(bytes: number): void;
}
/**
 * The index of the '}' that closes the object opening at b[start] ('{'), looking only at braces and strings (found
 * with Buffer.indexOf, so most bytes are never visited by JavaScript), or -1 when it does not close before n.
 */
export declare function endOfObject(b: Buffer, start: number, n: number): number;
/** Line and column (1-based, column in bytes) of a byte offset, by counting newlines from the start of the file. */
export declare function positionInFile(file: string, offset: number): Promise<{
    line: number;
    column: number;
}>;
/** A syntax error at a byte offset of a file, with its line and column. */
export declare function syntaxErrorAt(file: string, display: string, offset: number, message: string): Promise<SlyconvError>;
/**
 * Scans `file`, calling handlers for each top-level value. Throws SlyconvError("json-syntax") with line and column
 * on a structural error.
 */
export declare function scanTopLevel(file: string, display: string, handlers: ScanHandlers, signal?: AbortSignal, chunkSize?: number): Promise<void>;
export type ParsedElement = {
    ok: true;
    value: unknown;
    nonFinite: boolean;
} | {
    ok: false;
    error: Error;
};
/**
 * JSON.parse of one element. Python's json module writes NaN and Infinity, which are not JSON: they are read as
 * null (so the caller reports the value as invalid rather than the whole file as unreadable), and `nonFinite` says
 * so. Anything else that does not parse is returned as the error, for elementSyntaxError to locate.
 */
export declare function tryParseElement(text: string): ParsedElement;
export declare function elementSyntaxError(value: ScanValue, file: string, display: string, error: Error): Promise<SlyconvError>;
/** Replaces bare NaN / Infinity / -Infinity outside strings with null; null when there were none. */
export declare function replaceNonFiniteLiterals(text: string): string | null;
/**
 * Parses elements of one JSON array read back from an open file by their byte ranges, as a scan in "ranges" mode
 * noted them. Called once per block of elements (the COCO reader and its parse thread each take blocks): the file
 * stays open and the read window is kept between calls.
 */
export declare class ElementReader {
    private readonly fd;
    private win;
    private readonly file;
    private winStart;
    private winEnd;
    /** Reads are synchronous, as the scan's (see CHUNKS_PER_TURN); parseRuns takes a turn of the event loop every few. */
    private reads;
    private constructor();
    static open(file: string): Promise<ElementReader>;
    /**
     * Parses `count` elements, in order, with nothing but commas and whitespace between one and the next. About
     * RUN_BYTES of neighbouring elements are parsed with one JSON.parse (several times faster than one call each); a run
     * that does not parse (a syntax error, NaN) is parsed element by element with tryParseElement, so values, NaN
     * handling and errors are those of reading the elements one by one. `fn` gets each element in order, with its text
     * (made on demand).
     *
     * `quick`, when given, is offered each element's bytes first (bytes[from .. to)); when it takes the element (true),
     * `fn` does not get it. The elements it does not take are parsed together, after those it took, in their order.
     * When it takes none of a run's first QUICK_TRIES, the run is parsed without offering it the others.
     */
    parseRuns(count: number, offsetOf: (k: number) => number, lengthOf: (k: number) => number, fn: (k: number, parsed: ParsedElement, text: () => string) => void, quick?: (bytes: Buffer, from: number, to: number, k: number) => boolean): Promise<void>;
    close(): Promise<void>;
}
