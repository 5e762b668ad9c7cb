import { mapLimit } from "./concurrency.js";
import { loadSharp } from "./sharp-lazy.js";
// Header reads are I/O bound; libvips threads would only compete with our own concurrency (set in sharp-lazy.ts).
/**
 * Image width and height from the file header (sharp reads the header only, no pixel decode). EXIF orientation is
 * not applied: sizes are those of the stored pixels, as Supervisely records them. Null when unreadable.
 */
export function readImageSize(file) {
    return sharpImageSize(file);
}
/** Width and height as sharp reads them from a file or from image bytes; null when sharp cannot read them. */
export async function sharpImageSize(input) {
    const sharp = await loadSharp();
    try {
        const m = await sharp(input).metadata();
        return m.width && m.height ? { width: m.width, height: m.height } : null;
    }
    catch {
        return null;
    }
}
export const DEFAULT_PROBE_CONCURRENCY = 16;
export function readImageSizes(files, concurrency = DEFAULT_PROBE_CONCURRENCY) {
    return mapLimit(files, concurrency, (f) => readImageSize(f));
}
//# sourceMappingURL=image-size.js.map