/**
 * The scanline crossings of a set of rings, for the even-odd fills of rasterize.ts (fillRings) and fill-flat.ts:
 * for each row y, the x where each edge crosses it, sorted. An edge from (xa, ya) to (xb, yb) crosses row y when
 * ya <= y < yb or yb <= y < ya, at xa + ((y - ya) * (xb - xa)) / (yb - ya): the rule and the expression every fill
 * here uses, so that both draw the same pixels; fillSpans sets the pixels between them for both.
 *
 * Each edge is visited once: its crossings are counted into per-row buckets, then placed, then each row is sorted.
 * That is O(edges + crossings) plus the sorts, whatever the rows and vertices (testing every edge on every row made a
 * 100,000-vertex polygon take seconds). Rows with few crossings are sorted by insertion, others by the typed array's
 * own sort (a ring of 100,000 vertices can cross one row thousands of times, in no order).
 */

/** Index canvases of one size: pixel (x, y) is byte `offset + y * stride + x` of each. */
export interface IndexCanvases {
  width: number;
  height: number;
  stride: number;
  offset: number;
  first: Uint8Array;
  /** Drawn too when its value is 0 or more. */
  second: Uint8Array;
  /**
   * When present, the columns drawn on in each row, widened as pixels are set: row y holds its pixels within
   * colFrom[y]..colTo[y] (none while colFrom[y] > colTo[y]). An encoder reads those columns alone.
   */
  colFrom?: Int32Array;
  colTo?: Int32Array;
}

/** Beyond this, products in the crossing expression could overflow: such rings are drawn by rasterize.ts row by row. */
const FAST_LIMIT = 1e100;

/** Whether coords[from, to) are all finite and within ±FAST_LIMIT (what rowCrossings takes). */
export function fastPathCoords(coords: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const v = coords[i];
    if (!(v >= -FAST_LIMIT && v <= FAST_LIMIT)) return false;
  }
  return true;
}

/** Where row k's crossings end (they start where row k - 1's end, or at 0). Kept between calls, grown as needed. */
let rowEnds = new Int32Array(1024);
let crossings = new Float64Array(4096);

/** Rows with more crossings than this are sorted by Float64Array.prototype.sort. */
const INSERTION_SORT_MAX = 24;

export interface RowCrossings {
  /** Row y0 + k has crossings x[k ? ends[k - 1] : 0, ends[k]), ascending. */
  ends: Int32Array;
  x: Float64Array;
}

/**
 * The crossings of rows y0..y1 (y0 <= y1) by the edges of rings firstRing..ringEnd - 1, ring r being the x, y pairs
 * coords[ringStarts[r], ringStarts[r + 1]) closed from its last vertex to its first. Coordinates must be finite and
 * small enough that the expression cannot overflow (fastPathCoords). The arrays returned are reused by
 * the next call.
 */
export function rowCrossings(coords: Float64Array, ringStarts: ArrayLike<number>, firstRing: number, ringEnd: number, y0: number, y1: number): RowCrossings {
  const rows = y1 - y0 + 1;
  if (rowEnds.length < rows + 1) rowEnds = new Int32Array(Math.max(rows + 1, rowEnds.length * 2));
  const ends = rowEnds;
  ends.fill(0, 0, rows + 1);
  // Counted into ends[k + 1] for row k ...
  let total = 0;
  for (let r = firstRing; r < ringEnd; r++) {
    const s = ringStarts[r], e = ringStarts[r + 1];
    if (e - s < 2) continue;
    for (let i = s, j = e - 2; i < e; j = i, i += 2) {
      const ya = coords[j + 1], yb = coords[i + 1];
      if (ya === yb) continue;
      const lo = ya < yb ? ya : yb, hi = ya < yb ? yb : ya;
      const from = Math.max(y0, Math.ceil(lo)), to = Math.min(y1, Math.ceil(hi) - 1);
      for (let y = from; y <= to; y++) ends[y - y0 + 1]++;
      if (to >= from) total += to - from + 1;
    }
  }
  if (crossings.length < total) crossings = new Float64Array(Math.max(total, crossings.length * 2));
  const x = crossings;
  // ... summed, so that ends[k] is where row k's crossings start; placing them advances it to where they end.
  for (let k = 1; k <= rows; k++) ends[k] += ends[k - 1];
  for (let r = firstRing; r < ringEnd; r++) {
    const s = ringStarts[r], e = ringStarts[r + 1];
    if (e - s < 2) continue;
    for (let i = s, j = e - 2; i < e; j = i, i += 2) {
      const xa = coords[j], ya = coords[j + 1], xb = coords[i], yb = coords[i + 1];
      if (ya === yb) continue;
      const lo = ya < yb ? ya : yb, hi = ya < yb ? yb : ya;
      const from = Math.max(y0, Math.ceil(lo)), to = Math.min(y1, Math.ceil(hi) - 1);
      for (let y = from; y <= to; y++) x[ends[y - y0]++] = xa + ((y - ya) * (xb - xa)) / (yb - ya);
    }
  }
  let start = 0;
  for (let k = 0; k < rows; k++) {
    const end = ends[k];
    if (end - start > INSERTION_SORT_MAX) x.subarray(start, end).sort();
    else {
      for (let i = start + 1; i < end; i++) {
        const v = x[i];
        let p = i - 1;
        while (p >= start && x[p] > v) {
          x[p + 1] = x[p];
          p--;
        }
        x[p + 1] = v;
      }
    }
    start = end;
  }
  return { ends, x };
}

/**
 * Sets the pixels between each pair of row y0 + k's crossings (from rowCrossings), rows y0..y1: v1 into `first`
 * and, when v2 >= 0, v2 into `second`, widening colFrom/colTo when given.
 */
export function fillSpans(c: IndexCanvases, { ends, x }: RowCrossings, y0: number, y1: number, v1: number, v2: number): void {
  const { width, stride, offset, first, second, colFrom, colTo } = c;
  let start = 0;
  for (let k = 0; k <= y1 - y0; k++) {
    const end = ends[k];
    const row = offset + (y0 + k) * stride;
    for (let m = start; m + 1 < end; m += 2) {
      const from = Math.max(0, Math.ceil(x[m])), to = Math.min(width - 1, Math.floor(x[m + 1]));
      if (from <= to) {
        first.fill(v1, row + from, row + to + 1);
        if (v2 >= 0) second.fill(v2, row + from, row + to + 1);
        if (colFrom && colTo) {
          if (from < colFrom[y0 + k]) colFrom[y0 + k] = from;
          if (to > colTo[y0 + k]) colTo[y0 + k] = to;
        }
      }
    }
    start = end;
  }
}
