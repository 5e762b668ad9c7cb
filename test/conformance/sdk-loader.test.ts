/**
 * The rules Supervisely's SDK applies when it opens a project (see sdk-loader.ts), each pinned on a small folder and
 * named after the SDK code it stands for. The other conformance tests rely on these rules to say "the SDK opens this".
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasValidExt, sdkCoordinate, sdkOpenProject, sdkReadDataset, sdkReadProjectType, splitext, subdirsTree } from "./sdk-loader.js";
import { sdkListsImage, sdkSkippedEnding } from "../../src/supervisely/layout.js";
import { tempDir } from "../helpers/paths.js";

/** A project folder from `{relative path: content}`; a path ending with "/" is an empty folder. */
function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries({ "meta.json": '{"classes": [], "tags": [], "projectType": "images"}', ...files })) {
    const p = path.join(dir, rel);
    if (rel.endsWith("/")) fs.mkdirSync(p, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
    }
  }
  return dir;
}
const ANN = '{"size": {"height": 2, "width": 2}, "tags": [], "objects": []}';
const itemsOf = (dir: string) => Object.fromEntries(sdkOpenProject(dir).datasets.map((d) => [d.name, [...d.items.keys()].sort()]));

describe("SDK rule: Dataset._read needs img/ (\"Item directory not found\"), and a project without items is empty", () => {
  it("a dataset without img/ is skipped; with nothing else, Project._read raises \"Project is empty\"", () => {
    const dir = tree({ "ds/ann/a.png.json": ANN });
    expect(() => sdkReadDataset(path.join(dir, "ds"), "ds")).toThrow(/Item directory not found/);
    expect(() => sdkOpenProject(dir)).toThrow("Project is empty");
  });

  it("an empty img/ is enough: the items are then the annotation files' names (the \"items_names polyfield\")", () => {
    const dir = tree({ "ds/img/": "", "ds/ann/a.png.json": ANN, "ds/ann/b.jpg.json": ANN });
    expect(itemsOf(dir)).toEqual({ ds: ["a.png", "b.jpg"] });
  });
});

describe("SDK rule: once img/ holds an image, the items are the images (Dataset._read lists img/ only)", () => {
  it("an annotation without an image beside one with an image is not an item", () => {
    const dir = tree({ "ds/img/a.png": "x", "ds/ann/a.png.json": ANN, "ds/ann/c.png.json": ANN, "ds/img_info/c.png.json": '{"link": "https://x/c.png"}' });
    expect(itemsOf(dir)).toEqual({ ds: ["a.png"] });
  });

  it("img/ files of an extension outside SUPPORTED_IMG_EXTS are not listed (letter case ignored, os.path.splitext)", () => {
    expect(["a.png", "a.JPG", "b.jfif", "c.tif", "d.nrrd"].every(hasValidExt)).toBe(true);
    expect(["a.gif", "a.avif", "a.heic", "a", ".png", "a.png.txt"].some(hasValidExt)).toBe(false);
    expect(splitext(".png")).toEqual([".png", ""]);
    expect(splitext("a.b.png")).toEqual(["a.b", ".png"]);
    // The writer's own test of the same rule.
    for (const n of ["a.png", "a.JPG", "b.jfif", "c.tif", "d.nrrd", "a.gif", "a.avif", "a", ".png", "a.png.txt"]) expect(sdkListsImage(n)).toBe(hasValidExt(n));
    const dir = tree({ "ds/img/a.png": "x", "ds/img/b.gif": "x", "ds/ann/a.png.json": ANN, "ds/ann/b.gif.json": ANN });
    expect(itemsOf(dir)).toEqual({ ds: ["a.png"] });
  });

  it("an image without an annotation fails the whole dataset (\"does not have a corresponding annotation file\")", () => {
    const dir = tree({ "ds/img/a.png": "x", "ds/ann/": "", "ok/img/": "", "ok/ann/b.png.json": ANN });
    const p = sdkOpenProject(dir);
    expect(p.failed).toEqual([{ path: "ds", error: "Item 'a.png' in dataset 'ds' does not have a corresponding annotation file." }]);
  });

  it("the legacy <stem>.json annotation matches (project._get_effective_ann_name)", () => {
    const dir = tree({ "ds/img/a.png": "x", "ds/ann/a.json": ANN });
    expect(itemsOf(dir)).toEqual({ ds: ["a.png"] });
  });
});

describe("SDK rule: fs.subdirs_tree skips a folder whose path ends with an ignorable name (str.endswith)", () => {
  it("Dataset.ignorable_dirs are ann, blob, datasets, img, img_info, meta, seg; a suffix is enough, letter case counts", () => {
    const dir = tree({
      "instanceseg/img/": "", "instanceseg/ann/a.png.json": ANN,
      "myimg/img/": "", "myimg/ann/b.png.json": ANN,
      "SEG/img/": "", "SEG/ann/c.png.json": ANN,
      "ds/img/": "", "ds/ann/d.png.json": ANN,
    });
    expect(subdirsTree(dir)).toEqual(["SEG", "ds"]);
    expect(itemsOf(dir)).toEqual({ SEG: ["c.png"], ds: ["d.png"] });
    expect(sdkOpenProject(dir).unseen.sort()).toEqual(["instanceseg", "myimg"]);
    expect(["instanceseg", "myimg", "xdatasets", "a_meta", "blob", "my_img_info"].map(sdkSkippedEnding)).toEqual(["seg", "img", "datasets", "meta", "blob", "img_info"]);
    expect(["SEG", "images", "annotations", "segments", "ds"].map(sdkSkippedEnding)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("nested datasets under datasets/ are walked; their name drops the `datasets` parts", () => {
    const dir = tree({ "ds/img/": "", "ds/ann/a.png.json": ANN, "ds/datasets/child/img/": "", "ds/datasets/child/ann/b.png.json": ANN });
    expect(itemsOf(dir)).toEqual({ ds: ["a.png"], "ds/child": ["b.png"] });
  });
});

describe("SDK rule: sly.read_project needs projectType (\"Unknown type of project: 'None'\")", () => {
  it("reads it from meta.json", () => {
    expect(sdkReadProjectType(tree({}))).toBe("images");
    expect(() => sdkReadProjectType(tree({ "meta.json": '{"classes": [], "tags": []}' }))).toThrow("Unknown type of project: 'None'");
  });
});

describe("SDK rule: PointLocation floors every coordinate on load", () => {
  it("372.999892 becomes 372, not 373", () => {
    expect([372.999892, 373, 372.5, -0.0004].map(sdkCoordinate)).toEqual([372, 373, 372, -1]);
  });
});
