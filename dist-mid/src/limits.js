/**
 * Limits that keep a tiny hostile file from taking gigabytes (docs/bad-input/limits.md).
 *
 * Pixel buffers are one or more bytes a pixel, and several live at once (a masks import keeps the decoded PNG, its
 * colour keys and the class masks: about 6 bytes a pixel), so every image, mask, bitmap and RLE size is checked
 * against one limit before any buffer of that size is made. Like sharp's `limitInputPixels`, the limit can be raised
 * (`--max-pixels <n>` or the environment variable SLYCONV_MAX_PIXELS) by someone whose data and machine need it.
 */
import { SlyconvError } from "./errors.js";
/** 2^27 pixels (16384 × 8192, or 11585²): a masks import of an image this size peaks under 1 GB. */
export const DEFAULT_MAX_PIXELS = 2 ** 27;
/** Environment variable that sets the pixel limit (the CLI's --max-pixels sets it too, for the worker threads). */
export const MAX_PIXELS_ENV = "SLYCONV_MAX_PIXELS";
/** Labels one item may hold: far above real data (COCO's densest image has ~100), far below what breaks memory. */
export const DEFAULT_MAX_LABELS = 100_000;
/** Environment variable that sets the labels limit (the CLI's --max-labels sets it too). */
export const MAX_LABELS_ENV = "SLYCONV_MAX_LABELS";
/**
 * Bytes of a file read whole (a Supervisely annotation, a VOC XML, a class map, a link list, a YAML or list file, a
 * mask PNG; an image compared with another):
 * reading, parsing and writing it back takes up to about 4.5 times the file's size (measured: a 248 MB annotation,
 * 1.1 GB), so 128 MiB keeps the largest such file under 1 GB. Real annotations of one image are a few MB at most.
 * COCO files and YOLO label files are streamed and have no such limit.
 */
export const DEFAULT_MAX_FILE_BYTES = 2 ** 27;
/** Environment variable that sets the file-size limit (the CLI's --max-file-bytes sets it too). */
export const MAX_FILE_BYTES_ENV = "SLYCONV_MAX_FILE_BYTES";
/**
 * Vertices one item may hold, holes included. Each is an array of its own once read, and an item is read, converted
 * and written at about 350 bytes a vertex besides 2.4 KB a label (measured: 2 million vertices, 820 MB; 100,000 labels
 * of 20 vertices, 950 MB), so an item at both limits stays near 650 MB. Real images have thousands. A written vertex
 * takes about 100 bytes of the 4-space-indented annotation JSON, and a file over V8's longest string (about 512 MB,
 * 5 million vertices) cannot be read back, by slyconv or by Node tools.
 */
export const DEFAULT_MAX_VERTICES = 1_000_000;
/** Environment variable that sets the vertex limit (the CLI's --max-vertices sets it too). */
export const MAX_VERTICES_ENV = "SLYCONV_MAX_VERTICES";
function fromEnv(name, fallback) {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === "")
        return fallback;
    const n = Number(raw.trim().replace(/_/g, ""));
    if (!Number.isSafeInteger(n) || n <= 0) {
        throw new SlyconvError("usage", `${name}=${JSON.stringify(raw)}: expected a whole number of at least 1`, {}, 2);
    }
    return n;
}
/** The pixel limit in force: SLYCONV_MAX_PIXELS when set, else DEFAULT_MAX_PIXELS. */
export function maxPixels() {
    return fromEnv(MAX_PIXELS_ENV, DEFAULT_MAX_PIXELS);
}
/** The labels-per-item limit in force: SLYCONV_MAX_LABELS when set, else DEFAULT_MAX_LABELS. */
export function maxLabels() {
    return fromEnv(MAX_LABELS_ENV, DEFAULT_MAX_LABELS);
}
/** The limit in force on files read whole: SLYCONV_MAX_FILE_BYTES when set, else DEFAULT_MAX_FILE_BYTES. */
export function maxFileBytes() {
    return fromEnv(MAX_FILE_BYTES_ENV, DEFAULT_MAX_FILE_BYTES);
}
/** The vertices-per-item limit in force: SLYCONV_MAX_VERTICES when set, else DEFAULT_MAX_VERTICES. */
export function maxVertices() {
    return fromEnv(MAX_VERTICES_ENV, DEFAULT_MAX_VERTICES);
}
/** A size over the pixel limit: exit 1 where it stops a run; readers that skip unreadable masks report it instead. */
export class PixelLimitError extends SlyconvError {
    constructor(message, location = {}) {
        super("pixel-limit", message, location, 1);
        this.name = "PixelLimitError";
    }
}
const grouped = (n) => n.toLocaleString("en-US");
/**
 * Throws PixelLimitError unless `width` × `height` is a size a buffer may be made for: whole, not negative, and at
 * most maxPixels() pixels. `what` names the thing ("the mask", "a bitmap of a cat").
 */
export function checkPixels(width, height, what, location = {}) {
    if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 0 || height < 0) {
        throw new PixelLimitError(`${what} has an impossible size ${width}×${height}: expected whole numbers of pixels`, location);
    }
    const limit = maxPixels();
    const pixels = width * height;
    if (pixels > limit) {
        throw new PixelLimitError(`${what} is ${width}×${height} (${grouped(pixels)} pixels), over the limit of ${grouped(limit)} pixels; ` +
            `if it is real and the machine has the memory (about 6 bytes a pixel), raise the limit with ${MAX_PIXELS_ENV}=${pixels}`, location);
    }
}
/**
 * The refusal of an item with more vertices than the limit (exit 1): `holds` says what holds how many, "item "a.png"
 * of dataset ds holds 13300000 vertices"; `count`, the value to raise the limit to.
 */
export function vertexLimitError(holds, count, location = {}) {
    return new SlyconvError("labels-limit", `${holds}, over the limit of ${maxVertices()} vertices per item (each takes about 350 bytes of memory ` +
        `to convert, and past about 5,000,000 the annotation file written is too large to read back); if that is real and the machine has the memory, raise the limit with ${MAX_VERTICES_ENV}=${count}`, location);
}
/** Whether `width` × `height` is within the pixel limit (for callers that report and go on instead of throwing). */
export function withinPixelLimit(width, height) {
    return Number.isSafeInteger(width) && Number.isSafeInteger(height) && width >= 0 && height >= 0 && width * height <= maxPixels();
}
//# sourceMappingURL=limits.js.map