/**
 * What the operating system or the JavaScript engine said, in terms a user can act on. A disk that is full, a
 * read-only file system, a path under a file, a name too long for the file system: these are not bugs, so they get
 * one line naming the path and what to do, and exit 1 (the data or the disk) or 2 (the path asked for), never the
 * 70 of an internal error. docs/bad-input/outputs.md has the table; test/io/system-errors.test.ts checks every row.
 *
 * `userErrorFromSystemError` is applied where an output is written (writeAtomically, which knows the output's
 * path and so can name it when the error does not) and once more by the CLI for everything else.
 */
import fs from "node:fs";
import path from "node:path";
import { SlyconvError } from "../errors.js";
/** The table of docs/bad-input/outputs.md ("Disk and system errors"). */
export const SYSTEM_ERRORS = {
    ENOSPC: { code: "disk-full", exit: 1, message: "no space left on the disk; free some space, or write the output to another disk" },
    EDQUOT: { code: "disk-full", exit: 1, message: "disk quota exceeded; free some space within your quota, or write the output to another disk" },
    EFBIG: { code: "file-too-large", exit: 1, message: "the file is larger than this file system allows (FAT32: 4 GB); write the output to another file system" },
    EROFS: { code: "read-only-file-system", exit: 2, message: "it is on a read-only file system; choose an output on a writable disk" },
    EACCES: { code: "permission-denied", exit: "path", message: "permission denied; check the permissions of this path and of the folders above it, or choose another path" },
    EPERM: { code: "permission-denied", exit: "path", message: "the system does not allow this operation here; choose another path (not in /sys, /proc or a protected folder)" },
    ENOTDIR: { code: "not-a-folder", exit: "path", message: "a file stands where a folder is needed (this path or a folder above it); choose another path" },
    EISDIR: { code: "is-a-folder", exit: "path", message: "it is a folder where a file is needed; choose another path" },
    ENAMETOOLONG: { code: "name-too-long", exit: "path", message: "the path is too long for the file system (at most 255 bytes per name and 4096 per path); choose a shorter output path, or shorten the names in the data" },
    ENOENT: { code: "path-vanished", exit: 2, outputOnly: true, message: "it does not exist (it was removed during the run, or this file system does not allow creating it); check the path and run again" },
    EEXIST: { code: "path-exists", exit: 2, outputOnly: true, message: "it already exists (another program wrote there during the run); run again with an output no other program writes to" },
    ELOOP: { code: "symlink-loop", exit: "path", message: "it is a symlink loop; remove the loop, or choose another path" },
    EBUSY: { code: "path-busy", exit: "path", message: "it is busy (a mount point, or held by another program); choose another path" },
    EXDEV: { code: "cross-device", exit: "path", message: "it cannot be moved across file systems; keep the output on one disk" },
    EINVAL: { code: "invalid-name", exit: 2, outputOnly: true, message: "the file system refuses this name (characters it cannot hold, or a special file system); choose another path" },
    EILSEQ: { code: "invalid-name", exit: "path", message: "the file system refuses the characters of this name; choose another path, or rename the data" },
    EMFILE: { code: "too-many-open-files", exit: 1, message: "too many open files; raise the limit (ulimit -n 4096) and run again" },
    ENFILE: { code: "too-many-open-files", exit: 1, message: "the system has too many open files; close other programs, or raise the system's limit, and run again" },
    EIO: { code: "io-error", exit: 1, message: "input/output error: the disk (or network file system) failed; check it (dmesg) and run again" },
    ENXIO: { code: "not-a-file", exit: "path", message: "it is a special file (a socket, or a device that is not there); choose a regular file or folder" },
    ENODEV: { code: "not-a-file", exit: "path", message: "its device does not support this; choose a path on a regular disk" },
};
/** `.out.slyconv-tmp-123-abcd` / `.out.slyconv-old-…`: the temporary sibling of `out` (safe-output.ts). */
const TEMPORARY_SIBLING = /(^|[\\/])\.([^\\/]+)\.slyconv-(?:tmp|old)-\d+-[0-9a-f]+(?=$|[\\/])/;
/** The path a user knows: a file inside the temporary output is named as inside the output. */
export function userVisiblePath(p) {
    return p.replace(TEMPORARY_SIBLING, "$1$2");
}
/** Relative to the working folder when inside it, as users type paths. */
function displayed(p) {
    const rel = path.relative(process.cwd(), p);
    return path.isAbsolute(p) && rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}
const isSameOrInside = (inner, outer) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
/** Whether `p` is the output, inside it (or its temporary sibling), or a folder on the way to it. */
function concernsOutput(p, output) {
    const target = path.resolve(output);
    const at = path.resolve(userVisiblePath(p));
    return isSameOrInside(at, target) || isSameOrInside(target, at);
}
/**
 * A SlyconvError for an error of the system (errno codes of the table above) or of the engine's limits (a string
 * or buffer too large, a stack too deep, memory exhausted); null for anything else (a bug: exit 70). A SlyconvError
 * is returned as it is.
 */
export function userErrorFromSystemError(e, ctx = {}) {
    if (e instanceof SlyconvError)
        return e;
    if (!(e instanceof Error))
        return null;
    const err = e;
    const engine = engineLimitError(err);
    if (engine)
        return withOriginalStack(e, engine);
    const rawPath = err.path ?? pathInMessage(err.message);
    // mkdir -p of out/x where `out` is a file says EEXIST about `out`.
    const code = err.code === "EEXIST" && err.syscall === "mkdir" && rawPath !== undefined && isNonFolder(rawPath) ? "ENOTDIR" : err.code;
    const row = code ? SYSTEM_ERRORS[code] : undefined;
    if (!row)
        return null;
    const file = rawPath !== undefined ? displayed(userVisiblePath(rawPath)) : ctx.output;
    const aboutOutput = ctx.output !== undefined && (rawPath === undefined || concernsOutput(rawPath, ctx.output));
    if (row.outputOnly && !aboutOutput)
        return null;
    const exit = row.exit === "path" ? (aboutOutput ? 2 : 1) : row.exit;
    // The code (ENOSPC…) is kept in the message: it is what a user searches for.
    return withOriginalStack(e, new SlyconvError(row.code, `${row.message} (${err.code}${err.syscall ? ` in ${err.syscall}` : ""})`, file !== undefined ? { file } : {}, exit));
}
function isNonFolder(p) {
    try {
        return !fs.statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}
/** `ENOSPC: no space left on device, open '/x/y'` → /x/y (errors rebuilt from a worker thread's message). */
function pathInMessage(message) {
    const m = /^E[A-Z]+: [^,]*, \w+ '([^']*)'/.exec(message);
    return m?.[1];
}
/**
 * Limits of V8 and Node reached by data too large or too deep: a JavaScript string holds at most 2^29 - 24
 * characters (about 512 MB), a file read at once at most 2 GB, recursion some thousands of levels. Without a file
 * to name (the readers and writers that know it say so themselves), the message says what limit was met.
 */
function engineLimitError(e) {
    if (e.code === "ERR_STRING_TOO_LONG" || (e instanceof RangeError && /^Invalid string length/.test(e.message))) {
        return new SlyconvError("too-large", "a file or value is larger than the 512 MB a JavaScript string can hold; split the file (one COCO file per split, one annotation file per image)");
    }
    if (e.code === "ERR_FS_FILE_TOO_LARGE") {
        return new SlyconvError("too-large", `${e.message}; split the file`);
    }
    // Also as rebuilt from a worker thread (a plain Error with the message).
    if (/^Maximum call stack size exceeded/.test(e.message)) {
        return new SlyconvError("too-deep", "the data is nested too deeply to process (thousands of levels of JSON arrays or objects); no dataset format needs that: check the file");
    }
    if (e instanceof RangeError && /Array buffer allocation failed|Invalid typed array length|Array buffer length/.test(e.message)) {
        return new SlyconvError("out-of-memory", "not enough memory for a buffer the data asks for; run on a machine with more memory, or give node more (NODE_OPTIONS=--max-old-space-size=8192)");
    }
    return null;
}
/** `--debug` shows where the system's error was thrown, not where it was translated. */
function withOriginalStack(original, mapped) {
    mapped.stack = `${mapped.name}: ${mapped.message}\ncaused by ${original.stack ?? original.message}`;
    return mapped;
}
//# sourceMappingURL=system-errors.js.map