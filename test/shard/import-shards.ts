/**
 * Imports with N shards, then merge (test/shard/shard.test.ts runs every N on the fixtures and N = 3 on the real
 * datasets; shard-real.slow.test.ts the other N on the real datasets): the shards are disjoint, cover every item,
 * are valid projects of their own, and merged are the single run's output byte for byte.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importDataset } from "../../src/api.js";
import { mergeShards } from "../../src/merge.js";
import { SHARD_MANIFEST_FILE } from "../../src/shard.js";
import { validateProject } from "../../src/validate/index.js";
import { FIXTURES, HAVE_REAL_DATA, annotationFiles, diffTrees, realData, tempDir } from "../helpers/paths.js";

/** Every item of a Supervisely project as `dataset-folder/name` (from its ann/ files). */
export function itemsOf(project: string): string[] {
  return annotationFiles(project).map((f) => path.relative(project, f).split(path.sep).join("/").replace(/\/ann\/(.*)\.json$/, "/$1")).sort();
}

export interface ShardCase { name: string; input: () => string; format?: string; real?: boolean }

export const SHARD_CASES: ShardCase[] = [
  { name: "COCO demo", input: () => path.join(FIXTURES, "demo/coco-sample") },
  { name: "VOC devkit fixture", input: () => path.join(FIXTURES, "voc/devkit/VOCdevkit"), format: "voc" },
  { name: "real: cvat VOC 2012 (100 images)", input: () => realData("cvat-voc-voc2012"), format: "voc", real: true },
  { name: "real: Supervisely SDK project (nested dataset, link item)", input: () => realData("supervisely-sdk-allgeometries"), format: "supervisely", real: true },
];

export function describeImportShards(cases: (ShardCase & { counts: number[] })[]): void {
  describe.each(cases)("import with N shards, then merge: $name", ({ input, format, real, counts }) => {
    // The single run, imported once for every N.
    let imported: Promise<string> | undefined;
    const single = () => (imported ??= (async () => {
      const dir = path.join(tempDir(), "single");
      await importDataset(input(), dir, { format });
      return dir;
    })());
    it.skipIf(real && !HAVE_REAL_DATA).each(counts)("N = %i: disjoint, covering, merged byte for byte", async (n) => {
      const dir = tempDir();
      const all = itemsOf(await single());
      expect(all.length).toBeGreaterThan(0);
      const shards: string[] = [];
      const seen: string[] = [];
      for (let i = 0; i < n; i++) {
        const out = path.join(dir, `shard-${i}`);
        const r = await importDataset(input(), out, { format, shard: { index: i, count: n } });
        shards.push(out);
        const mine = itemsOf(out);
        expect(r.items).toBe(mine.length);
        const manifest = JSON.parse(fs.readFileSync(path.join(out, SHARD_MANIFEST_FILE), "utf8"));
        expect(manifest).toMatchObject({ kind: "slyconv-shard", shard: i, of: n, format: "supervisely", items: mine.length });
        // Each shard is a valid project of its own items (the manifest is not a finding).
        const v = await validateProject(out);
        expect(v.report.errorCount, JSON.stringify(v.report.toJSON().findings ?? v.report.toJSON())).toBe(0);
        seen.push(...mine);
      }
      expect(seen.sort()).toEqual(all);
      const merged = path.join(dir, "merged");
      // Given in any order.
      const r = await mergeShards([...shards].reverse(), merged);
      expect(r.items).toBe(all.length);
      expect(diffTrees(await single(), merged)).toEqual([]);
    });
  });
}
