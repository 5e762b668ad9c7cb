/**
 * CPU-heavy pure functions that may run in worker threads. Arguments and results must survive structured clone
 * (typed arrays, plain objects, strings).
 */
import { decodeBitmapData, encodeBitmapData } from "../codecs/bitmap.js";
import type { BinaryMask } from "../codecs/mask.js";
import type { Geometry } from "../model/geometry.js";
import { rasterizeGeometry } from "../geometry/rasterize.js";

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
};

export type CpuTasks = typeof cpuTasks;
export type CpuTaskName = keyof CpuTasks;
