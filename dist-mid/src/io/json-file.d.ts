/** Line and column (1-based) of a character offset. */
export declare function lineColumnAt(text: string, offset: number): {
    line: number;
    column: number;
};
/** JSON.parse with the error turned into a finding-ready SlyconvError (file, line, column). */
export declare function parseJsonText(text: string, file: string): unknown;
/**
 * Reads and parses a JSON file. The read is synchronous: for the small files a project is made of it costs a few
 * times less CPU than fs.promises.readFile (one call instead of open, stat, read and close each going through the
 * thread pool), which is what bounds reading a project of 100,000 annotation files.
 */
export declare function readJsonFile(path: string, displayName?: string): Promise<unknown>;
/**
 * readJsonFile with the file's bytes handed to `check` before they are decoded and parsed: what it throws (a file
 * holding more than a limit allows) stops the read.
 */
export declare function readCheckedJsonFile(path: string, displayName: string, check: (bytes: Buffer) => void): Promise<unknown>;
/**
 * Canonical JSON text of a Supervisely file, as the SDK writes it: Python's json.dump with indent=4 (non-ASCII
 * characters as \u escapes, floats below 1e-4 in Python's exponent form; see python-json.ts).
 */
export declare function canonicalJson(value: unknown): string;
/**
 * Levels of arrays and objects a kept JSON value may nest. Values slyconv keeps as they are (customBigData, unknown
 * keys) are written back with recursive serializers, which overflow the stack some thousands of levels down; no
 * dataset nests a hundredth of this.
 */
export declare const MAX_JSON_DEPTH = 1000;
/** Whether `value` nests arrays and objects deeper than `max` levels (walked without recursion). */
export declare function jsonNestsDeeperThan(value: unknown, max?: number): boolean;
