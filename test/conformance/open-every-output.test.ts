/**
 * Issue 16, points 1–4 and 6 (projectType): every project slyconv writes from the real datasets and the repository's
 * fixtures is one Supervisely's SDK opens and reads completely (sdk-loader.ts restates its loader): every dataset
 * folder is opened (img/ everywhere, no name the SDK skips), every item imported is an item the SDK lists, meta.json
 * says projectType, and no coordinate sits within 1e-3 px of an integer without being it (the SDK floors).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importDataset } from "../../src/api.js";
import type { FormatOptions } from "../../src/format.js";
import { Report } from "../../src/report.js";
import { sdkOpenProject, sdkReadProjectType } from "./sdk-loader.js";
import { FIXTURES, HAVE_REAL_DATA, REAL_DATA_SKIP_MESSAGE, listFiles, realData, tempDir } from "../helpers/paths.js";

interface Case { name: string; input: () => string; format?: string; formatOptions?: FormatOptions }

const REAL_CASES: Case[] = [
  ...["cvat-coco-voc2012", "cvat-voc-voc2012", "labelme-coco-instanceseg", "labelme-masks-vocseg", "labelme-voc-bbox", "labelstudio-yolo-importfixture",
    "mmpose-coco-keypoints", "pascalvoc-voc-voc2012", "roboflow-coco-badminton", "supervisely-csvlinks-debug", "supervisely-sdk-allgeometries",
    "supervisely-sly-tutorial-image", "voc2coco-coco-voc2012"].map((name) => ({ name, input: () => realData(name) })),
  { name: "cvat-yolo-indoor-zip", input: () => realData("cvat-yolo-indoor-zip", "Yolo (1).zip"), formatOptions: { imageSize: "1000x500" } },
  { name: "cvat-yolo-voc2012", input: () => realData("cvat-yolo-voc2012"), formatOptions: { sizesFrom: realData("cvat-voc-voc2012", "imagenet_format", "Annotations") } },
];

const FIXTURE_CASES: Case[] = [
  "coco/full", "demo/coco-sample", "links/csv", "links/tsv", "links/txt", "masks/generic-colour", "masks/generic-index", "masks/sly-layout",
  "supervisely/canonical", "supervisely/lenient", "voc/devkit", "yolo/darknet", "yolo/detect", "yolo/obb", "yolo/pose", "yolo/segment",
  "validate/valid/all-geometries", "validate/valid/all-tag-types", "validate/valid/lenient-forms", "validate/valid/nested-datasets",
].map((name) => ({ name: `fixtures/${name}`, input: () => path.join(FIXTURES, name) }));

/** Every number under a geometry key of a label JSON object (points, parts, nodes, vertices, origin). */
function coordinates(label: Record<string, unknown>): number[] {
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "number") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") for (const [k, e] of Object.entries(v)) if (k !== "data" && k !== "disabled") walk(e);
  };
  for (const k of ["points", "parts", "nodes", "vertices"]) walk(label[k]);
  walk((label.bitmap as { origin?: unknown } | undefined)?.origin);
  return out;
}

async function check(c: Case): Promise<void> {
  const out = path.join(tempDir(), "project");
  const report = new Report();
  const { items } = await importDataset(c.input(), out, { format: c.format, formatOptions: c.formatOptions, report, images: "hardlink" });
  // Point 6: sly.read_project knows the project type.
  expect(sdkReadProjectType(out)).toBe("images");
  // Points 1–3: every folder with ann/ is a dataset the SDK opens, and every item written is an item it lists.
  const sdk = sdkOpenProject(out);
  expect(sdk.failed, "datasets the SDK fails to open").toEqual([]);
  expect(sdk.unseen, "dataset folders the SDK never looks at").toEqual([]);
  const annFiles = listFiles(out).filter((f) => /(^|\/)ann\/[^/]+\.json$/.test(f));
  expect(sdk.datasets.reduce((n, d) => n + d.items.size, 0)).toBe(items);
  expect(annFiles.length).toBe(items);
  // Point 4: what the SDK floors is what slyconv meant: no coordinate a hair below an integer.
  let hairs = 0;
  for (const f of annFiles) {
    const ann = JSON.parse(fs.readFileSync(path.join(out, f), "utf8"));
    for (const label of ann.objects) for (const v of coordinates(label)) if (v !== Math.round(v) && Math.abs(v - Math.round(v)) <= 1e-3) hairs++;
  }
  expect(hairs, "coordinates within 1e-3 px of an integer").toBe(0);
}

describe.skipIf(!HAVE_REAL_DATA)("the SDK opens and reads completely every import of the real datasets", () => {
  if (!HAVE_REAL_DATA) console.warn(REAL_DATA_SKIP_MESSAGE);
  it.each(REAL_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => check(c));
});

describe("the SDK opens and reads completely every import of the fixtures", () => {
  it.each(FIXTURE_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => check(c));
});
