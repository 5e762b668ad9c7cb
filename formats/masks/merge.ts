/**
 * `slyconv merge` of masks shard outputs: every image's files (img/, masks_machine/, masks_semantic_rgb/,
 * masks_instances/, masks_human/) are its own shard's, so the datasets are joined file by file; the class maps
 * (one for the whole run, from the project's classes) must be the same in every shard and are written once.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { FormatContext, ShardOutput } from "../../src/format.js";
import { SlyconvError, optionName } from "../../src/errors.js";
import { copyUnion } from "../../src/io/merge-tree.js";
import { MACHINE_COLOR_FILE, SEMANTIC_COLOR_FILE } from "./class-map.js";

const CLASS_MAPS = [MACHINE_COLOR_FILE, SEMANTIC_COLOR_FILE];

export async function mergeMasksShards(shards: readonly ShardOutput[], outDir: string, ctx: FormatContext): Promise<void> {
  for (const name of CLASS_MAPS) {
    const first = await fs.readFile(path.join(shards[0].dir, name));
    for (const s of shards.slice(1)) {
      if (!(await fs.readFile(path.join(s.dir, name))).equals(first)) {
        throw new SlyconvError("shards-of-different-runs", `${name} of ${s.dir} differs from ${shards[0].dir}'s: the shards were not written by one run (or with other ${optionName("classMap")} files)`, { file: path.join(s.dir, name) }, 2);
      }
    }
    await fs.writeFile(path.join(outDir, name), first, { flag: "wx" });
  }
  await copyUnion(shards.map((s) => s.dir), outDir, { skip: (rel) => CLASS_MAPS.includes(rel) });
  ctx.report.count("items", shards.reduce((n, s) => n + s.manifest.items, 0));
}
