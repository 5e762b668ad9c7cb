/**
 * JSON read from bytes, for the readers that skip JSON.parse where the data is regular (the COCO reader's usual
 * polygon annotation, the Supervisely reading thread's point lists), and the stand-in those paths put for a point
 * list: one number reader that gives what JSON.parse gives, one syntax-error finder, one marker.
 */
/**
 * The first character of a stand-in string for a point list taken out of a JSON text, followed by a number (which
 * list for the Supervisely reading thread, how many points for the writer thread's packing): DEL, which real text
 * rarely holds and JSON.stringify does not escape (NUL, which it escapes, would make stringifying slower). Whoever
 * makes stand-ins refuses text holding a string of its own that starts with DEL.
 */
export declare const POINT_LIST_MARKER = 127;
/** The stand-in string with number `k`. */
export declare function pointListStandIn(k: number): string;
/** Whether a parsed value is a point-list stand-in. */
export declare function isPointListStandIn(v: unknown): v is string;
/** The number of a stand-in string (see pointListStandIn). */
export declare function standInIndex(s: string): number;
/**
 * The number read last by readJsonNumber. In a typed array because a double stored in a module variable, or returned
 * from a function the compiler does not inline, is allocated on the heap, at every number.
 */
export declare const jsonNumber: Float64Array<ArrayBuffer>;
/** The number read last × 10000, when jsonNumberIsScaled: how a VertexStore (formats/coco) keeps coordinates. */
export declare const jsonNumberScaled: Int32Array<ArrayBuffer>;
export declare let jsonNumberIsScaled: boolean;
/**
 * Reads the JSON number at b[i] into jsonNumber[0]; gives the index after it, or -1 when there is none or it is not valid
 * JSON (JSON.parse then reports it). A number of at most 15 significant digits and a decimal exponent within ±22 is
 * m / 10^k or m × 10^k of two exact doubles, one correctly rounded operation: the double nearest to the decimal,
 * as JSON.parse gives (Clinger's fast path). Any other goes through Number(), which parses JSON's number syntax the
 * same way.
 *
 * Coordinates are nearly all `[-]ddd[.dd]`: those are read here, in a function small enough for the compiler to
 * inline into its callers (measured, a third faster); anything else by readAnyJsonNumber.
 */
export declare function readJsonNumber(b: Uint8Array, i: number, end: number): number;
/**
 * Offset of the first character that makes `text` invalid JSON (text.length when it ends too early), or -1 when it
 * is valid. V8's JSON.parse messages do not always carry a position (Node 20 prints a snippet instead), and users
 * need a line and column to fix a hand-edited file.
 */
export declare function jsonErrorOffset(text: string): number;
