/** Files up to this size are read in one call and decoded whole; larger ones in chunks of this size. */
export declare const WHOLE_FILE_BYTES: number;
/** An open regular file (symlinks followed) and its size; anything else is refused with NotRegularFileError. */
export declare function openTextFile(file: string): Promise<{
    fd: number;
    size: number;
}>;
/**
 * The text of a regular file of at most WHOLE_FILE_BYTES, read with synchronous calls; null (the file closed) when it
 * is larger. For inputs of many small files: the four thread-pool round trips of an asynchronous read (open, stat,
 * read, close) cost the main thread more than the read itself. Errors as openTextFile's.
 */
export declare function readSmallTextFileSync(file: string, display: string): string | null;
export declare function closeFile(fd: number): Promise<void>;
/**
 * The whole text of an open file of `size` bytes, decoded as decodeText does. A file that grows while it is read
 * (or says 0 bytes, as /proc files do) is read on, up to the limit of files read whole.
 */
export declare function readWholeText(fd: number, size: number, display: string): Promise<string>;
export interface LineOptions {
    /** Longest line accepted, in characters; a longer one stops the read with `line-too-long`. */
    maxLineChars: number;
    /** The file as messages name it. */
    display: string;
    /** Why the limit exists and what to do, appended to the line-too-long message. */
    longLineAdvice?: string;
}
/**
 * Calls `onLine` with each line of an open file (without its "\n"; a "\r" before it is kept). UTF-8, with or without a BOM, or UTF-16 with one, as decodeText. Stops at the first error `onLine` throws.
 */
export declare function forEachLine(fd: number, onLine: (line: string, lineNumber: number) => void, o: LineOptions): Promise<void>;
