import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { writeDataset } from "../../src/api.js";
import type { Item, Label, Project } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass, ensureTagMeta } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { listFiles, tempDir } from "../helpers/paths.js";
import { photoPng } from "./fixture-data.js";
import { colourGrid, importMasks, itemsOf, maskGrid, summary } from "./helpers.js";

const rect = (classTitle: string, left: number, top: number, right: number, bottom: number, tags: Label["tags"] = []): Label => ({
  classTitle, geometry: { type: "rectangle", left, top, right, bottom }, tags,
});

function project(imageFile?: string): Project {
  const meta = emptyProjectMeta();
  ensureClass(meta, "big", "rectangle", { color: "#FF0000" });
  ensureClass(meta, "small", "polygon", { color: "#00FF00" });
  ensureClass(meta, "pose", "graph", { color: "#0000FF" });
  ensureTagMeta(meta, "day", "none");
  const item: Item = {
    name: "scene.png",
    ...(imageFile ? { image: { kind: "file", path: imageFile } as const } : {}),
    annotation: {
      size: { width: 6, height: 4 },
      tags: [{ name: "day" }],
      labels: [
        // Listed small first: the rendering order (descending area) still puts it on top of big.
        { classTitle: "small", geometry: { type: "polygon", exterior: [[2, 1], [3, 1], [3, 2], [2, 2]], interior: [] }, tags: [{ name: "day" }] },
        rect("big", 0, 0, 4, 3),
        { classTitle: "pose", geometry: { type: "graph", nodes: { a: { loc: [1, 1] } } }, tags: [] },
        rect("small", 5, 0, 5, 0),
      ],
    },
  };
  return { meta, datasets: [{ name: "ds", items: [item], datasets: [] }] };
}

describe("masks export", () => {
  it("writes machine, colour and instance masks, the class maps, and counts what masks cannot hold", async () => {
    const out = path.join(tempDir(), "out");
    const report = new Report();
    await writeDataset(project(), out, { format: "masks", report });
    expect(listFiles(out)).toEqual([
      "ds/masks_instances/scene/big_1.png",
      "ds/masks_instances/scene/small_1.png",
      "ds/masks_instances/scene/small_2.png",
      "ds/masks_machine/scene.png",
      "ds/masks_semantic_rgb/scene.png",
      "obj_class_to_machine_color.json",
      "obj_class_to_semantic_color.json",
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(out, "obj_class_to_machine_color.json"), "utf8"))).toEqual({ big: [1, 1, 1], small: [2, 2, 2], pose: [3, 3, 3] });
    expect(JSON.parse(fs.readFileSync(path.join(out, "obj_class_to_semantic_color.json"), "utf8"))).toEqual({ big: [255, 0, 0], small: [0, 255, 0], pose: [0, 0, 255] });
    expect(maskGrid(path.join(out, "ds/masks_machine/scene.png"))).toEqual([
      [1, 1, 1, 1, 1, 2],
      [1, 1, 2, 2, 1, 0],
      [1, 1, 2, 2, 1, 0],
      [1, 1, 1, 1, 1, 0],
    ]);
    const R = "255,0,0", G = "0,255,0", K = "0,0,0";
    expect(colourGrid(path.join(out, "ds/masks_semantic_rgb/scene.png"))).toEqual([
      [R, R, R, R, R, G], [R, R, G, G, R, K], [R, R, G, G, R, K], [R, R, R, R, R, K],
    ]);
    expect(maskGrid(path.join(out, "ds/masks_instances/scene/small_1.png"))).toEqual([
      [0, 0, 0, 0, 0, 0], [0, 0, 255, 255, 0, 0], [0, 0, 255, 255, 0, 0], [0, 0, 0, 0, 0, 0],
    ]);
    expect(report.lossEntries).toEqual([
      { className: "small", what: "tag day", reason: "masks hold no tags", count: 1 },
      { className: "(image)", what: "tag day", reason: "masks hold no tags", count: 1 },
      { className: "pose", what: "graph", reason: "masks cannot hold it (no area to draw)", count: 1 },
    ]);
  });

  it("copies images and draws --overlay with sharp: image | 50 % colour overlay", async () => {
    const dir = tempDir();
    const img = path.join(dir, "scene.png");
    fs.writeFileSync(img, photoPng(6, 4));
    const out = path.join(dir, "out");
    await writeDataset(project(img), out, { format: "masks", formatOptions: { overlay: true }, report: new Report() });
    expect(fs.readFileSync(path.join(out, "ds/img/scene.png")).equals(fs.readFileSync(img))).toBe(true);
    const { data, info } = await sharp(path.join(out, "ds/masks_human/scene.png")).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([12, 4, 3]);
    const px = (x: number, y: number) => [...data.subarray((y * 12 + x) * 3, (y * 12 + x) * 3 + 3)];
    // Left half is the photo (pixel (0,0) = [40, 60, 90]); right half blends it with red at 128/255.
    expect(px(0, 0)).toEqual([40, 60, 90]);
    const blend = (a: number, b: number) => Math.round(a + ((b - a) * 128) / 255);
    expect(px(6, 0).every((v, i) => Math.abs(v - blend([40, 60, 90][i], [255, 0, 0][i])) <= 1)).toBe(true);
    // (5, 3) is background: unchanged.
    expect(px(11, 3)).toEqual(px(5, 3));
  });

  it("names masks by stem, and by full name when two images share a stem; reading pairs them back", async () => {
    const dir = tempDir();
    const meta = emptyProjectMeta();
    ensureClass(meta, "thing", "rectangle");
    const items: Item[] = ["a.jpg", "a.png"].map((name, i) => ({
      name, annotation: { size: { width: 3, height: 2 }, tags: [], labels: [rect("thing", i, 0, i, 0)] },
    }));
    const out = path.join(dir, "out");
    const report = new Report();
    await writeDataset({ meta, datasets: [{ name: "ds", items, datasets: [] }] }, out, { format: "masks", report });
    expect(listFiles(path.join(out, "ds", "masks_machine"))).toEqual(["a.png", "a.png.png"]);
    expect(report.findings.find((f) => f.code === "mask-name-collision")?.message).toBe('another image has the stem "a": its masks are named "a.png.png"');
    // Give the export images so that it reads back as a dataset.
    fs.mkdirSync(path.join(out, "ds", "img"));
    for (const n of ["a.jpg", "a.png"]) fs.writeFileSync(path.join(out, "ds", "img", n), photoPng(3, 2));
    const back = itemsOf((await importMasks(out)).project);
    expect(back.map((i) => [i.name, summary(i)[0].px])).toEqual([["a.jpg", ["0,0"]], ["a.png", ["1,0"]]]);
  });

  it("keeps class indices from the project's obj_class_to_machine_color.json and --class-map", async () => {
    const p = project();
    p.sideFiles = { "obj_class_to_machine_color.json": { small: [7, 7, 7], big: 3 } };
    const out = path.join(tempDir(), "out");
    await writeDataset(p, out, { format: "masks", report: new Report() });
    expect(JSON.parse(fs.readFileSync(path.join(out, "obj_class_to_machine_color.json"), "utf8"))).toEqual({ big: [3, 3, 3], small: [7, 7, 7], pose: [1, 1, 1] });
    expect(maskGrid(path.join(out, "ds/masks_machine/scene.png"))[1]).toEqual([3, 3, 7, 7, 3, 0]);

    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "classes.txt"), "background\npose\nsmall\nbig\n");
    const out2 = path.join(dir, "out");
    await writeDataset(project(), out2, { format: "masks", formatOptions: { classMap: path.join(dir, "classes.txt") }, report: new Report() });
    expect(maskGrid(path.join(out2, "ds/masks_machine/scene.png"))[1]).toEqual([3, 3, 2, 2, 3, 0]);
  });

  it("an item of unknown size gets no mask and its labels are counted", async () => {
    const p = project();
    (p.datasets[0].items as Item[])[0].annotation.size = { width: null, height: null };
    const report = new Report();
    await writeDataset(p, path.join(tempDir(), "out"), { format: "masks", report });
    expect(report.findings.map((f) => [f.code, f.message, f.file])).toEqual([
      ["mask-size-unknown", "the image size is unknown (no size in the annotation, no readable image): no mask written", "ds/scene.png"],
    ]);
    expect(report.lossEntries.filter((l) => l.reason === "the image size is unknown").map((l) => [l.className, l.count])).toEqual([["small", 1], ["big", 1], ["pose", 1], ["small", 1]]);
  });
});
