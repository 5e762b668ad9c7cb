/**
 * CPU-heavy pure functions that may run in worker threads. Arguments and results must survive structured clone
 * (typed arrays, plain objects, strings); large inputs travel as typed arrays (see packed-geometry.ts) and results
 * as Uint8Arrays that the worker transfers instead of copying.
 */
import { BitmapDataError, decodeBitmapData, encodeBitmapData } from "../codecs/bitmap.js";
import type { BinaryMask } from "../codecs/mask.js";
import type { Geometry } from "../model/geometry.js";
import { rasterizeGeometry } from "../geometry/rasterize.js";
import { CocoRleError } from "../codecs/coco-rle.js";
import { PngDecodeError } from "../codecs/png-decode.js";
import { IndexedPngError } from "../codecs/png-indexed.js";
import { SlyconvError, type Location } from "../errors.js";
import { renderVocMasks } from "../../formats/voc/write-masks.js";
import { renderMaskLayers } from "../../formats/masks/render.js";
import { cocoSegmentations } from "../../formats/coco/segmentation.js";

export const cpuTasks = {
  decodeBitmap: (data: string): BinaryMask => decodeBitmapData(data),
  encodeBitmap: (mask: BinaryMask): string => encodeBitmapData(mask),
  rasterize: (g: Geometry, width: number, height: number): BinaryMask => rasterizeGeometry(g, width, height),
  /** Decodes a bitmap and counts its pixels: validate's "decodes and is not empty" check. */
  bitmapPixelCount: (data: string): { width: number; height: number; pixels: number } => {
    const m = decodeBitmapData(data);
    let pixels = 0;
    for (let i = 0; i < m.data.length; i++) pixels += m.data[i];
    return { width: m.width, height: m.height, pixels };
  },
  /** VOC export: SegmentationClass / SegmentationObject PNGs of one image. */
  renderVocMasks,
  /** Masks export: masks_machine, masks_semantic_rgb and masks_instances PNGs of one image. */
  renderMaskLayers,
  /** COCO export: the RLE or traced segmentation of the mask-bearing annotations of one image. */
  cocoSegmentations,
};

export type CpuTasks = typeof cpuTasks;
export type CpuTaskName = keyof CpuTasks;

/** An error thrown in a worker, as posted back to the caller's thread. */
export interface TaskErrorData {
  /** Constructor name, e.g. "BitmapDataError". */
  kind: string;
  name: string;
  message: string;
  code?: string;
  location?: Location;
  exitCode?: number;
}

/** The project's error classes that a task may throw: a worker's error comes back as the same class. */
const ERROR_CLASSES: Record<string, new (message: string) => Error> = {
  BitmapDataError, CocoRleError, PngDecodeError, IndexedPngError,
};

export function taskErrorData(e: unknown): TaskErrorData {
  if (!(e instanceof Error)) return { kind: "Error", name: "Error", message: String(e) };
  const out: TaskErrorData = { kind: e.constructor.name, name: e.name, message: e.message };
  if (e instanceof SlyconvError) Object.assign(out, { code: e.code, location: e.location, exitCode: e.exitCode });
  return out;
}

/** The error a worker threw, rebuilt as the project's own class; null when it was none of them. */
export function reviveTaskError(d: TaskErrorData): Error | null {
  const Cls = ERROR_CLASSES[d.kind];
  if (Cls) return new Cls(d.message);
  if (d.code !== undefined) {
    // SlyconvError and its subclasses: same code, location and exit code (hence the same CLI message and status).
    const e = new SlyconvError(d.code, d.message, d.location ?? {}, d.exitCode ?? 1);
    e.name = d.name;
    return e;
  }
  return null;
}
