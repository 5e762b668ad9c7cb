/**
 * `JSON.stringify(value, null, 4)` (and `JSON.stringify(value)`) as UTF-8 bytes, byte for byte, made faster for
 * what annotation files are mostly made of: lists of [x, y] points, one number a line (Supervisely), and flat lists
 * of coordinates (COCO).
 *
 * Most of JSON.stringify's time on such files goes into turning doubles into text. Coordinates are nearly always
 * decimals of a few places (COCO writes two); for those the text is made here from the scaled integer, which is
 * exactly what JavaScript prints: a decimal of at most 15 significant digits is the shortest text that reads back
 * as the double nearest to it. Other numbers go through String(). Everything that is not plain JSON data (toJSON,
 * class instances, boxed values, BigInt, cycles) makes the whole value go through JSON.stringify itself.
 */
import { POINT_LIST_MARKER, pointListStandIn } from "./json-bytes.js";

/** Thrown to give up on the fast path: the value is serialized by JSON.stringify instead. */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain();

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;
const MAX_DEPTH = 1000;
const SCALE = 10000;

const enum C {
  Space = 0x20, Newline = 0x0a, Quote = 0x22, Backslash = 0x5c, Comma = 0x2c, Colon = 0x3a, Minus = 0x2d, Dot = 0x2e, Zero = 0x30,
  OpenBracket = 0x5b, CloseBracket = 0x5d, OpenBrace = 0x7b, CloseBrace = 0x7d,
}

/**
 * A buffer with room for `more` bytes after the first `used` of `buf`: `buf` itself when it has it, else a copy of
 * those bytes in one twice as large (or more), so that appending byte by byte costs amortised constant time.
 */
export function grownBuffer(buf: Buffer, used: number, more: number): Buffer {
  if (used + more <= buf.length) return buf;
  let size = Math.max(1, buf.length) * 2;
  while (size < used + more) size *= 2;
  const next = Buffer.allocUnsafe(size);
  buf.copy(next, 0, 0, used);
  return next;
}

/** As grownBuffer, for coordinates: room for `more` after the first `used` of `coords`. */
export function grownCoords(coords: Float64Array<ArrayBuffer>, used: number, more: number): Float64Array<ArrayBuffer> {
  if (used + more <= coords.length) return coords;
  let size = Math.max(1, coords.length) * 2;
  while (size < used + more) size *= 2;
  const next = new Float64Array(size);
  next.set(coords.subarray(0, used));
  return next;
}

/** The double whose eight bytes are all spaces (0x20): indentation is written eight bytes to a store. */
const EIGHT_SPACES = new DataView(new Uint8Array(8).fill(C.Space).buffer).getFloat64(0);

/** A bitmap's 0/1 mask whose PNG string a packed skeleton leaves to the writing (see PointLists.write.mask). */
export interface PackedMask { width: number; height: number; data: Uint8Array }

/** What a packed skeleton's stand-ins stand for, and how far the writing has used them. */
interface Packed {
  coords: Float64Array;
  next: number;
  masks: readonly PackedMask[];
  nextMask: number;
  /** The string a mask stand-in is replaced by (encodeBitmapData, src/codecs/bitmap.ts). */
  encodeMask: ((mask: PackedMask) => string) | null;
}

class Writer {
  buf: Buffer;
  pos = 0;
  /** A DataView of `buf` (made again when buf is replaced). */
  private view: DataView | null = null;
  private viewOf: Buffer | null = null;
  /** Coordinates of the point lists a packed skeleton stands for (see PointLists), while one is written. */
  packed: Packed | null = null;
  constructor(buf: Buffer) {
    this.buf = buf;
  }

  ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.buf = grownBuffer(this.buf, this.pos, n);
  }

  /** A newline and the indentation of `depth` levels (4 spaces each). */
  newline(depth: number): void {
    const n = depth * 4;
    this.ensure(n + 1);
    this.buf[this.pos] = C.Newline;
    this.pos = this.spaces(this.pos + 1, n);
  }

  /**
   * n spaces at p (room ensured); returns the position after them. Measured, eight spaces a store make indenting a
   * point list about three times faster than one byte a store, and indentation is most of an annotation file.
   */
  spaces(p: number, n: number): number {
    const b = this.buf;
    if (this.viewOf !== b) {
      this.view = new DataView(b.buffer, b.byteOffset, b.length);
      this.viewOf = b;
    }
    const dv = this.view!;
    const end = p + n;
    for (; p + 8 <= end; p += 8) dv.setFloat64(p, EIGHT_SPACES);
    for (; p < end; p++) b[p] = C.Space;
    return p;
  }

  byte(c: number): void {
    this.ensure(1);
    this.buf[this.pos++] = c;
  }

  text(s: string): void {
    this.ensure(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** Short text known to be ASCII (null, true, [], …). */
  ascii(s: string): void {
    this.ensure(s.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A string as JSON.stringify quotes it: printable ASCII without quotes or backslashes is copied as is. */
  string(s: string): void {
    const n = s.length;
    if (n > 64) {
      this.text(JSON.stringify(s));
      return;
    }
    this.ensure(n + 2);
    const b = this.buf;
    let p = this.pos;
    b[p++] = C.Quote;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === C.Quote || c === C.Backslash) {
        this.text(JSON.stringify(s));
        return;
      }
      b[p++] = c;
    }
    b[p++] = C.Quote;
    this.pos = p;
  }

  /** A finite number as JSON.stringify writes it. */
  number(v: number): void {
    this.ensure(32);
    const p = writeDecimal(this.buf, this.pos, v);
    if (p >= 0) this.pos = p;
    else this.text(String(v));
  }
}

/**
 * Writes v at p when it is a decimal of at most four places and 15 digits (v is then k / 10000 exactly, and that
 * decimal is what JavaScript prints; the sign of -0 is not printed, as in JSON.stringify); returns the position
 * after it, or -1 (nothing written) for other numbers. Needs 24 bytes of room.
 */
function writeDecimal(b: Buffer, p: number, v: number): number {
  const k = Math.round(v * SCALE);
  if (k / SCALE !== v || k >= 1e15 || k <= -1e15) return -1;
  let a = k;
  if (a < 0) {
    b[p++] = C.Minus;
    a = -a;
  }
  const whole = Math.floor(a / SCALE);
  const frac = a - whole * SCALE;
  if (whole < 1000) {
    // Three digits at most (image coordinates): no loop.
    if (whole >= 100) b[p++] = C.Zero + ((whole / 100) | 0);
    if (whole >= 10) b[p++] = C.Zero + (((whole / 10) | 0) % 10);
    b[p++] = C.Zero + (whole % 10);
  } else {
    let digits = 1;
    for (let t = whole; t >= 10; t = Math.floor(t / 10)) digits++;
    for (let i = digits - 1, t = whole; i >= 0; i--, t = Math.floor(t / 10)) b[p + i] = C.Zero + (t % 10);
    p += digits;
  }
  if (frac !== 0) {
    const n = FRACTION_LENGTH[frac], o = frac * 5;
    for (let i = 0; i < n; i++) b[p++] = FRACTION_BYTES[o + i];
  }
  return p;
}

/** ".d", ".dd", ".ddd" or ".dddd" (trailing zeros dropped) for each fraction 1..9999 of 1/10000. */
const FRACTION_BYTES = new Uint8Array(SCALE * 5);
const FRACTION_LENGTH = new Uint8Array(SCALE);
for (let f = 1; f < SCALE; f++) {
  const text = `.${String(f).padStart(4, "0")}`.replace(/0+$/, "");
  FRACTION_LENGTH[f] = text.length;
  for (let i = 0; i < text.length; i++) FRACTION_BYTES[f * 5 + i] = text.charCodeAt(i);
}

/** A plain [number, number] array: a point as written by the fast paths (anything else by the generic one). */
function isPlainPoint(p: unknown): p is [number, number] {
  return Array.isArray(p) && p.length === 2 && typeof p[0] === "number" && typeof p[1] === "number" && Object.getPrototypeOf(p) === ARRAY_PROTO;
}

/** `[[x, y], …]` with numbers only: the points of most geometries. */
function isPointList(a: unknown[]): boolean {
  if (a.length === 0) return false;
  for (let i = 0; i < a.length; i++) if (!isPlainPoint(a[i])) return false;
  return true;
}

function finiteOrNull(w: Writer, v: number): void {
  if (Number.isFinite(v)) w.number(v);
  else w.ascii("null");
}

/**
 * Writes v at p (fast path), or else through String() (which may grow the buffer: room is ensured again after).
 * Returns the position after it; w.buf is the buffer to go on writing in.
 */
function writeCoordinate(w: Writer, p: number, v: number, room: number): number {
  const q = Number.isFinite(v) ? writeDecimal(w.buf, p, v) : -1;
  if (q >= 0) return q;
  w.pos = p;
  finiteOrNull(w, v);
  w.ensure(room);
  return w.pos;
}

/** One point of a point list: `,\n` (after the first) + outer indent + `[` … `]`, the numbers a level deeper. */
function writePoint(w: Writer, x: number, y: number, first: boolean, outer: number, inner: number, room: number): void {
  w.ensure(room);
  let b = w.buf;
  let p = w.pos;
  if (!first) b[p++] = C.Comma;
  b[p++] = C.Newline;
  p = w.spaces(p, outer);
  b[p++] = C.OpenBracket;
  b[p++] = C.Newline;
  p = w.spaces(p, inner);
  p = writeCoordinate(w, p, x, room);
  b = w.buf;
  b[p++] = C.Comma;
  b[p++] = C.Newline;
  p = w.spaces(p, inner);
  p = writeCoordinate(w, p, y, room);
  b = w.buf;
  b[p++] = C.Newline;
  p = w.spaces(p, outer);
  b[p++] = C.CloseBracket;
  w.pos = p;
}

/** Bytes one point can take at most, numbers aside (24 each). */
const pointRoom = (outer: number, inner: number) => 3 * outer + 2 * inner + 2 * 24 + 16;

function writePointList(w: Writer, a: number[][], depth: number): void {
  w.byte(C.OpenBracket);
  const outer = (depth + 1) * 4, inner = outer + 4, room = pointRoom(outer, inner);
  for (let i = 0; i < a.length; i++) writePoint(w, a[i][0], a[i][1], i === 0, outer, inner, room);
  w.newline(depth);
  w.byte(C.CloseBracket);
}

/** A point list taken out by PointLists: `count` points from w.packed's coordinates. */
function writePackedPoints(w: Writer, count: number, depth: number): void {
  const packed = w.packed!;
  const c = packed.coords;
  let k = packed.next;
  if (k + 2 * count > c.length) throw new Error("packed JSON: fewer coordinates than its point lists hold");
  w.byte(C.OpenBracket);
  const outer = (depth + 1) * 4, inner = outer + 4, room = pointRoom(outer, inner);
  for (let i = 0; i < count; i++, k += 2) writePoint(w, c[k], c[k + 1], i === 0, outer, inner, room);
  packed.next = k;
  w.newline(depth);
  w.byte(C.CloseBracket);
}

const skipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/**
 * A list of numbers without spaces, as JSON.stringify(value) writes it; false, with nothing written, when an element
 * is not a number. One pass, with room made once for the whole list.
 */
function writeNumberList(w: Writer, a: unknown[]): boolean {
  const n = a.length;
  const start = w.pos;
  w.ensure(n * 26 + 2);
  let b = w.buf;
  let p = start;
  b[p++] = C.OpenBracket;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== "number") {
      w.pos = start;
      return false;
    }
    if (i) b[p++] = C.Comma;
    const q = Number.isFinite(v) ? writeDecimal(b, p, v) : -1;
    if (q >= 0) p = q;
    else {
      // Other numbers (and null for NaN, ±Infinity) through the writer, which may grow the buffer.
      w.pos = p;
      finiteOrNull(w, v);
      w.ensure((n - i) * 26 + 2);
      b = w.buf;
      p = w.pos;
    }
  }
  b[p++] = C.CloseBracket;
  w.pos = p;
  return true;
}

/** Writes v; `depth` < 0 writes it compactly (JSON.stringify(v)), else indented by 4 spaces a level. */
function write(w: Writer, v: unknown, depth: number): void {
  switch (typeof v) {
    case "string":
      w.string(v);
      return;
    case "number":
      finiteOrNull(w, v);
      return;
    case "boolean":
      w.ascii(v ? "true" : "false");
      return;
    case "object":
      break;
    default:
      throw NOT_PLAIN; // bigint (JSON.stringify throws), or undefined/function/symbol at the top
  }
  if (v === null) {
    w.ascii("null");
    return;
  }
  const compact = depth < 0;
  if (depth > MAX_DEPTH || depth < -MAX_DEPTH) throw NOT_PLAIN;
  const inner = compact ? depth - 1 : depth + 1;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== ARRAY_PROTO) throw NOT_PLAIN;
    if (v.length === 0) {
      w.ascii("[]");
      return;
    }
    if (compact) {
      if (writeNumberList(w, v)) return;
    } else if (isPointList(v)) {
      writePointList(w, v as number[][], depth);
      return;
    }
    w.byte(C.OpenBracket);
    for (let i = 0; i < v.length; i++) {
      if (i) w.byte(C.Comma);
      if (!compact) w.newline(inner);
      const e = v[i];
      if (skipped(e)) w.ascii("null");
      else write(w, e, inner);
    }
    if (!compact) w.newline(depth);
    w.byte(C.CloseBracket);
    return;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== OBJECT_PROTO && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === "function") throw NOT_PLAIN;
  const obj = v as Record<string, unknown>;
  let any = false;
  for (const k of Object.keys(obj)) {
    const e = obj[k];
    if (skipped(e)) continue;
    w.byte(any ? C.Comma : C.OpenBrace);
    any = true;
    if (!compact) w.newline(inner);
    w.string(k);
    if (compact) w.byte(C.Colon);
    else w.ascii(": ");
    write(w, e, inner);
  }
  if (!any) {
    w.ascii("{}");
    return;
  }
  if (!compact) w.newline(depth);
  w.byte(C.CloseBrace);
}

/** Bytes that end a number or a literal in compact JSON. */
const VALUE_END = new Uint8Array(256);
for (const c of [C.Comma, C.CloseBrace, C.CloseBracket]) VALUE_END[c] = 1;

/** Copies text[from..to) to the writer. */
function copyBytes(w: Writer, text: Uint8Array, from: number, to: number): void {
  w.ensure(to - from);
  const b = w.buf;
  let p = w.pos;
  for (let i = from; i < to; i++) b[p++] = text[i];
  w.pos = p;
}

/**
 * Writes compact JSON text (a PointLists skeleton) indented by 4 spaces a level; a string `"\u007f<n>"` (DEL, then
 * digits) stands for a list of n points taken out, `"\u007fm"` for the string of the next mask. The skeleton holds no
 * other string starting with DEL (see PointLists.finish).
 */
function reindent(w: Writer, text: Uint8Array): void {
  const n = text.length;
  let depth = 0;
  for (let i = 0; i < n;) {
    const c = text[i];
    if (c === C.Quote) {
      if (text[i + 1] === MARKER && text[i + 2] === MASK_LETTER) {
        const packed = w.packed!;
        const mask = packed.masks[packed.nextMask++];
        if (!mask || !packed.encodeMask) throw new Error("packed JSON: more masks than it was given");
        w.string(packed.encodeMask(mask));
        i += 4; // "\u007fm"
        continue;
      }
      if (text[i + 1] === MARKER) {
        let j = i + 2, count = 0;
        for (; j < n && text[j] !== C.Quote; j++) count = count * 10 + (text[j] - C.Zero);
        writePackedPoints(w, count, depth);
        i = j + 1;
        continue;
      }
      let j = i + 1;
      while (j < n && text[j] !== C.Quote) j += text[j] === C.Backslash ? 2 : 1;
      copyBytes(w, text, i, j + 1);
      i = j + 1;
      continue;
    }
    switch (c) {
      case C.OpenBrace:
      case C.OpenBracket:
        if (text[i + 1] === c + 2) {
          // {} or [] (the closing byte is the opening one + 2 in ASCII)
          copyBytes(w, text, i, i + 2);
          i += 2;
        } else {
          w.byte(c);
          w.newline(++depth);
          i++;
        }
        break;
      case C.CloseBrace:
      case C.CloseBracket:
        w.newline(--depth);
        w.byte(c);
        i++;
        break;
      case C.Comma:
        w.byte(c);
        w.newline(depth);
        i++;
        break;
      case C.Colon:
        w.ascii(": ");
        i++;
        break;
      default: {
        let j = i + 1;
        while (j < n && !VALUE_END[text[j]]) j++;
        copyBytes(w, text, i, j);
        i = j;
      }
    }
  }
}

/**
 * Appends JSON texts to a growing byte buffer: `indented` gives the bytes of JSON.stringify(value, null, 4),
 * `compact` those of JSON.stringify(value).
 */
export class JsonWriter {
  private readonly w: Writer;
  /** Where a skeleton given as text is put as UTF-8 (kept between calls). */
  private skeletonBytes: Buffer = Buffer.allocUnsafeSlow(0);
  constructor(initialSize = 256 * 1024) {
    this.w = new Writer(Buffer.allocUnsafeSlow(initialSize));
  }

  get length(): number {
    return this.w.pos;
  }

  /** The bytes written so far (a view: valid until the next write or reset). */
  view(): Buffer {
    return this.w.buf.subarray(0, this.w.pos);
  }

  /** Empties the buffer; one that grew past `keepBytes` is let go (for a smaller one). */
  reset(keepBytes = 64 * 2 ** 20): void {
    this.w.pos = 0;
    if (this.w.buf.length > keepBytes) this.w.buf = Buffer.allocUnsafeSlow(256 * 1024);
  }

  text(s: string): void {
    this.w.text(s);
  }

  /** Text known to be ASCII (short separators). */
  ascii(s: string): void {
    this.w.ascii(s);
  }

  indented(value: unknown): void {
    this.value(value, 0, 4);
  }

  /**
   * What `indented` gives for the value PointLists packed, from the skeleton's bytes and the coordinates. The compact
   * text is indented byte by byte, as JSON.stringify(v, null, 4) indents JSON.stringify(v) (strings, numbers and
   * literals are the same text in both), and each packed list is written from the coordinates: about twice as fast
   * as parsing the skeleton and writing the value again.
   */
  indentedPacked(skeleton: Uint8Array | string, coords: Float64Array, masks: readonly PackedMask[] = [], encodeMask: ((mask: PackedMask) => string) | null = null): void {
    if (typeof skeleton === "string") {
      this.skeletonBytes = grownBuffer(this.skeletonBytes, 0, skeleton.length * 3);
      skeleton = this.skeletonBytes.subarray(0, this.skeletonBytes.write(skeleton, 0, "utf8"));
    }
    const w = this.w;
    const packed: Packed = { coords, next: 0, masks, nextMask: 0, encodeMask };
    w.packed = packed;
    try {
      reindent(w, skeleton);
    } finally {
      w.packed = null;
    }
    if (packed.next !== coords.length) throw new Error("packed JSON: more coordinates than its point lists hold");
    if (packed.nextMask !== masks.length) throw new Error("packed JSON: more masks than its stand-ins");
  }

  compact(value: unknown): void {
    this.value(value, -1, undefined);
  }

  private value(value: unknown, depth: number, indent: number | undefined): void {
    const start = this.w.pos;
    try {
      write(this.w, value, depth);
    } catch (e) {
      if (e !== NOT_PLAIN) throw e;
      this.w.pos = start;
      const text = JSON.stringify(value, null, indent);
      if (text === undefined) throw new TypeError("the value has no JSON form");
      this.w.text(text);
    }
  }
}

/** A value made ready for `JsonWriter.indentedPacked` in another thread: see PointLists. */
export interface PackedJson {
  /** JSON.stringify of the value, each [[x, y], …] list replaced by the string "\u007f<points>", each mask's string by "\u007fm". */
  skeleton: string;
  /** The coordinates of those lists, in order: x1, y1, x2, y2, … */
  coords: Float64Array;
  /** The masks, in order. */
  masks: PackedMask[];
}

/** What starts a stand-in for a point list (src/io/json-bytes.ts). */
const MARKER = POINT_LIST_MARKER;
/** After the marker, what makes a stand-in one for a mask's string. */
const MASK_LETTER = 0x6d; // "m"
const MASK_STAND_IN = `${String.fromCharCode(POINT_LIST_MARKER)}m`;
/** How JSON.stringify starts a string whose first character is the marker. */
const MARKER_START = `"${String.fromCharCode(POINT_LIST_MARKER)}`;

/**
 * Packs a value whose indented JSON another thread is to write. Its point lists (what most annotation bytes are) go
 * into one Float64Array, cheap to transfer, and the rest into compact JSON made by JSON.stringify (native, and
 * several times faster than walking the value here). Whoever builds the value passes each [[x, y], …] list through
 * `list()` and puts what it returns in its place; `finish()` then gives the skeleton and the coordinates. Not
 * reentrant: build and finish one value at a time.
 */
export class PointLists {
  /** list(), bound: what a value's builder is given. */
  readonly write = Object.assign(<T>(points: T[]): T[] | string => this.list(points), {
    /** The stand-in for a list given as flat coordinates x1, y1, x2, y2, … (coords[0 .. count), count even and > 0). */
    flat: (coords: Float64Array, count: number): string => this.flatList(coords, count),
    /** The stand-in for the string a mask is encoded to where the skeleton is written (the mask is not copied here). */
    mask: (mask: PackedMask): string => {
      this.masks.push(mask);
      this.count++;
      return MASK_STAND_IN;
    },
  });
  private masks: PackedMask[] = [];
  private coords = new Float64Array(1 << 14);
  private length = 0;
  private count = 0;
  /**
   * The stand-in for `points` ("\u007f<n>"), its coordinates kept; `points` itself when it is not a non-empty
   * plain list of plain [number, number] arrays (it is then serialized as it is).
   */
  list<T>(points: T[]): T[] | string {
    if (!Array.isArray(points) || points.length === 0 || Object.getPrototypeOf(points) !== ARRAY_PROTO) return points;
    const n = points.length;
    if (this.length + 2 * n > this.coords.length) this.coords = grownCoords(this.coords, this.length, 2 * n);
    const c = this.coords;
    let k = this.length;
    for (let i = 0; i < n; i++) {
      const p = points[i] as unknown;
      if (!isPlainPoint(p)) return points;
      c[k++] = p[0];
      c[k++] = p[1];
    }
    this.length = k;
    this.count++;
    return pointListStandIn(n);
  }

  private flatList(coords: Float64Array, count: number): string {
    if (this.length + count > this.coords.length) this.coords = grownCoords(this.coords, this.length, count);
    this.coords.set(coords.subarray(0, count), this.length);
    this.length += count;
    this.count++;
    return pointListStandIn(count >> 1);
  }

  /**
   * The skeleton and coordinates of `value` (built with list()), and a fresh start for the next value. Null when the
   * value holds a string of its own starting with DEL, which would read as a list: serialize it otherwise (built
   * without list()). The coordinates are a view of this packer's buffer, valid until the next value is built: the
   * caller copies them (FileWriterThread, into its batch's one buffer).
   */
  finish(value: unknown): PackedJson | null {
    const count = this.count;
    const coords = this.coords.subarray(0, this.length);
    const masks = this.masks;
    this.length = 0;
    this.count = 0;
    this.masks = [];
    const text = JSON.stringify(value);
    if (text === undefined) return null;
    // Each list taken out is one such string; any more (a string of the value's own starting with DEL, or holding a
    // quote before a DEL, which this search cannot tell apart) and the value is not packed.
    let seen = 0;
    for (let i = text.indexOf(MARKER_START); i >= 0; i = text.indexOf(MARKER_START, i + MARKER_START.length)) seen++;
    return seen === count ? { skeleton: text, coords, masks } : null;
  }
}

/** Where canonicalJsonBytes writes before copying out (kept between calls). */
const scratch = new JsonWriter();

/** The UTF-8 bytes of `JSON.stringify(value, null, 4)` (which must not be undefined). */
export function canonicalJsonBytes(value: unknown): Buffer {
  scratch.reset();
  scratch.indented(value);
  return Buffer.from(scratch.view());
}

/** The UTF-8 bytes of `JSON.stringify(value)` (which must not be undefined). */
export function compactJsonBytes(value: unknown): Buffer {
  scratch.reset();
  scratch.compact(value);
  return Buffer.from(scratch.view());
}
