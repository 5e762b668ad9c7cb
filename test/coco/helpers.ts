import fs from "node:fs";
import path from "node:path";
import { exportProject, importDataset, readProject } from "../../src/api.js";
import { materializeProject, type Item, type Label, type Project } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { tempDir } from "../helpers/paths.js";

export const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, "utf8"));

export async function importCoco(input: string, formatOptions: Record<string, unknown> = {}, images: "copy" | "none" | "hardlink" = "copy") {
  const report = new Report(Number.MAX_SAFE_INTEGER);
  const out = path.join(tempDir("slyconv-coco-"), "project");
  const r = await importDataset(input, out, { format: "coco", images, report, formatOptions: { images, ...formatOptions } });
  const project = await materializeProject(await readProject(out));
  return { out, report, project, items: r.items };
}

export async function exportCoco(projectDir: string, formatOptions: Record<string, unknown> = {}) {
  const report = new Report(Number.MAX_SAFE_INTEGER);
  const out = path.join(tempDir("slyconv-coco-export-"), "coco");
  await exportProject(projectDir, out, { format: "coco", report, formatOptions });
  return { out, report };
}

export const itemsOf = (p: Project, ds = 0): Item[] => p.datasets[ds].items as Item[];

/** The images-table entry of an item in the project's coco_info.json (what COCO said beyond the item). */
export function imageEntry(p: Project, dataset: string, itemName: string): any {
  return (p.sideFiles?.["coco_info.json"] as any)?.images?.[dataset]?.[itemName];
}

/** An item's COCO image id and file_name as export gives them back: file_name is the item's name unless kept. */
export function cocoImageOf(p: Project, dataset: string, itemName: string): { id: unknown; file_name: string } {
  const e = imageEntry(p, dataset, itemName);
  return { id: e?.id, file_name: e?.file_name ?? itemName };
}
export const item = (p: Project, name: string, ds = 0): Item => itemsOf(p, ds).find((i) => i.name === name)!;

/** A label in a compact, readable form for assertions. */
export function brief(l: Label) {
  return { cls: l.classTitle, type: l.geometry.type, tags: l.tags.map((t) => (t.value === undefined ? t.name : `${t.name}=${t.value}`)), extra: l.extra };
}

export function labelsPerClass(p: Project): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ds of p.datasets) for (const it of ds.items as Item[]) for (const l of it.annotation.labels) out[l.classTitle] = (out[l.classTitle] ?? 0) + 1;
  return out;
}

export function findingsOf(report: Report, code: string) {
  return report.findings.filter((f) => f.code === code);
}

/**
 * A COCO file with its images and annotations sorted by id: export writes items in the project's order and
 * annotations image by image, and the order of these lists carries no meaning in COCO.
 */
export function byId(coco: any): any {
  const sort = (list: any[]) => [...list].sort((a: any, b: any) => a.id - b.id);
  return { ...coco, images: sort(coco.images), annotations: sort(coco.annotations) };
}
