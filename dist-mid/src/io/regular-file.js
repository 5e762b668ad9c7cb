/**
 * Opening input files for reading, regular files only. Opening a FIFO (named pipe) for reading blocks until some
 * other process opens it for writing, which may be never; a device or socket is read until memory runs out, or
 * forever. So every reader opens its files here: with O_NONBLOCK, which makes opening a FIFO return at once (and
 * changes nothing for regular files), then fstat on the open descriptor (no race with a stat before the open), and
 * anything but a regular file is refused with NotRegularFileError.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import { constants as bufferConstants } from "node:buffer";
import path from "node:path";
import { SlyconvError } from "../errors.js";
import { MAX_FILE_BYTES_ENV, maxFileBytes } from "../limits.js";
/** Read-only, and a FIFO opens at once instead of waiting for a writer. */
export const READ_NONBLOCK = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
/** What a file is, in words, for a message: "a named pipe (FIFO)", "a folder", … */
export function kindOfFile(st) {
    if (st.isFile())
        return "a regular file";
    if (st.isDirectory())
        return "a folder";
    if (st.isFIFO())
        return "a named pipe";
    if (st.isSocket())
        return "a socket";
    if (st.isCharacterDevice() || st.isBlockDevice())
        return "a device";
    return "not a regular file";
}
/** A path that is (or, through symlinks, leads to) a FIFO, socket, device or folder where a file was expected. */
export class NotRegularFileError extends Error {
    path;
    kind;
    constructor(path, kind) {
        super(`it is ${kind}, not a regular file`);
        this.path = path;
        this.kind = kind;
        this.name = "NotRegularFileError";
    }
}
/** An open descriptor of a regular file (symlinks followed); the caller closes it. */
export function openRegularFileSync(path) {
    const fd = fs.openSync(path, READ_NONBLOCK);
    let st;
    try {
        st = fs.fstatSync(fd);
    }
    catch (e) {
        fs.closeSync(fd);
        throw e;
    }
    if (!st.isFile()) {
        fs.closeSync(fd);
        throw new NotRegularFileError(path, kindOfFile(st));
    }
    return fd;
}
/** An open handle of a regular file (symlinks followed); the caller closes it. */
export async function openRegularFile(path) {
    return (await openRegularFileWithStats(path)).fh;
}
/** openRegularFile with the stats it checked, for callers that need the size too (one fstat, not two). */
async function openRegularFileWithStats(path) {
    const fh = await fsp.open(path, READ_NONBLOCK);
    try {
        const st = await fh.stat();
        if (!st.isFile())
            throw new NotRegularFileError(path, kindOfFile(st));
        return { fh, st };
    }
    catch (e) {
        await fh.close();
        throw e;
    }
}
/**
 * Bytes a file read whole may have: the file-size limit (src/limits.ts), and never more than V8's longest string
 * (2^29 - 24 UTF-16 units, about 512 MB), which a UTF-8 file of that many bytes cannot exceed.
 */
export function maxTextFileBytes() {
    return Math.min(maxFileBytes(), bufferConstants.MAX_STRING_LENGTH);
}
const megabytes = (n) => (n < 2 ** 20 ? `${n} bytes` : `${(n / 2 ** 20).toFixed(0)} MB`);
/** A file as a message names it: relative to the working folder when it is under it. */
function shownPath(file) {
    const rel = path.relative(process.cwd(), file);
    return path.isAbsolute(file) && rel && !rel.startsWith("..") ? rel : file;
}
/**
 * A file too large to read whole (a hostile 1 GB annotation on one line): exit 1, naming the file, its size, the
 * limit and how to raise it, checked from the file's size before anything is read.
 */
export class TextFileTooLargeError extends SlyconvError {
    constructor(file, size, limit) {
        const shown = shownPath(file);
        super("file-too-large", size > bufferConstants.MAX_STRING_LENGTH
            ? `the file is ${megabytes(size)}, more than the ${megabytes(bufferConstants.MAX_STRING_LENGTH)} a file read as text can hold (the longest JavaScript string); split it into smaller files`
            : `the file is ${megabytes(size)}, over the limit of ${megabytes(limit)} for a file read whole; if it is real and the machine has the memory (a few times the file's size), ` +
                `raise the limit with ${MAX_FILE_BYTES_ENV}=${size}`, { file: shown });
        this.name = "TextFileTooLargeError";
    }
}
/**
 * An image or mask file too large to read whole (its bytes, not text): exit 1 where it stops a run, else reported
 * with the file skipped; checked from the file's size before anything is read.
 */
export class FileTooLargeError extends SlyconvError {
    constructor(file, size, limit) {
        super("file-too-large", `the file is ${megabytes(size)}, over the limit of ${megabytes(limit)} for a file read whole; if it is real and the machine has the memory, ` +
            `raise the limit with ${MAX_FILE_BYTES_ENV}=${size}`, { file: shownPath(file) });
        this.name = "FileTooLargeError";
    }
}
/** Throws TextFileTooLargeError when a file of `size` bytes is over the limit of files read whole. */
export function checkFileSize(file, size) {
    const limit = maxTextFileBytes();
    if (size > limit)
        throw new TextFileTooLargeError(file, size, limit);
}
/**
 * The bytes of a regular file that is read whole as text (its bytes looked at before they are decoded), refused by
 * its size first like its text would be (TextFileTooLargeError); NotRegularFileError for anything else.
 */
export function readTextBytesSync(path) {
    const fd = openRegularFileSync(path);
    try {
        checkFileSize(path, fs.fstatSync(fd).size);
        return fs.readFileSync(fd);
    }
    finally {
        fs.closeSync(fd);
    }
}
/** readTextBytesSync through the thread pool. */
export async function readTextBytes(path) {
    const { fh, st } = await openRegularFileWithStats(path);
    try {
        checkFileSize(path, st.size);
        return await fh.readFile();
    }
    finally {
        await fh.close();
    }
}
export function readRegularFileSync(path, encoding) {
    const fd = openRegularFileSync(path);
    try {
        if (encoding)
            checkFileSize(path, fs.fstatSync(fd).size);
        return encoding ? fs.readFileSync(fd, encoding) : fs.readFileSync(fd);
    }
    finally {
        fs.closeSync(fd);
    }
}
export async function readRegularFile(path, encoding) {
    const { fh, st } = await openRegularFileWithStats(path);
    try {
        if (encoding)
            checkFileSize(path, st.size);
        return encoding ? await fh.readFile(encoding) : await fh.readFile();
    }
    finally {
        await fh.close();
    }
}
//# sourceMappingURL=regular-file.js.map