/**
 * `convert` against `import` then `export`: the same output files, byte for byte. A direct conversion hands the
 * writer the masks the reader decoded (bitmapEncodedOnRead), where an export decodes the bitmap strings of the
 * project on disk; both must give the same RLEs, boxes, traced outlines and drawn masks. The cases are the
 * mask-bearing fixtures and real-data cases of the masks and VOC readers (../shared/real-data, skipped when absent):
 * convert-matches-import-export.test.ts runs the fixtures and one real dataset, the .slow.test.ts the others.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset, exportProject, importDataset } from "../../src/api.js";
import { FIXTURES, HAVE_REAL_DATA, listFiles, realData, tempDir } from "../helpers/paths.js";

type Target = { to: "coco" | "yolo" | "masks"; formatOptions?: Record<string, unknown> };

const TARGETS: Record<string, Target> = {
  coco: { to: "coco" },
  "yolo detect": { to: "yolo" },
  "yolo segment": { to: "yolo", formatOptions: { task: "segment" } },
  masks: { to: "masks" },
};

export interface Case { name: string; input: string; from: "masks" | "voc"; targets: string[]; real?: boolean }

export const CASES: Case[] = [
  { name: "fixtures/masks/generic-index", input: path.join(FIXTURES, "masks/generic-index"), from: "masks", targets: ["coco", "yolo detect", "yolo segment"] },
  { name: "fixtures/masks/generic-colour", input: path.join(FIXTURES, "masks/generic-colour"), from: "masks", targets: ["coco", "yolo detect", "yolo segment"] },
  { name: "fixtures/masks/sly-layout", input: path.join(FIXTURES, "masks/sly-layout"), from: "masks", targets: ["coco", "yolo detect", "yolo segment"] },
  { name: "fixtures/voc/devkit", input: path.join(FIXTURES, "voc/devkit"), from: "voc", targets: ["coco", "yolo detect", "yolo segment", "masks"] },
  { name: "labelme-masks-vocseg", input: realData("labelme-masks-vocseg"), from: "voc", targets: ["coco", "yolo detect", "yolo segment"], real: true },
  { name: "pascalvoc-voc-voc2012", input: realData("pascalvoc-voc-voc2012"), from: "voc", targets: ["coco", "yolo detect", "yolo segment", "masks"], real: true },
  { name: "cvat-voc-voc2012", input: realData("cvat-voc-voc2012"), from: "voc", targets: ["yolo detect", "yolo segment", "masks"], real: true },
];

function expectSameTree(a: string, b: string): void {
  const files = listFiles(a);
  expect(listFiles(b)).toEqual(files);
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const same = fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f)));
    expect(same, `${f} differs`).toBe(true);
  }
}

/** One test per target of each case; the case's project is imported once, for all its targets. */
export function describeConvertMatches(cases: readonly Case[]): void {
  describe("convert gives what import then export gives", () => {
    for (const c of cases) {
      describe.skipIf(c.real && !HAVE_REAL_DATA)(c.name, () => {
        let imported: Promise<string> | undefined;
        const project = () => (imported ??= (async () => {
          const dir = path.join(tempDir(), "project");
          await importDataset(c.input, dir, { format: c.from, images: "none" });
          return dir;
        })());
        for (const t of c.targets) {
          it(`→ ${t}`, async () => {
            const dir = tempDir();
            const { to, formatOptions } = TARGETS[t];
            const direct = path.join(dir, "direct"), exported = path.join(dir, "exported");
            const images = "none" as const;
            await convertDataset(c.input, direct, { from: c.from, to, images, ...(formatOptions ? { formatOptions } : {}) } as Parameters<typeof convertDataset>[2]);
            await exportProject(await project(), exported, { format: to, images, ...(formatOptions ? { formatOptions } : {}) } as Parameters<typeof exportProject>[2]);
            expectSameTree(direct, exported);
          });
        }
      });
    }
  });
}
