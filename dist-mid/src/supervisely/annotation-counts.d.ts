/**
 * An annotation file's labels and vertices, counted from its bytes before it is parsed. Parsing makes an object per
 * label and an array per vertex, several times the bytes they take in the file: a compact 133 MB annotation of 13.3
 * million vertices (`[123,456],` each) took 2 GB before the item could be refused, so the limits (src/limits.ts) are
 * checked here first. The Supervisely reader, its reading thread and `slyconv validate` do so.
 *
 * The counts are upper bounds that real annotations meet exactly: labels are the `"classTitle"` keys (a label has
 * one; the same key inside a string is escaped, `\"classTitle\"`, and does not count), vertices the lists that open
 * with a number (`[x, y]`; also a bitmap's origin and any list of numbers a label keeps, which real files have few of),
 * and lists and objects of any kind are bounded by what an item within both limits holds.
 */
import { SlyconvError } from "../errors.js";
/** What the bytes of an annotation file hold past a limit, or null. The bytes of a small file are not scanned. */
export declare function annotationOverLimits(b: Buffer): SlyconvError | null;
/** Throws what annotationOverLimits finds, naming `file`. */
export declare function checkAnnotationBytes(b: Buffer, file: string): void;
