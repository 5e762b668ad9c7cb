/**
 * Polygons whose vertices are runs of one Float64Array (x, y pairs), drawn pixel for pixel as rasterize.ts's
 * fillPolygon draws them, into one or two index canvases at once (VOC's class and object masks are the same pixels
 * with two values). The canvases may have rows further apart than their width (a PNG's scanlines: a filter byte
 * before every row), so that the drawn bytes are what the encoder compresses.
 *
 * Same pixels: each row's crossings come from the edge table fillRings uses too (edge-table.ts); outlines are the same
 * Bresenham walks from the same rounded ends (clipped by rasterize.ts's clipSegment when an end lies outside).
 * Coordinates that are not finite, or beyond ±1e100, leave the fast path: the caller draws those with rasterize.ts.
 */
import { fillSpans, rowCrossings, type IndexCanvases } from "./edge-table.js";
import { clipSegment } from "./rasterize.js";

export type { IndexCanvases } from "./edge-table.js";
export { fastPathCoords } from "./edge-table.js";

/** Scratch space, grown as needed and kept between calls (a worker draws thousands of polygons). */
let scratchMask = new Uint8Array(1 << 16);

/**
 * Fills the rings coords[ringStarts[k], ringStarts[k + 1]) for k in [firstRing, ringEnd) together by the even-odd
 * rule and draws their outlines (rasterize.ts fillRings), with v1 into `first` and, when v2 ≥ 0, v2 into `second`.
 * Coordinates must have passed fastPathCoords.
 */
export function fillFlatRings(c: IndexCanvases, coords: Float64Array, ringStarts: ArrayLike<number>, firstRing: number, ringEnd: number, v1: number, v2: number): void {
  let minY = Infinity, maxY = -Infinity;
  for (let r = firstRing; r < ringEnd; r++) {
    for (let i = ringStarts[r] + 1; i < ringStarts[r + 1]; i += 2) {
      const y = coords[i];
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (minY === Infinity) return;
  const y0 = Math.max(0, Math.ceil(minY)), y1 = Math.min(c.height - 1, Math.floor(maxY));
  if (y0 <= y1) {
    fillSpans(c, rowCrossings(coords, ringStarts, firstRing, ringEnd, y0, y1), y0, y1, v1, v2);
  }
  for (let r = firstRing; r < ringEnd; r++) {
    const s = ringStarts[r], e = ringStarts[r + 1];
    if (e - s < 2) continue;
    for (let i = s, j = e - 2; i < e; j = i, i += 2) line(c, coords[j], coords[j + 1], coords[i], coords[i + 1], v1, v2);
  }
}

/** rasterize.ts drawLine into both canvases. */
function line(c: IndexCanvases, ax: number, ay: number, bx: number, by: number, v1: number, v2: number): void {
  const { width, height, stride, offset, first, second, colFrom, colTo } = c;
  if (!(ax >= -1 && ax <= width && ay >= -1 && ay <= height && bx >= -1 && bx <= width && by >= -1 && by <= height)) {
    const clipped = clipSegment(c, [ax, ay], [bx, by]);
    if (!clipped) return;
    [[ax, ay], [bx, by]] = clipped;
  }
  let x0 = Math.round(ax), y0 = Math.round(ay);
  const x1 = Math.round(bx), y1 = Math.round(by);
  const dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    if (x0 >= 0 && y0 >= 0 && x0 < width && y0 < height) {
      const at = offset + y0 * stride + x0;
      first[at] = v1;
      if (v2 >= 0) second[at] = v2;
      if (colFrom && colTo) {
        if (x0 < colFrom[y0]) colFrom[y0] = x0;
        if (x0 > colTo[y0]) colTo[y0] = x0;
      }
    }
    if (x0 === x1 && y0 === y1) break;
    const e2 = 2 * err;
    if (e2 >= dy) { err += dy; x0 += sx; }
    if (e2 <= dx) { err += dx; y0 += sy; }
  }
}

/**
 * One polygon: ring firstRing is the exterior, the rings after it up to ringEnd its holes (rasterize.ts
 * fillPolygon: a polygon with holes is drawn into a mask of its own, exterior with 1 and then the holes together
 * with 0, and its set pixels copied). Coordinates must have passed fastPathCoords.
 */
export function fillFlatPolygon(c: IndexCanvases, coords: Float64Array, ringStarts: ArrayLike<number>, firstRing: number, ringEnd: number, v1: number, v2: number): void {
  if (ringEnd - firstRing <= 1) {
    fillFlatRings(c, coords, ringStarts, firstRing, ringEnd, v1, v2);
    return;
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = ringStarts[firstRing]; i + 1 < ringStarts[firstRing + 1]; i += 2) {
    const x = coords[i], y = coords[i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const x0 = Math.max(0, Math.floor(minX)), y0 = Math.max(0, Math.floor(minY));
  const x1 = Math.min(c.width - 1, Math.ceil(maxX)), y1 = Math.min(c.height - 1, Math.ceil(maxY));
  if (x0 > x1 || y0 > y1) return;
  const w = x1 - x0 + 1, h = y1 - y0 + 1;
  if (scratchMask.length < w * h) scratchMask = new Uint8Array(Math.max(w * h, scratchMask.length * 2));
  scratchMask.fill(0, 0, w * h);
  const own: IndexCanvases = { width: w, height: h, stride: w, offset: 0, first: scratchMask, second: scratchMask };
  // Moved by whole pixels, as fillPolygon moves them.
  const from = ringStarts[firstRing], to = ringStarts[ringEnd];
  const moved = new Float64Array(to - from);
  for (let i = from; i < to; i += 2) {
    moved[i - from] = coords[i] - x0;
    moved[i - from + 1] = coords[i + 1] - y0;
  }
  const starts: number[] = [];
  for (let r = firstRing; r <= ringEnd; r++) starts.push(ringStarts[r] - from);
  fillFlatRings(own, moved, starts, 0, 1, 1, -1);
  fillFlatRings(own, moved, starts, 1, starts.length - 1, 0, -1);
  const { stride, offset, first, second, colFrom, colTo } = c;
  for (let y = 0; y < h; y++) {
    const src = y * w, dst = offset + (y + y0) * stride + x0;
    let left = w, right = -1;
    for (let x = 0; x < w; x++) {
      if (scratchMask[src + x]) {
        first[dst + x] = v1;
        if (v2 >= 0) second[dst + x] = v2;
        if (x < left) left = x;
        right = x;
      }
    }
    if (colFrom && colTo && left <= right) {
      if (x0 + left < colFrom[y + y0]) colFrom[y + y0] = x0 + left;
      if (x0 + right > colTo[y + y0]) colTo[y + y0] = x0 + right;
    }
  }
}
