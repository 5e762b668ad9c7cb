import path from "node:path";
import { it, expect } from "vitest";
import { importDataset } from "../../src/api.js";
import { runSharded } from "./run-sharded.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";

it("scratch", async () => {
  const dir = tempDir();
  const coco = path.join(FIXTURES, "demo/coco-sample");
  const project = path.join(dir, "p");
  await importDataset(path.join(FIXTURES, "voc/devkit/VOCdevkit"), project, { format: "voc" });
  for (const to of ["coco", "yolo", "voc", "masks", "links", "supervisely"]) {
    for (const n of [1, 2, 3, 7]) {
      const d = path.join(dir, to);
      try {
        const r = await runSharded({ kind: "export", project, to }, n, d, n === 1 ? undefined : path.join(d, "single"));
        console.log(to, n, r.itemsPerShard, r.diffs);
      } catch (e) { console.log(to, n, String(e)); }
    }
  }
}, 300000);
