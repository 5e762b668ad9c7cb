import path from "node:path";
import { SlyconvError } from "../errors.js";
/**
 * Guards for names that come from input data (file names in COCO/VOC/YOLO, dataset names, archive entries):
 * whatever they say, nothing is written outside the output folder.
 */
export class UnsafePathError extends SlyconvError {
    constructor(name, why) {
        super("unsafe-path", `refusing the name ${JSON.stringify(name)}: ${why}`);
    }
}
/** Why a relative name from the input is unsafe, or null when it is fine. */
export function unsafeNameReason(name) {
    if (typeof name !== "string" || name.length === 0)
        return "it is empty";
    if (name.includes("\0"))
        return "it contains a NUL byte";
    if (/^[A-Za-z]:/.test(name))
        return "it has a Windows drive letter";
    if (name.startsWith("/") || name.startsWith("\\"))
        return "it is an absolute path";
    const parts = name.split(/[\\/]+/);
    if (parts.some((p) => p === ".."))
        return "it climbs out with '..'";
    return null;
}
/** Joins a relative name under root, refusing anything that would land outside root. */
export function safeJoin(root, ...names) {
    for (const n of names) {
        const why = unsafeNameReason(n);
        if (why)
            throw new UnsafePathError(n, why);
    }
    const resolvedRoot = path.resolve(root);
    const target = path.resolve(resolvedRoot, ...names.map((n) => n.replace(/\\/g, "/")));
    if (target !== resolvedRoot && !target.startsWith(resolvedRoot + path.sep)) {
        throw new UnsafePathError(names.join("/"), "it resolves outside the output folder");
    }
    return target;
}
/** A single path segment (file name) safe to use as-is: no separators either. */
export function assertPlainFileName(name) {
    const why = unsafeNameReason(name) ?? (/[\\/]/.test(name) ? "it contains a path separator" : null) ?? (name === "." ? "it is '.'" : null);
    if (why)
        throw new UnsafePathError(name, why);
    return name;
}
/** Base name of a path written with either separator. */
export function baseName(p) {
    const parts = p.split(/[\\/]/);
    return parts[parts.length - 1];
}
/** File name without its last extension. */
export function stemOf(name) {
    const b = baseName(name);
    const i = b.lastIndexOf(".");
    return i > 0 ? b.slice(0, i) : b;
}
/** Path relative to `root` with forward slashes, for messages and findings. */
export function displayPath(root, p) {
    const rel = path.relative(root, p);
    return (rel && !rel.startsWith("..") ? rel : p).split(path.sep).join("/");
}
//# sourceMappingURL=paths.js.map