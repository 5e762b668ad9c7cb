/**
 * Issue 16, point 5: polygons (and their holes) are drawn as the SDK draws them, pixel for pixel, in every export that
 * draws masks. The SDK's `Polygon._draw_impl`: cv2.fillPoly(exterior, 1), then cv2.fillPoly(holes, 0) into a mask of
 * its own, and `bitmap[mask] = color`; fillPoly draws each ring's outline with its value too (its edges are drawn with
 * cv::Line before the fill), so a hole's outline is cleared with the hole. `Multipolygon._draw_impl` draws each part so.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeDataset } from "../../src/api.js";
import { createMask } from "../../src/codecs/mask.js";
import { rleFromJson, rleToMask } from "../../src/codecs/coco-rle.js";
import { drawGeometry, rasterizeGeometry } from "../../src/geometry/rasterize.js";
import type { Geometry, Project, Vec2 } from "../../src/model/index.js";
import { emptyProjectMeta } from "../../src/model/index.js";
import { maskGrid } from "../masks/helpers.js";
import { listFiles, tempDir } from "../helpers/paths.js";

const square = (a: number, b: number): Vec2[] => [[a, a], [b, a], [b, b], [a, b]];
/** An 8×8 square (pixels 1..8) with a 4×4 hole (pixels 3..6), on a 10×10 image. */
const HOLED: Geometry = { type: "polygon", exterior: square(1, 8), interior: [square(3, 6)] };
const W = 10, H = 10;

/** Rows of the mask as text, "#" for a set pixel. */
const rows = (data: Uint8Array | number[], width: number, set = (v: number) => v !== 0) =>
  Array.from({ length: data.length / width }, (_, y) => Array.from({ length: width }, (_, x) => (set(data[y * width + x]) ? "#" : ".")).join(""));

/** What the SDK draws for HOLED: the square with its outline, less the hole with its outline. */
const SDK_HOLED = [
  "..........",
  ".########.",
  ".########.",
  ".##....##.",
  ".##....##.",
  ".##....##.",
  ".##....##.",
  ".########.",
  ".########.",
  "..........",
];

describe("SDK rule: cv2.fillPoly draws a ring's outline with its value, so a hole clears its own outline", () => {
  it("exterior 1..8 with its outline, hole 3..6 cleared outline included: 48 pixels", () => {
    const m = rasterizeGeometry(HOLED, W, H);
    expect(rows(m.data, W)).toEqual(SDK_HOLED);
    expect(m.data.reduce((s, v) => s + v, 0)).toBe(64 - 16);
  });

  it("a polygon without holes keeps its outline pixels (fillPoly of the exterior)", () => {
    const m = rasterizeGeometry({ type: "polygon", exterior: square(2, 5), interior: [] }, W, H);
    expect(m.data.reduce((s, v) => s + v, 0)).toBe(16);
  });

  it("the hole does not clear what other labels painted (bitmap[mask] = color)", () => {
    const canvas = createMask(W, H);
    canvas.data.fill(2);
    drawGeometry(canvas, HOLED, 1);
    expect(rows(canvas.data, W, (v) => v === 1)).toEqual(SDK_HOLED);
    expect(canvas.data.filter((v) => v === 2).length).toBe(100 - 48);
  });

  it("each part of a multipolygon is drawn on its own: a part inside another's hole is painted", () => {
    const m = rasterizeGeometry({ type: "multipolygon", parts: [{ exterior: square(1, 8), interior: [square(3, 6)] }, { exterior: square(4, 5), interior: [] }] }, W, H);
    expect(m.data.reduce((s, v) => s + v, 0)).toBe(48 + 4);
  });

  it("a hole reaching past the image edge is cleared within it", () => {
    const m = rasterizeGeometry({ type: "polygon", exterior: [[-3, -3], [8, -3], [8, 8], [-3, 8]], interior: [square(-1, 3)] }, W, H);
    // The square covers 0..8 × 0..8 (81 px); the hole with its outline covers 0..3 × 0..3 (16 px).
    expect(m.data.reduce((s, v) => s + v, 0)).toBe(81 - 16);
  });
});

describe("every export that draws masks draws the SDK's pixels", () => {
  const project = (): Project => {
    const meta = emptyProjectMeta();
    meta.classes.push({ title: "holed", shape: "polygon", color: "#FF0000", geometryConfig: {}, description: "", hotkey: "", extra: {} });
    return { meta, datasets: [{ name: "ds", datasets: [], items: [{ name: "a.png", annotation: { size: { width: W, height: H }, tags: [], labels: [{ classTitle: "holed", geometry: HOLED, tags: [] }] } }] }] };
  };

  it("masks: masks_machine", async () => {
    const out = path.join(tempDir(), "masks");
    await writeDataset(project(), out, { format: "masks" });
    const file = listFiles(out).find((f) => f.includes("masks_machine/"))!;
    expect(rows(maskGrid(path.join(out, file)).flat(), W)).toEqual(SDK_HOLED);
  });

  it("voc: SegmentationClass", async () => {
    const out = path.join(tempDir(), "voc");
    await writeDataset(project(), out, { format: "voc" });
    const file = listFiles(out).find((f) => f.includes("SegmentationClass/"))!;
    expect(rows(maskGrid(path.join(out, file)).flat(), W)).toEqual(SDK_HOLED);
  });

  it("coco: the polygon with a hole as RLE", async () => {
    const out = path.join(tempDir(), "coco");
    await writeDataset(project(), out, { format: "coco" });
    const file = listFiles(out).find((f) => f.startsWith("annotations/instances"))!;
    const coco = JSON.parse(fs.readFileSync(path.join(out, file), "utf8"));
    const rle = coco.annotations.find((a: { segmentation: unknown }) => !Array.isArray(a.segmentation)).segmentation;
    expect(rows(rleToMask(rleFromJson(rle)).data, W)).toEqual(SDK_HOLED);
  });
});
