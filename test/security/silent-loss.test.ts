/**
 * Issue 18 point 6, silent loss, with the inputs the issue names: a dataset name starting with `.` (a links CSV
 * cell, `ImageSets/Main/.x.txt`, `instances_.x.json`, `--dataset ../x`) made a hidden folder slyconv's own reader
 * skipped; a legacy `a.json` beside `a.png.json` was ignored without a word; a 0-point polygon became
 * `segmentation: [[]]`; YOLO labels in pixels were taken without a warning; a UTF-16 `data.yaml` (PowerShell's `>`)
 * was read as no YAML. (VOC classes `a/b` and `a_b` sharing a list: test/security/data-errors.test.ts.)
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { exportProject, importDataset, readProject } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { iterateItems, type Dataset } from "../../src/model/index.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";

async function itemCount(datasets: Dataset[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const walk = async (list: Dataset[], prefix: string) => {
    for (const ds of list) {
      let n = 0;
      for await (const _ of iterateItems(ds.items)) n++;
      out[prefix + ds.name] = n;
      await walk(ds.datasets, `${prefix}${ds.name}/`);
    }
  };
  await walk(datasets, "");
  return out;
}

const renamed = (report: Report) => report.findings.filter((f) => f.code === "dataset-renamed").map((f) => f.message);

describe("dataset names starting with a dot become visible names, with a warning, and read back", () => {
  it("a links CSV cell `.x` and a nested `a/.b`", async () => {
    const dir = tempDir();
    const csv = path.join(dir, "list.csv");
    fs.writeFileSync(csv, "url,dataset\nhttps://img.example.org/1.jpg,.x\nhttps://img.example.org/2.jpg,a/.b\n");
    const report = new Report();
    await importDataset(csv, path.join(dir, "out"), { format: "links", report });
    expect(renamed(report)).toEqual([
      'dataset ".x" is written as "_x": a name starting with a dot is a hidden folder, which readers (slyconv\'s too) skip',
      'dataset ".b" (in a) is written as "_b": a name starting with a dot is a hidden folder, which readers (slyconv\'s too) skip',
    ]);
    expect(await itemCount((await readProject(path.join(dir, "out"))).datasets)).toEqual({ _x: 1, a: 0, "a/_b": 1 });
  });

  it("VOC ImageSets/Main/.x.txt", async () => {
    const dir = tempDir();
    fs.cpSync(path.join(FIXTURES, "voc/devkit"), path.join(dir, "voc"), { recursive: true });
    const main = path.join(dir, "voc/VOCdevkit/VOC2012/ImageSets/Main");
    fs.renameSync(path.join(main, "val.txt"), path.join(main, ".x.txt"));
    const report = new Report();
    await importDataset(path.join(dir, "voc"), path.join(dir, "out"), { format: "voc", report });
    expect(renamed(report)).toHaveLength(1);
    const counts = await itemCount((await readProject(path.join(dir, "out"))).datasets);
    expect(counts._x).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(dir, "out")).filter((n) => n.startsWith(".") && n !== ".slyconv-output")).toEqual([]);
  });

  it("COCO instances_.x.json, and --dataset ../x", async () => {
    const dir = tempDir();
    fs.cpSync(path.join(FIXTURES, "coco/full"), path.join(dir, "coco"), { recursive: true });
    for (const f of fs.readdirSync(path.join(dir, "coco/annotations"))) if (f !== "instances_val.json") fs.rmSync(path.join(dir, "coco/annotations", f));
    fs.renameSync(path.join(dir, "coco/annotations/instances_val.json"), path.join(dir, "coco/annotations/instances_.x.json"));
    const report = new Report();
    await importDataset(path.join(dir, "coco"), path.join(dir, "out"), { format: "coco", report });
    expect(renamed(report)).toEqual(['dataset ".x" is written as "_x": a name starting with a dot is a hidden folder, which readers (slyconv\'s too) skip']);
    const counts = await itemCount((await readProject(path.join(dir, "out"))).datasets);
    expect(Object.keys(counts).every((n) => !n.startsWith("."))).toBe(true);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(3);

    const report2 = new Report();
    await importDataset(path.join(FIXTURES, "coco/full"), path.join(dir, "out2"), { format: "coco", report: report2, formatOptions: { dataset: "../x" } });
    expect(renamed(report2)).toHaveLength(1);
    expect(renamed(report2)[0]).toMatch(/^dataset "\.\._x" is written as "_\._x"/);
    expect(fs.readdirSync(path.join(dir, "out2")).filter((n) => n.startsWith("_._x"))).not.toEqual([]);
  });
});

describe("a legacy a.json beside a.png.json", () => {
  it("a.png.json is read, a.json is reported (annotation-duplicate), whichever the listing gives first", async () => {
    const dir = tempDir();
    const project = path.join(dir, "p");
    fs.cpSync(path.join(FIXTURES, "supervisely/canonical"), project, { recursive: true });
    const ann = path.join(project, "ds1/ann");
    fs.writeFileSync(path.join(ann, "a.json"), JSON.stringify({ size: { height: 1, width: 1 }, tags: [], objects: [] }));
    const report = new Report();
    const read = await readProject(project, { report });
    const a = (await (async () => { for await (const i of iterateItems(read.datasets[0].items)) if (i.name === "a.png") return i; })())!;
    expect(a.annotation.size).not.toEqual({ width: 1, height: 1 });
    expect(report.findings.filter((f) => f.code === "annotation-duplicate")).toEqual([expect.objectContaining({
      severity: "warning", file: "ds1/ann/a.json",
      message: 'a.json and a.png.json both annotate item "a.png"; a.png.json is read and a.json is not: merge them, or remove one',
    })]);
  });
});

describe("a 0-point polygon exported to COCO", () => {
  it("is counted as lost, never written as segmentation [[]] (nor a 2-point one)", async () => {
    const dir = tempDir();
    const project = path.join(dir, "p");
    fs.mkdirSync(path.join(project, "ds/ann"), { recursive: true });
    fs.writeFileSync(path.join(project, "meta.json"), JSON.stringify({ classes: [{ title: "p", shape: "polygon", color: "#FF0000" }], tags: [] }));
    const poly = (exterior: number[][]) => ({ classTitle: "p", tags: [], points: { exterior, interior: [] } });
    fs.writeFileSync(path.join(project, "ds/ann/a.png.json"), JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [poly([]), poly([[1, 1], [2, 2]]), poly([[1, 1], [5, 1], [5, 5]])] }));
    const report = new Report();
    await exportProject(project, path.join(dir, "coco"), { format: "coco", report });
    const file = fs.readdirSync(path.join(dir, "coco"), { recursive: true }).map(String).find((f) => f.endsWith(".json"))!;
    const coco = JSON.parse(fs.readFileSync(path.join(dir, "coco", file), "utf8"));
    expect(coco.annotations.map((a: { segmentation: unknown }) => a.segmentation)).toEqual([[[1, 1, 5, 1, 5, 5]]]);
    expect(report.lossEntries).toEqual([
      { className: "p", what: "polygon", reason: "a polygon of 0 points has no area (COCO polygons need 3 or more)", count: 1 },
      { className: "p", what: "polygon", reason: "a polygon of 2 points has no area (COCO polygons need 3 or more)", count: 1 },
    ]);
  });
});

describe("YOLO", () => {
  function yoloCopy(): string {
    const dir = path.join(tempDir(), "yolo");
    fs.cpSync(path.join(FIXTURES, "yolo/detect"), dir, { recursive: true });
    return dir;
  }

  it("labels in pixels (values above 1) are imported with a warning per file naming the first line", async () => {
    const dir = yoloCopy();
    const label = path.join(dir, "labels/train/b.txt");
    fs.writeFileSync(label, "0 150 120 40 30\n0 0.5 0.5 0.2 0.2\n1 80 60 10 10\n");
    const report = new Report();
    await importDataset(dir, path.join(path.dirname(dir), "out"), { format: "yolo", report });
    expect(report.findings.filter((f) => f.code === "yolo-not-normalised")).toEqual([expect.objectContaining({
      severity: "warning", file: "labels/train/b.txt", line: 1,
      message: "2 of 3 labels hold coordinates above 1 (150 on line 1): YOLO coordinates are fractions of the image size, these look like pixels; they are read as fractions, so they lie outside the image",
    })]);
  });

  for (const [what, bom, encode] of [
    ["UTF-16 LE with a BOM (PowerShell's >)", [0xff, 0xfe], (t: string) => Buffer.from(t, "utf16le")],
    ["UTF-16 BE with a BOM", [0xfe, 0xff], (t: string) => Buffer.from(t, "utf16le").swap16()],
    ["UTF-8 with a BOM", [0xef, 0xbb, 0xbf], (t: string) => Buffer.from(t, "utf8")],
  ] as const) {
    it(`a data.yaml in ${what}: its names are read (was: treated as absent)`, async () => {
      const dir = yoloCopy();
      const yaml = fs.readFileSync(path.join(dir, "data.yaml"), "utf8").replace(/\n/g, "\r\n");
      fs.writeFileSync(path.join(dir, "data.yaml"), Buffer.concat([Buffer.from(bom), encode(yaml)]));
      const report = new Report();
      await importDataset(dir, path.join(path.dirname(dir), "out"), { format: "yolo", report });
      expect(report.findings.map((f) => f.code)).not.toContain("yolo-no-names");
      const meta = JSON.parse(fs.readFileSync(path.join(path.dirname(dir), "out/meta.json"), "utf8"));
      expect(meta.classes.map((c: { title: string }) => c.title)).toEqual(["cat", "dog", "traffic light"]);
    });
  }
});
