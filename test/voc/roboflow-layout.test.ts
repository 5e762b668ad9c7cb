/**
 * Roboflow's Pascal VOC export: train/, valid/, test/ side by side, each holding <id>.xml beside <id>.jpg (no
 * Annotations/ or ImageSets/). Each split folder is a dataset named after it.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset, detectFormat, readDataset } from "../../src/api.js";
import { materializeProject, type Item } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { HAVE_REAL_DATA, expectedFacts, realData, tempDir } from "../helpers/paths.js";
import { listIds } from "./voc-compare.js";

const xml = (id: string, cls: string) => `<annotation><folder></folder><filename>${id}.jpg</filename><size><width>10</width><height>8</height><depth>3</depth></size>` +
  `<object><name>${cls}</name><pose>Unspecified</pose><truncated>0</truncated><difficult>0</difficult><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>5</xmax><ymax>6</ymax></bndbox></object></annotation>`;

async function datasetsOf(input: string) {
  const project = await materializeProject((await readDataset(input, { report: new Report() })).project);
  return project.datasets.map((d) => [d.name, (d.items as Item[]).map((i) => `${i.name}:${i.annotation.labels.map((l) => l.classTitle).join(",")}`)]);
}

describe("Roboflow Pascal VOC export layout", () => {
  it("train/, valid/, test/ of flat XML files: one dataset per split folder, in split order, detected as VOC", async () => {
    const root = path.join(tempDir(), "roboflow-voc");
    for (const [split, id, cls] of [["test", "c", "dog"], ["train", "a", "cat"], ["valid", "b", "cat"]]) {
      fs.mkdirSync(path.join(root, split), { recursive: true });
      fs.writeFileSync(path.join(root, split, `${id}.xml`), xml(id, cls));
    }
    fs.writeFileSync(path.join(root, "README.roboflow.txt"), "exported from roboflow\n");
    expect((await detectFormat(root)).format).toBe("voc");
    expect(await datasetsOf(root)).toEqual([["train", ["a.jpg:cat"]], ["valid", ["b.jpg:cat"]], ["test", ["c.jpg:dog"]]]);
  });

  it("a single train/ folder is a split too; a single other folder is looked through as a wrapper", async () => {
    const one = path.join(tempDir(), "one");
    fs.mkdirSync(path.join(one, "train"), { recursive: true });
    fs.writeFileSync(path.join(one, "train/a.xml"), xml("a", "cat"));
    expect(await datasetsOf(one)).toEqual([["train", ["a.jpg:cat"]]]);
    const wrapped = path.join(tempDir(), "wrapped");
    fs.mkdirSync(path.join(wrapped, "export"), { recursive: true });
    fs.writeFileSync(path.join(wrapped, "export/a.xml"), xml("a", "cat"));
    expect(await datasetsOf(wrapped)).toEqual([["unlisted", ["a.jpg:cat"]]]);
  });

  it.skipIf(!HAVE_REAL_DATA)("the real labelme VOC files laid out as Roboflow exports them: splits, images beside, VOC export lists them", async () => {
    const src = realData("labelme-voc-bbox");
    const root = path.join(tempDir(), "rf");
    const splits: Record<string, string> = { train: "2011_000003", valid: "2011_000006", test: "2011_000025" };
    for (const [split, id] of Object.entries(splits)) {
      fs.mkdirSync(path.join(root, split), { recursive: true });
      fs.copyFileSync(path.join(src, "Annotations", `${id}.xml`), path.join(root, split, `${id}.xml`));
      fs.copyFileSync(path.join(src, "JPEGImages", `${id}.jpg`), path.join(root, split, `${id}.jpg`));
    }
    const { project } = await readDataset(root, { report: new Report() });
    const p = await materializeProject(project);
    expect(p.datasets.map((d) => d.name)).toEqual(["train", "valid", "test"]);
    const items = p.datasets.flatMap((d) => d.items as Item[]);
    expect(items.every((i) => i.image?.kind === "file")).toBe(true);
    const perClass: Record<string, number> = {};
    for (const l of items.flatMap((i) => i.annotation.labels)) perClass[l.classTitle] = (perClass[l.classTitle] ?? 0) + 1;
    expect(perClass).toEqual(expectedFacts()["labelme-voc-bbox"].objects_per_class);
    const out = path.join(tempDir(), "voc");
    await convertDataset(root, out, { to: "voc", report: new Report() });
    for (const [split, id] of Object.entries(splits)) expect(listIds(path.join(out, "ImageSets/Main", `${split}.txt`))).toEqual([id]);
  });
});
