/**
 * Text files read line by line in bounded memory: a file of many lines (a YOLO label file of millions) is never
 * held whole, and a line longer than a limit is refused when it passes the limit, not once it ends (a 1 GB file on
 * one line). Small files, the common case, are read in one call. Callback fs calls: for 100k small files they
 * cost less than fs/promises' FileHandle round trips.
 */
import fs from "node:fs";
import { TextDecoder } from "node:util";
import { SlyconvError } from "../errors.js";
import { NotRegularFileError, READ_NONBLOCK, TextFileTooLargeError, kindOfFile, maxTextFileBytes } from "./regular-file.js";
import { decodeText } from "./text-decode.js";

/** Files up to this size are read in one call and decoded whole; larger ones in chunks of this size. */
export const WHOLE_FILE_BYTES = 1 << 20;

/** An open regular file (symlinks followed) and its size; anything else is refused with NotRegularFileError. */
export function openTextFile(file: string): Promise<{ fd: number; size: number }> {
  return new Promise((resolve, reject) => {
    fs.open(file, READ_NONBLOCK, (e, fd) => {
      if (e) return reject(e);
      fs.fstat(fd, (e2, st) => {
        const fail = (err: Error) => fs.close(fd, () => reject(err));
        if (e2) return fail(e2);
        if (!st.isFile()) return fail(new NotRegularFileError(file, kindOfFile(st)));
        resolve({ fd, size: st.size });
      });
    });
  });
}

/**
 * The first `size` bytes of an open file (fewer if it ends first), as fs.readFileSync(fd) reads a regular file,
 * without the second fstat it makes for the size the caller has.
 */
function readKnownSizeSync(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let at = 0;
  for (let n = -1; n !== 0 && at < size; at += n) n = fs.readSync(fd, buf, at, size - at, null);
  return at < size ? buf.subarray(0, at) : buf;
}

/**
 * The text of a regular file of at most WHOLE_FILE_BYTES, read with synchronous calls; null (the file closed) when it
 * is larger. For inputs of many small files: the four thread-pool round trips of an asynchronous read (open, stat,
 * read, close) cost the main thread more than the read itself. Errors as openTextFile's.
 */
export function readSmallTextFileSync(file: string, display: string): string | null {
  const fd = fs.openSync(file, READ_NONBLOCK);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFileError(file, kindOfFile(st));
    if (st.size > WHOLE_FILE_BYTES) return null;
    const bytes = st.size > 0 ? readKnownSizeSync(fd, st.size) : fs.readFileSync(fd);
    if (bytes.length > maxTextFileBytes()) throw new TextFileTooLargeError(display, bytes.length, maxTextFileBytes());
    return decodeText(bytes);
  } finally {
    fs.closeSync(fd);
  }
}

export function closeFile(fd: number): Promise<void> {
  return new Promise((resolve) => fs.close(fd, () => resolve()));
}

function readAt(fd: number, buffer: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buffer, 0, length, position, (e, n) => (e ? reject(e) : resolve(n))));
}

/**
 * The whole text of an open file of `size` bytes, decoded as decodeText does. A file that grows while it is read
 * (or says 0 bytes, as /proc files do) is read on, up to the limit of files read whole.
 */
export async function readWholeText(fd: number, size: number, display: string): Promise<string> {
  const parts: Buffer[] = [];
  let total = 0;
  // One byte more than the size: a file that grew since fstat shows it at once.
  for (let want = size + 1; ; want = WHOLE_FILE_BYTES) {
    const b = Buffer.allocUnsafe(want);
    const k = await readAt(fd, b, want, total);
    if (k === 0) break;
    parts.push(k === want ? b : b.subarray(0, k));
    total += k;
    if (total > maxTextFileBytes()) throw new TextFileTooLargeError(display, total, maxTextFileBytes());
    if (k < want) break; // a short read of a regular file: its end
  }
  return decodeText(parts.length === 1 ? parts[0] : Buffer.concat(parts));
}

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
export async function forEachLine(fd: number, onLine: (line: string, lineNumber: number) => void, o: LineOptions): Promise<void> {
  const buffer = Buffer.allocUnsafe(WHOLE_FILE_BYTES);
  let decoder: TextDecoder | null = null;
  let pending = "";
  let lineNumber = 0;
  let position = 0;
  const tooLong = () => new SlyconvError("line-too-long",
    `the line is longer than ${o.maxLineChars.toLocaleString("en-US")} characters${o.longLineAdvice ? `; ${o.longLineAdvice}` : ""}`,
    { file: o.display, line: lineNumber + 1 });
  for (;;) {
    const n = await readAt(fd, buffer, buffer.length, position);
    position += n;
    if (!decoder) {
      const bom16 = n >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff));
      // The UTF-8 decoder drops a UTF-8 BOM; the UTF-16 ones drop theirs.
      decoder = new TextDecoder(bom16 ? (buffer[0] === 0xff ? "utf-16le" : "utf-16be") : "utf-8");
    }
    const chunk = n ? decoder.decode(buffer.subarray(0, n), { stream: true }) : decoder.decode();
    let start = 0;
    for (let end = chunk.indexOf("\n"); end >= 0; end = chunk.indexOf("\n", start)) {
      const line = pending ? pending + chunk.slice(start, end) : chunk.slice(start, end);
      pending = "";
      if (line.length > o.maxLineChars) throw tooLong();
      onLine(line, ++lineNumber);
      start = end + 1;
    }
    pending = start === 0 ? pending + chunk : chunk.slice(start);
    if (pending.length > o.maxLineChars) throw tooLong();
    if (n === 0) break;
  }
  if (pending) onLine(pending, ++lineNumber);
}
