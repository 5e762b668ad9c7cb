/**
 * Shards of every real dataset and of the generated sets (a project, a COCO file, the project as each other format
 * writes it, a project whose items share stems across datasets, VOC in the devkit and Roboflow layouts): imported, converted into every writable format, and the
 * imported project exported into every writable format, each as N = 1, 2, 3 and 7 shards; merged, the output is the
 * single run's byte for byte, and the shards' items add up to the run's.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportProject, importDataset } from "../../src/api.js";
import { HAVE_REAL_DATA, annotationFiles, listFiles, realData, tempDir } from "../helpers/paths.js";
import { generatedCoco, generatedProject, vocIdCollisionsProject, vocLayouts } from "./generated.js";
import { runOperation, runSharded, type Operation } from "./run-sharded.js";

interface Input { name: string; input: () => string; from: string; options?: Record<string, unknown>; real: boolean }

const REAL: Input[] = [
  { name: "cvat-coco-voc2012", input: () => realData("cvat-coco-voc2012"), from: "coco" },
  { name: "cvat-voc-voc2012", input: () => realData("cvat-voc-voc2012"), from: "voc" },
  { name: "cvat-yolo-indoor-zip", input: () => realData("cvat-yolo-indoor-zip", "Yolo (1).zip"), from: "yolo", options: { imageSize: "1000x500" } },
  { name: "cvat-yolo-voc2012", input: () => realData("cvat-yolo-voc2012"), from: "yolo", options: { sizesFrom: realData("cvat-voc-voc2012") } },
  { name: "labelme-coco-instanceseg", input: () => realData("labelme-coco-instanceseg"), from: "coco" },
  { name: "labelme-masks-vocseg", input: () => realData("labelme-masks-vocseg"), from: "voc" },
  { name: "labelme-voc-bbox", input: () => realData("labelme-voc-bbox"), from: "voc" },
  { name: "labelstudio-yolo-importfixture", input: () => realData("labelstudio-yolo-importfixture"), from: "yolo" },
  { name: "mmpose-coco-keypoints", input: () => realData("mmpose-coco-keypoints"), from: "coco" },
  { name: "pascalvoc-voc-voc2012", input: () => realData("pascalvoc-voc-voc2012"), from: "voc" },
  { name: "roboflow-coco-badminton", input: () => realData("roboflow-coco-badminton"), from: "coco" },
  { name: "supervisely-csvlinks-debug", input: () => realData("supervisely-csvlinks-debug"), from: "links" },
  { name: "supervisely-sdk-allgeometries", input: () => realData("supervisely-sdk-allgeometries"), from: "supervisely" },
  { name: "supervisely-sly-tutorial-image", input: () => realData("supervisely-sly-tutorial-image", "images_project"), from: "supervisely" },
  { name: "voc2coco-coco-voc2012", input: () => realData("voc2coco-coco-voc2012"), from: "coco" },
].map((c) => ({ ...c, real: true }));

let generatedDir: string;
/** The generated project written by each writer is an input of that format too (masks has no real dataset). */
const EXPORTED_INPUTS = ["voc", "yolo", "masks", "links"];
const GENERATED: Input[] = [
  { name: "generated project", input: () => path.join(generatedDir, "project"), from: "supervisely", real: false },
  { name: "generated COCO with id quirks", input: () => path.join(generatedDir, "coco"), from: "coco", real: false },
  ...EXPORTED_INPUTS.map((f) => ({
    name: `generated project written as ${f}`, input: () => path.join(generatedDir, f), from: f, real: false,
    // Its link items have no image to take a size from.
    ...(f === "yolo" ? { options: { imageSize: "640x480" } } : {}),
  })),
  // Items sharing a stem across datasets: VOC ids kept, written once or renamed, YOLO's dup_ prefix, masks' full names.
  { name: "generated items sharing VOC ids", input: () => path.join(generatedDir, "voc-ids"), from: "supervisely", real: false },
  // The VOC layouts whose dataset names the reader makes, one with classes first seen in late items.
  { name: "generated VOCdevkit of two years", input: () => path.join(generatedDir, "devkit"), from: "voc", real: false },
  { name: "generated Roboflow VOC split folders", input: () => path.join(generatedDir, "roboflow"), from: "voc", real: false },
];

beforeAll(async () => {
  generatedDir = tempDir();
  const project = await generatedProject(path.join(generatedDir, "project"), 7, 60);
  generatedCoco(path.join(generatedDir, "coco"), 8, 50);
  for (const f of EXPORTED_INPUTS) await exportProject(project, path.join(generatedDir, f), { format: f as never });
  await vocIdCollisionsProject(path.join(generatedDir, "voc-ids"));
  vocLayouts(path.join(generatedDir, "voc"), generatedDir);
});

const WRITABLE = ["coco", "voc", "yolo", "masks", "links", "supervisely"];
const COUNTS = [1, 2, 3, 7];

describe.each([...REAL, ...GENERATED])("$name", (c) => {
  const skip = c.real && !HAVE_REAL_DATA;
  let dir: string;
  let project: string;
  beforeAll(async () => {
    if (skip) return;
    dir = tempDir();
    project = path.join(dir, "project");
    await importDataset(c.input(), project, { format: c.from as never, formatOptions: c.options as never });
  });

  const operations: { label: string; op: () => Operation }[] = [
    { label: "import", op: () => ({ kind: "import", input: c.input(), from: c.from, options: c.options }) },
    ...WRITABLE.filter((to) => to !== "supervisely").map((to) => ({ label: `convert to ${to}`, op: (): Operation => ({ kind: "convert", input: c.input(), from: c.from, to, options: c.options }) })),
    ...WRITABLE.map((to) => ({ label: `export to ${to}`, op: (): Operation => ({ kind: "export", project, to }) })),
  ];

  it.skipIf(skip).each(operations)("$label: N = 1, 2, 3, 7 merged equal the single run", async ({ label, op }) => {
    const base = path.join(dir, label.replace(/ /g, "-"));
    const single = path.join(base, "single");
    await runOperation(op(), single);
    const items = annotationFiles(project).length;
    expect(items).toBeGreaterThan(0);
    for (const n of COUNTS) {
      const r = await runSharded(op(), n, base, single);
      expect(r.diffs, `N = ${n}`).toEqual([]);
      expect(r.itemsPerShard).toHaveLength(n);
      expect(r.itemsPerShard.reduce((a, b) => a + b, 0), `N = ${n}: every item in one shard`).toBe(items);
      if (n === 1) expect(listFiles(r.merged)).toEqual(listFiles(single));
    }
    // Removed as it goes: the whole matrix writes too many files to remove in one afterAll.
    fs.rmSync(base, { recursive: true, force: true });
  });
});
