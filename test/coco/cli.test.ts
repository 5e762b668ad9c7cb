/** `slyconv import/export -f coco` through the built binary (npm test builds it; alone: `npx tsc -p .` first). */
import { describe, expect, it, beforeAll } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { readJson } from "./helpers.js";

const FULL = path.join(FIXTURES, "coco/full");

describe("slyconv CLI with COCO", () => {
  let project: string;
  beforeAll(() => {
    project = path.join(tempDir("slyconv-coco-cli-"), "project");
  });

  it("detects a COCO folder", async () => {
    const r = await runCli(["detect", FULL, "--json"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.format).toBe("coco");
    expect(d.evidence).toEqual(["annotations/captions_val.json", "annotations/instances_val.json", "annotations/person_keypoints_val.json"]);
  });

  it("import (format detected) prints a JSON summary with the warning counts", async () => {
    const r = await runCli(["--json", "import", FULL, project, "--images", "copy"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ command: "import", format: "coco", items: 3, errors: 0, warnings: 1, byCode: { "coco-image-missing": { severity: "warning", count: 1 } } });
    expect(fs.readdirSync(path.join(project, "val/img")).sort()).toEqual(["a.png", "b.png"]);
  });

  it("--dataset and --images-dir with a single .json input", async () => {
    const out = path.join(tempDir("slyconv-coco-cli-"), "p");
    const r = await runCli(["import", path.join(FULL, "annotations/instances_val.json"), out, "-f", "coco", "--dataset", "mine", "--images-dir", path.join(FULL, "val"), "--images", "symlink"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("imported 3 items (coco)");
    // c.png has no image: it goes to a dataset of its own, so that the Supervisely SDK sees it (noted for reading back).
    expect(fs.readdirSync(out).sort()).toEqual([".slyconv-output", "coco_info.json", "meta.json", "mine", "mine-no-image", "slyconv_datasets.json"]);
    expect(fs.lstatSync(path.join(out, "mine/img/a.png")).isSymbolicLink()).toBe(true);
    expect(r.stderr).toContain('image file "c.png" is not in ../val/'); // relative to the input's folder
  });

  it("export -f coco writes the three files back; losses appear in --json and on stderr", async () => {
    const coco = path.join(tempDir("slyconv-coco-cli-"), "coco");
    const r = await runCli(["--json", "export", project, coco, "-f", "coco", "--images", "none"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ command: "export", format: "coco", errors: 0, warnings: 0, lossy: [] });
    expect(fs.readdirSync(path.join(coco, "annotations")).sort()).toEqual(["captions_val.json", "instances_val.json", "person_keypoints_val.json"]);
    expect(readJson(path.join(coco, "annotations/instances_val.json")).annotations).toHaveLength(8);

    // Add a line label: COCO cannot hold it; it is counted per class and printed.
    const ann = path.join(project, "val/ann/a.png.json");
    const a = readJson(ann);
    a.objects.push({ classTitle: "dog", description: "", tags: [], points: { exterior: [[0, 0], [3, 3]], interior: [] }, geometryType: "line", shape: "line" });
    fs.writeFileSync(ann, JSON.stringify(a));
    const coco2 = path.join(tempDir("slyconv-coco-cli-"), "coco");
    const j = await runCli(["--json", "export", project, coco2, "-f", "coco", "--images", "none"]);
    expect(JSON.parse(j.stdout).lossy).toEqual([{ className: "dog", what: "line", reason: "COCO has no polylines", count: 1 }]);
    const h = await runCli(["export", project, path.join(tempDir("slyconv-coco-cli-"), "coco"), "-f", "coco", "--images", "none"]);
    expect(h.code).toBe(0);
    expect(h.stderr).toContain('1 × line of class "dog": COCO has no polylines');
  });

  it("--polygons and --caption-tag", async () => {
    const coco = path.join(tempDir("slyconv-coco-cli-"), "coco");
    const r = await runCli(["export", project, coco, "-f", "coco", "--images", "none", "--polygons", "--caption-tag", "nothing"]);
    expect(r.code).toBe(0);
    const inst = readJson(path.join(coco, "annotations/instances_val.json"));
    expect(inst.annotations.find((a: any) => a.id === 11).segmentation).toEqual([[2, 1, 4, 1, 4, 3, 2, 3], [5, 4, 6, 4, 6, 5, 5, 5]]);
    expect(fs.existsSync(path.join(coco, "annotations/captions_val.json"))).toBe(false);
    expect(r.stderr).toContain("3 × tag caption of images: COCO images have no tags (only captions, see --caption-tag)");
  });

  it("malformed JSON: exit 1 with file:line:column", async () => {
    const r = await runCli(["import", path.join(FIXTURES, "coco/bad/missing-comma.json"), path.join(tempDir(), "o"), "-f", "coco"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`slyconv: missing-comma.json:5:5: malformed JSON: expected ',' or ']' after element 0 of "annotations", found '{' [json-syntax]`);
  });
});
