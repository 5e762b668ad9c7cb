import type { Geometry, Vec2 } from "../model/geometry.js";
import { bitmapMask, decodeAlphaMaskData } from "../codecs/bitmap.js";
import { createMask, pasteMask, type BinaryMask } from "../codecs/mask.js";
import { geometryVertices, orientedBoxCorners } from "./bounds.js";
import { knownExtent } from "./extent.js";
import { fastPathCoords, fillSpans, rowCrossings } from "./edge-table.js";

/**
 * Geometry → pixels, for mask exports, as the Supervisely SDK draws them. Convention (documented in the README): a
 * vertex (x, y) is the centre of pixel column x, row y; a pixel is inside a ring when its centre is inside by the
 * even-odd rule, and the ring's outline pixels belong to it too (as OpenCV's fillPoly draws them), so a polygon traced
 * along a mask's pixel centres covers those pixels. A polygon's holes take their outline pixels with them (see
 * fillPolygon).
 */
type Canvas = { width: number; height: number; data: Uint8Array };

function setPixel(c: Canvas, x: number, y: number, v: number): void {
  if (x >= 0 && y >= 0 && x < c.width && y < c.height) c.data[y * c.width + x] = v;
}

/** Coordinates beyond ±1e300 are taken as ±1e300: differences of two of them stay finite (1e308 - -1e308 is not). */
const HUGE = 1e300;
const tame = (v: number) => (v > HUGE ? HUGE : v < -HUGE ? -HUGE : v);

/**
 * The part of segment a–b inside the box [-1, width] × [-1, height] (one pixel beyond the canvas on every side, so
 * that rounding the clipped ends gives the pixels the whole segment would), by Cohen–Sutherland; null when none of it
 * is. Each end outside is moved to the border along the segment, computed from the other end (a vertex at 1e300
 * beside one in the image keeps the line's pixels exact). Without this a vertex at 1e300 made Bresenham walk 1e300
 * steps: a hang that ignored signals.
 */
export function clipSegment(c: { width: number; height: number }, a: Vec2, b: Vec2): [Vec2, Vec2] | null {
  let [ax, ay] = a, [bx, by] = b;
  // Not a place: NaN and ±Infinity (readers refuse them; a model built by hand may hold them) draw nothing.
  if (!Number.isFinite(ax) || !Number.isFinite(ay) || !Number.isFinite(bx) || !Number.isFinite(by)) return null;
  ax = tame(ax); ay = tame(ay); bx = tame(bx); by = tame(by);
  const left = -1, top = -1, right = c.width, bottom = c.height;
  const code = (x: number, y: number) => (x < left ? 1 : x > right ? 2 : 0) | (y < top ? 4 : y > bottom ? 8 : 0);
  let ca = code(ax, ay), cb = code(bx, by);
  // Each pass puts one end on a border line: at most four passes per end.
  for (let pass = 0; pass < 8; pass++) {
    if (!(ca | cb)) return [[ax, ay], [bx, by]];
    if (ca & cb) return null;
    const outA = ca !== 0;
    const [px, py, qx, qy] = outA ? [ax, ay, bx, by] : [bx, by, ax, ay];
    const out = outA ? ca : cb;
    let x: number, y: number;
    if (out & 1 || out & 2) {
      x = out & 1 ? left : right;
      y = qy + ((py - qy) * (x - qx)) / (px - qx);
    } else {
      y = out & 4 ? top : bottom;
      x = qx + ((px - qx) * (y - qy)) / (py - qy);
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    if (outA) { ax = x; ay = y; ca = code(ax, ay); } else { bx = x; by = y; cb = code(bx, by); }
  }
  return null;
}

/** Bresenham between rounded endpoints, clipped to the canvas first: its steps are bounded by the canvas size. */
export function drawLine(c: Canvas, a: Vec2, b: Vec2, v: number): void {
  const clipped = clipSegment(c, a, b);
  if (!clipped) return;
  [a, b] = clipped;
  let x0 = Math.round(a[0]), y0 = Math.round(a[1]);
  const x1 = Math.round(b[0]), y1 = Math.round(b[1]);
  const dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    setPixel(c, x0, y0, v);
    if (x0 === x1 && y0 === y1) break;
    const e2 = 2 * err;
    if (e2 >= dy) { err += dy; x0 += sx; }
    if (e2 <= dx) { err += dx; y0 += sy; }
  }
}

/**
 * Vertices of a vector geometry that lie outside the image by more than one pixel (x < -1 or x > width, the same
 * for y; not finite counts too): the drawers clip those, and say how many they clipped.
 */
export function verticesOutside(g: Geometry, width: number, height: number): { count: number; farthest: Vec2 | null } {
  const vertices = geometryVertices(g);
  let count = 0, farthest: Vec2 | null = null, worst = 0;
  if (!vertices) return { count, farthest };
  for (const v of vertices) {
    const [x, y] = v;
    const beyond = Math.max(-1 - x, x - width, -1 - y, y - height);
    if (beyond > 0 || Number.isNaN(beyond)) {
      count++;
      if (!(beyond <= worst)) { worst = beyond; farthest = v; }
    }
  }
  return { count, farthest };
}

/** Even-odd scanline fill over all rings, then their outlines. */
export function fillRings(c: Canvas, rings: Vec2[][], v: number): void {
  let minY = Infinity, maxY = -Infinity;
  for (const r of rings) for (const [, y] of r) { if (y < minY) minY = y; if (y > maxY) maxY = y; }
  if (minY === Infinity) return;
  const y0 = Math.max(0, Math.ceil(minY)), y1 = Math.min(c.height - 1, Math.floor(maxY));
  if (y0 <= y1) {
    const flat = flatRings(rings);
    if (fastPathCoords(flat.coords, 0, flat.coords.length)) fillSpans({ width: c.width, height: c.height, stride: c.width, offset: 0, first: c.data, second: c.data }, rowCrossings(flat.coords, flat.starts, 0, rings.length, y0, y1), y0, y1, v, -1);
    else fillRowByRow(c, rings, y0, y1, v);
  }
  for (const ring of rings) for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) drawLine(c, ring[j], ring[i], v);
}

function flatRings(rings: Vec2[][]): { coords: Float64Array; starts: number[] } {
  let n = 0;
  for (const r of rings) n += 2 * r.length;
  const coords = new Float64Array(n), starts = [0];
  let at = 0;
  for (const r of rings) {
    for (const p of r) {
      coords[at++] = p[0];
      coords[at++] = p[1];
    }
    starts.push(at);
  }
  return { coords, starts };
}

/**
 * The even-odd fill of rings with coordinates that are not finite or too large for the edge table: every edge tested
 * on every row (NaN, infinities and overflowing products go through the comparisons and the sort as they always have).
 */
function fillRowByRow(c: Canvas, rings: Vec2[][], y0: number, y1: number, v: number): void {
  const xs: number[] = [];
  for (let y = y0; y <= y1; y++) {
    xs.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xa, ya] = ring[j], [xb, yb] = ring[i];
        if ((ya <= y && y < yb) || (yb <= y && y < ya)) xs.push(xa + ((y - ya) * (xb - xa)) / (yb - ya));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k])), to = Math.min(c.width - 1, Math.floor(xs[k + 1]));
      if (from <= to) c.data.fill(v, y * c.width + from, y * c.width + to + 1);
    }
  }
}

/**
 * A polygon as the Supervisely SDK draws it (`Polygon._draw_impl`): cv2.fillPoly of the exterior with 1, then
 * cv2.fillPoly of the holes with 0, in a mask of its own whose set pixels then get `v`. fillPoly draws each ring's
 * outline with the fill value too, so a hole's outline pixels are cleared along with its inside, and a hole never
 * clears what other labels painted.
 */
export function fillPolygon(c: Canvas, exterior: Vec2[], interior: Vec2[][], v: number): void {
  if (interior.length === 0) {
    fillRings(c, [exterior], v);
    return;
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of exterior) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  // The pixels the exterior can reach (its outline's rounded vertices included), within the canvas.
  const x0 = Math.max(0, Math.floor(minX)), y0 = Math.max(0, Math.floor(minY));
  const x1 = Math.min(c.width - 1, Math.ceil(maxX)), y1 = Math.min(c.height - 1, Math.ceil(maxY));
  if (x0 > x1 || y0 > y1) return;
  const own: Canvas = { width: x1 - x0 + 1, height: y1 - y0 + 1, data: new Uint8Array((x1 - x0 + 1) * (y1 - y0 + 1)) };
  // Moved by whole pixels, so every rounding in fillRings and drawLine falls as it would on the canvas.
  const moved = (ring: Vec2[]) => ring.map(([x, y]): Vec2 => [x - x0, y - y0]);
  fillRings(own, [moved(exterior)], 1);
  fillRings(own, interior.map(moved), 0);
  for (let y = 0; y < own.height; y++) {
    const row = y * own.width, at = (y + y0) * c.width + x0;
    for (let x = 0; x < own.width; x++) if (own.data[row + x]) c.data[at + x] = v;
  }
}

/**
 * Draws a geometry into `canvas` with `value`. Returns false for geometries that have no area to draw
 * (graph, unknown), so callers can count them as not drawn.
 */
export function drawGeometry(canvas: Canvas, g: Geometry, value: number): boolean {
  switch (g.type) {
    case "polygon": fillPolygon(canvas, g.exterior, g.interior, value); return true;
    case "multipolygon": for (const p of g.parts) fillPolygon(canvas, p.exterior, p.interior, value); return true;
    case "rectangle": {
      const l = Math.max(0, Math.round(Math.min(g.left, g.right))), r = Math.min(canvas.width - 1, Math.round(Math.max(g.left, g.right)));
      const t = Math.max(0, Math.round(Math.min(g.top, g.bottom))), b = Math.min(canvas.height - 1, Math.round(Math.max(g.top, g.bottom)));
      for (let y = t; y <= b; y++) if (l <= r) canvas.data.fill(value, y * canvas.width + l, y * canvas.width + r + 1);
      return true;
    }
    case "oriented_bbox": fillRings(canvas, [orientedBoxCorners(g)], value); return true;
    case "bitmap": {
      pasteMask(canvas, bitmapMask(g), Math.round(g.origin[0]), Math.round(g.origin[1]), value);
      return true;
    }
    case "alpha_mask": {
      pasteMask(canvas, decodeAlphaMaskData(g.data), Math.round(g.origin[0]), Math.round(g.origin[1]), value);
      return true;
    }
    case "line": for (let i = 1; i < g.points.length; i++) drawLine(canvas, g.points[i - 1], g.points[i], value); return true;
    case "point": setPixel(canvas, Math.round(g.x), Math.round(g.y), value); return true;
    case "cuboid_2d": {
      const v = (n: string) => g.vertices[n]?.loc;
      for (const face of ["face1", "face2"]) {
        const ring = ["topleft", "topright", "bottomright", "bottomleft"].map((k) => v(`${face}-${k}`)).filter(Boolean) as Vec2[];
        if (ring.length === 4) fillRings(canvas, [ring], value);
      }
      return true;
    }
    case "cuboid": for (const f of g.faces) fillRings(canvas, [f.map((i) => g.points[i]).filter(Boolean)], value); return true;
    default: return false;
  }
}

/** A full-image 0/1 mask of one geometry. */
export function rasterizeGeometry(g: Geometry, width: number, height: number): BinaryMask {
  const mask = createMask(width, height, "the image");
  drawGeometry(mask, g, 1);
  return mask;
}

const fmtCoord = (n: number) => (Number.isFinite(n) && Math.abs(n) < 1e7 ? String(Math.round(n * 100) / 100) : String(n));

/**
 * Before a geometry is drawn into a `width`×`height` image: a warning (code `coordinates-clipped`) with the count of
 * its vertices that lie outside the image, which the drawing clips to the image border. Nothing when none do.
 */
export function warnIfClipped(report: { warn(code: string, message: string, where?: { file?: string }): void }, g: Geometry, className: string, width: number, height: number, where: { file?: string } = {}): number {
  // A lazy polygon within the image by its extent has no vertex outside (and its points are not made to see that).
  const e = knownExtent(g);
  if (e && e.left >= -1 && e.top >= -1 && e.right <= width && e.bottom <= height) return 0;
  const { count, farthest } = verticesOutside(g, width, height);
  if (count) {
    const at = farthest ? ` (the farthest at ${fmtCoord(farthest[0])}, ${fmtCoord(farthest[1])})` : "";
    report.warn("coordinates-clipped", `${count} ${count === 1 ? "vertex" : "vertices"} of a ${JSON.stringify(className)} ${g.type} ${count === 1 ? "lies" : "lie"} outside the ${width}×${height} image${at}; the mask is drawn clipped to the image`, where);
  }
  return count;
}
