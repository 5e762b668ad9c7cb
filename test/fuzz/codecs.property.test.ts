import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { bitmapFromMask, decodeAlphaMaskData, decodeBitmapData, encodeAlphaMaskData, encodeBitmapData } from "../../src/codecs/bitmap.js";
import { rasterizeGeometry } from "../../src/geometry/rasterize.js";
import { maskArea, maskBounds } from "../../src/codecs/mask.js";
import {
  CocoRleError, decodeRleCounts, encodeRleCounts, rleArea, rleBounds, rleFromJson, rleFromMask, rleFromPlacedMask,
  rleToCroppedMask, rleToJson, rleToMask,
} from "../../src/codecs/coco-rle.js";
import { traceMask } from "../../src/geometry/trace-mask.js";
import { ClassTable, recordsToLabels } from "../../formats/yolo/to-model.js";
import { ExportClasses, ExportTally, annotationLines } from "../../formats/yolo/from-model.js";
import { parseLabelText, fmt6 } from "../../formats/yolo/lines.js";
import { emptyProjectMeta, type Vec2 } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { silentProgress } from "../../src/io/progress.js";
import { fuzzRuns } from "../helpers/fuzz-scale.js";

// A fixed seed, so that CI runs the same cases every time and cannot flake; SLYCONV_FUZZ_SEED=<n> explores others
// (a failure prints its seed and path, which replay it).
fc.configureGlobal({ seed: 7 + Number(process.env.SLYCONV_FUZZ_SEED ?? 0) });
// The next test file in this worker (vitest.config.ts: isolate false) gets fast-check's defaults back.
afterAll(() => fc.resetConfigureGlobal());

const maskArb = fc.record({ width: fc.integer({ min: 1, max: 70 }), height: fc.integer({ min: 1, max: 40 }) }).chain(({ width, height }) =>
  fc.uint8Array({ minLength: width * height, maxLength: width * height, max: 1 }).map((data) => ({ width, height, data })));

describe("codec properties", () => {
  it("bitmap: decode(encode(mask)) = mask for any mask", () => {
    fc.assert(fc.property(maskArb, (m) => {
      const back = decodeBitmapData(encodeBitmapData(m));
      expect([back.width, back.height]).toEqual([m.width, m.height]);
      expect(Buffer.from(back.data).equals(Buffer.from(m.data))).toBe(true);
    }), { numRuns: fuzzRuns(500, 25) });
  });

  it("alpha mask: decode(encode(matte)) = matte", () => {
    const matteArb = fc.record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 30 }) }).chain(({ width, height }) =>
      fc.uint8Array({ minLength: width * height, maxLength: width * height }).map((data) => ({ width, height, data })));
    fc.assert(fc.property(matteArb, (m) => {
      expect(Buffer.from(decodeAlphaMaskData(encodeAlphaMaskData(m)).data).equals(Buffer.from(m.data))).toBe(true);
    }), { numRuns: fuzzRuns(300, 25) });
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
    }), { numRuns: fuzzRuns(300, 25) });
  });

  it("a bitmap rasterizes back to exactly its pixels", () => {
    fc.assert(fc.property(maskArb, (m) => {
      const g = bitmapFromMask(m, 0, 0);
      if (!g) return;
      const canvas = rasterizeGeometry(g, m.width, m.height);
      expect(Buffer.from(canvas.data).equals(Buffer.from(m.data))).toBe(true);
    }), { numRuns: fuzzRuns(200, 25) });
  });

  it("an axis-aligned polygon on pixel centres covers exactly its inclusive box", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (l, t, w, h) => {
      const [r, b] = [l + w, t + h];
      const canvas = rasterizeGeometry({ type: "polygon", exterior: [[l, t], [r, t], [r, b], [l, b]], interior: [] }, 60, 60);
      expect(maskArea(canvas)).toBe((w + 1) * (h + 1));
      expect(maskBounds(canvas)).toEqual({ left: l, top: t, right: r, bottom: b });
    }), { numRuns: fuzzRuns(300, 25) });
  });
});

// ---- COCO RLE, polygon ↔ mask, normalised ↔ pixel coordinates ----
/** Masks with a bias towards blobs (runs of ones), which is what RLE and tracing are for. */
const blobMaskArb = fc.record({ width: fc.integer({ min: 1, max: 48 }), height: fc.integer({ min: 1, max: 32 }), fill: fc.double({ min: 0.05, max: 0.95, noNaN: true }), seed: fc.integer() })
  .map(({ width, height, fill, seed }) => {
    const data = new Uint8Array(width * height);
    let s = seed >>> 0 || 1;
    const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < data.length; i++) data[i] = rand() < fill ? 1 : 0;
    return { width, height, data };
  });

/** Even-odd point-in-polygon for one ring. */
function insideRing(ring: Vec2[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const ringArea = (ring: Vec2[]) => Math.abs(ring.reduce((a, [x, y], i) => { const [nx, ny] = ring[(i + 1) % ring.length]; return a + x * ny - nx * y; }, 0)) / 2;

describe("COCO RLE properties", () => {
  it("mask → RLE → mask is the identity; area and bounds agree with the mask's", () => {
    fc.assert(fc.property(blobMaskArb, (m) => {
      const rle = rleFromMask(m);
      expect(rle.counts.reduce((a, b) => a + b, 0)).toBe(m.width * m.height);
      expect(Buffer.from(rleToMask(rle).data).equals(Buffer.from(m.data))).toBe(true);
      expect(rleArea(rle)).toBe(maskArea(m));
      expect(rleBounds(rle)).toEqual(maskBounds(m));
    }), { numRuns: fuzzRuns(400, 25) });
  });

  it("the JSON forms (compressed string, uncompressed list) read back as the same RLE", () => {
    fc.assert(fc.property(blobMaskArb, fc.constantFrom("string" as const, "list" as const), (m, form) => {
      const rle = rleFromMask(m);
      const json = JSON.parse(JSON.stringify(rleToJson(rle, form)));
      expect(typeof json.counts).toBe(form === "string" ? "string" : "object");
      expect(rleFromJson(json)).toEqual({ height: m.height, width: m.width, counts: rle.counts });
    }), { numRuns: fuzzRuns(400, 25) });
  });

  it("any counts (up to 2^45, so deltas far beyond 32 bits) survive the compressed string", () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.nat({ max: 40 }), fc.integer({ min: 0, max: 2 ** 45 })), { maxLength: 40 }), (counts) => {
      const s = encodeRleCounts(counts);
      expect(s).toMatch(/^[0-o]*$/); // characters 48..111 only
      expect(decodeRleCounts(s)).toEqual(counts);
    }), { numRuns: fuzzRuns(500, 25) });
  });

  it("cropping a mask to its content and placing it back gives the same counts", () => {
    fc.assert(fc.property(blobMaskArb, (m) => {
      const rle = rleFromMask(m);
      const crop = rleToCroppedMask(rle);
      if (!crop) {
        expect(maskArea(m)).toBe(0);
        return;
      }
      expect(maskArea(crop.mask)).toBe(maskArea(m));
      expect(rleFromPlacedMask(crop.mask, crop.x, crop.y, m.width, m.height).counts).toEqual(rle.counts);
    }), { numRuns: fuzzRuns(300, 25) });
  });

  it("hostile RLE JSON is either read or refused with CocoRleError, never another exception", () => {
    const hostileRle = fc.oneof(
      fc.record({ size: fc.array(fc.oneof(fc.integer({ min: -3, max: 50 }), fc.constantFrom(1e308, NaN, 2 ** 53, 1.5, "7" as unknown as number)), { maxLength: 3 }), counts: fc.oneof(fc.string(), fc.array(fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constantFrom(NaN, Infinity, 1e308, 0.5)), { maxLength: 20 })) }),
      fc.anything(),
      // Valid RLEs, and valid ones with one count or one size changed.
      fc.tuple(blobMaskArb, fc.constantFrom("string" as const, "list" as const)).map(([m, form]) => rleToJson(rleFromMask(m), form)),
      fc.tuple(blobMaskArb, fc.nat(), fc.integer({ min: -3, max: 3 }), fc.boolean()).map(([m, at, delta, inSize]) => {
        const json = rleToJson(rleFromMask(m), "list");
        const counts = json.counts as number[];
        if (inSize) json.size[at % 2] += delta;
        else counts[at % counts.length] += delta;
        return json;
      }),
    );
    let read = 0;
    fc.assert(fc.property(hostileRle, (v) => {
      try {
        const rle = rleFromJson(v);
        read++;
        expect(rle.counts.reduce((a, b) => a + b, 0)).toBe(rle.width * rle.height);
      } catch (e) {
        expect(e).toBeInstanceOf(CocoRleError);
      }
    }), { numRuns: fuzzRuns(2000, 25) });
    expect(read).toBeGreaterThan(0);
  });

  it("any string of characters decodes to counts or is refused with CocoRleError", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      try {
        expect(encodeRleCounts(decodeRleCounts(s)).length).toBeLessThanOrEqual(s.length + 40);
      } catch (e) {
        expect(e).toBeInstanceOf(CocoRleError);
      }
    }), { numRuns: fuzzRuns(1000, 25) });
  });
});

describe("polygon ↔ mask, where exact", () => {
  it("an axis-aligned polygon on pixel centres rasterizes to its inclusive box, which traces back to the box's pixel corners", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (l, t, w, h) => {
      const [r, b] = [l + w, t + h];
      const mask = rasterizeGeometry({ type: "polygon", exterior: [[l, t], [r, t], [r, b], [l, b]], interior: [] }, 60, 60);
      const traced = traceMask(mask);
      expect(traced.holes).toBe(0);
      // COCO's continuous coordinates: pixel (c, r) covers [c, c+1] × [r, r+1], so the box's outline is on its corners.
      expect(traced.rings).toEqual([[[l, t], [r + 1, t], [r + 1, b + 1], [l, b + 1]]]);
    }), { numRuns: fuzzRuns(300, 25) });
  });

  it("any mask traces to rings whose pixel centres are exactly the mask (holes filled), with area = pixels + hole pixels", () => {
    fc.assert(fc.property(blobMaskArb, (m) => {
      const { rings, holes } = traceMask(m);
      let covered = 0;
      for (let y = 0; y < m.height; y++) {
        for (let x = 0; x < m.width; x++) {
          const inAny = rings.some((ring) => insideRing(ring, x + 0.5, y + 0.5));
          if (m.data[y * m.width + x]) expect(inAny).toBe(true); // every mask pixel is covered
          if (inAny) covered++;
        }
      }
      // Only holes (background enclosed by the mask) are covered beyond the mask's own pixels. Without holes the
      // rings are disjoint and their areas add up to the pixel count (a ring touching itself at a corner walks
      // around the pocket the other way, which the signed area subtracts).
      if (holes === 0) {
        expect(covered).toBe(maskArea(m));
        expect(rings.reduce((a, ring) => a + ringArea(ring), 0)).toBe(maskArea(m));
      } else expect(covered).toBeGreaterThan(maskArea(m));
      for (const ring of rings) {
        for (let i = 0; i < ring.length; i++) {
          const [x0, y0] = ring[i], [x1, y1] = ring[(i + 1) % ring.length];
          expect(Number.isInteger(x0) && Number.isInteger(y0)).toBe(true);
          expect(x0 === x1 || y0 === y1).toBe(true); // edges run along pixel edges
          expect(x0 >= 0 && y0 >= 0 && x0 <= m.width && y0 <= m.height).toBe(true);
        }
      }
    }), { numRuns: fuzzRuns(300, 25) });
  });
});

describe("YOLO normalised ↔ pixel coordinates", () => {
  /** A six-decimal fraction, as YOLO files hold them (including just outside [0, 1]). */
  const frac = fc.integer({ min: -50_000, max: 1_050_000 }).map((n) => n / 1e6);
  const size = fc.integer({ min: 1, max: 8000 });

  function roundTrip(text: string, W: number, H: number, task: "detect" | "segment"): string[] {
    const report = new Report();
    const ctx = { report, progress: silentProgress };
    const meta = emptyProjectMeta();
    const classes = new ClassTable(meta, ["a", "b", "c"], task === "detect" ? "rectangle" : "polygon", undefined, ctx);
    const records = parseLabelText(text, "x.txt", { classCount: 3, obb: false });
    const labels = recordsToLabels(records, W, H, classes, undefined, { onObbOrder() {} }, "x.txt", ctx);
    const exportClasses = new ExportClasses(meta, report);
    return annotationLines({ size: { width: W, height: H }, tags: [], labels }, {
      width: W, height: H, task, classes: exportClasses, obbOrder: "cw", obbOrderForced: false, tally: new ExportTally(report),
    });
  }

  it("a box line → pixel rectangle → box line gives the same six decimals, for any image size", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 }), frac, frac, frac.map(Math.abs), frac.map(Math.abs), size, size, (c, xc, yc, w, h, W, H) => {
      const line = `${c} ${fmt6(xc)} ${fmt6(yc)} ${fmt6(w)} ${fmt6(h)}`;
      expect(roundTrip(line, W, H, "detect")).toEqual([line]);
    }), { numRuns: fuzzRuns(1000, 25) });
  });

  it("a polygon line → pixel vertices → polygon line gives the same six decimals", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 }), fc.array(fc.tuple(frac, frac), { minLength: 3, maxLength: 12 }), size, size, (c, pts, W, H) => {
      const line = `${c} ${pts.map(([x, y]) => `${fmt6(x)} ${fmt6(y)}`).join(" ")}`;
      expect(roundTrip(line, W, H, "segment")).toEqual([line]);
    }), { numRuns: fuzzRuns(500, 25) });
  });

  it("pixels → normalised (six decimals) → pixels stays within half a millionth of the image side", () => {
    fc.assert(fc.property(fc.double({ min: -100, max: 9000, noNaN: true }), size, (x, W) => {
      const back = Number(fmt6(x / W)) * W;
      expect(Math.abs(back - x)).toBeLessThanOrEqual(0.5e-6 * W + 1e-9);
    }), { numRuns: fuzzRuns(1000, 25) });
  });
});
