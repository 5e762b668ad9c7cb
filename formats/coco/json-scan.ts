/**
 * A byte-level scanner for big COCO files: it walks the top-level object without building it, and hands every
 * element of a top-level array (and every other top-level value) to a callback as its own small JSON text, with
 * its byte range in the file. Elements are then parsed by the native JSON.parse, one at a time, so memory stays
 * bounded by the largest element, not by the file (train2017 is 448 MB of JSON).
 *
 * The scanner checks the structure at the top two levels (object, key, colon, array, commas); the inside of an
 * element is checked by JSON.parse. Line and column are only computed when an error is reported.
 */
import fs from "node:fs";
import { SlyconvError } from "../../src/errors.js";
import { openRegularFile, openRegularFileSync } from "../../src/io/regular-file.js";
import { jsonErrorOffset } from "../../src/io/json-bytes.js";

export interface ScanValue {
  /** Top-level key the value belongs to. */
  key: string;
  /** Index inside the top-level array, or -1 for a top-level value that is not an array. */
  index: number;
  /** The element's JSON text. */
  text: string;
  /** Byte offset of the element in the file, and its length in bytes. */
  offset: number;
  length: number;
}

export interface ScanHandlers {
  /**
   * A top-level key was read; `isArray` tells whether elements follow one by one. Returning "skip" skips the value
   * (its elements are still checked for structure and counted, but no text is made); "ranges" reports only where
   * each element is (onRange), to be read later.
   */
  onKey?(key: string, isArray: boolean): "skip" | "ranges" | void;
  onValue(value: ScanValue): void;
  /** `read`: the element is one readObject read whole (its reading is still the handler's, until the next element). */
  onRange?(key: string, index: number, offset: number, length: number, read: boolean): void;
  /**
   * Offered each element of a "ranges" array that is an object opening at b[start] in the chunk (which holds bytes
   * up to n), before its end is looked for: the index after its closing brace when the handler read it whole from
   * those bytes (onRange then says so), or -1 to have its end found the usual way. A handler that reads what it
   * needs while it finds the end saves a second pass over the bytes.
   */
  readObject?(key: string, b: Buffer, start: number, n: number): number;
  onArrayEnd?(key: string, count: number): void;
  /** Bytes read so far (called once per chunk). */
  onProgress?(bytes: number): void;
}

const enum S {
  BeforeRoot, KeyOrEnd, Key, InKey, Colon, Value, ElemOrEnd, Elem, ElemCommaOrEnd, KeyCommaOrEnd, InValue, AfterRoot,
}

const WS = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;
/** Bytes that end a bare scalar (number, true, false, null, NaN). */
const SCALAR_END = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d, 0x2c, 0x5d, 0x7d]) SCALAR_END[c] = 1;

/** 1 = quote, 2 = opening bracket, 3 = closing bracket, 0 = anything else. */
const STRUCTURAL = new Uint8Array(256);
STRUCTURAL[0x22] = 1;
STRUCTURAL[0x5b] = 2;
STRUCTURAL[0x7b] = 2;
STRUCTURAL[0x5d] = 3;
STRUCTURAL[0x7d] = 3;

const CHUNK = 4 * 1024 * 1024;
/** Smallest read buffer: files that report a size of 0 (devices, /proc) are still read in useful pieces. */
const MIN_BUFFER = 64 * 1024;

/**
 * A read buffer for an open file: `limit` bytes, or less for a smaller file. A 4 MB buffer per read of a 2 KB
 * file costs more than the read (each is outside Node's buffer pool, and the garbage collector runs for them).
 */
function readBuffer(fd: number, limit: number): Buffer {
  let size = limit;
  try {
    size = fs.fstatSync(fd).size;
  } catch {
    /* the limit */
  }
  return Buffer.allocUnsafe(Math.min(limit, Math.max(MIN_BUFFER, size)));
}

/**
 * Chunks a scan reads between two turns of the event loop. Reads are synchronous: nothing else runs while a COCO
 * file is read, and each asynchronous read waited for a thread of the pool (on a busy machine, for milliseconds),
 * but an abort (Ctrl-C) and the progress display need a turn now and then.
 */
const CHUNKS_PER_TURN = 8;

const modeOf = (r: "skip" | "ranges" | void): number => (r === "skip" ? 1 : r === "ranges" ? 2 : 0);

function describeByte(b: number | undefined): string {
  if (b === undefined) return "the end of the file";
  if (b >= 0x20 && b < 0x7f) return `'${String.fromCharCode(b)}'`;
  return `byte 0x${b.toString(16).padStart(2, "0")}`;
}

/** The next index at or after `from` (below n) of byte `c` in `b`, or n when there is none. */
function next(b: Buffer, c: number, from: number, n: number): number {
  const i = b.indexOf(c, from);
  return i < 0 || i >= n ? n : i;
}

/**
 * The index of the '}' that closes the object opening at b[start] ('{'), looking only at braces and strings (found
 * with Buffer.indexOf, so most bytes are never visited by JavaScript), or -1 when it does not close before n.
 */
export function endOfObject(b: Buffer, start: number, n: number): number {
  let depth = 0;
  let quote = next(b, 0x22, start, n), open = next(b, 0x7b, start, n), close = next(b, 0x7d, start, n);
  for (;;) {
    if (quote < open && quote < close) {
      // Skip the string: its end is the next quote not escaped by an odd number of backslashes.
      let e = quote;
      for (;;) {
        e = next(b, 0x22, e + 1, n);
        if (e === n) return -1;
        let k = e - 1;
        while (b[k] === 0x5c) k--;
        if ((e - 1 - k) % 2 === 0) break;
      }
      const from = e + 1;
      quote = next(b, 0x22, from, n);
      if (open < from) open = next(b, 0x7b, from, n);
      if (close < from) close = next(b, 0x7d, from, n);
    } else if (open < close) {
      depth++;
      open = next(b, 0x7b, open + 1, n);
    } else if (close < n) {
      if (--depth === 0) return close;
      close = next(b, 0x7d, close + 1, n);
    } else return -1;
  }
}

/** Whether the last byte objectRanges took was a comma (else the closing brace of an element, and whitespace). */
let lastTookComma = false;

/**
 * Array elements that are objects closing within the chunk, one after the other from b[i] (an opening brace), each
 * handed to `found` with its start and the index of its closing brace, with the whitespace and commas between them.
 * Returns the index of the first byte not taken (i when it took nothing: an object that runs past the chunk is left
 * to the byte-by-byte states, as is anything but an object, ']' and errors). The scanner's general states take a
 * dozen turns of their loop per element; COCO's annotations are hundreds of thousands of elements.
 */
function objectRanges(
  b: Buffer, i: number, n: number, found: (start: number, end: number, read: boolean) => void, read: ((b: Buffer, start: number, n: number) => number) | null,
): number {
  lastTookComma = false;
  for (;;) {
    const taken = read ? read(b, i, n) : -1;
    const end = taken >= 0 ? taken - 1 : endOfObject(b, i, n);
    if (end < 0) return i;
    found(i, end, taken >= 0);
    lastTookComma = false;
    let j = end + 1;
    while (j < n && WS[b[j]]) j++;
    if (j >= n || b[j] !== 0x2c) return j;
    j++;
    lastTookComma = true;
    while (j < n && WS[b[j]]) j++;
    if (j >= n || b[j] !== 0x7b) return j;
    i = j;
  }
}

/** Line and column (1-based, column in bytes) of a byte offset, by counting newlines from the start of the file. */
export async function positionInFile(file: string, offset: number): Promise<{ line: number; column: number }> {
  const fh = await openRegularFile(file);
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let line = 1, lineStart = 0, pos = 0;
    while (pos < offset) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, offset - pos), pos);
      if (bytesRead === 0) break;
      let i = buf.indexOf(0x0a, 0);
      while (i !== -1 && i < bytesRead) {
        line++;
        lineStart = pos + i + 1;
        i = buf.indexOf(0x0a, i + 1);
      }
      pos += bytesRead;
    }
    return { line, column: offset - lineStart + 1 };
  } finally {
    await fh.close();
  }
}

/** A syntax error at a byte offset of a file, with its line and column. */
export async function syntaxErrorAt(file: string, display: string, offset: number, message: string): Promise<SlyconvError> {
  const { line, column } = await positionInFile(file, offset);
  return new SlyconvError("json-syntax", `malformed JSON: ${message}`, { file: display, line, column });
}

/**
 * Scans `file`, calling handlers for each top-level value. Throws SlyconvError("json-syntax") with line and column
 * on a structural error.
 */
export async function scanTopLevel(
  file: string, display: string, handlers: ScanHandlers, signal?: AbortSignal, chunkSize = CHUNK,
): Promise<void> {
  const fd = openRegularFileSync(file);
  let failure: { offset: number; message: string } | null = null;
  try {
    const buf = readBuffer(fd, chunkSize);
    let state = S.BeforeRoot as S;
    let key = "";
    let keyPieces: Buffer[] = [];
    let keyStart = 0;
    let inArray = false;
    let index = 0;
    // Value being scanned: nesting depth, string state, and its bytes so far when it spans chunks.
    let depth = 0, inString = false, escaped = false, scalar = false;
    let valueOffset = 0; // file offset of the value's first byte
    let pieces: Buffer[] = [];
    // A UTF-8 byte order mark is skipped (Windows tools write one).
    const bom = Buffer.alloc(3);
    fs.readSync(fd, bom, 0, 3, 0);
    let filePos = bom[0] === 0xef && bom[1] === 0xbb && bom[2] === 0xbf ? 3 : 0;
    /** 0: values as text, 1: skip, 2: byte ranges only. */
    let mode = 0;
    let carried = 0; // bytes of the current value in earlier chunks (modes 1 and 2)

    const fail = (offset: number, message: string) => {
      failure = { offset, message };
    };
    const emit = (chunk: Buffer, start: number, endExclusive: number) => {
      if (mode !== 0) {
        if (mode === 2) handlers.onRange?.(key, inArray ? index : -1, valueOffset, carried + endExclusive - start, false);
        carried = 0;
        if (inArray) index++;
        return;
      }
      let text: string;
      let length: number;
      if (pieces.length) {
        pieces.push(chunk.subarray(start, endExclusive));
        const all = Buffer.concat(pieces);
        pieces = [];
        text = all.toString("utf8");
        length = all.length;
      } else {
        text = chunk.toString("utf8", start, endExclusive);
        length = endExclusive - start;
      }
      handlers.onValue({ key, index: inArray ? index : -1, text, offset: valueOffset, length });
      if (inArray) index++;
    };

    /** An element objectRanges found, at chunk offsets start .. end (its closing brace). */
    const onObject = (start: number, end: number, read: boolean) => {
      handlers.onRange?.(key, index++, filePos + start, end + 1 - start, read);
    };
    const readObject = handlers.readObject;
    const readThis = readObject ? (b: Buffer, start: number, n: number) => readObject(key, b, start, n) : null;

    for (let chunks = 1; ; chunks++) {
      if (chunks % CHUNKS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      const n = fs.readSync(fd, buf, 0, buf.length, filePos);
      const chunk = buf;
      let i = 0;
      if (n === 0) {
        // End of file: only fine after the root object closed.
        if (state !== S.AfterRoot) {
          fail(filePos, state === S.BeforeRoot ? "the file is empty" : "the file ends before the top-level object is closed");
        }
        break;
      }
      // Start index of the current value inside this chunk (values that began in an earlier chunk start at 0).
      let valueStart = 0;
      const startValue = (b: number, i: number) => {
        if (b === 0x2c || b === 0x3a || b === 0x7d || b === 0x5d) {
          fail(filePos + i, `expected a value in "${key}", found ${describeByte(b)}`);
          return;
        }
        valueStart = i;
        valueOffset = filePos + i;
        pieces = [];
        carried = 0;
        depth = 0;
        escaped = false;
        inString = false;
        scalar = false;
        if (b === 0x7b || b === 0x5b) depth = 1;
        else if (b === 0x22) inString = true;
        else scalar = true;
        state = S.InValue;
      };
      for (; i < n && !failure; i++) {
        const b = chunk[i];
        switch (state) {
          case S.InValue: {
            if (scalar) {
              if (SCALAR_END[b]) {
                emit(chunk, valueStart, i);
                i--; // let the delimiter be read by the next state
                state = inArray ? S.ElemCommaOrEnd : S.KeyCommaOrEnd;
              }
              break;
            }
            // An object that starts in this chunk: its end found by native searches for braces and quotes, which
            // is many times faster than looking at every byte (brackets inside are left to JSON.parse to check).
            if (i === valueStart + 1 && depth === 1 && !inString && carried === 0 && pieces.length === 0 && chunk[valueStart] === 0x7b) {
              const end = endOfObject(chunk, valueStart, n);
              if (end >= 0) {
                emit(chunk, valueStart, end + 1);
                state = inArray ? S.ElemCommaOrEnd : S.KeyCommaOrEnd;
                i = end;
                break;
              }
            }
            // The hot loop: most of the file's bytes are inside values. Stay here until the value ends or the chunk
            // does, looking each byte up once.
            let j = i;
            let ended = false;
            while (j < n) {
              const c = chunk[j];
              if (inString) {
                if (escaped) escaped = false;
                else if (c === 0x5c) escaped = true;
                else if (c === 0x22) {
                  inString = false;
                  if (depth === 0) {
                    ended = true;
                    break;
                  }
                }
                j++;
                continue;
              }
              const k = STRUCTURAL[c];
              if (k === 0) {
                j++;
                continue;
              }
              if (k === 1) inString = true;
              else if (k === 2) depth++;
              else if (--depth === 0) {
                ended = true;
                break;
              }
              j++;
            }
            if (ended) {
              emit(chunk, valueStart, j + 1);
              state = inArray ? S.ElemCommaOrEnd : S.KeyCommaOrEnd;
            }
            i = j;
            break;
          }
          case S.BeforeRoot:
            if (WS[b]) break;
            if (b !== 0x7b) fail(filePos + i, `a COCO file must be one JSON object, found ${describeByte(b)}`);
            else state = S.KeyOrEnd;
            break;
          case S.KeyOrEnd:
          case S.Key:
            if (WS[b]) break;
            if (b === 0x22) {
              state = S.InKey;
              keyStart = i + 1;
              keyPieces = [];
              escaped = false;
            } else if (b === 0x7d && state === S.KeyOrEnd) state = S.AfterRoot;
            else fail(filePos + i, `expected a key string${state === S.KeyOrEnd ? " or '}'" : ""} in the top-level object, found ${describeByte(b)}`);
            break;
          case S.InKey:
            if (escaped) escaped = false;
            else if (b === 0x5c) escaped = true;
            else if (b === 0x22) {
              keyPieces.push(chunk.subarray(keyStart, i));
              const raw = Buffer.concat(keyPieces).toString("utf8");
              try {
                key = JSON.parse(`"${raw}"`) as string;
              } catch {
                fail(filePos + i, `the key "${raw}" is not a valid JSON string`);
              }
              state = S.Colon;
            }
            break;
          case S.Colon:
            if (WS[b]) break;
            if (b === 0x3a) state = S.Value;
            else fail(filePos + i, `expected ':' after the key "${key}", found ${describeByte(b)}`);
            break;
          case S.Value:
            if (WS[b]) break;
            if (b === 0x5b) {
              inArray = true;
              index = 0;
              mode = modeOf(handlers.onKey?.(key, true));
              state = S.ElemOrEnd;
              break;
            }
            inArray = false;
            mode = modeOf(handlers.onKey?.(key, false));
            startValue(b, i);
            break;
          case S.ElemOrEnd:
          case S.Elem:
            if (WS[b]) break;
            if (b === 0x5d) {
              if (state === S.Elem) {
                fail(filePos + i, `a comma is followed by ']' in "${key}" (trailing comma)`);
                break;
              }
              handlers.onArrayEnd?.(key, index);
              inArray = false;
              state = S.KeyCommaOrEnd;
              break;
            }
            if (b === 0x7b && mode === 2) {
              // Objects whose ranges only are asked for (COCO's annotations): taken in a run, see objectRanges.
              const stop = objectRanges(chunk, i, n, onObject, readThis);
              if (stop > i) {
                state = lastTookComma ? S.Elem : S.ElemCommaOrEnd;
                i = stop - 1; // the loop's i++ brings it to the first byte not taken
                break;
              }
            }
            startValue(b, i);
            break;
          case S.ElemCommaOrEnd:
            if (WS[b]) break;
            if (b === 0x2c) state = S.Elem;
            else if (b === 0x5d) {
              handlers.onArrayEnd?.(key, index);
              inArray = false;
              state = S.KeyCommaOrEnd;
            } else fail(filePos + i, `expected ',' or ']' after element ${index - 1} of "${key}", found ${describeByte(b)}`);
            break;
          case S.KeyCommaOrEnd:
            if (WS[b]) break;
            if (b === 0x2c) state = S.Key;
            else if (b === 0x7d) state = S.AfterRoot;
            else fail(filePos + i, `expected ',' or '}' after the value of "${key}", found ${describeByte(b)}`);
            break;
          case S.AfterRoot:
            if (!WS[b]) fail(filePos + i, `unexpected ${describeByte(b)} after the end of the top-level object`);
            break;
        }
      }
      if (failure) break;
      // Keep the unfinished value's (or key's) bytes: the buffer is reused for the next chunk.
      if (state === S.InValue) {
        if (mode === 0) pieces.push(Buffer.from(chunk.subarray(valueStart, n)));
        else carried += n - valueStart;
      }
      else if (state === S.InKey) {
        keyPieces.push(Buffer.from(chunk.subarray(keyStart, n)));
        keyStart = 0;
      }
      filePos += n;
      handlers.onProgress?.(filePos);
    }
  } finally {
    fs.closeSync(fd);
  }
  if (failure) {
    const f = failure as { offset: number; message: string };
    throw await syntaxErrorAt(file, display, f.offset, f.message);
  }
}

export type ParsedElement = { ok: true; value: unknown; nonFinite: boolean } | { ok: false; error: Error };

/**
 * JSON.parse of one element. Python's json module writes NaN and Infinity, which are not JSON: they are read as
 * null (so the caller reports the value as invalid rather than the whole file as unreadable), and `nonFinite` says
 * so. Anything else that does not parse is returned as the error, for elementSyntaxError to locate.
 */
export function tryParseElement(text: string): ParsedElement {
  try {
    return { ok: true, value: JSON.parse(text), nonFinite: false };
  } catch (e) {
    const patched = replaceNonFiniteLiterals(text);
    if (patched !== null) {
      try {
        return { ok: true, value: JSON.parse(patched), nonFinite: true };
      } catch {
        /* report the original error */
      }
    }
    return { ok: false, error: e as Error };
  }
}

export async function elementSyntaxError(value: ScanValue, file: string, display: string, error: Error): Promise<SlyconvError> {
  const msg = error.message;
  const m = /position (\d+)/.exec(msg);
  // Some V8 messages ("Unexpected token ','…") carry no position: find it by walking the text.
  const found = m ? -1 : jsonErrorOffset(value.text);
  const charPos = m ? Number(m[1]) : found < 0 ? value.text.length : found;
  const byteInElement = Buffer.byteLength(value.text.slice(0, charPos), "utf8");
  const reason = msg
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, "")
    .replace(/\s*\(line \d+ column \d+\)$/, "");
  const where = value.index >= 0 ? `element ${value.index} of "${value.key}"` : `the value of "${value.key}"`;
  return syntaxErrorAt(file, display, value.offset + byteInElement, `${reason} (in ${where})`);
}

/** Replaces bare NaN / Infinity / -Infinity outside strings with null; null when there were none. */
export function replaceNonFiniteLiterals(text: string): string | null {
  let out = "";
  let last = 0;
  let inString = false;
  let found = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    let len = 0;
    if (c === 0x4e && text.startsWith("NaN", i)) len = 3;
    else if (c === 0x49 && text.startsWith("Infinity", i)) len = 8;
    else if (c === 0x2d && text.startsWith("-Infinity", i)) len = 9;
    if (len) {
      out += text.slice(last, i) + "null";
      i += len - 1;
      last = i + 1;
      found = true;
    }
  }
  return found ? out + text.slice(last) : null;
}

/** Bytes of elements parsed with one JSON.parse call by ElementReader.parseRuns (larger batches parse more slowly). */
const RUN_BYTES = 64 * 1024;
/** Elements of a run offered to parseRuns' `quick` before it gives up on the run (see there). */
const QUICK_TRIES = 4;

/**
 * Parses elements of one JSON array read back from an open file by their byte ranges, as a scan in "ranges" mode
 * noted them. Called once per block of elements (the COCO reader and its parse thread each take blocks): the file
 * stays open and the read window is kept between calls.
 */
export class ElementReader {
  private winStart = 0;
  private winEnd = 0;
  /** Reads are synchronous, as the scan's (see CHUNKS_PER_TURN); parseRuns takes a turn of the event loop every few. */
  private reads = 0;
  private constructor(private readonly fd: number, private win: Buffer, private readonly file: string) {}

  static async open(file: string): Promise<ElementReader> {
    const fd = openRegularFileSync(file);
    try {
      return new ElementReader(fd, readBuffer(fd, CHUNK), file);
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
  }

  /**
   * Parses `count` elements, in order, with nothing but commas and whitespace between one and the next. About
   * RUN_BYTES of neighbouring elements are parsed with one JSON.parse (several times faster than one call each); a run
   * that does not parse (a syntax error, NaN) is parsed element by element with tryParseElement, so values, NaN
   * handling and errors are those of reading the elements one by one. `fn` gets each element in order, with its text
   * (made on demand).
   *
   * `quick`, when given, is offered each element's bytes first (bytes[from .. to)); when it takes the element (true),
   * `fn` does not get it. The elements it does not take are parsed together, after those it took, in their order.
   * When it takes none of a run's first QUICK_TRIES, the run is parsed without offering it the others.
   */
  async parseRuns(
    count: number, offsetOf: (k: number) => number, lengthOf: (k: number) => number,
    fn: (k: number, parsed: ParsedElement, text: () => string) => void,
    quick?: (bytes: Buffer, from: number, to: number, k: number) => boolean,
  ): Promise<void> {
    for (let k = 0; k < count;) {
      // The run: k .. j-1, at least one element.
      const start = offsetOf(k);
      let j = k + 1;
      while (j < count && offsetOf(j) + lengthOf(j) - start <= RUN_BYTES) j++;
      const end = offsetOf(j - 1) + lengthOf(j - 1);
      if (start < this.winStart || end > this.winEnd) {
        if (end - start > this.win.length) this.win = Buffer.allocUnsafe(end - start);
        if (++this.reads % CHUNKS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
        const bytesRead = fs.readSync(this.fd, this.win, 0, this.win.length, start);
        this.winStart = start;
        this.winEnd = start + bytesRead;
        if (end > this.winEnd) throw new SlyconvError("coco-changed", "the file changed while it was being read", { file: this.file });
      }
      const win = this.win, winStart = this.winStart;
      const textOf = (e: number) => win.toString("utf8", offsetOf(e) - winStart, offsetOf(e) - winStart + lengthOf(e));
      // The elements left to parse: all of the run, or those quick did not take.
      let left: number[] | null = null;
      if (quick) {
        left = [];
        for (let e = k; e < j; e++) {
          if (quick(win, offsetOf(e) - winStart, offsetOf(e) - winStart + lengthOf(e), e)) continue;
          left.push(e);
          if (e - k === QUICK_TRIES - 1 && left.length === QUICK_TRIES) {
            for (let r = e + 1; r < j; r++) left.push(r);
            break;
          }
        }
      }
      const first = left ? left[0] : k, n = left ? left.length : j - k;
      const at = (m: number) => (left ? left[m] : k + m);
      if (n > 0) {
        const contiguous = at(n - 1) - first === n - 1;
        let values: unknown = null;
        try {
          let text: string;
          if (contiguous) text = win.toString("utf8", offsetOf(first) - winStart, offsetOf(at(n - 1)) + lengthOf(at(n - 1)) - winStart);
          else {
            text = textOf(first);
            for (let m = 1; m < n; m++) text += "," + textOf(at(m));
          }
          values = JSON.parse(`[${text}]`);
        } catch {
          /* parsed one by one below */
        }
        if (Array.isArray(values) && values.length === n) {
          for (let m = 0; m < n; m++) {
            const e = at(m);
            fn(e, { ok: true, value: values[m], nonFinite: false }, () => textOf(e));
          }
        } else {
          for (let m = 0; m < n; m++) {
            const e = at(m);
            const text = textOf(e);
            fn(e, tryParseElement(text), () => text);
          }
        }
      }
      k = j;
    }
  }

  async close(): Promise<void> {
    fs.closeSync(this.fd);
  }
}
