/**
 * Issue 18: an item's vertices (holes included, --max-vertices / SLYCONV_MAX_VERTICES) and labels (--max-labels) are
 * counted before the annotation is parsed wherever a reader can see them in the bytes: a Supervisely annotation and a
 * VOC XML from their text, a COCO image from its rows in the first pass (an oversized row from its bytes). Parsed
 * first, a compact 133 MB annotation of 13.3 million vertices took 2 GB. The limits are lowered here so that the
 * files stay small; vertex-limits.slow.test.ts has the full-size cases with their peak memory.
 */
import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { SHARE_ENV, Worker } from "node:worker_threads";
import { REPO_ROOT, tempDir } from "../helpers/paths.js";
import { assertDistFresh, runCli } from "../helpers/cli.js";
import { onEveryReaderPath } from "../helpers/coco-reader-paths.js";
import { cocoPolygons, superviselyPolygons, vocObjects } from "../helpers/huge-inputs.js";
import { readDataset, writeDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { emptyProjectMeta, ensureClass, materializeProject, type Project } from "../../src/model/index.js";
import { planAnnotation, type CategoryMapping } from "../../formats/coco/annotation.js";
import { rowVertices } from "../../formats/coco/row-vertices.js";
import type { ReadReply, ReadRequest } from "../../formats/supervisely/read-worker.js";

const overVertices = (holds: string, n: number) => `${holds}, over the limit of 1000 vertices per item (each takes about 350 bytes of memory to convert, ` +
  `and past about 5,000,000 the annotation file written is too large to read back); if that is real and the machine has the memory, raise the limit with --max-vertices ${n} or SLYCONV_MAX_VERTICES=${n}`;
const vertexEnv = { SLYCONV_MAX_VERTICES: "1000" };
const exteriorLengths = (annFile: string) => (JSON.parse(fs.readFileSync(annFile, "utf8")).objects as { points: { exterior: unknown[] } }[]).map((o) => o.points.exterior.length);

describe("a Supervisely annotation past the vertex or labels limit", () => {
  // 7 polygons of 143 vertices: 1001, in 10 KB (a file under 5 bytes a vertex of the limit cannot pass it, and is not counted).
  const project = superviselyPolygons(path.join(tempDir(), "p"), 7, 143);
  const dir = path.dirname(project);
  const line = `ds/ann/a.png.json: ${overVertices("the file holds 1001 vertices ([x, y] lists)", 1001)}`;

  it("is refused from its bytes by import, export and validate; raised to the count, it is converted whole", async () => {
    const imp = await runCli(["import", project, path.join(dir, "imp"), "--quiet"], { env: vertexEnv });
    expect(imp.code).toBe(1);
    expect(imp.stderr).toBe(`slyconv: ${line} [labels-limit]\n`);
    expect(fs.existsSync(path.join(dir, "imp"))).toBe(false);
    const exp = await runCli(["export", project, path.join(dir, "coco"), "-f", "coco", "--quiet"], { env: vertexEnv });
    expect(exp.code).toBe(1);
    expect(exp.stderr).toBe(`slyconv: ${line} [labels-limit]\n`);
    expect(fs.existsSync(path.join(dir, "coco"))).toBe(false);
    const val = await runCli(["validate", project], { env: vertexEnv });
    expect(val.code).toBe(1);
    expect(val.stderr).toContain(`ds/ann/a.png.json: error ${overVertices("the file holds 1001 vertices ([x, y] lists)", 1001)} [file-unreadable]\n`);
    const ok = await runCli(["--max-vertices", "1001", "import", project, path.join(dir, "imp"), "--quiet"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(exteriorLengths(path.join(dir, "imp", "ds", "ann", "a.png.json"))).toEqual(Array(7).fill(143));
  });

  it("more labels than the limit: refused from its bytes, naming the count of classTitle keys", async () => {
    const many = superviselyPolygons(path.join(tempDir(), "p"), 1001, 3);
    const r = await runCli(["import", many, path.join(path.dirname(many), "out"), "--quiet"], { env: { SLYCONV_MAX_LABELS: "1000" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('slyconv: ds/ann/a.png.json: the file holds 1001 labels ("classTitle" keys), more than the limit of 1000 per image; ' +
      "if that is real, raise it with --max-labels 1001 or SLYCONV_MAX_LABELS=1001 [labels-limit]\n");
    const ok = await runCli(["--max-labels", "1001", "import", many, path.join(path.dirname(many), "out"), "--quiet"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(exteriorLengths(path.join(path.dirname(many), "out", "ds", "ann", "a.png.json"))).toEqual(Array(1001).fill(3));
  });

  it("lists and objects past what an item within the limits holds (customBigData of empty lists): refused from its bytes", async () => {
    const dir = tempDir();
    const project = path.join(dir, "p");
    fs.mkdirSync(path.join(project, "ds", "ann"), { recursive: true });
    fs.writeFileSync(path.join(project, "meta.json"), JSON.stringify({ classes: [], tags: [], projectType: "images" }));
    fs.writeFileSync(path.join(project, "ds", "ann", "a.png.json"), JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [], customBigData: { x: Array(400).fill([]) } }));
    // 10 labels and 100 vertices: 100 + 20 × 10 = 300 lists and objects; the file has 400 + 6 (the annotation, size, tags, objects, customBigData and x).
    const env = { SLYCONV_MAX_LABELS: "10", SLYCONV_MAX_VERTICES: "100" };
    const r = await runCli(["import", project, path.join(dir, "out"), "--quiet"], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("slyconv: ds/ann/a.png.json: the file holds 406 lists and objects, more than an item within the limits holds (100 vertices and 20 for each of 10 labels: 300); " +
      "if that is real, raise the labels limit with --max-labels 16 or SLYCONV_MAX_LABELS=16 or the vertex limit with --max-vertices 206 or SLYCONV_MAX_VERTICES=206 [labels-limit]\n");
    const ok = await runCli(["--max-labels", "16", "import", project, path.join(dir, "out"), "--quiet"], { env: { SLYCONV_MAX_VERTICES: "100" } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "out", "ds", "ann", "a.png.json"), "utf8")).customBigData.x).toHaveLength(400);
  });

  it("values past what an item within the limits holds (customBigData of numbers): refused from its bytes, counted by their commas", async () => {
    const dir = tempDir();
    const project = path.join(dir, "p");
    fs.mkdirSync(path.join(project, "ds", "ann"), { recursive: true });
    fs.writeFileSync(path.join(project, "meta.json"), JSON.stringify({ classes: [], tags: [], projectType: "images" }));
    fs.writeFileSync(path.join(project, "ds", "ann", "a.png.json"), JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [], customBigData: { x: Array(800).fill(0) } }));
    // 2 × 100 + 50 × 10 = 700 commas; the file has 799 + 4 (between the size's two keys and the annotation's four).
    const r = await runCli(["import", project, path.join(dir, "out"), "--quiet"], { env: { SLYCONV_MAX_LABELS: "10", SLYCONV_MAX_VERTICES: "100" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("slyconv: ds/ann/a.png.json: the file holds 803 values (counted by their commas), more than an item within the limits holds " +
      "(2 for each of 100 vertices and 50 for each of 10 labels: 700); if that is real, raise the labels limit with --max-labels 13 or SLYCONV_MAX_LABELS=13 " +
      "or the vertex limit with --max-vertices 152 or SLYCONV_MAX_VERTICES=152 [labels-limit]\n");
    const ok = await runCli(["--max-vertices", "152", "import", project, path.join(dir, "out"), "--quiet"], { env: { SLYCONV_MAX_LABELS: "10" } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "out", "ds", "ann", "a.png.json"), "utf8")).customBigData.x).toHaveLength(800);
  });

  it("the reading thread leaves it unpacked (for the reader to refuse), and packs it once the limit is raised", async () => {
    const other = path.join(project, "ds", "ann", "b.png.json");
    fs.writeFileSync(other, JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [] }));
    assertDistFresh();
    const thread = new Worker(path.join(REPO_ROOT, "dist/formats/supervisely/read-worker.js"), { env: SHARE_ENV });
    const packedFiles = async () => {
      thread.postMessage({ paths: [path.join(project, "ds", "ann", "a.png.json"), other] } satisfies ReadRequest);
      const [reply] = (await once(thread, "message")) as [ReadReply];
      return Array.from(reply.skeletonStarts, (start) => start >= 0);
    };
    try {
      process.env.SLYCONV_MAX_VERTICES = "1000";
      expect(await packedFiles()).toEqual([false, true]);
      process.env.SLYCONV_MAX_VERTICES = "1001";
      expect(await packedFiles()).toEqual([true, true]);
    } finally {
      delete process.env.SLYCONV_MAX_VERTICES;
      fs.rmSync(other);
      await thread.terminate();
    }
  });
});

describe("the vertex limit of an item as it goes to a writer", () => {
  afterEach(() => void delete process.env.SLYCONV_MAX_VERTICES);

  it("counts the vertices of holes too", async () => {
    const ring = (n: number, r: number) => Array.from({ length: n }, (_, k): [number, number] => [500 + r * Math.cos((2 * Math.PI * k) / n), 500 + r * Math.sin((2 * Math.PI * k) / n)]);
    const meta = emptyProjectMeta();
    ensureClass(meta, "cat", "polygon");
    const project = (holeVertices: number): Project => ({
      meta,
      datasets: [{ name: "ds", datasets: [], items: [{ name: "a.png", annotation: { size: { width: 1000, height: 1000 }, tags: [], labels: [
        { classTitle: "cat", tags: [], geometry: { type: "polygon", exterior: ring(600, 400), interior: [ring(holeVertices, 100)] } },
      ] } }] }],
    });
    process.env.SLYCONV_MAX_VERTICES = "1000";
    await expect(writeDataset(project(401), path.join(tempDir(), "out"), { format: "supervisely", report: new Report() }))
      .rejects.toThrow('item "a.png" of dataset ds holds 1001 vertices, over the limit of 1000 vertices per item');
    const out = path.join(tempDir(), "out");
    await writeDataset(project(400), out, { format: "supervisely", report: new Report() });
    expect(JSON.parse(fs.readFileSync(path.join(out, "ds", "ann", "a.png.json"), "utf8")).objects[0].points.interior[0]).toHaveLength(400);
  });
});

describe("a COCO image past the vertex limit", () => {
  afterEach(() => void delete process.env.SLYCONV_MAX_VERTICES);

  it("is counted in the first pass and refused before its labels are built, on every path (quick, parsed, parse thread, claim-back)", async () => {
    const file = cocoPolygons(path.join(tempDir(), "instances_x.json"), 4, 251);
    process.env.SLYCONV_MAX_VERTICES = "1000";
    const paths = [{ parallelRows: Infinity }, { parallelRows: Infinity, keepPolygons: false }, { parallelRows: 1, threadBlock: 1, claimBack: true }, { parallelRows: 1, threadBlock: 1, claimBack: false }];
    await onEveryReaderPath(paths, async (name) => {
      const { project } = await readDataset(file, { format: "coco", report: new Report(), formatOptions: { images: "none" } });
      await expect(materializeProject(project), name).rejects.toMatchObject({
        code: "labels-limit", location: { file: "instances_x.json", pointer: "/images/0" },
        message: overVertices('image 1 ("a.png") has 1004 polygon vertices', 1004).replace("--max-vertices 1004 or ", ""),
      });
    });
  });

  it("CLI: exit 1 naming the image, nothing written; raised to the count, converted whole", async () => {
    const dir = tempDir();
    cocoPolygons(path.join(dir, "instances_x.json"), 4, 251);
    for (const to of ["supervisely", "yolo"]) {
      const r = await runCli(["convert", "instances_x.json", `out-${to}`, "--to", to, "--quiet"], { cwd: dir, env: vertexEnv });
      expect(r.code, to).toBe(1);
      expect(r.stderr).toBe(`slyconv: instances_x.json#/images/0: ${overVertices('image 1 ("a.png") has 1004 polygon vertices', 1004)} [labels-limit]\n`);
      expect(fs.existsSync(path.join(dir, `out-${to}`))).toBe(false);
    }
    const ok = await runCli(["--max-vertices", "1004", "import", "instances_x.json", "out", "--quiet"], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(exteriorLengths(path.join(dir, "out", "x", "ann", "a.png.json"))).toEqual([251, 251, 251, 251]);
  });

  it("an oversized row is counted from its bytes as the reader counts its parsed parts", () => {
    const categories = (id: unknown): CategoryMapping | undefined => (id === 1 ? { id: 1, name: "cat", classTitle: "cat" } : undefined);
    const parsedCount = (text: string) => {
      const plan = planAnnotation(JSON.parse(text), categories, null, false, true);
      return plan.flatParts.reduce((n, p) => n + p.length / 2, 0);
    };
    const seg = (s: string) => `{"id": 1, "image_id": 7, "category_id": 1, "segmentation": ${s}, "bbox": [1, 2, 3, 4]}`;
    for (const text of [
      seg("[[1, 2, 3, 4, 5, 6], [1,2,3,4,5,6,7,8]]"), seg("[1, 2, 3, 4, 5, 6, 7, 8]"), seg("[[1, 2, 3, 4, 5], [1, 2, 3, 4], [], [1,2,3,4,5,6]]"),
      seg("[ [ 1.5 , -2e3 ,\n 3, 4 , 5, 6 ] ]"), seg("[]"), seg('{"size": [2, 2], "counts": "04"}'),
      `{"segmentation": [[9, 9, 9, 9, 9, 9, 9, 9]], "note": "a ] in [ a \\" string {", "image_id": 7, "category_id": 1, "extra": {"a": [[1, 2]], "b": "}"}, "segmentation": [[1, 2, 3, 4, 5, 6]]}`,
    ]) {
      expect(rowVertices(Buffer.from(text), 0, text.length), text).toEqual({ imageId: 7, vertices: parsedCount(text) });
    }
    // What it cannot count from the bytes is parsed as any row is.
    for (const text of [seg('[[1, 2, "x", 4, 5, 6]]'), seg("[[1, 2, 3, 4, 5, 6], 7]"), '{"image_id": "7", "segmentation": [[1, 2, 3, 4, 5, 6]]}', '{"image_id": 7}', "[1, 2]", '{"image_id": 7, "segmentation": [[1, 2, 3, 4, 5, 6]]']) {
      expect(rowVertices(Buffer.from(text), 0, text.length), text).toBeNull();
    }
  });
});

describe("a VOC XML with more objects than the labels limit, or more elements than such objects have", () => {
  it("is refused from its text before it is parsed; raised to the count, it is read", async () => {
    const voc = vocObjects(path.join(tempDir(), "voc"), 1001);
    const out = path.join(path.dirname(voc), "out");
    const r = await runCli(["import", voc, out, "-f", "voc", "--quiet"], { env: { SLYCONV_MAX_LABELS: "1000" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("slyconv: Annotations/a.xml: the file holds 1001 objects, more than the limit of 1000 labels per image; if that is real, raise it with --max-labels 1001 or SLYCONV_MAX_LABELS=1001 [labels-limit]\n");
    expect(fs.existsSync(out)).toBe(false);
    const ok = await runCli(["--max-labels", "1001", "import", voc, out, "-f", "voc", "--quiet"]);
    expect(ok.code, ok.stderr).toBe(0);
    const objects = JSON.parse(fs.readFileSync(fs.readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith("a.jpg.json")).map((f) => path.join(out, f))[0], "utf8")).objects;
    expect(objects).toHaveLength(1001);
    // The 1001st box: <xmin>101</xmin><ymin>1</ymin><xmax>110</xmax><ymax>10</ymax>.
    expect(objects[1000].points.exterior).toEqual([[101, 1], [110, 10]]);
  });

  it("29 million empty elements (4.7 GB, then a crash): refused from the text by their count", async () => {
    const voc = vocObjects(path.join(tempDir(), "voc"), 1);
    const xml = path.join(voc, "Annotations", "a.xml");
    fs.writeFileSync(xml, fs.readFileSync(xml, "utf8").replace("</annotation>", `${"<x/>".repeat(10_300)}</annotation>`));
    const out = path.join(path.dirname(voc), "out");
    // 10 labels: 20 × 10 + 10,000 elements; the file has 10,300 + 13.
    const r = await runCli(["import", voc, out, "-f", "voc", "--quiet"], { env: { SLYCONV_MAX_LABELS: "10" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("slyconv: Annotations/a.xml: the file holds 10313 XML elements, more than the objects of the labels limit have (20 for each of 10, and 10000 more: 10200); " +
      "if that is real, raise the limit with --max-labels 16 or SLYCONV_MAX_LABELS=16 [labels-limit]\n");
    const ok = await runCli(["--max-labels", "16", "import", voc, out, "-f", "voc", "--quiet"]);
    expect(ok.code, ok.stderr).toBe(0);
  });
});
