/** Rows longer than this are counted from their bytes first, and left by the parse thread to the reader. */
export declare const OVERSIZED_ROW_BYTES: number;
/**
 * The image id (a number) and polygon vertices of the annotation object in b[from .. to), or null when it is not
 * such an object (it is then parsed as any row is). Of a key given twice the last counts, as in JSON.parse.
 */
export declare function rowVertices(b: Uint8Array, from: number, to: number): {
    imageId: number;
    vertices: number;
} | null;
