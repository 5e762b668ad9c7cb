/**
 * The VOC mask renderer (formats/voc/write-masks.ts: flat polygons drawn once into both canvases, src/geometry/
 * fill-flat.ts) against the plain drawing it replaces: each label drawn with rasterize.ts's drawGeometry into a class
 * canvas and an object canvas of its own, void bitmaps pasted, both encoded as palette PNGs. Every pixel and the
 * palette of both PNGs must be the same, on the COCO demo, on the COCO sets of ../shared/real-data, and on random
 * polygons (holes, parts, vertices outside the image or beyond any canvas, NaN and infinities, rings of 1 or 2 points).
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import fc from "fast-check";
import type { Geometry, Vec2 } from "../../src/model/index.js";
import { materializeProject, type Item } from "../../src/model/index.js";
import { readDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { drawGeometry } from "../../src/geometry/rasterize.js";
import { bitmapEncodedOnRead, decodeBitmapData, encodeBitmapData } from "../../src/codecs/bitmap.js";
import { pasteMask } from "../../src/codecs/mask.js";
import { decodeIndexedPng } from "../../src/codecs/png-indexed.js";
import { packVocMaskBatch, renderVocMaskBatch, renderVocMasks, unpackVocMaskBatch, vocMaskBatchOutcomes, VocMaskJobBuilder } from "../../formats/voc/write-masks.js";
import { VOC_COLORMAP, VOID_INDEX } from "../../formats/voc/palette.js";
import { packPalette } from "../../src/workers/packed.js";
import type { StoredVoid } from "../../formats/voc/void-masks.js";
import { FIXTURES, HAVE_REAL_DATA, realData } from "../helpers/paths.js";

interface Draw { geometry: Geometry; classIndex: number; instance: number }

/** A class palette unlike VOC's, so that a mix-up of the two shows. */
const CLASS_PALETTE = VOC_COLORMAP.map(([r, g, b], i) => (i === 0 || i === VOID_INDEX ? [r, g, b] : [(r + 7 * i) & 255, g ^ 0x5a, b]) as [number, number, number]);

/** What the renderer replaced: every label drawn twice by rasterize.ts, into canvases of width-long rows. */
function reference(width: number, height: number, draws: Draw[], voids: StoredVoid[]) {
  const cls = { width, height, data: new Uint8Array(width * height) };
  const obj = { width, height, data: new Uint8Array(width * height) };
  let classUsed = false, objectUsed = false;
  for (const d of draws) {
    if (!drawGeometry(cls, d.geometry, d.classIndex)) continue;
    classUsed = true;
    if (d.instance >= 0) {
      drawGeometry(obj, d.geometry, d.instance);
      objectUsed = true;
    }
  }
  for (const v of voids) {
    const mask = decodeBitmapData(v.data);
    const x = Math.round(v.origin[0]), y = Math.round(v.origin[1]);
    if (v.masks.includes("SegmentationClass")) { pasteMask(cls, mask, x, y, VOID_INDEX); classUsed = true; }
    if (v.masks.includes("SegmentationObject")) { pasteMask(obj, mask, x, y, VOID_INDEX); objectUsed = true; }
  }
  return { cls: classUsed ? cls.data : undefined, obj: objectUsed ? obj.data : undefined };
}

function rendered(width: number, height: number, draws: Draw[], voids: StoredVoid[] = []) {
  const builder = new VocMaskJobBuilder(width, height, packPalette(CLASS_PALETTE));
  for (const d of draws) builder.add(d.geometry, d.classIndex, d.instance);
  builder.voids.push(...voids);
  // As the writer sends it: packed into a batch (which copies the builder's vertices), cloned to a thread, unpacked.
  return renderVocMasks(unpackVocMaskBatch(structuredClone(packVocMaskBatch([builder.build()])))[0]);
}

function expectSamePixels(width: number, height: number, draws: Draw[], voids: StoredVoid[] = []): void {
  const want = reference(width, height, draws, voids);
  const got = rendered(width, height, draws, voids);
  for (const [png, pixels, palette] of [[got.classPng, want.cls, CLASS_PALETTE], [got.objectPng, want.obj, VOC_COLORMAP]] as const) {
    expect(Boolean(png)).toBe(Boolean(pixels));
    if (!png || !pixels) continue;
    const decoded = decodeIndexedPng(png)!;
    expect(decoded).not.toBeNull();
    expect([decoded.width, decoded.height, decoded.colorType, decoded.bitDepth]).toEqual([width, height, 3, 8]);
    expect(decoded.palette).toEqual(palette);
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(pixels))).toBe(true);
  }
}

/** The area labels of each item as the writer sends them: class by first appearance, instance by object. */
function drawsOf(items: Item[]): { width: number; height: number; draws: Draw[] }[] {
  const classes = new Map<string, number>();
  return items.filter((i) => i.annotation.size.width > 0 && i.annotation.size.height > 0).map((item) => {
    const draws: Draw[] = [];
    const instances = new Map<string, number>();
    for (const l of item.annotation.labels) {
      if (!["polygon", "multipolygon", "bitmap", "alpha_mask"].includes(l.geometry.type)) continue;
      if (!classes.has(l.classTitle)) classes.set(l.classTitle, 1 + (classes.size % 254));
      const key = String(l.extra?.instance ?? `label ${draws.length}`);
      if (!instances.has(key)) instances.set(key, 1 + (instances.size % 254));
      // Every third label a class-only region, as voc_instance 0 labels are.
      draws.push({ geometry: l.geometry, classIndex: classes.get(l.classTitle)!, instance: draws.length % 3 === 2 ? -1 : instances.get(key)! });
    }
    return { width: item.annotation.size.width, height: item.annotation.size.height, draws };
  }).filter((x) => x.draws.length);
}

async function cocoItems(input: string): Promise<Item[]> {
  const project = await materializeProject((await readDataset(input, { format: "coco", report: new Report() })).project);
  return project.datasets.flatMap((d) => d.items as Item[]);
}

describe("VOC masks: the renderer draws what rasterize.ts draws", () => {
  it("the COCO demo: every image, both masks", async () => {
    const images = drawsOf(await cocoItems(path.join(FIXTURES, "demo/coco-sample")));
    expect(images.length).toBeGreaterThan(0);
    for (const { width, height, draws } of images) expectSamePixels(width, height, draws);
  });

  // The COCO sets of real data that hold segmentations (the others hold boxes only).
  const realCoco = ["labelme-coco-instanceseg", "voc2coco-coco-voc2012", "mmpose-coco-keypoints"];
  it.runIf(HAVE_REAL_DATA).each(realCoco)("real data %s: every image, both masks", async (name) => {
    const images = drawsOf(await cocoItems(realData(name)));
    expect(images.length).toBeGreaterThan(0);
    for (const { width, height, draws } of images) expectSamePixels(width, height, draws);
  });

  const coordinate = fc.oneof(
    { weight: 12, arbitrary: fc.double({ min: -8, max: 48, noNaN: true }) },
    { weight: 4, arbitrary: fc.integer({ min: -3, max: 43 }) },
    { weight: 4, arbitrary: fc.integer({ min: -6, max: 46 }).map((v) => v + 0.5) },
    { weight: 1, arbitrary: fc.constantFrom(1e150, -1e150, 1e300, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0) },
  );
  const ring = fc.array(fc.tuple(coordinate, coordinate).map(([x, y]) => [x, y] as Vec2), { minLength: 0, maxLength: 12 });
  const polygon = fc.record({ exterior: ring, interior: fc.array(ring, { maxLength: 2 }) });
  const geometry: fc.Arbitrary<Geometry> = fc.oneof(
    { weight: 6, arbitrary: polygon.map((p) => ({ type: "polygon" as const, ...p })) },
    { weight: 2, arbitrary: fc.array(polygon, { maxLength: 3 }).map((parts) => ({ type: "multipolygon" as const, parts })) },
    { weight: 1, arbitrary: fc.record({ x: fc.integer({ min: -5, max: 40 }), y: fc.integer({ min: -5, max: 40 }), w: fc.integer({ min: 1, max: 9 }), h: fc.integer({ min: 1, max: 9 }), seed: fc.integer() })
      .map(({ x, y, w, h, seed }) => {
        const data = new Uint8Array(w * h).map((_, i) => ((i * 2654435761 + seed) >>> 7) & 1);
        return { type: "bitmap" as const, origin: [x, y] as Vec2, data: encodeBitmapData({ width: w, height: h, data }) };
      }) },
    // A bitmap a reader made from pixels (COCO's RLE): drawn from those pixels.
    { weight: 1, arbitrary: fc.record({ x: fc.double({ min: -5, max: 40, noNaN: true }), y: fc.integer({ min: -5, max: 40 }), w: fc.integer({ min: 1, max: 9 }), h: fc.integer({ min: 1, max: 9 }), seed: fc.integer() })
      .map(({ x, y, w, h, seed }) => bitmapEncodedOnRead([x, y], { width: w, height: h, data: new Uint8Array(w * h).map((_, i) => ((i * 2246822519 + seed) >>> 9) & 1) })) },
  );
  const draw = fc.record({ geometry, classIndex: fc.integer({ min: 1, max: 254 }), instance: fc.integer({ min: -1, max: 254 }) });

  it("random polygons, parts, holes and bitmaps, on canvases from 1×1 up", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 41 }), fc.integer({ min: 1, max: 41 }), fc.array(draw, { maxLength: 8 }), (width, height, draws) => {
      expectSamePixels(width, height, draws);
    }), { numRuns: 150 });
  });

  it("void regions over labels, in either mask or both", () => {
    const square = (x: number, y: number, s: number): Vec2[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];
    const draws: Draw[] = [
      { geometry: { type: "polygon", exterior: square(2, 2, 20), interior: [square(8, 8, 4)] }, classIndex: 15, instance: 1 },
      { geometry: { type: "multipolygon", parts: [{ exterior: square(18, 3, 9), interior: [] }, { exterior: square(1, 25, 6.5), interior: [] }] }, classIndex: 3, instance: -1 },
    ];
    const ring = (s: number) => encodeBitmapData({ width: s, height: s, data: new Uint8Array(s * s).map((_, i) => (i % s === 0 || i < s ? 1 : 0)) });
    const voids: StoredVoid[] = [
      { masks: ["SegmentationClass", "SegmentationObject"], origin: [1, 1], data: ring(23) },
      { masks: ["SegmentationObject"], origin: [17.4, 2.6], data: ring(11) },
      { masks: ["SegmentationClass"], origin: [-3, 30], data: ring(9) },
    ];
    expectSamePixels(32, 36, draws, voids);
    expectSamePixels(32, 36, [], voids.slice(1, 2));
  });

  it("builders filled at the same time, and jobs sent in one batch, keep their own vertices", () => {
    const tri = (x: number, s: number): Geometry => ({ type: "polygon", exterior: [[x, 0], [x + s, 0.5], [x + s / 2, s]], interior: [] });
    const bytes = (p: { classPng?: Uint8Array; objectPng?: Uint8Array }) => [p.classPng, p.objectPng].map((b) => b && Buffer.from(b));
    const alone = (g: Geometry) => bytes(rendered(40, 30, [{ geometry: g, classIndex: 4, instance: 1 }]));
    // The first builder holds the vertex buffer builders share; the second, made meanwhile, gets its own; a third
    // made after the first's job is packed takes the shared one again (and grows it).
    const a = new VocMaskJobBuilder(40, 30, packPalette(CLASS_PALETTE)), b = new VocMaskJobBuilder(40, 30, packPalette(CLASS_PALETTE));
    a.add(tri(1, 12), 4, 1);
    b.add(tri(20, 9), 4, 1);
    a.add(tri(3, 25), 4, 2);
    const batch = packVocMaskBatch([a.build(), b.build()]);
    const c = new VocMaskJobBuilder(40, 30, packPalette(CLASS_PALETTE));
    const many: Vec2[] = Array.from({ length: 2000 }, (_, i) => [20 + 15 * Math.cos(i / 318), 15 + 12 * Math.sin(i / 318)] as Vec2);
    c.add({ type: "polygon", exterior: many, interior: [] }, 4, 1);
    const [ra, rb] = vocMaskBatchOutcomes(renderVocMaskBatch(batch), 2);
    const both = rendered(40, 30, [{ geometry: tri(1, 12), classIndex: 4, instance: 1 }, { geometry: tri(3, 25), classIndex: 4, instance: 2 }]);
    expect(bytes((ra as { pngs: object }).pngs)).toEqual(bytes(both));
    expect(bytes((rb as { pngs: object }).pngs)).toEqual(alone(tri(20, 9)));
    expect(unpackVocMaskBatch(packVocMaskBatch([c.build()]))[0].coords.length).toBe(4000);
    expect(bytes(renderVocMasks(c.build()))).toEqual(alone({ type: "polygon", exterior: many, interior: [] }));
  });

  it("images of different sizes one after another reuse the canvases cleanly", () => {
    const tri = (s: number): Geometry => ({ type: "polygon", exterior: [[0, 0], [s, 0.5], [s / 2, s]], interior: [] });
    for (const [w, h] of [[50, 40], [7, 3], [64, 64], [1, 1], [33, 9]]) expectSamePixels(w, h, [{ geometry: tri(Math.max(w, h)), classIndex: 5, instance: 2 }]);
  });
});
