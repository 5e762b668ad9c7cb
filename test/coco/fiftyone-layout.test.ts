/** FiftyOne's COCO export (`data/` + `labels.json`): the images are found in data/ without --images-dir. */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { importCoco, itemsOf, readJson } from "./helpers.js";

describe("FiftyOne COCO export layout", () => {
  it("labels.json beside data/: images found there, the dataset named after the export folder, no warning", async () => {
    const root = path.join(tempDir(), "fo-export");
    fs.mkdirSync(path.join(root, "data"), { recursive: true });
    const src = readJson(path.join(FIXTURES, "coco/full/annotations/instances_val.json"));
    // FiftyOne writes file_name as the image's name in data/.
    const images = src.images.filter((i: any) => i.file_name === "a.png");
    fs.writeFileSync(path.join(root, "labels.json"), JSON.stringify({ ...src, images, annotations: src.annotations.filter((a: any) => a.image_id === images[0].id) }));
    fs.copyFileSync(path.join(FIXTURES, "coco/full/val/a.png"), path.join(root, "data/a.png"));
    const { project, report } = await importCoco(root);
    expect(project.datasets.map((d) => d.name)).toEqual(["fo-export"]);
    const [item] = itemsOf(project);
    // Copied into the project from data/.
    expect(item.image?.kind).toBe("file");
    expect(fs.readFileSync((item.image as { path: string }).path).equals(fs.readFileSync(path.join(root, "data/a.png")))).toBe(true);
    expect(item.annotation.labels.length).toBe(4);
    expect(report.warningCount).toBe(0);
  });
});
