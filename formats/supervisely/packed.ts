/**
 * Annotation files made cheap to hand from a reading thread to the main one. Most of an annotation file's bytes are
 * indentation and point lists (`[[x, y], …]`, one number a line); the packer walks the file's bytes once and gives
 *
 * - a skeleton: the file as compact JSON, each point list replaced by a stand-in string, DEL then its number
 *   (src/io/json-bytes.ts: the stand-in the Supervisely writer's packing uses too), and
 * - the coordinates of those lists in one Float64Array (x1, y1, x2, y2, …), with a start and a length per list,
 *
 * so that the main thread parses only the skeleton and builds the points straight from the numbers
 * (`annotationFromJson` takes them, see PackedPoints). Numbers are read exactly as JSON.parse reads them.
 *
 * The packer gives up (null) on anything it does not take on: malformed JSON, a string holding DEL, text that
 * is not UTF-8, very deep nesting. The caller then reads the file the ordinary way, which reports what is wrong in
 * the usual words.
 */
import { isUtf8 } from "node:buffer";
import { grownBuffer } from "../../src/io/canonical-json.js";
import { POINT_LIST_MARKER, isPointListStandIn, jsonNumber, pointListStandIn, readJsonNumber, standInIndex } from "../../src/io/json-bytes.js";

/** Thrown inside the packer to give up on a file. */
class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

const enum C {
  Tab = 0x09, Newline = 0x0a, Return = 0x0d, Space = 0x20, Quote = 0x22, Plus = 0x2b, Comma = 0x2c, Minus = 0x2d,
  Dot = 0x2e, Zero = 0x30, Nine = 0x39, Colon = 0x3a, OpenBracket = 0x5b, Backslash = 0x5c, CloseBracket = 0x5d,
  LowerE = 0x65, UpperE = 0x45, LowerU = 0x75, OpenBrace = 0x7b, CloseBrace = 0x7d,
}

const MAX_DEPTH = 256;
const EMPTY = Buffer.alloc(0);
const EMPTY_VIEW: DataView = new DataView(new ArrayBuffer(0));

/** Bytes that may follow a backslash in a JSON string. */
const ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrtu') ESCAPE[c.charCodeAt(0)] = 1;
const HEX = new Uint8Array(256);
for (const c of "0123456789abcdefABCDEF") HEX[c.charCodeAt(0)] = 1;

/** The first byte at or after p that is not JSON whitespace; runs of spaces (indentation) go four bytes a step. */
function skipWs(b: Uint8Array, dv: DataView, p: number, n: number): number {
  while (p < n) {
    const c = b[p];
    if (c === C.Space) {
      p++;
      while (p + 4 <= n && dv.getUint32(p, true) === 0x20202020) p += 4;
      while (p < n && b[p] === C.Space) p++;
    } else if (c === C.Newline || c === C.Return || c === C.Tab) p++;
    else break;
  }
  return p;
}


/** The point lists of a batch of packed files: coordinates, and per list its first coordinate and its point count. */
export interface PackedLists {
  coords: Float64Array;
  /** starts[k], counts[k]: list k's first coordinate index in `coords` and its number of points. */
  starts: Int32Array;
  counts: Int32Array;
}

/** Packs files one after another into shared coordinate and list buffers (one batch). */
export class Packer {
  private b: Uint8Array = EMPTY;
  private dv: DataView = EMPTY_VIEW;
  private p = 0;
  private n = 0;
  private out: Buffer = Buffer.allocUnsafe(1 << 16);
  /** Where the next skeleton starts in `skeletons` (bytes written so far). */
  o = 0;
  private nonAscii = false;
  coords = new Float64Array(1 << 16);
  nc = 0;
  starts = new Int32Array(1024);
  counts = new Int32Array(1024);
  nl = 0;

  /**
   * Appends the skeleton of one file's bytes to the batch (its lists numbered on from the lists packed so far);
   * false, with nothing kept, when the file is to be read plainly. The skeleton is `skeletons` bytes from `o` before
   * the call to `o` after it, UTF-8 when `utf8` is set, else ASCII.
   */
  pack(bytes: Uint8Array): boolean {
    const nc = this.nc, nl = this.nl, o = this.o;
    this.b = bytes;
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    this.n = bytes.length;
    this.p = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // BOM
    this.nonAscii = false;
    let ok = true;
    try {
      this.ws();
      this.value(0);
      this.ws();
      if (this.p !== this.n) throw GIVE_UP;
      // Strings are copied byte for byte, so the skeleton is UTF-8 exactly when the file's strings are.
      if (this.nonAscii && !isUtf8(this.out.subarray(o, this.o))) ok = false;
    } catch (e) {
      if (e !== GIVE_UP) throw e;
      ok = false;
    } finally {
      this.b = EMPTY;
      this.dv = EMPTY_VIEW;
    }
    if (!ok) {
      this.nc = nc;
      this.nl = nl;
      this.o = o;
    }
    this.utf8 = this.nonAscii;
    return ok;
  }

  /** Whether the skeleton packed last holds non-ASCII (UTF-8) text. */
  utf8 = false;

  /** The skeletons so far (valid until the next pack). */
  get skeletons(): Buffer {
    return this.out.subarray(0, this.o);
  }

  /** One file's skeleton as text, or null (for tests and single files): a batch of one. */
  packOne(bytes: Uint8Array): string | null {
    const start = this.o;
    if (!this.pack(bytes)) return null;
    return this.out.toString(this.utf8 ? "utf8" : "latin1", start, this.o);
  }

  /** The lists and skeletons packed so far (copies, ready to transfer), and a fresh start. */
  take(): PackedLists & { skeletons: Uint8Array } {
    const lists = {
      coords: this.coords.slice(0, this.nc), starts: this.starts.slice(0, this.nl), counts: this.counts.slice(0, this.nl),
      skeletons: Uint8Array.prototype.slice.call(this.out, 0, this.o),
    };
    this.nc = 0;
    this.nl = 0;
    this.o = 0;
    return lists;
  }

  private ws(): void {
    this.p = skipWs(this.b, this.dv, this.p, this.n);
  }

  private room(k: number): void {
    if (this.o + k > this.out.length) this.out = grownBuffer(this.out, this.o, k);
  }

  private emit(c: number): void {
    this.room(1);
    this.out[this.o++] = c;
  }

  private value(depth: number): void {
    if (this.p >= this.n) throw GIVE_UP;
    const c = this.b[this.p];
    if (c === C.Quote) this.string();
    else if (c === C.OpenBrace) this.object(depth + 1);
    else if (c === C.OpenBracket) this.array(depth + 1);
    else if (c === C.Minus || (c >= C.Zero && c <= C.Nine)) this.number();
    else if (c === 0x74) this.literal("true");
    else if (c === 0x66) this.literal("false");
    else if (c === 0x6e) this.literal("null");
    else throw GIVE_UP;
  }

  private literal(word: string): void {
    const b = this.b;
    if (this.p + word.length > this.n) throw GIVE_UP;
    for (let i = 0; i < word.length; i++) if (b[this.p + i] !== word.charCodeAt(i)) throw GIVE_UP;
    this.room(word.length);
    for (let i = 0; i < word.length; i++) this.out[this.o++] = word.charCodeAt(i);
    this.p += word.length;
  }

  /** Copies a string as written (escapes and all); gives up on control characters, bad escapes and DEL (the marker). */
  private string(): void {
    const b = this.b, n = this.n;
    const start = this.p;
    let p = start + 1;
    for (;;) {
      if (p >= n) throw GIVE_UP;
      const c = b[p];
      if (c === C.Quote) break;
      if (c < 0x20 || c === POINT_LIST_MARKER) throw GIVE_UP;
      if (c >= 0x80) this.nonAscii = true;
      if (c === C.Backslash) {
        const e = p + 1 < n ? b[p + 1] : 0;
        if (ESCAPE[e] !== 1) throw GIVE_UP;
        if (e === C.LowerU) {
          if (p + 5 >= n || !HEX[b[p + 2]] || !HEX[b[p + 3]] || !HEX[b[p + 4]] || !HEX[b[p + 5]]) throw GIVE_UP;
          // \u007f (or \u007F): the marker, escaped.
          if (b[p + 2] === C.Zero && b[p + 3] === C.Zero && b[p + 4] === 0x37 && (b[p + 5] | 0x20) === 0x66) throw GIVE_UP;
          p += 6;
        } else p += 2;
        continue;
      }
      p++;
    }
    p++; // the closing quote
    const len = p - start;
    this.room(len);
    const out = this.out;
    let o = this.o;
    if (len > 32) {
      out.set(b.subarray(start, p), o);
      o += len;
    } else for (let i = start; i < p; i++) out[o++] = b[i];
    this.o = o;
    this.p = p;
  }

  /** Checks a number's grammar and copies it as written. */
  private number(): void {
    const start = this.p;
    const end = this.scanNumber();
    const len = end - start;
    this.room(len);
    for (let i = start; i < end; i++) this.out[this.o++] = this.b[i];
    this.p = end;
  }

  /** The end of the JSON number at p (grammar checked). */
  private scanNumber(): number {
    const b = this.b, n = this.n;
    let p = this.p;
    if (p < n && b[p] === C.Minus) p++;
    if (p >= n) throw GIVE_UP;
    if (b[p] === C.Zero) p++;
    else if (b[p] > C.Zero && b[p] <= C.Nine) while (p < n && b[p] >= C.Zero && b[p] <= C.Nine) p++;
    else throw GIVE_UP;
    if (p < n && b[p] === C.Dot) {
      p++;
      const d = p;
      while (p < n && b[p] >= C.Zero && b[p] <= C.Nine) p++;
      if (p === d) throw GIVE_UP;
    }
    if (p < n && (b[p] === C.LowerE || b[p] === C.UpperE)) {
      p++;
      if (p < n && (b[p] === C.Plus || b[p] === C.Minus)) p++;
      const d = p;
      while (p < n && b[p] >= C.Zero && b[p] <= C.Nine) p++;
      if (p === d) throw GIVE_UP;
    }
    return p;
  }

  private object(depth: number): void {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const b = this.b;
    this.p++;
    this.emit(C.OpenBrace);
    this.ws();
    if (this.p < this.n && b[this.p] === C.CloseBrace) {
      this.p++;
      this.emit(C.CloseBrace);
      return;
    }
    for (;;) {
      if (this.p >= this.n || b[this.p] !== C.Quote) throw GIVE_UP;
      this.string();
      this.ws();
      if (this.p >= this.n || b[this.p] !== C.Colon) throw GIVE_UP;
      this.p++;
      this.emit(C.Colon);
      this.ws();
      this.value(depth);
      this.ws();
      if (this.closedBy(C.CloseBrace)) return;
    }
  }

  /** After a member or element: true at `close` (written), false after a comma (written, spaces after it skipped). */
  private closedBy(close: number): boolean {
    if (this.p >= this.n) throw GIVE_UP;
    const c = this.b[this.p++];
    if (c === C.Comma) {
      this.emit(C.Comma);
      this.ws();
      return false;
    }
    if (c === close) {
      this.emit(close);
      return true;
    }
    throw GIVE_UP;
  }

  private array(depth: number): void {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const b = this.b;
    const open = this.p;
    this.p++;
    this.ws();
    if (this.p < this.n && b[this.p] === C.CloseBracket) {
      this.p++;
      this.room(2);
      this.out[this.o++] = C.OpenBracket;
      this.out[this.o++] = C.CloseBracket;
      return;
    }
    if (this.p < this.n && b[this.p] === C.OpenBracket && this.points()) return;
    this.p = open + 1;
    this.ws();
    this.emit(C.OpenBracket);
    for (;;) {
      this.value(depth);
      this.ws();
      if (this.closedBy(C.CloseBracket)) return;
    }
  }

  /** At the first `[` of a list's first element: packs `[[x, y], …]` and writes its marker, else false (nothing kept). */
  private points(): boolean {
    const b = this.b, n = this.n, dv = this.dv;
    const nc0 = this.nc;
    let nc = nc0;
    let coords = this.coords;
    let p = this.p;
    let count = 0;
    for (;;) {
      // [x, y]
      if (p >= n || b[p] !== C.OpenBracket) return this.undo(nc0);
      p++;
      p = skipWs(b, dv, p, n);
      p = readJsonNumber(b, p, n);
      if (p < 0) return this.undo(nc0); // no number here
      const x = jsonNumber[0];
      p = skipWs(b, dv, p, n);
      if (p >= n || b[p] !== C.Comma) return this.undo(nc0);
      p++;
      p = skipWs(b, dv, p, n);
      p = readJsonNumber(b, p, n);
      if (p < 0) return this.undo(nc0);
      const y = jsonNumber[0];
      p = skipWs(b, dv, p, n);
      if (p >= n || b[p] !== C.CloseBracket) return this.undo(nc0);
      p++;
      if (nc + 2 > coords.length) {
        this.nc = nc;
        this.growCoords();
        coords = this.coords;
      }
      coords[nc++] = x;
      coords[nc++] = y;
      count++;
      p = skipWs(b, dv, p, n);
      if (p >= n) return this.undo(nc0);
      const c = b[p++];
      if (c === C.Comma) {
        p = skipWs(b, dv, p, n);
        continue;
      }
      if (c === C.CloseBracket) break;
      return this.undo(nc0);
    }
    this.p = p;
    this.nc = nc;
    if (this.nl === this.starts.length) {
      const grow = (a: Int32Array) => {
        const next = new Int32Array(a.length * 2);
        next.set(a);
        return next;
      };
      this.starts = grow(this.starts);
      this.counts = grow(this.counts);
    }
    const k = this.nl++;
    this.starts[k] = nc0;
    this.counts[k] = count;
    const marker = `"${pointListStandIn(k)}"`;
    this.room(marker.length);
    for (let i = 0; i < marker.length; i++) this.out[this.o++] = marker.charCodeAt(i);
    return true;
  }

  private undo(nc0: number): false {
    this.nc = nc0;
    return false;
  }

  private growCoords(): void {
    const next = new Float64Array(this.coords.length * 2);
    next.set(this.coords.subarray(0, this.nc));
    this.coords = next;
  }
}


/** The point lists of one packed file, for `annotationFromJson`: markers become points, and are ticked off. */
export class PackedPoints {
  private readonly used: Uint8Array;
  private usedCount = 0;
  constructor(readonly lists: PackedLists, readonly first: number, readonly count: number) {
    this.used = new Uint8Array(count);
  }

  /** List k (absolute) as [x, y] pairs, or null when k is not one of this file's lists. */
  take(marker: string): [number, number][] | null {
    const k = standInIndex(marker) - this.first;
    if (!(k >= 0 && k < this.count) || this.used[k]) return null;
    this.used[k] = 1;
    this.usedCount++;
    const { coords, starts, counts } = this.lists;
    const start = starts[this.first + k], n = counts[this.first + k];
    const out: [number, number][] = [];
    for (let i = 0, j = start; i < n; i++, j += 2) out.push([coords[j], coords[j + 1]]);
    return out;
  }

  /** Every list was taken (none is left in the skeleton as a string). */
  get allTaken(): boolean {
    return this.usedCount === this.count;
  }

  /** The parsed skeleton with every marker replaced by its points: what JSON.parse gives for the file. */
  unpack(v: unknown): unknown {
    if (isPointListStandIn(v)) {
      const k = standInIndex(v) - this.first;
      const { coords, starts, counts } = this.lists;
      const start = starts[this.first + k], n = counts[this.first + k];
      const out = new Array<number[]>(n);
      for (let i = 0, j = start; i < n; i++, j += 2) out[i] = [coords[j], coords[j + 1]];
      return out;
    }
    if (typeof v !== "object" || v === null) return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = this.unpack(v[i]);
      return v;
    }
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const e = o[key];
      // A marker becomes a new value; objects and arrays are unpacked in place. (defineProperty: a key may be __proto__.)
      if (isPointListStandIn(e)) Object.defineProperty(o, key, { value: this.unpack(e), writable: true, enumerable: true, configurable: true });
      else this.unpack(e);
    }
    return o;
  }
}
