/**
 * A JSON file parsed with JSON.parse. A file over V8's string limit (about 512 MiB) cannot be one string, so a
 * top-level object is parsed member by member, and a member that is itself too big (COCO's `annotations` list) as
 * runs of its elements: what a script does once JSON.parse has refused the file.
 */
export declare function parseJsonFile(file: string): Promise<unknown>;
export declare function parseInChunks(bytes: Buffer, maxChunk: number): Record<string, unknown>;
/** Each item written as one compact JSON file `<name>.json` in outDir, one after the other. */
export declare function writeJsonPerItem(outDir: string, items: Iterable<{
    name: string;
    value: unknown;
}>): number;
