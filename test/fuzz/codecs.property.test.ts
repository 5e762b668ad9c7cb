import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bitmapFromMask, decodeAlphaMaskData, decodeBitmapData, encodeAlphaMaskData, encodeBitmapData } from "../../src/codecs/bitmap.js";
import { rasterizeGeometry } from "../../src/geometry/rasterize.js";
import { maskArea, maskBounds } from "../../src/codecs/mask.js";

const maskArb = fc.record({ width: fc.integer({ min: 1, max: 70 }), height: fc.integer({ min: 1, max: 40 }) }).chain(({ width, height }) =>
  fc.uint8Array({ minLength: width * height, maxLength: width * height, max: 1 }).map((data) => ({ width, height, data })));

describe("codec properties", () => {
  it("bitmap: decode(encode(mask)) = mask for any mask", () => {
    fc.assert(fc.property(maskArb, (m) => {
      const back = decodeBitmapData(encodeBitmapData(m));
      expect([back.width, back.height]).toEqual([m.width, m.height]);
      expect(Buffer.from(back.data).equals(Buffer.from(m.data))).toBe(true);
    }), { numRuns: 500 });
  });

  it("alpha mask: decode(encode(matte)) = matte", () => {
    const matteArb = fc.record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 30 }) }).chain(({ width, height }) =>
      fc.uint8Array({ minLength: width * height, maxLength: width * height }).map((data) => ({ width, height, data })));
    fc.assert(fc.property(matteArb, (m) => {
      expect(Buffer.from(decodeAlphaMaskData(encodeAlphaMaskData(m)).data).equals(Buffer.from(m.data))).toBe(true);
    }), { numRuns: 300 });
  });

  it("bitmapFromMask keeps every pixel at its image position", () => {
    fc.assert(fc.property(maskArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (m, x, y) => {
      const g = bitmapFromMask(m, x, y);
      const b = maskBounds(m);
      if (!b) {
        expect(g).toBeNull();
        return;
      }
      expect(g!.origin).toEqual([x + b.left, y + b.top]);
      const back = decodeBitmapData(g!.data);
      expect(maskArea(back)).toBe(maskArea(m));
      for (let r = 0; r < back.height; r++) for (let c = 0; c < back.width; c++) {
        expect(back.data[r * back.width + c]).toBe(m.data[(r + b.top) * m.width + c + b.left]);
      }
    }), { numRuns: 300 });
  });

  it("a bitmap rasterizes back to exactly its pixels", () => {
    fc.assert(fc.property(maskArb, (m) => {
      const g = bitmapFromMask(m, 0, 0);
      if (!g) return;
      const canvas = rasterizeGeometry(g, m.width, m.height);
      expect(Buffer.from(canvas.data).equals(Buffer.from(m.data))).toBe(true);
    }), { numRuns: 200 });
  });

  it("an axis-aligned polygon on pixel centres covers exactly its inclusive box", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (l, t, w, h) => {
      const [r, b] = [l + w, t + h];
      const canvas = rasterizeGeometry({ type: "polygon", exterior: [[l, t], [r, t], [r, b], [l, b]], interior: [] }, 60, 60);
      expect(maskArea(canvas)).toBe((w + 1) * (h + 1));
      expect(maskBounds(canvas)).toEqual({ left: l, top: t, right: r, bottom: b });
    }), { numRuns: 300 });
  });
});
