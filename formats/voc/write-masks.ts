/**
 * Labels → SegmentationClass / SegmentationObject palette PNGs.
 *
 * Class indices: a class whose colour is the VOC colour of index i (1..254) gets index i, so VOC, CVAT and labelme
 * data keep their values; other classes get the lowest free index, with their own colour in the palette (or that
 * index's VOC colour when their colour is already taken, so every index stays distinguishable by colour).
 * Instance indices follow VOC: object k of the XML file is value k. 0 is background, 255 void.
 */
import { constants as zlibConstants } from "node:zlib";
import type { Geometry, ProjectMeta } from "../../src/model/index.js";
import { hexToRgb, isHexColor } from "../../src/model/index.js";
import { decodeAlphaMaskData } from "../../src/codecs/bitmap.js";
import { BitmapDataError, decodeBitmapData } from "../../src/codecs/bitmap.js";
import { pasteMask } from "../../src/codecs/mask.js";
import { encodePalettePng } from "../../src/codecs/png-encode.js";
import { drawGeometry } from "../../src/geometry/rasterize.js";
import { VOC_COLORMAP, VOID_INDEX, packRgb, vocColormapIndex, type Rgb } from "./palette.js";
import type { StoredVoid } from "./void-masks.js";
import { unpackGeometry, unpackPalette, type PackedGeometry } from "../../src/workers/packed.js";
import { cpuTask } from "../../src/workers/task.js";
import { checkPixels } from "../../src/limits.js";

export interface ClassIndexing {
  indexOf: Map<string, number>;
  /** 256 entries: the VOC colour map with each class's colour at its index. */
  palette: Rgb[];
}

const MAX_CLASS_INDEX = 254;

/**
 * Masks are long runs of one index: zlib's run-length strategy deflates them about 5× faster than the default
 * (0.3 ms instead of 1.5 ms for 500×375) for ~15% more bytes, which matters for thousands of masks.
 */
const MASK_DEFLATE = { strategy: zlibConstants.Z_RLE };

export function assignClassIndices(meta: ProjectMeta): ClassIndexing {
  const indexOf = new Map<string, number>();
  const palette = VOC_COLORMAP.map((c) => [...c] as Rgb);
  const taken = new Set<number>();
  const colorOf = (hex: string): Rgb => (isHexColor(hex) ? hexToRgb(hex) : [0, 0, 0]);
  for (const c of meta.classes) {
    const i = vocColormapIndex(colorOf(c.color));
    if (i !== undefined && i >= 1 && i <= MAX_CLASS_INDEX && !taken.has(i)) {
      indexOf.set(c.title, i);
      taken.add(i);
    }
  }
  const usedColors = new Set<number>([packRgb(0, 0, 0), packRgb(...VOC_COLORMAP[VOID_INDEX])]);
  for (const i of taken) usedColors.add(packRgb(...palette[i]));
  let next = 1;
  for (const c of meta.classes) {
    if (indexOf.has(c.title)) continue;
    while (next <= MAX_CLASS_INDEX && taken.has(next)) next++;
    if (next > MAX_CLASS_INDEX) break; // the rest cannot be drawn; the writer counts them as lost
    const rgb = colorOf(c.color);
    const key = packRgb(...rgb);
    if (!usedColors.has(key)) {
      palette[next] = rgb;
      usedColors.add(key);
    }
    indexOf.set(c.title, next);
    taken.add(next);
  }
  return { indexOf, palette };
}

/** The two index canvases of one image. */
export class MaskCanvas {
  readonly classIndices: Uint8Array;
  readonly objectIndices: Uint8Array;
  classUsed = false;
  objectUsed = false;
  constructor(readonly width: number, readonly height: number) {
    checkPixels(width, height, "the image");
    this.classIndices = new Uint8Array(width * height);
    this.objectIndices = new Uint8Array(width * height);
  }

  /** Draws a geometry with its class index, and with its instance when it is an object (instance ≠ null). */
  draw(g: Geometry, classIndex: number, instance: number | null): boolean {
    const cls = { width: this.width, height: this.height, data: this.classIndices };
    const obj = { width: this.width, height: this.height, data: this.objectIndices };
    if (g.type === "bitmap" || g.type === "alpha_mask") {
      // Decode once, paste into both canvases.
      const mask = g.type === "bitmap" ? decodeBitmapData(g.data) : decodeAlphaMaskData(g.data);
      const x = Math.round(g.origin[0]), y = Math.round(g.origin[1]);
      pasteMask(cls, mask, x, y, classIndex);
      if (instance !== null) pasteMask(obj, mask, x, y, instance);
    } else {
      if (!drawGeometry(cls, g, classIndex)) return false;
      if (instance !== null) drawGeometry(obj, g, instance);
    }
    this.classUsed = true;
    if (instance !== null) this.objectUsed = true;
    return true;
  }

  paintVoid(v: StoredVoid): void {
    const mask = decodeBitmapData(v.data);
    const x = Math.round(v.origin[0]), y = Math.round(v.origin[1]);
    if (v.masks.includes("SegmentationClass")) {
      pasteMask({ width: this.width, height: this.height, data: this.classIndices }, mask, x, y, VOID_INDEX);
      this.classUsed = true;
    }
    if (v.masks.includes("SegmentationObject")) {
      pasteMask({ width: this.width, height: this.height, data: this.objectIndices }, mask, x, y, VOID_INDEX);
      this.objectUsed = true;
    }
  }

  classPng(palette: readonly Rgb[]): Buffer {
    return encodePalettePng(this.width, this.height, this.classIndices, palette, MASK_DEFLATE);
  }

  objectPng(): Buffer {
    return encodePalettePng(this.width, this.height, this.objectIndices, VOC_COLORMAP, MASK_DEFLATE);
  }
}

/** Everything needed to draw the two masks of one image, in a form that can be sent to a worker thread. */
export interface VocMaskJob {
  width: number;
  height: number;
  /** In drawing order; instance -1: class mask only. */
  draws: { geometry: PackedGeometry; classIndex: number; instance: number }[];
  voids: StoredVoid[];
  /** SegmentationClass palette: 256 × r, g, b. */
  palette: Uint8Array;
}

export interface VocMaskPngs {
  /** SegmentationClass PNG, when something was drawn into it. */
  classPng?: Uint8Array;
  /** SegmentationObject PNG, when something was drawn into it. */
  objectPng?: Uint8Array;
  /** Draws (index into job.draws; -1 for a void region) whose bitmap pixels did not decode, and why: not drawn. */
  unreadable?: { draw: number; message: string }[];
}

/** Draws and encodes the masks of one image (the CPU-heavy part of a VOC export; runs in the worker pool). */
export function renderVocMasks(job: VocMaskJob): VocMaskPngs {
  const canvas = new MaskCanvas(job.width, job.height);
  const unreadable: { draw: number; message: string }[] = [];
  // A bitmap whose header reads but whose pixels do not (a corrupt PNG stream) is left out, and said so.
  const attempt = (draw: number, paint: () => void) => {
    try {
      paint();
    } catch (e) {
      if (!(e instanceof BitmapDataError)) throw e;
      unreadable.push({ draw, message: e.message });
    }
  };
  job.draws.forEach((d, i) => attempt(i, () => canvas.draw(unpackGeometry(d.geometry), d.classIndex, d.instance < 0 ? null : d.instance)));
  for (const v of job.voids) attempt(-1, () => canvas.paintVoid(v));
  return {
    ...(canvas.classUsed ? { classPng: canvas.classPng(unpackPalette(job.palette)) } : {}),
    ...(canvas.objectUsed ? { objectPng: canvas.objectPng() } : {}),
    ...(unreadable.length ? { unreadable } : {}),
  };
}

/** renderVocMasks as a worker-pool task (VOC export). */
export const renderVocMasksTask = cpuTask(import.meta.url, "renderVocMasks", renderVocMasks);
