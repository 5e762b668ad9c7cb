/**
 * Opening input files for reading, regular files only. Opening a FIFO (named pipe) for reading blocks until some
 * other process opens it for writing, which may be never; a device or socket is read until memory runs out, or
 * forever. So every reader opens its files here: with O_NONBLOCK, which makes opening a FIFO return at once (and
 * changes nothing for regular files), then fstat on the open descriptor (no race with a stat before the open), and
 * anything but a regular file is refused with NotRegularFileError.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import { SlyconvError } from "../errors.js";
/** Read-only, and a FIFO opens at once instead of waiting for a writer. */
export declare const READ_NONBLOCK: number;
/** What a file is, in words, for a message: "a named pipe (FIFO)", "a folder", … */
export declare function kindOfFile(st: Pick<fs.Stats, "isFile" | "isDirectory" | "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice">): string;
/** A path that is (or, through symlinks, leads to) a FIFO, socket, device or folder where a file was expected. */
export declare class NotRegularFileError extends Error {
    readonly path: string;
    readonly kind: string;
    constructor(path: string, kind: string);
}
/** An open descriptor of a regular file (symlinks followed); the caller closes it. */
export declare function openRegularFileSync(path: string): number;
/** An open handle of a regular file (symlinks followed); the caller closes it. */
export declare function openRegularFile(path: string): Promise<fsp.FileHandle>;
/**
 * Bytes a file read whole may have: the file-size limit (src/limits.ts), and never more than V8's longest string
 * (2^29 - 24 UTF-16 units, about 512 MB), which a UTF-8 file of that many bytes cannot exceed.
 */
export declare function maxTextFileBytes(): number;
/**
 * A file too large to read whole (a hostile 1 GB annotation on one line): exit 1, naming the file, its size, the
 * limit and how to raise it, checked from the file's size before anything is read.
 */
export declare class TextFileTooLargeError extends SlyconvError {
    constructor(file: string, size: number, limit: number);
}
/**
 * An image or mask file too large to read whole (its bytes, not text): exit 1 where it stops a run, else reported
 * with the file skipped; checked from the file's size before anything is read.
 */
export declare class FileTooLargeError extends SlyconvError {
    constructor(file: string, size: number, limit: number);
}
/** Throws TextFileTooLargeError when a file of `size` bytes is over the limit of files read whole. */
export declare function checkFileSize(file: string, size: number): void;
/**
 * The bytes of a regular file that is read whole as text (its bytes looked at before they are decoded), refused by
 * its size first like its text would be (TextFileTooLargeError); NotRegularFileError for anything else.
 */
export declare function readTextBytesSync(path: string): Buffer;
/** readTextBytesSync through the thread pool. */
export declare function readTextBytes(path: string): Promise<Buffer>;
/** The bytes of a regular file, or its text when `encoding` is given; NotRegularFileError for anything else. */
export declare function readRegularFileSync(path: string): Buffer;
export declare function readRegularFileSync(path: string, encoding: BufferEncoding): string;
/** The bytes of a regular file, or its text when `encoding` is given; NotRegularFileError for anything else. */
export declare function readRegularFile(path: string): Promise<Buffer>;
export declare function readRegularFile(path: string, encoding: BufferEncoding): Promise<string>;
