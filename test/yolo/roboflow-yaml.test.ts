/**
 * A Roboflow data.yaml whose paths and the folders disagree (`val: ../valid/images` while the folder is `val/`):
 * the folders that exist are read, and the report says so.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { Report } from "../../src/report.js";
import { tempDir } from "../helpers/paths.js";
import { YOLO_FIXTURES, itemsOf, readAll } from "./helpers.js";

/** fixtures/yolo/detect re-laid as Roboflow exports it: <split>/images, <split>/labels, data.yaml at the root. */
function roboflowLayout(yaml: string): string {
  const root = path.join(tempDir(), "rf");
  for (const split of ["train", "val"]) {
    for (const kind of ["images", "labels"]) fs.cpSync(path.join(YOLO_FIXTURES, "detect", kind, split), path.join(root, split, kind), { recursive: true });
  }
  fs.writeFileSync(path.join(root, "data.yaml"), yaml);
  return root;
}

const names = "nc: 3\nnames: ['cat', 'dog', 'traffic light']\n";
const findings = (r: Report) => r.findings.map((f) => `${f.severity} ${f.code}: ${f.message}`);

describe("Roboflow data.yaml against the folders that exist", () => {
  it("val: ../valid/images with a val/ folder: read as val, one info line; a missing test split is a warning", async () => {
    const report = new Report();
    const root = roboflowLayout(`train: ../train/images\nval: ../valid/images\ntest: ../test/images\n${names}`);
    const project = await readAll(root, {}, report);
    expect(project.datasets.map((d) => d.name)).toEqual(["train", "val"]);
    expect(itemsOf(project, "val").map((i) => i.name)).toEqual(["d.png"]);
    expect(itemsOf(project, "train").map((i) => i.name).sort()).toEqual(["a.png", "b.jpg"]);
    expect(itemsOf(project, "train", "sub").map((i) => i.name)).toEqual(["e.png"]);
    expect(findings(report)).toEqual([
      'info yolo-split-folder: val: "../valid/images" was not found; val/images, which exists, is read as val',
      `warning yolo-split-missing: test: "../test/images" was not found; its images are read only if they are in the dataset's folders`,
      "info yolo-layout: ultralytics layout: train (3), val (1); 3 classes",
    ]);
  });

  it("a split folder data.yaml does not name at all is still read, by its folder name, with one info line", async () => {
    const report = new Report();
    const root = roboflowLayout(`train: ../train/images\n${names}`);
    const project = await readAll(root, {}, report);
    expect(project.datasets.map((d) => d.name)).toEqual(["train", "val"]);
    expect(itemsOf(project, "val").map((i) => i.name)).toEqual(["d.png"]);
    expect(findings(report)).toEqual([
      "info yolo-unlisted: 1 images or label files are in no folder or list the YAML names; they are read by their folders",
      "info yolo-layout: ultralytics layout: train (3), val (1); 3 classes",
    ]);
  });
});
