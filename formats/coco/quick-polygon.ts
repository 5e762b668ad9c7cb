/**
 * COCO's usual annotation read straight from its bytes: a polygon annotation with only the keys id, image_id,
 * category_id, segmentation (a list of parts), bbox, iscrowd and area, nothing to report, no escapes in its keys.
 * In COCO's own files nearly every annotation is one. Reading it here, numbers into a reused Float64Array, costs a
 * fraction of JSON.parse plus the checks, which build and walk an object and an array per part.
 *
 * The reading is all or nothing: anything else (another key, a key twice, a string id, an invalid part, NaN, a
 * syntax error, whitespace aside from JSON's) gives false, and the caller parses the element with JSON.parse and
 * checks it as any other, so that values, warnings and errors are the same as on that path. What is accepted gives
 * the numbers JSON.parse gives (see readJsonNumber).
 */
import { jsonNumber, jsonNumberIsScaled, jsonNumberScaled, readJsonNumber } from "../../src/io/json-bytes.js";
import { MAX_KEPT_NUMBERS } from "./vertex-store.js";

/** What readQuickPolygon read: reused from one annotation to the next. */
export class QuickPolygon {
  id = NaN;
  hasId = false;
  imageId = 0;
  categoryId = 0;
  iscrowd = false;
  area = NaN;
  hasArea = false;
  hasBbox = false;
  readonly bbox: [number, number, number, number] = [0, 0, 0, 0];
  /** The parts' numbers one after the other: coords[0 .. count). */
  coords = new Float64Array(4096);
  /**
   * When `allInts`: the same numbers × 10000, each written with at most four decimals and within ±214748 (not -0),
   * which is how a VertexStore keeps them: ints[k] / 10000 is coords[k].
   */
  ints = new Int32Array(4096);
  allInts = true;
  count = 0;
  /** The extremes of the parts' points (what flatPartsBox measures), found while reading them. */
  left = Infinity;
  top = Infinity;
  right = -Infinity;
  bottom = -Infinity;
  /** Numbers in each part: partLengths[0 .. parts). */
  partLengths = new Int32Array(64);
  parts = 0;
  /**
   * Set by the caller: only the parts' extremes are wanted (a writer that needs extents alone): the numbers are
   * read and checked as always, but not kept in coords and ints (count still says how many; allInts means nothing).
   */
  boundsOnly = false;
  /** Each part's extremes, four numbers a part (left, top, right, bottom): partBounds[0 .. 4 × parts). */
  partBounds = new Float64Array(4 * 64);
}

const K_ID = 1, K_IMAGE = 2, K_CATEGORY = 4, K_SEGMENTATION = 8, K_BBOX = 16, K_CROWD = 32, K_AREA = 64;

function skipSpace(b: Uint8Array, i: number): number {
  let c = b[i];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = b[++i];
  return i;
}

/** Index after the closing quote of the key read last by readKey. */
let keyEnd = 0;

const ASCII = (name: string) => Uint8Array.from(name, (ch) => ch.charCodeAt(0));
const ID = ASCII("id"), IMAGE_ID = ASCII("image_id"), CATEGORY_ID = ASCII("category_id"), SEGMENTATION = ASCII("segmentation");
const BBOX = ASCII("bbox"), AREA = ASCII("area"), ISCROWD = ASCII("iscrowd");

/** Whether b[from ..] starts with `name`. */
function startsWith(b: Uint8Array, from: number, name: Uint8Array): boolean {
  for (let k = 0; k < name.length; k++) if (b[from + k] !== name[k]) return false;
  return true;
}

/** Which of the keys such an annotation may have the key whose first byte is b[i] is (0: another, or one with an escape); sets keyEnd. */
function readKey(b: Uint8Array, i: number, end: number): number {
  const from = i;
  let c = b[i];
  while (c !== 0x22) {
    if (c === 0x5c || i >= end) return 0;
    c = b[++i];
  }
  keyEnd = i + 1;
  switch (i - from) {
    case 2: return startsWith(b, from, ID) ? K_ID : 0;
    case 4: return startsWith(b, from, BBOX) ? K_BBOX : startsWith(b, from, AREA) ? K_AREA : 0;
    case 7: return startsWith(b, from, ISCROWD) ? K_CROWD : 0;
    case 8: return startsWith(b, from, IMAGE_ID) ? K_IMAGE : 0;
    case 11: return startsWith(b, from, CATEGORY_ID) ? K_CATEGORY : 0;
    case 12: return startsWith(b, from, SEGMENTATION) ? K_SEGMENTATION : 0;
    default: return 0;
  }
}

/** Grows out.coords and out.ints to hold at least n numbers. */
function growCoords(out: QuickPolygon, n: number): void {
  const size = Math.min(Math.max(n, out.coords.length * 2), MAX_KEPT_NUMBERS);
  const coords = new Float64Array(size), ints = new Int32Array(size);
  coords.set(out.coords.subarray(0, out.count));
  ints.set(out.ints.subarray(0, out.count));
  out.coords = coords;
  out.ints = ints;
}

/**
 * Reads the segmentation's parts (i at its '['): each a list of finite numbers, even in count and of 3 points or
 * more, at least one part. Returns the index after the closing ']', or -1.
 */
function readParts(b: Uint8Array, i: number, end: number, out: QuickPolygon): number {
  i = skipSpace(b, i + 1);
  if (b[i] !== 0x5b) return -1; // empty, or the flat form [x1, y1, …] some tools write
  out.count = 0;
  out.parts = 0;
  out.allInts = true;
  const keep = !out.boundsOnly;
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (;;) {
    // A part, at its '['.
    i = skipSpace(b, i + 1);
    const first = out.count;
    let pl = Infinity, pt = Infinity, pr = -Infinity, pb = -Infinity;
    if (b[i] !== 0x5d) {
      for (;;) {
        i = readJsonNumber(b, i, end);
        if (i < 0 || !Number.isFinite(jsonNumber[0])) return -1;
        if (keep) {
          if (out.count === out.coords.length) {
            // No VertexStore record holds more: such a polygon is parsed and read again instead, and reading it here
            // would only grow these arrays to its size.
            if (out.count >= MAX_KEPT_NUMBERS) return -1;
            growCoords(out, out.count + 1);
          }
          if (jsonNumberIsScaled) out.ints[out.count] = jsonNumberScaled[0];
          else out.allInts = false;
        } else if (out.count >= MAX_KEPT_NUMBERS) return -1; // as above: what is kept does not depend on boundsOnly
        const v = jsonNumber[0];
        if (((out.count - first) & 1) === 0) {
          if (v < pl) pl = v;
          if (v > pr) pr = v;
        } else {
          if (v < pt) pt = v;
          if (v > pb) pb = v;
        }
        if (keep) out.coords[out.count] = v;
        out.count++;
        i = skipSpace(b, i);
        if (b[i] === 0x2c) {
          i = skipSpace(b, i + 1);
          continue;
        }
        if (b[i] === 0x5d) break;
        return -1;
      }
    }
    const len = out.count - first;
    if (len < 6 || len % 2 !== 0) return -1;
    if (out.parts === out.partLengths.length) {
      const grown = new Int32Array(out.parts * 2);
      grown.set(out.partLengths);
      out.partLengths = grown;
      const bounds = new Float64Array(out.parts * 8);
      bounds.set(out.partBounds);
      out.partBounds = bounds;
    }
    const pb4 = 4 * out.parts;
    out.partBounds[pb4] = pl;
    out.partBounds[pb4 + 1] = pt;
    out.partBounds[pb4 + 2] = pr;
    out.partBounds[pb4 + 3] = pb;
    out.partLengths[out.parts++] = len;
    if (pl < left) left = pl;
    if (pt < top) top = pt;
    if (pr > right) right = pr;
    if (pb > bottom) bottom = pb;
    i = skipSpace(b, i + 1);
    if (b[i] === 0x5d) {
      out.left = left;
      out.top = top;
      out.right = right;
      out.bottom = bottom;
      return i + 1;
    }
    if (b[i] !== 0x2c) return -1;
    i = skipSpace(b, i + 1);
    if (b[i] !== 0x5b) return -1;
  }
}

/** Reads a bbox [x, y, w, h] of finite numbers, w and h not negative (i at its '['); the index after it, or -1. */
function readBbox(b: Uint8Array, i: number, end: number, out: QuickPolygon): number {
  i = skipSpace(b, i + 1);
  for (let k = 0; k < 4; k++) {
    i = readJsonNumber(b, i, end);
    if (i < 0 || !Number.isFinite(jsonNumber[0])) return -1;
    out.bbox[k] = jsonNumber[0];
    i = skipSpace(b, i);
    if (b[i] !== (k < 3 ? 0x2c : 0x5d)) return -1;
    i = skipSpace(b, i + 1);
  }
  if (out.bbox[2] < 0 || out.bbox[3] < 0) return -1;
  return i;
}

/**
 * Reads the annotation b[start .. end) (an element of the annotations list, from its '{' to its '}') into `out`;
 * false when it is not COCO's usual polygon annotation (see the module comment).
 */
export function readQuickPolygon(b: Uint8Array, start: number, end: number, out: QuickPolygon): boolean {
  return b[end - 1] === 0x7d && quickPolygonEnd(b, start, end, out) === end;
}

/**
 * Reads the annotation that opens at b[start] ('{') and closes before `limit`, its end not known yet (the scan
 * offers the elements of the annotations list this way: see ScanHandlers.readObject), into `out`: the index after
 * its closing brace, or -1 when it is not COCO's usual polygon annotation or does not close before `limit`.
 */
export function quickPolygonEnd(b: Uint8Array, start: number, limit: number, out: QuickPolygon): number {
  const end = limit;
  if (b[start] !== 0x7b) return -1;
  let seen = 0;
  let i = skipSpace(b, start + 1);
  if (b[i] === 0x7d) return -1;
  for (;;) {
    if (b[i] !== 0x22) return -1;
    const key = readKey(b, i + 1, end);
    if (key === 0 || seen & key) return -1;
    seen |= key;
    i = skipSpace(b, keyEnd);
    if (b[i] !== 0x3a) return -1;
    i = skipSpace(b, i + 1);
    if (key === K_SEGMENTATION) {
      if (b[i] !== 0x5b) return -1;
      i = readParts(b, i, end, out);
      if (i < 0) return -1;
    } else if (key === K_BBOX) {
      if (b[i] !== 0x5b) return -1;
      i = readBbox(b, i, end, out);
      if (i < 0) return -1;
    } else {
      i = readJsonNumber(b, i, end);
      if (i < 0) return -1;
      const v = jsonNumber[0];
      if (!Number.isFinite(v)) return -1;
      if (key === K_ID) out.id = v;
      else if (key === K_IMAGE) out.imageId = v;
      else if (key === K_CATEGORY) out.categoryId = v;
      else if (key === K_AREA) out.area = v;
      else if (v === 0 || v === 1) out.iscrowd = v === 1;
      else return -1;
    }
    i = skipSpace(b, i);
    if (b[i] === 0x2c) {
      i = skipSpace(b, i + 1);
      continue;
    }
    // The closing brace, inside the bytes given (the bytes after `limit` are none of the element's).
    if (b[i] === 0x7d && i < end) break;
    return -1;
  }
  const close = i;
  if ((seen & (K_IMAGE | K_CATEGORY | K_SEGMENTATION)) !== (K_IMAGE | K_CATEGORY | K_SEGMENTATION)) return -1;
  out.hasId = (seen & K_ID) !== 0;
  if (!out.hasId) out.id = NaN;
  out.hasArea = (seen & K_AREA) !== 0;
  if (!out.hasArea) out.area = NaN;
  out.hasBbox = (seen & K_BBOX) !== 0;
  if (!(seen & K_CROWD)) out.iscrowd = false;
  return close + 1;
}
