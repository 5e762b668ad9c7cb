/**
 * Polygon annotations as read in the reader's first pass, kept compactly so that items are built from them without
 * reading and parsing the JSON a second time.
 *
 * A record holds an annotation's valid polygon parts and, when it differs from the parts' extremes, its bbox.
 * Coordinates with at most four decimals (COCO writes two) are kept as 32-bit integers in units of 1/10000 — exact:
 * `k / 10000` is the double nearest to the decimal, which is what JSON.parse gave — and any others as doubles.
 * Storage is a list of fixed-size chunks (no copying as it grows): about 4 bytes a coordinate, half the JSON's size.
 *
 * Int32 record at a position p:
 *   [p]           parts count | DOUBLES (coordinates are doubles) | BOX (a bbox is kept) | BOUNDS (extremes only)
 *   [p+1 … p+n]   numbers in each part (2 × vertices)
 *   [p+n+1]       when DOUBLES, BOX or BOUNDS: position of the doubles (bbox first, then coordinates, or with
 *                 BOUNDS each part's left, top, right, bottom)
 *   then          when neither DOUBLES nor BOUNDS: the coordinates × 10000
 *
 * A BOUNDS record (addBounds) is for a writer that needs each polygon's extent alone (YOLO detect, VOC boxes): its
 * vertices are not kept, and whoever needs them reads the annotation again from the file (see hasVertices).
 */
import type { Vec2 } from "../../src/model/index.js";
import type { Bbox } from "./annotation.js";

const SCALE = 10000;
const INT_CHUNK = 1 << 22; // 16 MB
/** More numbers than this never fit a record (a record is one chunk at most): such an annotation is not kept. */
export const MAX_KEPT_NUMBERS = INT_CHUNK;
const DBL_CHUNK = 1 << 21; // 16 MB
/** Numbers a chunk starts with before it grows. */
const FIRST_CHUNK = 1 << 12;
const DOUBLES = 1 << 30;
const BOX = 1 << 29;
const BOUNDS = 1 << 28;
const PARTS = BOUNDS - 1;
/** Records whose numbers are in the doubles store: they keep its position after their part lengths. */
const HAS_DOUBLES = DOUBLES | BOX | BOUNDS;
/** Largest coordinate magnitude kept as an integer (|x| × 10000 < 2^31). */
const INT_LIMIT = 214_748;

/**
 * A growable store of numbers in fixed-size chunks; a position is chunk × size + offset. The last chunk starts small
 * and doubles (copied) up to the chunk size, so that a small file does not cost two 16 MB arrays.
 */
class ChunkedStore<A extends Int32Array | Float64Array> {
  readonly chunks: A[] = [];
  private used = 0; // of the last chunk
  constructor(readonly size: number, private readonly make: (n: number) => A, private readonly bytesEach: number) {}

  /** Where reserve's room is: the chunk and the offset in it to write to. */
  chunk!: A;
  offset = 0;

  /**
   * Room for n numbers in one chunk (then at this.chunk[this.offset ..]): its position, or -1 when n is larger than
   * a chunk. (No object per call: a file has hundreds of thousands of records.)
   */
  reserve(n: number): number {
    if (n > this.size) return -1;
    if (this.chunks.length === 0 || this.used + n > this.size) {
      this.chunks.push(this.make(Math.min(this.size, Math.max(FIRST_CHUNK, n))));
      this.used = 0;
    }
    const index = this.chunks.length - 1;
    let chunk = this.chunks[index];
    if (this.used + n > chunk.length) {
      const grown = this.make(Math.min(this.size, Math.max(chunk.length * 2, this.used + n)));
      grown.set(chunk.subarray(0, this.used));
      this.chunks[index] = chunk = grown;
    }
    const offset = this.used;
    this.used += n;
    this.chunk = chunk;
    this.offset = offset;
    return index * this.size + offset;
  }

  /** The chunks, the last one cut to what it holds (for adopt: see VertexStore.chunks). */
  exported(): A[] {
    return this.chunks.map((c, i) => (i === this.chunks.length - 1 ? c.slice(0, this.used) as A : c));
  }

  /** Appends another store's chunks (same chunk size); returns the index of the first. Later numbers go after them. */
  adopt(chunks: A[]): number {
    const first = this.chunks.length;
    if (!chunks.length) return first;
    this.chunks.push(...chunks);
    this.used = this.size; // full: the next reserve starts a chunk of its own
    return first;
  }

  /** The chunk and the offset in it of a position, without an object (for the calls made per annotation). */
  chunkOf(position: number): A {
    return this.chunks[Math.floor(position / this.size)];
  }

  offsetOf(position: number): number {
    return position - Math.floor(position / this.size) * this.size;
  }

  at(position: number): { chunk: A; offset: number } {
    const index = Math.floor(position / this.size);
    return { chunk: this.chunks[index], offset: position - index * this.size };
  }

  get bytes(): number {
    let n = 0;
    for (const c of this.chunks) n += c.length;
    return n * this.bytesEach;
  }
}

/** Whether every coordinate is a whole number of 1/10000 within the integer range (and no -0). */
function fitsIntegers(coords: ArrayLike<number>, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const v = coords[i];
    if (v > INT_LIMIT || v < -INT_LIMIT) return false;
    const k = Math.round(v * SCALE);
    if (k / SCALE !== v || (k === 0 && Object.is(v, -0))) return false;
  }
  return true;
}

export class VertexStore {
  private readonly ints: ChunkedStore<Int32Array>;
  private readonly doubles: ChunkedStore<Float64Array>;

  /** Chunk sizes (in numbers) are for tests. */
  constructor(intChunk = INT_CHUNK, doubleChunk = DBL_CHUNK) {
    this.ints = new ChunkedStore(intChunk, (n) => new Int32Array(n), 4);
    this.doubles = new ChunkedStore(doubleChunk, (n) => new Float64Array(n), 8);
  }

  private scratch = new Float64Array(1024);
  private scratchLengths = new Int32Array(16);

  /** Keeps the parts (and a bbox, or null); returns the record's position, or -1 when it is too large to keep. */
  add(parts: readonly ArrayLike<number>[], bbox: Bbox | null): number {
    if (parts.length > PARTS) return -1;
    let numbers = 0;
    for (const p of parts) numbers += p.length;
    if (numbers > MAX_KEPT_NUMBERS) return -1;
    if (numbers > this.scratch.length) this.scratch = new Float64Array(Math.max(numbers, this.scratch.length * 2));
    if (parts.length > this.scratchLengths.length) this.scratchLengths = new Int32Array(Math.max(parts.length, this.scratchLengths.length * 2));
    let o = 0;
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      for (let i = 0; i < p.length; i++) this.scratch[o++] = p[i];
      this.scratchLengths[k] = p.length;
    }
    return this.addFlat(this.scratch, numbers, this.scratchLengths, parts.length, bbox);
  }

  /**
   * Keeps `parts` parts whose numbers are coords[0 .. count), partLengths[k] in part k (and a bbox, or null); returns
   * the record's position, or -1 when it is too large to keep. `ints`, when given, holds the numbers × SCALE already
   * (the caller vouches that each is a whole number of 1/SCALE within the integer range, as fitsIntegers checks).
   */
  addFlat(coords: Float64Array, count: number, partLengths: Int32Array, parts: number, bbox: ArrayLike<number> | null, ints: Int32Array | null = null): number {
    if (parts > PARTS) return -1;
    const asInts = ints !== null || fitsIntegers(coords, count);
    const header = 1 + parts + (asInts && !bbox ? 0 : 1);
    const dblCount = (bbox ? 4 : 0) + (asInts ? 0 : count);
    const position = this.ints.reserve(header + (asInts ? count : 0));
    if (position < 0) return -1;
    const chunk = this.ints.chunk, offset = this.ints.offset;
    chunk[offset] = parts | (asInts ? 0 : DOUBLES) | (bbox ? BOX : 0);
    for (let k = 0; k < parts; k++) chunk[offset + 1 + k] = partLengths[k];
    let o = offset + 1 + parts;
    if (dblCount) {
      const dPosition = this.doubles.reserve(dblCount);
      if (dPosition < 0) return -1;
      const dChunk = this.doubles.chunk;
      chunk[o++] = dPosition;
      let q = this.doubles.offset;
      if (bbox) for (let k = 0; k < 4; k++) dChunk[q++] = bbox[k];
      if (!asInts) for (let i = 0; i < count; i++) dChunk[q++] = coords[i];
    }
    if (ints) for (let i = 0; i < count; i++) chunk[o++] = ints[i];
    else if (asInts) for (let i = 0; i < count; i++) chunk[o++] = Math.round(coords[i] * SCALE);
    return position;
  }

  /**
   * Keeps the extremes of `parts` parts (partBounds[4k .. 4k + 4): left, top, right, bottom of part k, which holds
   * partLengths[k] numbers) and a bbox (or null), without their vertices: `extents` and `vertexCount` give what they
   * would give for the whole record, `get`, `ring` and `flatRing` refuse it. Returns the record's position.
   */
  addBounds(partLengths: Int32Array, parts: number, partBounds: Float64Array, bbox: ArrayLike<number> | null): number {
    if (parts > PARTS) return -1;
    const position = this.ints.reserve(2 + parts);
    if (position < 0) return -1;
    const chunk = this.ints.chunk, offset = this.ints.offset;
    chunk[offset] = parts | BOUNDS | (bbox ? BOX : 0);
    for (let k = 0; k < parts; k++) chunk[offset + 1 + k] = partLengths[k];
    const dPosition = this.doubles.reserve((bbox ? 4 : 0) + 4 * parts);
    if (dPosition < 0) return -1;
    chunk[offset + 1 + parts] = dPosition;
    const dChunk = this.doubles.chunk;
    let q = this.doubles.offset;
    if (bbox) for (let k = 0; k < 4; k++) dChunk[q++] = bbox[k];
    for (let k = 0; k < 4 * parts; k++) dChunk[q++] = partBounds[k];
    return position;
  }

  /** Whether a record holds its vertices (not one of addBounds). */
  hasVertices(position: number): boolean {
    return (this.ints.chunkOf(position)[this.ints.offsetOf(position)] & BOUNDS) === 0;
  }

  /** The vertices of a record's parts together (what `get` would build), from its header alone. */
  vertexCount(position: number): number {
    const chunk = this.ints.chunkOf(position), offset = this.ints.offsetOf(position);
    const n = chunk[offset] & PARTS;
    let vertices = 0;
    for (let k = 0; k < n; k++) vertices += chunk[offset + 1 + k] >> 1;
    return vertices;
  }

  /**
   * A record that holds its vertices (not one of addBounds): its header at chunk[offset], where its integer
   * coordinates start (o), and its doubles (bbox first) from doubles[q] when it has any.
   */
  private withVertices(position: number): { head: number; chunk: Int32Array; offset: number; o: number; doubles: Float64Array | null; q: number } {
    const chunk = this.ints.chunkOf(position), offset = this.ints.offsetOf(position);
    const head = chunk[offset];
    if (head & BOUNDS) throw new Error("a VertexStore record of extremes has no vertices");
    const o = offset + 1 + (head & PARTS);
    if (!(head & (DOUBLES | BOX))) return { head, chunk, offset, o, doubles: null, q: 0 };
    const dPosition = chunk[o];
    return { head, chunk, offset, o: o + 1, doubles: this.doubles.chunkOf(dPosition), q: this.doubles.offsetOf(dPosition) };
  }

  /** The polygons ([x, y] vertices) and the bbox of a record. */
  get(position: number): { polygons: Vec2[][]; bbox: Bbox | null } {
    const record = this.withVertices(position);
    const { head, chunk, offset, doubles: dChunk } = record;
    let { o, q } = record;
    const n = head & PARTS;
    let bbox: Bbox | null = null;
    if (head & BOX) {
      bbox = [dChunk![q], dChunk![q + 1], dChunk![q + 2], dChunk![q + 3]];
      q += 4;
    }
    const polygons: Vec2[][] = new Array(n);
    for (let k = 0; k < n; k++) {
      const len = chunk[offset + 1 + k];
      const ring: Vec2[] = new Array(len >> 1);
      if (head & DOUBLES) {
        for (let i = 0; i < ring.length; i++, q += 2) ring[i] = [dChunk![q], dChunk![q + 1]];
      } else {
        for (let i = 0; i < ring.length; i++, o += 2) ring[i] = [chunk[o] / SCALE, chunk[o + 1] / SCALE];
      }
      polygons[k] = ring;
    }
    return { polygons, bbox };
  }

  /**
   * The parts of a record without their vertices: per part, its extremes and vertex count in `out` (five numbers
   * each: left, top, right, bottom, vertices, as `get` would give them), the bbox, and whether the record holds its
   * vertices (see hasVertices). Returns the parts' count.
   */
  extents(position: number, out: { ext: Float64Array; bbox: Bbox | null; hasVertices: boolean }): number {
    const chunk = this.ints.chunkOf(position), offset = this.ints.offsetOf(position);
    const head = chunk[offset];
    const n = head & PARTS;
    let o = offset + 1 + n;
    let dChunk: Float64Array | null = null;
    let q = 0;
    if (head & HAS_DOUBLES) {
      const dPosition = chunk[o++];
      dChunk = this.doubles.chunkOf(dPosition);
      q = this.doubles.offsetOf(dPosition);
    }
    out.hasVertices = (head & BOUNDS) === 0;
    out.bbox = null;
    if (head & BOX) {
      out.bbox = [dChunk![q], dChunk![q + 1], dChunk![q + 2], dChunk![q + 3]];
      q += 4;
    }
    if (out.ext.length < 5 * n) out.ext = new Float64Array(Math.max(5 * n, 2 * out.ext.length));
    const ext = out.ext;
    if (head & BOUNDS) {
      for (let k = 0; k < n; k++, q += 4) {
        ext[5 * k] = dChunk![q];
        ext[5 * k + 1] = dChunk![q + 1];
        ext[5 * k + 2] = dChunk![q + 2];
        ext[5 * k + 3] = dChunk![q + 3];
        ext[5 * k + 4] = chunk[offset + 1 + k] >> 1;
      }
      return n;
    }
    for (let k = 0; k < n; k++) {
      const len = chunk[offset + 1 + k];
      let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
      if (head & DOUBLES) {
        for (const end = q + len; q < end; q += 2) {
          const x = dChunk![q], y = dChunk![q + 1];
          if (x < left) left = x;
          if (x > right) right = x;
          if (y < top) top = y;
          if (y > bottom) bottom = y;
        }
        ext[5 * k] = left;
        ext[5 * k + 1] = top;
        ext[5 * k + 2] = right;
        ext[5 * k + 3] = bottom;
      } else {
        // Extremes of the integers, then one division each: the same doubles as dividing every vertex (k / SCALE grows with k).
        for (const end = o + len; o < end; o += 2) {
          const x = chunk[o], y = chunk[o + 1];
          if (x < left) left = x;
          if (x > right) right = x;
          if (y < top) top = y;
          if (y > bottom) bottom = y;
        }
        ext[5 * k] = left / SCALE;
        ext[5 * k + 1] = top / SCALE;
        ext[5 * k + 2] = right / SCALE;
        ext[5 * k + 3] = bottom / SCALE;
      }
      ext[5 * k + 4] = len >> 1;
    }
    return n;
  }

  /** Where part k of a record starts: in `ints` (coordinates × SCALE) or in `doubles`, and its count of numbers. */
  private part(position: number, k: number): { ints: Int32Array | null; doubles: Float64Array | null; at: number; count: number } {
    const { head, chunk, offset, o, doubles: dChunk, q: doublesAt } = this.withVertices(position);
    let q = doublesAt;
    if (head & BOX) q += 4;
    let before = 0;
    for (let j = 0; j < k; j++) before += chunk[offset + 1 + j];
    const count = chunk[offset + 1 + k];
    return head & DOUBLES ? { ints: null, doubles: dChunk, at: q + before, count } : { ints: chunk, doubles: null, at: o + before, count };
  }

  /** Part k of a record, as `get` gives it. */
  ring(position: number, k: number): Vec2[] {
    const { ints, doubles, at, count } = this.part(position, k);
    const ring: Vec2[] = new Array(count >> 1);
    for (let i = 0; i < ring.length; i++) ring[i] = ints ? [ints[at + 2 * i] / SCALE, ints[at + 2 * i + 1] / SCALE] : [doubles![at + 2 * i], doubles![at + 2 * i + 1]];
    return ring;
  }

  /** Part k of a record as flat coordinates (the numbers of `ring`'s points) in `into.coords`, grown when short; their count. */
  flatRing(position: number, k: number, into: { coords: Float64Array }): number {
    const { ints, doubles, at, count } = this.part(position, k);
    if (into.coords.length < count) into.coords = new Float64Array(Math.max(count, 2 * into.coords.length));
    const out = into.coords;
    if (ints) for (let i = 0; i < count; i++) out[i] = ints[at + i] / SCALE;
    else out.set(doubles!.subarray(at, at + count));
    return count;
  }

  /** The store's numbers, to be moved to another thread and adopted there (see adopt). */
  chunks(): { ints: Int32Array[]; doubles: Float64Array[] } {
    return { ints: this.ints.exported(), doubles: this.doubles.exported() };
  }

  /**
   * Takes over the records of a store made with the same chunk sizes (in another thread: see parse-thread.ts), given
   * by their positions there; returns what to add to those positions to get theirs here. The chunks become this
   * store's (their records' references to doubles are moved along).
   */
  adopt(chunks: { ints: Int32Array[]; doubles: Float64Array[] }, records: ArrayLike<number>): number {
    const intShift = this.ints.adopt(chunks.ints) * this.ints.size;
    const doubleShift = this.doubles.adopt(chunks.doubles) * this.doubles.size;
    if (doubleShift) {
      for (let k = 0; k < records.length; k++) {
        const { chunk, offset } = this.ints.at(records[k] + intShift);
        const head = chunk[offset];
        if (head & HAS_DOUBLES) chunk[offset + 1 + (head & PARTS)] += doubleShift;
      }
    }
    return intShift;
  }

  /** Memory held, in bytes. */
  get bytes(): number {
    return this.ints.bytes + this.doubles.bytes;
  }
}
