import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { materializeProject, type Item, type Project } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { silentProgress } from "../../src/io/progress.js";
import type { FormatContext } from "../../src/format.js";
import { readYolo, type YoloReadOptions } from "../../formats/yolo/read.js";
import { FIXTURES, listFiles } from "../helpers/paths.js";

export const YOLO_FIXTURES = path.join(FIXTURES, "yolo");

export function context(report = new Report()): FormatContext {
  return { report, progress: silentProgress };
}

/** Reads a YOLO input with the adapter and holds every item in memory. */
export async function readAll(input: string, options: YoloReadOptions = {}, report = new Report()): Promise<Project> {
  return materializeProject(await readYolo(input, options, context(report)));
}

export function itemsOf(p: Project, ...datasetPath: string[]): Item[] {
  let list = p.datasets;
  let ds = list.find((d) => d.name === datasetPath[0]);
  for (const name of datasetPath.slice(1)) {
    list = ds!.datasets;
    ds = list.find((d) => d.name === name);
  }
  if (!ds) throw new Error(`no dataset ${datasetPath.join("/")}`);
  return ds.items as Item[];
}

/** Numbers of every line of every label file under a folder, by relative path. */
export function labelValues(dir: string): Record<string, number[][]> {
  const out: Record<string, number[][]> = {};
  for (const f of listFiles(dir).filter((x) => x.startsWith("labels/") && x.endsWith(".txt"))) {
    out[f] = fs.readFileSync(path.join(dir, f), "utf8").split(/\r?\n/).filter((l) => l.trim()).map((l) => l.trim().split(/\s+/).map(Number));
  }
  return out;
}

/** Same label files with the same number of values per line, each within `tol`. */
export function expectSameLabels(a: string, b: string, tol = 1e-6): void {
  const va = labelValues(a), vb = labelValues(b);
  expect(Object.keys(vb).sort()).toEqual(Object.keys(va).sort());
  for (const [f, lines] of Object.entries(va)) {
    const other = vb[f];
    expect(other.length, f).toBe(lines.length);
    lines.forEach((vals, i) => {
      expect(other[i].length, `${f}:${i + 1}`).toBe(vals.length);
      vals.forEach((v, k) => expect(Math.abs(other[i][k] - v), `${f}:${i + 1} value ${k + 1}`).toBeLessThanOrEqual(tol + 1e-12));
    });
  }
}

/** Copies a fixture folder to a scratch place (tests that add or change files). */
export function copyFixture(name: string, dest: string): string {
  fs.cpSync(path.join(YOLO_FIXTURES, name), dest, { recursive: true });
  return dest;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const f = path.join(root, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, content);
  }
}
