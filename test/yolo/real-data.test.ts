/**
 * The YOLO cases of ../shared/real-data (never copied into the project), checked against the independent facts in
 * expected.json and, for the CVAT VOC 2012 sample, against the same task's VOC export.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { importDataset, readProject } from "../../src/api.js";
import { materializeProject, type Item, type Project, type RectangleGeometry } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { HAVE_REAL_DATA, REAL_DATA_SKIP_MESSAGE, expectedFacts, realData, tempDir } from "../helpers/paths.js";
import { itemsOf, readAll } from "./helpers.js";

if (!HAVE_REAL_DATA) console.warn(`yolo: ${REAL_DATA_SKIP_MESSAGE}`);

function perClass(p: Project): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ds of p.datasets) for (const it of ds.items as Item[]) for (const l of it.annotation.labels) out[l.classTitle] = (out[l.classTitle] ?? 0) + 1;
  return out;
}

describe.skipIf(!HAVE_REAL_DATA)("real data: labelstudio-yolo-importfixture (classes.txt + images/ + labels/, CRLF)", () => {
  const facts = () => expectedFacts()["labelstudio-yolo-importfixture"];

  it("reads 4 classes in classes.txt order and 7 images with their header sizes", async () => {
    const f = facts();
    const p = await readAll(realData("labelstudio-yolo-importfixture"));
    expect(p.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual(f.classes_txt.map((n: string) => `${n}:rectangle`));
    const items = itemsOf(p, "train");
    expect(items).toHaveLength(7);
    for (const [file, [w, h]] of Object.entries(f.image_files as Record<string, [number, number]>)) {
      const item = items.find((i) => i.name === path.basename(file))!;
      expect(item.annotation.size, file).toEqual({ width: w, height: h });
    }
    expect(perClass(p)).toEqual(f.objects_per_class);
    expect(Object.values(perClass(p)).reduce((a, b) => a + b, 0)).toBe(25);
  });

  it("gives the absolute boxes of expected.json (e.g. img_1 bus [10, 9, 627, 295]), label by label", async () => {
    const boxes = facts()["absolute_boxes_xyxy_px (xc-w/2)*W etc, not rounded to ints"] as Record<string, [string, number, number, number, number][]>;
    const items = itemsOf(await readAll(realData("labelstudio-yolo-importfixture")), "train");
    expect(items.find((i) => i.name === "img_1.jpg")!.annotation.labels[0]).toMatchObject({ classTitle: "bus", geometry: { type: "rectangle", left: 10, top: 9, right: 627, bottom: 295 } });
    for (const [stem, expected] of Object.entries(boxes)) {
      const item = items.find((i) => i.name.startsWith(`${stem}.`))!;
      const got = item.annotation.labels.map((l) => {
        const g = l.geometry as RectangleGeometry;
        return [l.classTitle, g.left, g.top, g.right, g.bottom];
      });
      expect(got.length, stem).toBe(expected.length);
      got.forEach((row, i) => {
        expect(row[0]).toBe(expected[i][0]);
        for (let k = 1; k < 5; k++) expect(Math.abs((row[k] as number) - expected[i][k]), `${stem} #${i} value ${k}`).toBeLessThan(1e-9);
      });
    }
  });
});

describe.skipIf(!HAVE_REAL_DATA)("real data: cvat-yolo-indoor-zip (a .zip of CVAT 'YOLO 1.1', no images)", () => {
  const zip = () => realData("cvat-yolo-indoor-zip", "Yolo (1).zip");
  const facts = () => expectedFacts()["cvat-yolo-indoor-zip"];

  it("is detected inside the archive and, with --image-size, reads 25 items (22 empty), 15 classes, 5 boxes", async () => {
    const f = facts();
    const out = path.join(tempDir(), "project");
    const report = new Report();
    const r = await importDataset(zip(), out, { formatOptions: { imageSize: "1000x500" }, report });
    expect(r.format).toBe("yolo");
    const p = await materializeProject(await readProject(out));
    expect(p.meta.classes.map((c) => c.title)).toEqual(f.obj_names);
    const items = itemsOf(p, "train");
    expect(items).toHaveLength(f.train_txt_entries);
    expect(items.filter((i) => i.annotation.labels.length === 0)).toHaveLength(f.empty_label_files);
    for (const [file, n] of Object.entries(f.lines_per_file as Record<string, number>)) {
      const name = path.basename(file, ".txt") + ".jpg";
      expect(items.find((i) => i.name === name)!.annotation.labels, name).toHaveLength(n);
    }
    expect(perClass(p)).toEqual(f.objects_per_class);
    // train.txt names the images: item names end in .jpg although no image is in the archive.
    expect(items.every((i) => i.name.endsWith(".jpg") && !fs.existsSync(path.join(out, "train/img", i.name)))).toBe(true);
    // Every box is in pixels of the given size.
    for (const l of items.flatMap((i) => i.annotation.labels)) {
      const g = l.geometry as RectangleGeometry;
      expect(g.left >= 0 && g.right <= 1000 && g.top >= 0 && g.bottom <= 500 && g.left < g.right && g.top < g.bottom).toBe(true);
    }
  });

  it("without a size for the 3 label files that have boxes, stops and says how to give one", async () => {
    await expect(importDataset(zip(), path.join(tempDir(), "p"), { format: "yolo" })).rejects.toThrow(/cannot become pixels; pass `sizesFrom`/);
  });
});

describe.skipIf(!HAVE_REAL_DATA)("real data: cvat-yolo-voc2012 (Darknet layout, sizes from the CVAT VOC export)", () => {
  const vocDir = () => realData("cvat-voc-voc2012", "imagenet_format", "Annotations");

  it("reads 100 items in train.txt order with 273 boxes in the 20 classes of obj.names", async () => {
    const f = expectedFacts()["cvat-yolo-voc2012"];
    const p = await readAll(realData("cvat-yolo-voc2012"), { sizesFrom: vocDir() });
    expect(p.meta.classes.map((c) => c.title)).toEqual(f.obj_names);
    const items = itemsOf(p, "train");
    expect(items).toHaveLength(100);
    expect(items.slice(0, 2).map((i) => i.name)).toEqual(f.train_txt_first.map((e: string) => path.basename(e)));
    expect(perClass(p)).toEqual(f.objects_per_class);
    for (const [file, n] of Object.entries(f.lines_per_file as Record<string, number>)) {
      expect(items.find((i) => i.name === `${path.basename(file, ".txt")}.jpg`)!.annotation.labels, file).toHaveLength(n);
    }
  });

  it("denormalised with the VOC sizes, matches the VOC boxes in file order within 0.0003 px (rounded)", async () => {
    const items = itemsOf(await readAll(realData("cvat-yolo-voc2012"), { sizesFrom: vocDir() }), "train");
    let compared = 0, worst = 0;
    for (const xmlFile of fs.readdirSync(vocDir()).filter((f) => f.endsWith(".xml"))) {
      const xml = fs.readFileSync(path.join(vocDir(), xmlFile), "utf8");
      const num = (s: string, tag: string) => Number(new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(s)![1]);
      const size = /<size>([\s\S]*?)<\/size>/.exec(xml)![1];
      const objects = [...xml.matchAll(/<object>([\s\S]*?)<\/object>/g)].map((m) => ({
        name: /<name>([^<]*)<\/name>/.exec(m[1])![1],
        box: [num(m[1], "xmin"), num(m[1], "ymin"), num(m[1], "xmax"), num(m[1], "ymax")],
      }));
      const item = items.find((i) => i.name === xmlFile.replace(/\.xml$/, ".jpg"))!;
      expect(item.annotation.size).toEqual({ width: num(size, "width"), height: num(size, "height") });
      expect(item.annotation.labels.map((l) => l.classTitle)).toEqual(objects.map((o) => o.name));
      item.annotation.labels.forEach((l, i) => {
        const g = l.geometry as RectangleGeometry;
        [g.left, g.top, g.right, g.bottom].forEach((v, k) => (worst = Math.max(worst, Math.abs(v - objects[i].box[k]))));
        compared++;
      });
    }
    expect(compared).toBe(273);
    // expected.json's 0.0003 is rounded: the largest gap is 0.0003175 px (2007_000733, six-decimal ymin × 435).
    expect(worst).toBeCloseTo(expectedFacts()["cvat-yolo-voc2012"].cross_check_vs_cvat_voc.max_abs_deviation_px, 4);
    expect(worst).toBeLessThan(0.00032);
  });
});
