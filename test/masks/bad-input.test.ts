import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SlyconvError } from "../../src/errors.js";
import { encodeGrayPng } from "../../src/codecs/png-encode.js";
import { tempDir } from "../helpers/paths.js";
import { photoPng, rgbPng } from "./fixture-data.js";
import { findingsOf, importMasks, itemsOf } from "./helpers.js";

/** A generic layout in a temp folder: images/<name> + masks/<stem>.png (+ extra files). */
function layout(files: Record<string, Buffer | string>): string {
  const dir = tempDir();
  for (const [rel, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  }
  return dir;
}

describe("masks import: bad input", () => {
  it("a mask whose size differs from its image: error, image kept without labels", async () => {
    const dir = layout({
      "classes.txt": "background\ncat\n",
      "images/a.png": photoPng(6, 4),
      "masks/a.png": encodeGrayPng(5, 4, new Uint8Array(20).fill(1)),
    });
    const { project, report } = await importMasks(dir);
    expect(findingsOf(report, "mask-size-mismatch")).toEqual([
      { message: "mask is 5×4 but its image a.png is 6×4; the mask is skipped", file: "masks/a.png", line: undefined },
    ]);
    expect(report.errorCount).toBe(1);
    expect(itemsOf(project)[0].annotation).toEqual({ size: { width: 6, height: 4 }, tags: [], labels: [] });
  });

  it("a colour not in the colour map: warning with the colour and its pixel count", async () => {
    const dir = layout({
      "colors.json": JSON.stringify({ road: [128, 64, 128] }),
      "images/a.png": photoPng(3, 1),
      "masks/a.png": rgbPng(3, 1, (x) => ([[128, 64, 128], [10, 20, 30], [10, 20, 30]] as [number, number, number][])[x]),
    });
    const { project, report } = await importMasks(dir, { classMap: path.join(dir, "colors.json") });
    expect(findingsOf(report, "mask-unknown-colour")).toEqual([{
      message: `colours not in the class map ${path.join(dir, "colors.json")}: (10, 20, 30) in 2 pixels; those pixels are left unlabelled`,
      file: "masks/a.png", line: undefined,
    }]);
    expect(itemsOf(project)[0].annotation.labels.map((l) => l.classTitle)).toEqual(["road"]);
  });

  it("an index not in the class list: warning with the value", async () => {
    const dir = layout({
      "classes.txt": "background\ncat\n",
      "images/a.png": photoPng(3, 1),
      "masks/a.png": encodeGrayPng(3, 1, Uint8Array.of(1, 7, 7)),
    });
    const { report } = await importMasks(dir);
    expect(findingsOf(report, "mask-unknown-value")).toEqual([
      { message: "values not in the class map classes.txt: 7 in 2 pixels; those pixels are left unlabelled", file: "masks/a.png", line: undefined },
    ]);
  });

  it("an unreadable PNG: error naming the file and the reason, image kept", async () => {
    const truncated = encodeGrayPng(3, 1, Uint8Array.of(1, 1, 1)).subarray(0, 40);
    const dir = layout({
      "classes.txt": "background\ncat\n",
      "images/a.png": photoPng(3, 1),
      "images/b.png": photoPng(3, 1),
      "masks/a.png": "this is not a png",
      "masks/b.png": truncated,
    });
    const { project, report } = await importMasks(dir);
    expect(findingsOf(report, "mask-unreadable")).toEqual([
      { message: "cannot read the mask: not a PNG file; the image is kept without it", file: "masks/a.png", line: undefined },
      { message: "cannot read the mask: not a readable PNG (the file is cut short: no IEND chunk); the image is kept without it", file: "masks/b.png", line: undefined },
    ]);
    expect(itemsOf(project).map((i) => [i.name, i.annotation.labels.length])).toEqual([["a.png", 0], ["b.png", 0]]);
  });

  it("a broken class map stops with its file and pointer", async () => {
    const dir = layout({
      "map.json": JSON.stringify({ cat: "orange" }),
      "images/a.png": photoPng(3, 1),
      "masks/a.png": encodeGrayPng(3, 1, Uint8Array.of(1, 1, 1)),
    });
    const err = await importMasks(dir, { classMap: path.join(dir, "map.json") }).catch((e) => e);
    expect(err).toBeInstanceOf(SlyconvError);
    expect(err.describe()).toBe(`${path.join(dir, "map.json")}#/cat: class "cat": expected a mask value, a list of values, [r, g, b], "#RRGGBB" or "__all__"`);
  });

  it("a folder with no masks layout says what it expected", async () => {
    const dir = layout({ "readme.txt": "nothing here" });
    const err = await importMasks(dir).catch((e) => e);
    expect(err.message).toBe(`no masks dataset in ${dir}: expected obj_class_to_machine_color.json with <dataset>/img/ and <dataset>/masks_machine/, or images/ and masks/ folders paired by file stem`);
  });

  it("an instance mask of another size is skipped with an error", async () => {
    const dir = layout({
      "obj_class_to_machine_color.json": JSON.stringify({ cat: [1, 1, 1] }),
      "ds/img/a.png": photoPng(3, 2),
      "ds/masks_instances/a/cat_1.png": encodeGrayPng(2, 2, Uint8Array.of(255, 0, 0, 0)),
    });
    const { report } = await importMasks(dir);
    expect(findingsOf(report, "mask-size-mismatch")).toEqual([
      { message: "instance mask is 2×2 but its image a.png is 3×2; the mask is skipped", file: "ds/masks_instances/a/cat_1.png", line: undefined },
    ]);
  });
});
