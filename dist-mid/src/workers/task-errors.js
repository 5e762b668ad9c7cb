/**
 * Errors across the thread boundary: a task's error travels as plain data and comes back as the project's own class,
 * so that the caller sees what an inline run would have thrown (same class, code, location and exit code).
 */
import { BitmapDataError } from "../codecs/bitmap.js";
import { CocoRleError } from "../codecs/coco-rle.js";
import { PngDecodeError } from "../codecs/png-decode.js";
import { IndexedPngError } from "../codecs/png-indexed.js";
import { SlyconvError } from "../errors.js";
/** The project's error classes that a task may throw: a worker's error comes back as the same class. */
const ERROR_CLASSES = {
    BitmapDataError, CocoRleError, PngDecodeError, IndexedPngError,
};
export function taskErrorData(e) {
    if (!(e instanceof Error))
        return { kind: "Error", name: "Error", message: String(e) };
    const out = { kind: e.constructor.name, name: e.name, message: e.message };
    if (e instanceof SlyconvError)
        Object.assign(out, { code: e.code, location: e.location, exitCode: e.exitCode });
    return out;
}
/** The error a worker threw, rebuilt as the project's own class; null when it was none of them. */
export function reviveTaskError(d) {
    const Cls = ERROR_CLASSES[d.kind];
    if (Cls)
        return new Cls(d.message);
    if (d.code !== undefined) {
        // SlyconvError and its subclasses: same code, location and exit code (hence the same CLI message and status).
        const e = new SlyconvError(d.code, d.message, d.location ?? {}, d.exitCode ?? 1);
        e.name = d.name;
        return e;
    }
    return null;
}
//# sourceMappingURL=task-errors.js.map