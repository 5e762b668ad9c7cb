import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";

const DEMO = path.join(FIXTURES, "demo/coco-sample");

describe("the library API, imported by package name as the README shows", () => {
  it("detects, imports, reads, validates and exports the demo sample", async () => {
    // Resolved through package.json "exports" (self-reference), i.e. what `import … from "slyconv"` gives users.
    const api = await import("slyconv");
    const { format, confidence } = await api.detectFormat(DEMO);
    expect([format, confidence]).toEqual(["coco", 0.9]);
    const work = tempDir();
    const project = path.join(work, "project");
    const imported = await api.importDataset(DEMO, project, { format });
    expect(imported.items).toBe(3);
    const model = await api.materializeProject(await api.readProject(project));
    const labels = model.datasets.flatMap((d) => (d.items as import("slyconv").Item[]).flatMap((i) => i.annotation.labels));
    expect(labels.map((l) => `${l.classTitle}:${l.geometry.type}`).sort()).toEqual([
      "car:polygon", "car:rectangle", "person_keypoints:graph", "tree:bitmap", "tree:polygon",
    ]);
    const { report } = await api.validateProject(project);
    expect(report.errorCount).toBe(0);
    await api.exportProject(project, path.join(work, "yolo"), { format: "yolo", formatOptions: { task: "detect" } });
    const street = fs.readFileSync(path.join(work, "yolo/labels/demo/street.txt"), "utf8").trim().split("\n");
    // car boxes: COCO [4,20,24,14] and the polygon's box [34,22,20,12] on a 64×48 image.
    expect(street.sort()).toEqual(["0 0.250000 0.562500 0.375000 0.291667", "0 0.687500 0.583333 0.312500 0.250000"]);
  });
});

describe("detect and convert from the command line", () => {
  it("two strong candidates are an error that lists both", async () => {
    const dir = tempDir();
    fs.cpSync(path.join(FIXTURES, "yolo/detect"), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "Annotations"));
    fs.writeFileSync(path.join(dir, "Annotations/x.xml"), "<annotation><filename>x.jpg</filename></annotation>");
    const r = await runCli(["detect", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/looks like several formats: voc \(0\.90: Annotations\/x\.xml\); yolo \(0\.\d+: .*data\.yaml.*\); pass -f to choose \[format-ambiguous\]/);
    const imp = await runCli(["import", dir, path.join(tempDir(), "o")]);
    expect(imp.code).toBe(1);
    expect(imp.stderr).toContain("format-ambiguous");
  });

  it("convert goes straight from COCO to VOC with a JSON summary", async () => {
    const out = path.join(tempDir(), "voc");
    const r = await runCli(["--json", "convert", DEMO, out, "--to", "voc"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ command: "convert", from: "coco", to: "voc", errors: 0 });
    expect(s.labelsPerClass).toEqual({ car: 2, tree: 2, person_keypoints: 1 });
    // VOC cannot hold keypoints (lost), and polygons become mask pixels (changed): counted, not dropped silently.
    const entries = (list: { className: string; what: string; count: number }[]) => list.map((l) => `${l.className}:${l.what}:${l.count}`).sort();
    expect(entries(s.lossy)).toEqual(["person_keypoints:graph:1"]);
    expect(entries(s.changed)).toEqual(["car:polygon:1", "tree:polygon:1"]);
    const xml = fs.readFileSync(path.join(out, "Annotations/street.xml"), "utf8");
    expect(xml).toContain("<xmin>4</xmin>");
    expect(xml).toContain("<xmax>28</xmax>");
    expect(fs.readdirSync(path.join(out, "SegmentationObject")).sort()).toEqual(["park.png", "street.png"]);
  });
});
