/**
 * Writing big COCO files without holding them: the elements of each array are appended to a part file as they come
 * (one element a line), and the parts are joined into the final JSON once all items are seen.
 */
import fsp from "node:fs/promises";
/** The elements of one JSON array, one a line, separated by commas, in a part file. */
export declare class JsonArrayPart {
    readonly path: string;
    private readonly fh;
    count: number;
    /** Elements not yet written, as the bytes of JSON.stringify. */
    private readonly out;
    private constructor();
    static create(path: string): Promise<JsonArrayPart>;
    /** Adds an element; a promise (to await) only when the buffer is written out, so most adds cost no await. */
    add(value: unknown): Promise<void> | undefined;
    private flush;
    close(): Promise<void>;
}
/** Copies `file` to the end of `out` in chunks of `buf`'s size. */
export declare function appendFileTo(out: fsp.FileHandle, file: string, buf?: Buffer): Promise<void>;
/** One top-level entry of the output: a value written inline, or an array whose elements are in a part file. */
export type TopEntry = [key: string, value: unknown] | [key: string, part: JsonArrayPart];
/** Writes `{"key": value, "images": [<part>], …}` to `file`, copying the parts in chunks. */
export declare function assembleJson(file: string, entries: TopEntry[]): Promise<void>;
