/**
 * The CPU-heavy part of a masks export, for one image: every label rasterized and cropped, masks_machine and
 * masks_semantic_rgb composed and all PNGs encoded. Pure and self-contained, so that it can run in the worker pool
 * (src/workers); the writer keeps the reporting and the file writes.
 *
 * Rendering order of overlapping labels in masks_machine: descending pixel area, so small objects stay on top of
 * large ones; equal areas by class index, then by label order within the class.
 */
import type { Geometry } from "../../src/model/index.js";
import { encodeGrayPng, encodePalettePng } from "../../src/codecs/png-encode.js";
import { drawGeometry } from "../../src/geometry/rasterize.js";
import { geometryBounds } from "../../src/geometry/bounds.js";
import { unpackGeometry, unpackPalette, type PackedGeometry } from "../../src/workers/packed.js";
import type { PlacedMask } from "./regions.js";
import { cpuTask } from "../../src/workers/task.js";
import { checkPixels } from "../../src/limits.js";

export interface MaskLayersJob {
  width: number;
  height: number;
  /**
   * The labels to draw, in annotation order, with their class index (1..255, one per class) and their object: labels
   * with one object number (bound by `instance`) are one object, one instance mask.
   */
  labels: { geometry: PackedGeometry; index: number; object: number }[];
  /** masks_semantic_rgb palette: 256 × r, g, b. */
  palette: Uint8Array;
  /** Also return the raw masks_machine pixels (for --overlay). */
  keepMachine: boolean;
}

/** Per label: drawn, no pixel of it inside the image, or why it cannot be drawn. */
export type LabelOutcome = "drawn" | "empty" | { error: string };

export interface MaskLayers {
  outcomes: LabelOutcome[];
  machinePng: Uint8Array;
  semanticPng: Uint8Array;
  /** One 0/255 PNG per object with a drawn label, in the order of their first drawn label. */
  instancePngs: Uint8Array[];
  /** The object of each instance PNG. */
  instanceObjects: number[];
  machine?: Uint8Array;
}

/** Draws a geometry into a scratch canvas and lifts it out as a cropped mask; the scratch is left clean. */
export function rasterizeLabel(g: Geometry, scratch: { width: number; height: number; data: Uint8Array }): PlacedMask | null {
  const { width, height, data } = scratch;
  const b = geometryBounds(g);
  if (!b) return null;
  const l = Math.max(0, Math.floor(b.left) - 1), t = Math.max(0, Math.floor(b.top) - 1);
  const r = Math.min(width - 1, Math.ceil(b.right) + 1), btm = Math.min(height - 1, Math.ceil(b.bottom) + 1);
  if (l > r || t > btm) return null;
  drawGeometry(scratch, g, 1);
  let minX = Infinity, minY = Infinity, maxX = -1, maxY = -1, area = 0;
  for (let y = t; y <= btm; y++) {
    for (let x = l; x <= r; x++) {
      if (!data[y * width + x]) continue;
      area++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      maxY = y;
    }
  }
  let placed: PlacedMask | null = null;
  if (area) {
    const w = maxX - minX + 1, h = maxY - minY + 1;
    const out = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) out.set(data.subarray((y + minY) * width + minX, (y + minY) * width + minX + w), y * w);
    placed = { x: minX, y: minY, mask: { width: w, height: h, data: out }, area };
  }
  for (let y = t; y <= btm; y++) data.fill(0, y * width + l, y * width + r + 1);
  return placed;
}

function paste(canvas: Uint8Array, width: number, p: PlacedMask, value: number): void {
  const { mask } = p;
  for (let y = 0; y < mask.height; y++) {
    const row = (y + p.y) * width + p.x;
    for (let x = 0; x < mask.width; x++) if (mask.data[y * mask.width + x]) canvas[row + x] = value;
  }
}

export function renderMaskLayers(job: MaskLayersJob): MaskLayers {
  const { width, height } = job;
  checkPixels(width, height, "the image");
  const scratch = { width, height, data: new Uint8Array(width * height) };
  const outcomes: LabelOutcome[] = [];
  const drawn: { index: number; placed: PlacedMask; classOrder: number; object: number }[] = [];
  const perClass = new Map<number, number>();
  for (const label of job.labels) {
    let placed: PlacedMask | null;
    try {
      placed = rasterizeLabel(unpackGeometry(label.geometry), scratch);
    } catch (e) {
      outcomes.push({ error: (e as Error).message });
      continue;
    }
    if (!placed) {
      outcomes.push("empty");
      continue;
    }
    outcomes.push("drawn");
    const classOrder = (perClass.get(label.index) ?? 0) + 1;
    perClass.set(label.index, classOrder);
    drawn.push({ index: label.index, placed, classOrder, object: label.object });
  }
  const machine = new Uint8Array(width * height);
  const order = [...drawn].sort((a, b) => b.placed.area - a.placed.area || a.index - b.index || a.classOrder - b.classOrder);
  for (const d of order) paste(machine, width, d.placed, d.index);
  const objects = new Map<number, PlacedMask[]>();
  for (const d of drawn) {
    const parts = objects.get(d.object);
    if (parts) parts.push(d.placed);
    else objects.set(d.object, [d.placed]);
  }
  const out: MaskLayers = {
    outcomes,
    machinePng: encodeGrayPng(width, height, machine),
    semanticPng: encodePalettePng(width, height, machine, unpackPalette(job.palette)),
    instancePngs: [...objects.values()].map((parts) => {
      const full = new Uint8Array(width * height);
      for (const p of parts) paste(full, width, p, 255);
      return encodeGrayPng(width, height, full);
    }),
    instanceObjects: [...objects.keys()],
  };
  if (job.keepMachine) out.machine = machine;
  return out;
}

/** renderMaskLayers as a worker-pool task (masks export). */
export const renderMaskLayersTask = cpuTask(import.meta.url, "renderMaskLayers", renderMaskLayers);
