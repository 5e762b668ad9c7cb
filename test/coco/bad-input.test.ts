/**
 * Bad COCO input (fixtures/coco/bad): a located error for what cannot be read at all, a warning with file + JSON
 * pointer for each annotation that cannot be used (with exact counts), never a crash, never a silent loss.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SlyconvError } from "../../src/errors.js";
import type { Report } from "../../src/report.js";
import { FIXTURES } from "../helpers/paths.js";
import { brief, cocoImageOf, findingsOf, importCoco, item, itemsOf } from "./helpers.js";

const BAD = path.join(FIXTURES, "coco/bad");
const bad = (f: string) => path.join(BAD, f);

async function importError(file: string): Promise<SlyconvError> {
  try {
    await importCoco(bad(file), {}, "none");
  } catch (e) {
    expect(e).toBeInstanceOf(SlyconvError);
    return e as SlyconvError;
  }
  throw new Error(`${file} was read without an error`);
}
/** Column (1-based) of `needle` on line `line` of a fixture file, found in the file itself. */
function columnOf(file: string, line: number, needle: string, offset = 0): number {
  return fs.readFileSync(bad(file), "utf8").split("\n")[line - 1].indexOf(needle) + 1 + offset;
}
const counts = (r: Report) => Object.fromEntries([...r.countsByCode].map(([k, v]) => [k, v.count]));

describe("COCO bad input: errors with a position", () => {
  it("a bad image entry (read after the scan, in runs): its line, column and element", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "slyconv-coco-bad-image-"));
    const file = path.join(dir, "instances_x.json");
    const lines = ['{"images": [', '  {"id": 1, "file_name": "a.jpg", "width": 4, "height": 4},', '  {"id": 2, "file_name": b.jpg}', '],', '"annotations": [], "categories": [{"id": 1, "name": "c"}]}'];
    fs.writeFileSync(file, lines.join("\n"));
    let error: unknown;
    try {
      await importCoco(file, {}, "none");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SlyconvError);
    const e = error as SlyconvError;
    expect(e.location).toEqual({ file: "instances_x.json", line: 3, column: lines[2].indexOf("b.jpg") + 1 });
    expect(e.message).toMatch(/^malformed JSON: .* \(in element 1 of "images"\)$/);
  });

  it("a missing comma between annotations: file, line and column of the second element", async () => {
    const e = await importError("missing-comma.json");
    expect(e.code).toBe("json-syntax");
    expect(e.describe()).toBe(`missing-comma.json:5:5: malformed JSON: expected ',' or ']' after element 0 of "annotations", found '{'`);
  });
  it("a syntax error inside an annotation (V8 gives no position): located by slyconv", async () => {
    const e = await importError("bad-element.json");
    expect(e.location).toEqual({ file: "bad-element.json", line: 6, column: columnOf("bad-element.json", 6, ",,", 1) });
    expect(e.message).toBe(`malformed JSON: Unexpected token ',' (in element 1 of "annotations")`);
  });
  it("a syntax error in an annotation read after the scan (categories last, as COCO writes them)", async () => {
    const e = await importError("bad-element-late-categories.json");
    expect(e.location).toEqual({ file: "bad-element-late-categories.json", line: 5, column: columnOf("bad-element-late-categories.json", 5, "\t") });
    expect(e.message).toMatch(/^malformed JSON: Bad control character in string literal \(in element 1 of "annotations"\)$/);
  });
  it("a truncated file and a top-level array", async () => {
    expect((await importError("truncated.json")).describe()).toBe("truncated.json:1:111: malformed JSON: the file ends before the top-level object is closed");
    expect((await importError("top-array.json")).describe()).toBe("top-array.json:1:1: malformed JSON: a COCO file must be one JSON object, found '['");
  });
});

describe("COCO bad input: per-annotation warnings with counts", () => {
  it("references to missing images and categories, images without file_name or size", async () => {
    const { report, project } = await importCoco(bad("references.json"), {}, "none");
    expect(counts(report)).toEqual({
      "coco-image-invalid": 1, "coco-image-size": 2, "coco-category-invalid": 1, "coco-unknown-category": 1, "coco-missing-image": 3,
    });
    const where = (code: string) => findingsOf(report, code).map((f) => `${f.file}#${f.pointer}`).sort();
    expect(where("coco-missing-image")).toEqual([
      "references.json#/annotations/1/image_id", "references.json#/annotations/3/image_id", "references.json#/annotations/4/image_id",
    ]);
    expect(findingsOf(report, "coco-missing-image").map((f) => f.message).sort()).toEqual([
      "annotation has no valid image_id (undefined); it is skipped",
      "image_id 2 is not among the images; the annotation is skipped", // image 2 was skipped: no file_name
      "image_id 99 is not among the images; the annotation is skipped",
    ]);
    expect(findingsOf(report, "coco-unknown-category")[0]).toMatchObject({
      pointer: "/annotations/2/category_id", message: "category_id 42 is not among the categories; the annotation is skipped",
    });
    expect(itemsOf(project).map((i) => [i.name, i.annotation.size, i.annotation.labels.length])).toEqual([
      ["a.jpg", { width: 8, height: 6 }, 1],
      ["c.jpg", { width: null, height: null }, 1],
    ]);
  });

  it("NaN, Infinity, negative and malformed boxes: the box is dropped; a box-only annotation with it", async () => {
    const { report, project } = await importCoco(bad("bbox.json"), {}, "none");
    expect(counts(report)).toEqual({ "coco-bbox-invalid": 6, "coco-annotation-empty": 5 });
    const msgs = findingsOf(report, "coco-bbox-invalid").map((f) => `${f.pointer} ${f.message}`);
    expect(msgs).toEqual([
      "/annotations/0/bbox `bbox` holds NaN or Infinity: [null,0,1,1]",
      "/annotations/1/bbox `bbox` has a negative width or height: [0,0,-1,2]",
      "/annotations/2/bbox `bbox` has a negative width or height: [0,0,-4,4]",
      "/annotations/3/bbox `bbox` must be [x, y, width, height]",
      "/annotations/4/bbox `bbox` holds NaN or Infinity: [1,2,null,3]",
      "/annotations/6/bbox `bbox` must be [x, y, width, height]",
    ]);
    // Annotation 3 keeps its polygon (the bad box is not kept); annotation 6 is a zero-size box, which is valid.
    expect(item(project, "a.jpg").annotation.labels.map(brief)).toEqual([
      { cls: "a", type: "polygon", tags: ["coco_id=3"], extra: undefined },
      { cls: "a", type: "rectangle", tags: ["coco_id=6"], extra: undefined },
    ]);
  });

  it("RLE of the wrong size (kept, warned), RLE that does not add up, bad characters, empty masks, bad polygon parts", async () => {
    const { report, project } = await importCoco(bad("segmentation.json"), {}, "none");
    expect(counts(report)).toEqual({
      "coco-rle-size": 1, "coco-rle-invalid": 2, "coco-rle-empty": 1, "coco-polygon-invalid": 2, "coco-polygon-degenerate": 1, "coco-segmentation-invalid": 1,
    });
    expect(findingsOf(report, "coco-rle-size")[0]).toMatchObject({
      pointer: "/annotations/0/segmentation/size",
      message: "RLE size 4×4 (h×w) differs from the image's 6×8; the mask is kept at its own size",
    });
    expect(findingsOf(report, "coco-rle-invalid").map((f) => f.message)).toEqual([
      "RLE counts cover 16 pixels, but size 6×8 has 48; the mask is skipped",
      'compressed RLE counts hold an invalid character " " at 1; the mask is skipped',
    ]);
    const labels = item(project, "a.jpg").annotation.labels;
    // Unusable masks fall back to the annotation's box; one valid polygon part survives of four.
    expect(labels.map((l) => `${l.tags[0].value}:${l.geometry.type}`)).toEqual(["1:bitmap", "2:rectangle", "3:rectangle", "4:rectangle", "5:polygon", "6:rectangle", "7:polygon"]);
    expect(labels[4].geometry).toEqual({ type: "polygon", exterior: [[5, 5], [7, 5], [7, 6]], interior: [] });
    expect(labels[4].extra).toEqual({ coco: { bbox: [0, 0, 7, 6] } });
    expect(labels[6].geometry).toEqual({ type: "polygon", exterior: [[0, 0], [2, 0], [2, 2]], interior: [] }); // a flat list is one part
  });

  it("duplicate image, category and annotation ids, and two images with one file name", async () => {
    const { report, project } = await importCoco(bad("duplicates.json"), {}, "none");
    expect(counts(report)).toEqual({
      "coco-duplicate-image-id": 1, "coco-duplicate-category-id": 1, "coco-category-id-conflict": 1,
      "coco-duplicate-annotation-id": 1, "coco-duplicate-file-name": 1,
    });
    expect(findingsOf(report, "coco-duplicate-annotation-id")[0]).toMatchObject({
      pointer: "/annotations/1",
      message: "annotation id 1 is used again (first in duplicates.json at /annotations/0); both are kept, export gives this one a new id",
    });
    expect(itemsOf(project).map((i) => [i.name, cocoImageOf(project, project.datasets[0].name, i.name).file_name, i.annotation.labels.length])).toEqual([
      ["a.jpg", "a.jpg", 1],
      ["a__2.jpg", "x/a.jpg", 1],
    ]);
  });

  it("keypoints: more points than names, visibility outside 0..2, a list that is not triples, a nameless category, a bad skeleton", async () => {
    const { report, project } = await importCoco(bad("keypoints.json"), {}, "none");
    expect(counts(report)).toEqual({ "coco-keypoints-count": 1, "coco-keypoints-visibility": 2, "coco-keypoints-invalid": 1, "coco-skeleton-invalid": 1 });
    expect(findingsOf(report, "coco-keypoints-visibility").map((f) => `${f.pointer} ${f.message}`)).toEqual([
      "/annotations/1/keypoints/2 keypoint 0 has visibility 5, not 0, 1 or 2; it is read as visible (2)",
      "/annotations/1/keypoints/5 keypoint 1 has visibility -1, not 0, 1 or 2; it is read as absent (0)",
    ]);
    expect(project.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual(["p:rectangle", "p_keypoints:graph", "q:rectangle", "q_keypoints:graph"]);
    // q names no keypoints: nodes "0".."n-1".
    expect(Object.keys((project.meta.classes[3].geometryConfig as any).nodes)).toEqual(["0", "1"]);
    expect((project.meta.classes[1].geometryConfig as any).edges).toEqual([{ src: "a", dst: "b", color: "#00FF00" }]);
    const g = item(project, "a.jpg").annotation.labels.map((l) => [l.classTitle, l.geometry.type === "graph" ? l.geometry.nodes : l.geometry.type]);
    expect(g).toEqual([
      ["p_keypoints", { a: { loc: [1, 1] }, b: { loc: [2, 2] } }],
      ["p_keypoints", { a: { loc: [1, 1] } }],
      ["p", "rectangle"],
      ["q_keypoints", { 0: { loc: [1, 1] }, 1: { loc: [3, 3], disabled: true } }],
    ]);
  });

  it("a folder without COCO files is an error that says what was looked for", async () => {
    try {
      await importCoco(path.join(FIXTURES, "coco/full/val"));
      throw new Error("no error");
    } catch (e) {
      expect((e as SlyconvError).code).toBe("coco-not-found");
      expect((e as Error).message).toMatch(/no COCO annotation file found/);
    }
  });
});
