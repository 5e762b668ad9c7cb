/**
 * The even-odd polygon fill as it was before the edge table (src/geometry/edge-table.ts), written out: every edge
 * tested on every row, the row's crossings sorted with a comparator, then the outlines; and the checks of
 * edge-table.test.ts and edge-table.slow.test.ts against it.
 */
import { expect } from "vitest";
import type { Vec2 } from "../../src/model/index.js";
import { drawGeometry, drawLine } from "../../src/geometry/rasterize.js";
import { decodeIndexedPng } from "../../src/codecs/png-indexed.js";
import { renderVocMasks, VocMaskJobBuilder } from "../../formats/voc/write-masks.js";
import { VOC_COLORMAP } from "../../formats/voc/palette.js";
import { packPalette } from "../../src/workers/packed.js";

type Canvas = { width: number; height: number; data: Uint8Array };

/** The fill as it was: every row tests every edge. `rows` limits it to where the rings are (for speed). */
function referenceFillRings(c: Canvas, rings: Vec2[][], v: number): void {
  let minY = Infinity, maxY = -Infinity;
  for (const r of rings) for (const [, y] of r) { if (y < minY) minY = y; if (y > maxY) maxY = y; }
  if (minY === Infinity) return;
  const y0 = Math.max(0, Math.ceil(minY)), y1 = Math.min(c.height - 1, Math.floor(maxY));
  const xs: number[] = [];
  for (let y = y0; y <= y1; y++) {
    xs.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const ya = ring[j][1], yb = ring[i][1];
        if ((ya <= y && y < yb) || (yb <= y && y < ya)) xs.push(ring[j][0] + ((y - ya) * (ring[i][0] - ring[j][0])) / (yb - ya));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k])), to = Math.min(c.width - 1, Math.floor(xs[k + 1]));
      if (from <= to) c.data.fill(v, y * c.width + from, y * c.width + to + 1);
    }
  }
  for (const ring of rings) for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) drawLine(c, ring[j], ring[i], v);
}

/** rasterize.ts fillPolygon, on referenceFillRings: holes are cleared in a canvas of the exterior's own. */
export function referencePolygon(width: number, height: number, exterior: Vec2[], interior: Vec2[][]): Uint8Array {
  const c = { width, height, data: new Uint8Array(width * height) };
  if (!interior.length) {
    referenceFillRings(c, [exterior], 1);
    return c.data;
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of exterior) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const x0 = Math.max(0, Math.floor(minX)), y0 = Math.max(0, Math.floor(minY));
  const x1 = Math.min(width - 1, Math.ceil(maxX)), y1 = Math.min(height - 1, Math.ceil(maxY));
  if (x0 > x1 || y0 > y1) return c.data;
  const own = { width: x1 - x0 + 1, height: y1 - y0 + 1, data: new Uint8Array((x1 - x0 + 1) * (y1 - y0 + 1)) };
  const moved = (ring: Vec2[]) => ring.map(([x, y]): Vec2 => [x - x0, y - y0]);
  referenceFillRings(own, [moved(exterior)], 1);
  referenceFillRings(own, interior.map(moved), 0);
  for (let y = 0; y < own.height; y++) for (let x = 0; x < own.width; x++) if (own.data[y * own.width + x]) c.data[(y + y0) * width + x + x0] = 1;
  return c.data;
}

/** A closed jagged outline: `n` vertices around (cx, cy), on an ellipse of radii r and r × flat, jumping out by up to jitter. */
export function jagged(n: number, cx: number, cy: number, r: number, jitter: number, seed: number, flat = 1): Vec2[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out: Vec2[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n, d = r + jitter * rnd();
    out.push([Math.round((cx + d * Math.cos(a)) * 100) / 100, Math.round((cy + d * flat * Math.sin(a)) * 100) / 100]);
  }
  return out;
}

export function expectSame(got: Uint8Array, want: Uint8Array): void {
  expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
}

/** An exterior with and without a hole, drawn by rasterize.ts and by the VOC renderer, against the reference. */
export function expectSameAsReference(W: number, H: number, exterior: Vec2[], hole: Vec2[]): void {
  const noHole = referencePolygon(W, H, exterior, []);
  const holed = referencePolygon(W, H, exterior, [hole]);
  // Something drawn, and the hole takes pixels away.
  let set = 0, setHoled = 0;
  for (let i = 0; i < W * H; i++) { set += noHole[i]; setHoled += holed[i]; }
  expect(set).toBeGreaterThan(1000);
  expect(setHoled).toBeLessThan(set);
  for (const [interior, want] of [[[], noHole], [[hole], holed]] as const) {
    const canvas = { width: W, height: H, data: new Uint8Array(W * H) };
    drawGeometry(canvas, { type: "polygon", exterior, interior: [...interior] }, 1);
    expectSame(canvas.data, want);
    const builder = new VocMaskJobBuilder(W, H, packPalette(VOC_COLORMAP));
    builder.add({ type: "polygon", exterior, interior: [...interior] }, 1, 1);
    const { classPng, objectPng } = renderVocMasks(builder.build());
    for (const png of [classPng, objectPng]) expectSame(decodeIndexedPng(png!)!.pixels, want);
  }
}

