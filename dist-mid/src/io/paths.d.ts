import { SlyconvError } from "../errors.js";
/**
 * Guards for names that come from input data (file names in COCO/VOC/YOLO, dataset names, archive entries):
 * whatever they say, nothing is written outside the output folder.
 */
export declare class UnsafePathError extends SlyconvError {
    constructor(name: string, why: string);
}
/** Why a relative name from the input is unsafe, or null when it is fine. */
export declare function unsafeNameReason(name: string): string | null;
/** Joins a relative name under root, refusing anything that would land outside root. */
export declare function safeJoin(root: string, ...names: string[]): string;
/** A single path segment (file name) safe to use as-is: no separators either. */
export declare function assertPlainFileName(name: string): string;
/** Base name of a path written with either separator. */
export declare function baseName(p: string): string;
/** File name without its last extension. */
export declare function stemOf(name: string): string;
/** Path relative to `root` with forward slashes, for messages and findings. */
export declare function displayPath(root: string, p: string): string;
