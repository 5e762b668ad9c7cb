/** COCO's own folder layout with two splits, and --dataset putting them together. */
import { describe, expect, it, beforeAll } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { cocoImageOf, findingsOf, imageEntry, importCoco, itemsOf, readJson } from "./helpers.js";

let root: string;
beforeAll(() => {
  // coco/annotations/instances_{train,val}.json, coco/train/a.png, coco/val/a.png (same name in both splits).
  root = path.join(tempDir("slyconv-coco-layout-"), "coco");
  const src = readJson(path.join(FIXTURES, "coco/full/annotations/instances_val.json"));
  fs.mkdirSync(path.join(root, "annotations"), { recursive: true });
  for (const split of ["train", "val"]) {
    const images = src.images.filter((i: any) => i.file_name === "a.png");
    const anns = src.annotations.filter((a: any) => a.image_id === 1);
    fs.writeFileSync(path.join(root, "annotations", `instances_${split}.json`), JSON.stringify({ ...src, images, annotations: anns }));
    fs.mkdirSync(path.join(root, split));
    fs.copyFileSync(path.join(FIXTURES, "coco/full/val/a.png"), path.join(root, split, "a.png"));
  }
});

describe("COCO folder layout", () => {
  it("one dataset per split, images found in <split>/ beside annotations/", async () => {
    const { project, report } = await importCoco(root);
    expect(project.datasets.map((d) => d.name)).toEqual(["train", "val"]);
    for (const i of [0, 1]) {
      const [item] = itemsOf(project, i);
      expect(item.name).toBe("a.png");
      expect(item.image?.kind).toBe("file");
      expect(item.annotation.labels.length).toBe(4);
    }
    expect(report.warningCount).toBe(0);
  });

  it("--dataset puts both splits into one dataset; the second a.png is renamed, its file_name kept", async () => {
    const { project, report } = await importCoco(root, { dataset: "all" });
    expect(project.datasets.map((d) => d.name)).toEqual(["all"]);
    expect(itemsOf(project).map((i) => [i.name, cocoImageOf(project, "all", i.name).file_name])).toEqual([["a.png", "a.png"], ["a__1.png", "a.png"]]);
    // The renamed item keeps its file_name in the images table; the other's is its name.
    const rest = { license: 1, date_captured: "2024-01-02 03:04:05" };
    expect(imageEntry(project, "all", "a__1.png")).toEqual({ id: 1, file_name: "a.png", ...rest });
    expect(imageEntry(project, "all", "a.png")).toEqual({ id: 1, ...rest });
    expect(findingsOf(report, "coco-duplicate-file-name").length).toBe(1);
  });
});
