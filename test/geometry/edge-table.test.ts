/**
 * Polygon fills through the edge table (src/geometry/edge-table.ts) against the even-odd fill it replaced, written
 * out here: every edge tested on every row, the row's crossings sorted with a comparator, then the outlines. Both
 * fills (rasterize.ts for masks and COCO, fill-flat.ts for VOC) must set the same pixels, for polygons of 200,000
 * vertices that cross a row thousands of times (which took seconds before) and for random rings with many crossings.
 */
import { describe, it } from "vitest";
import fc from "fast-check";
import type { Vec2 } from "../../src/model/index.js";
import { drawGeometry } from "../../src/geometry/rasterize.js";
import { fillFlatPolygon } from "../../src/geometry/fill-flat.js";
import { expectSame, expectSameAsReference, jagged, referencePolygon } from "./fill-reference.js";

describe("polygon fills through the edge table", () => {
  // Flat, so that the row-by-row reference, which tests every edge on each row, stays quick (the whole image:
  // edge-table.slow.test.ts).
  it("a 200,000-vertex polygon with a 50,000-vertex hole: the same pixels as the row-by-row fill, in rasterize.ts and in the VOC renderer", () => {
    expectSameAsReference(640, 480, jagged(200_000, 320, 240, 280, 12, 7, 0.08), jagged(50_000, 330, 238, 60, 6, 11, 0.1));
  });

  it("random rings with many crossings a row, vertices outside the canvas too", () => {
    const coordinate = fc.oneof(fc.double({ min: -10, max: 70, noNaN: true }), fc.integer({ min: -3, max: 63 }), fc.integer({ min: -3, max: 63 }).map((v) => v + 0.5));
    const ring = fc.array(fc.tuple(coordinate, coordinate).map(([x, y]) => [x, y] as Vec2), { minLength: 0, maxLength: 120 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), ring, fc.array(ring, { maxLength: 2 }), (width, height, exterior, interior) => {
      const want = referencePolygon(width, height, exterior, interior);
      const canvas = { width, height, data: new Uint8Array(width * height) };
      drawGeometry(canvas, { type: "polygon", exterior, interior }, 1);
      expectSame(canvas.data, want);
      // fill-flat.ts into a canvas with PNG scanlines (a filter byte before each row).
      const first = new Uint8Array((width + 1) * height), second = new Uint8Array((width + 1) * height);
      const coords = new Float64Array([exterior, ...interior].flatMap((r) => r.flat()));
      const starts = [0];
      for (const r of [exterior, ...interior]) starts.push(starts[starts.length - 1] + 2 * r.length);
      fillFlatPolygon({ width, height, stride: width + 1, offset: 1, first, second }, coords, starts, 0, starts.length - 1, 1, 1);
      const flat = new Uint8Array(width * height);
      for (let y = 0; y < height; y++) flat.set(first.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
      expectSame(flat, want);
    }), { numRuns: 200 });
  });
});
