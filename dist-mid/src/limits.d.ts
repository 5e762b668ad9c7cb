/**
 * Limits that keep a tiny hostile file from taking gigabytes (docs/bad-input/limits.md).
 *
 * Pixel buffers are one or more bytes a pixel, and several live at once (a masks import keeps the decoded PNG, its
 * colour keys and the class masks: about 6 bytes a pixel), so every image, mask, bitmap and RLE size is checked
 * against one limit before any buffer of that size is made. Like sharp's `limitInputPixels`, the limit can be raised
 * (`--max-pixels <n>` or the environment variable SLYCONV_MAX_PIXELS) by someone whose data and machine need it.
 */
import { SlyconvError, type Location } from "./errors.js";
/** 2^27 pixels (16384 × 8192, or 11585²): a masks import of an image this size peaks under 1 GB. */
export declare const DEFAULT_MAX_PIXELS: number;
/** Environment variable that sets the pixel limit (the CLI's --max-pixels sets it too, for the worker threads). */
export declare const MAX_PIXELS_ENV = "SLYCONV_MAX_PIXELS";
/** Labels one item may hold: far above real data (COCO's densest image has ~100), far below what breaks memory. */
export declare const DEFAULT_MAX_LABELS = 100000;
/** Environment variable that sets the labels limit (the CLI's --max-labels sets it too). */
export declare const MAX_LABELS_ENV = "SLYCONV_MAX_LABELS";
/**
 * Bytes of a file read whole (a Supervisely annotation, a VOC XML, a class map, a link list, a YAML or list file, a
 * mask PNG; an image compared with another):
 * reading, parsing and writing it back takes up to about 4.5 times the file's size (measured: a 248 MB annotation,
 * 1.1 GB), so 128 MiB keeps the largest such file under 1 GB. Real annotations of one image are a few MB at most.
 * COCO files and YOLO label files are streamed and have no such limit.
 */
export declare const DEFAULT_MAX_FILE_BYTES: number;
/** Environment variable that sets the file-size limit (the CLI's --max-file-bytes sets it too). */
export declare const MAX_FILE_BYTES_ENV = "SLYCONV_MAX_FILE_BYTES";
/**
 * Vertices one item may hold, holes included. Each is an array of its own once read, and an item is read, converted
 * and written at about 350 bytes a vertex besides 2.4 KB a label (measured: 2 million vertices, 820 MB; 100,000 labels
 * of 20 vertices, 950 MB), so an item at both limits stays near 650 MB. Real images have thousands. A written vertex
 * takes about 100 bytes of the 4-space-indented annotation JSON, and a file over V8's longest string (about 512 MB,
 * 5 million vertices) cannot be read back, by slyconv or by Node tools.
 */
export declare const DEFAULT_MAX_VERTICES = 1000000;
/** Environment variable that sets the vertex limit (the CLI's --max-vertices sets it too). */
export declare const MAX_VERTICES_ENV = "SLYCONV_MAX_VERTICES";
/** The pixel limit in force: SLYCONV_MAX_PIXELS when set, else DEFAULT_MAX_PIXELS. */
export declare function maxPixels(): number;
/** The labels-per-item limit in force: SLYCONV_MAX_LABELS when set, else DEFAULT_MAX_LABELS. */
export declare function maxLabels(): number;
/** The limit in force on files read whole: SLYCONV_MAX_FILE_BYTES when set, else DEFAULT_MAX_FILE_BYTES. */
export declare function maxFileBytes(): number;
/** The vertices-per-item limit in force: SLYCONV_MAX_VERTICES when set, else DEFAULT_MAX_VERTICES. */
export declare function maxVertices(): number;
/** A size over the pixel limit: exit 1 where it stops a run; readers that skip unreadable masks report it instead. */
export declare class PixelLimitError extends SlyconvError {
    constructor(message: string, location?: Location);
}
/**
 * Throws PixelLimitError unless `width` × `height` is a size a buffer may be made for: whole, not negative, and at
 * most maxPixels() pixels. `what` names the thing ("the mask", "a bitmap of a cat").
 */
export declare function checkPixels(width: number, height: number, what: string, location?: Location): void;
/**
 * The refusal of an item with more vertices than the limit (exit 1): `holds` says what holds how many, "item "a.png"
 * of dataset ds holds 13300000 vertices"; `count`, the value to raise the limit to.
 */
export declare function vertexLimitError(holds: string, count: number, location?: Location): SlyconvError;
/** Whether `width` × `height` is within the pixel limit (for callers that report and go on instead of throwing). */
export declare function withinPixelLimit(width: number, height: number): boolean;
