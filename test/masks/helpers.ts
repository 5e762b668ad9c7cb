import fs from "node:fs";
import type { Item, Label, Project } from "../../src/model/index.js";
import { materializeProject } from "../../src/model/index.js";
import { decodeBitmapData } from "../../src/codecs/bitmap.js";
import { Report } from "../../src/report.js";
import { readDataset } from "../../src/api.js";
import { readMaskKeys } from "../../formats/masks/mask-png.js";

/** Image pixels a bitmap label covers, as "x,y" strings in raster order. */
export function labelPixels(label: Label): string[] {
  if (label.geometry.type !== "bitmap") throw new Error(`not a bitmap: ${label.geometry.type}`);
  const { origin, data } = label.geometry;
  const m = decodeBitmapData(data);
  const out: string[] = [];
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) if (m.data[y * m.width + x]) out.push(`${x + origin[0]},${y + origin[1]}`);
  return out;
}

/** Pixels of a grid equal to `value`, as "x,y" strings in raster order. */
export function gridPixels(grid: number[][], value: number): string[] {
  const out: string[] = [];
  grid.forEach((row, y) => row.forEach((v, x) => v === value && out.push(`${x},${y}`)));
  return out;
}

export function summary(item: Item): { cls: string; px: string[] }[] {
  return item.annotation.labels.map((l) => ({ cls: l.classTitle, px: labelPixels(l) }));
}

export async function importMasks(input: string, formatOptions: Record<string, unknown> = {}): Promise<{ project: Project; report: Report }> {
  const report = new Report();
  const { project } = await readDataset(input, { format: "masks", formatOptions, report });
  return { project: await materializeProject(project), report };
}

export function itemsOf(project: Project, dataset = 0): Item[] {
  return project.datasets[dataset].items as Item[];
}

/** A mask PNG as a grid of stored values (palette indices or gray levels). */
export function maskGrid(file: string): number[][] {
  const { width, height, keys } = readMaskKeys(fs.readFileSync(file), "index");
  return Array.from({ length: height }, (_, y) => Array.from(keys.subarray(y * width, (y + 1) * width)));
}

/** A mask PNG as a grid of "r,g,b" colours. */
export function colourGrid(file: string): string[][] {
  const { width, height, keys } = readMaskKeys(fs.readFileSync(file), "colour");
  return Array.from({ length: height }, (_, y) => Array.from(keys.subarray(y * width, (y + 1) * width), (k) => `${(k >>> 16) & 255},${(k >>> 8) & 255},${k & 255}`));
}

/** Findings of one code, by file (items are read concurrently, so their order of arrival varies). */
export function findingsOf(report: Report, code: string) {
  return report.findings
    .filter((f) => f.code === code)
    .map((f) => ({ message: f.message, file: f.file, line: f.line }))
    .sort((a, b) => (a.file ?? "").localeCompare(b.file ?? ""));
}
