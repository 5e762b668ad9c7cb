/**
 * The COCO reader's lazy geometries (src/geometry/extent.ts). `convert --to yolo --task detect` takes them: the YOLO
 * writer declares it needs extents alone, and the reader gives polygons whose points are built only when read and
 * masks made only when their data is read. An import (and `convert --to supervisely`) takes them too: the Supervisely
 * writer copies each polygon's coordinates straight from the reader's store into its packing. Each output and report
 * must be those of the full path (the same project read with full geometry, then written): byte for byte, every
 * loss, change, finding and count.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset, importDataset, readDataset, writeDataset, writeProject } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { cocoFormat } from "../../formats/coco/index.js";
import { readerTuning } from "../../formats/coco/annotation-store.js";
import { knownExtent } from "../../src/geometry/extent.js";
import { iterateItems, type Item, type PolygonGeometry } from "../../src/model/index.js";
import { silentProgress } from "../../src/io/progress.js";
import { FIXTURES, HAVE_REAL_DATA, realData, tempDir } from "../helpers/paths.js";

/** Every file of a folder, by relative path, as bytes. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out[r] = fs.readFileSync(path.join(d, e.name)).toString("latin1");
    }
  };
  walk(dir, "");
  return out;
}

const reportOf = (r: Report) => ({
  losses: r.lossEntries, changes: r.changeEntries, findings: r.findings, byCode: [...r.countsByCode], stats: r.stats, labels: r.labelsPerClass,
});

async function bothWays(input: string, formatOptions: Record<string, unknown>) {
  const fastReport = new Report(Number.MAX_SAFE_INTEGER);
  const fast = path.join(tempDir("slyconv-extent-"), "fast");
  await convertDataset(input, fast, { from: "coco", to: "yolo", images: "none", report: fastReport, formatOptions: { task: "detect", ...formatOptions } });
  const fullReport = new Report(Number.MAX_SAFE_INTEGER);
  const full = path.join(tempDir("slyconv-extent-"), "full");
  // readDataset does not know the writer: the reader builds every geometry whole.
  const { project, dispose } = await readDataset(input, { format: "coco", report: fullReport, formatOptions: { images: "none" } });
  try {
    await writeDataset(project, full, { format: "yolo", images: "none", report: fullReport, formatOptions: { task: "detect", ...formatOptions } });
  } finally {
    await dispose();
  }
  return { fast: tree(fast), full: tree(full), fastReport: reportOf(fastReport), fullReport: reportOf(fullReport) };
}

/** A COCO file with what the fast path must get right: see each annotation's note. */
function edgeCases(dir: string): string {
  const poly = (id: number, image: number, parts: number[][], extra: Record<string, unknown> = {}) => ({ id, image_id: image, category_id: 1, segmentation: parts, iscrowd: 0, ...extra });
  const crowdCounts = [100 * 480 + 10, 30, 450, 30, 450, 30];
  crowdCounts.push(640 * 480 - crowdCounts.reduce((a, b) => a + b, 0));
  const coco = {
    images: [
      { id: 1, file_name: "a.jpg", width: 640, height: 480 },
      { id: 2, file_name: "no-size.jpg" },
      { id: 3, file_name: "small.jpg", width: 100, height: 100 },
    ],
    annotations: [
      // COCO's usual annotation: bbox the parts' extremes.
      poly(1, 1, [[10, 20, 110.5, 20, 110.5, 80.25, 10, 80.25]], { bbox: [10, 20, 100.5, 60.25], area: 6000 }),
      // Two parts (two labels bound by instance), and a bbox that differs from their extremes.
      poly(2, 1, [[200, 200, 260, 200, 230, 250], [300, 300, 320, 300, 310, 330]], { bbox: [199, 199, 122, 132], area: 1500 }),
      // No bbox; an extent whose width is not exact in binary (0.1 .. 0.3).
      poly(3, 1, [[0.1, 0.1, 0.3, 0.1, 0.3, 0.3]]),
      // More than four decimals (kept as doubles).
      poly(4, 1, [[1.123456, 2.654321, 50.000001, 2.5, 40.75, 60.999999]], { bbox: [1.123456, 2.5, 48.876545, 58.499999] }),
      // A key the quick reader does not take (parsed by JSON.parse, kept with extra.coco).
      poly(5, 1, [[400, 10, 450, 10, 450, 60]], { bbox: [400, 10, 50, 50], score: 0.9 }),
      // Crowd and non-crowd masks (RLE, uncompressed).
      { id: 6, image_id: 1, category_id: 1, segmentation: { counts: crowdCounts, size: [480, 640] }, iscrowd: 1, bbox: [100, 10, 3, 30], area: 90 },
      { id: 7, image_id: 1, category_id: 2, segmentation: { counts: crowdCounts, size: [480, 640] }, iscrowd: 0, bbox: [100, 10, 3, 30], area: 90 },
      // A box alone.
      { id: 8, image_id: 1, category_id: 2, bbox: [5, 5, 20, 30], iscrowd: 0, area: 600 },
      // Vertices far outside the image: counted one by one in the warning.
      poly(9, 3, [[10, 10, 500, 10, 500, -300, 10, 90]], { bbox: [10, -300, 490, 390] }),
      // An image of unknown size: its labels cannot be normalised (reported).
      poly(10, 2, [[1, 1, 5, 1, 5, 5]]),
    ],
    categories: [{ id: 1, name: "thing", supercategory: "x" }, { id: 2, name: "other", supercategory: "x" }],
  };
  const file = path.join(dir, "instances_edge.json");
  fs.writeFileSync(file, JSON.stringify(coco));
  return file;
}

describe("COCO → YOLO detect, fast path", () => {
  const inputs: [string, string][] = [
    ["edge cases", edgeCases(tempDir("slyconv-extent-in-"))],
    ["demo", path.join(FIXTURES, "demo/coco-sample")],
    ["fixtures/coco/full", path.join(FIXTURES, "coco/full")],
  ];
  if (HAVE_REAL_DATA) {
    for (const name of ["cvat-coco-voc2012", "voc2coco-coco-voc2012", "labelme-coco-instanceseg", "roboflow-coco-badminton", "mmpose-coco-keypoints"]) {
      inputs.push([name, realData(name)]);
    }
  }
  for (const [name, input] of inputs) {
    for (const skipCrowd of [true, false]) {
      it(`${name}${skipCrowd ? "" : ", crowd kept"}: the same files and report as the full path`, async () => {
        const r = await bothWays(input, { skipCrowd });
        expect(Object.keys(r.fast).length).toBeGreaterThan(1);
        expect(r.fast).toEqual(r.full);
        expect(r.fastReport).toEqual(r.fullReport);
      });
    }
  }

  // The usual polygon annotation is kept as its parts' extremes alone (its points, when something reads them, read
  // again from the file); with the parse thread (blocks of 3 rows) the thread keeps them so too.
  for (const tuning of [{ boundsOnly: false }, { parallelRows: 1, threadBlock: 3 }, { parallelRows: 1, threadBlock: 3, boundsOnly: false }]) {
    it(`edge cases, ${JSON.stringify(tuning)}: the same files and report as the full path`, async () => {
      const defaults = { ...readerTuning };
      Object.assign(readerTuning, tuning);
      try {
        const r = await bothWays(inputs[0][1], { skipCrowd: false });
        expect(r.fast).toEqual(r.full);
        expect(r.fastReport).toEqual(r.fullReport);
        expect(r.fastReport.findings.find((f) => f.code === "coordinates-far-outside")!.message).toContain("2 vertices of 1 label");
      } finally {
        Object.assign(readerTuning, defaults);
      }
    });
  }

  it("edge cases: the values written are the ones worked out by hand", async () => {
    const r = await bothWays(inputs[0][1], { skipCrowd: true });
    const file = Object.keys(r.fast).find((f) => f.startsWith("labels/") && f.endsWith("/a.txt"))!;
    const lines = r.fast[file].trim().split("\n");
    // thing = 0, other = 1; the bbox wins where it differs from the parts' extremes, else the parts' extent.
    expect(lines[0]).toBe(`0 ${(60.25 / 640).toFixed(6)} ${(50.125 / 480).toFixed(6)} ${(100.5 / 640).toFixed(6)} ${(60.25 / 480).toFixed(6)}`);
    expect(lines[1]).toBe(`0 ${(260 / 640).toFixed(6)} ${(265 / 480).toFixed(6)} ${(122 / 640).toFixed(6)} ${(132 / 480).toFixed(6)}`);
    expect(lines).toHaveLength(7); // 5 polygon annotations, the non-crowd mask, the box; the crowd mask is left out
    expect(r.fastReport.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["coordinates-far-outside", "yolo-size-unknown"]));
    expect(r.fastReport.findings.find((f) => f.code === "coordinates-far-outside")!.message).toContain("2 vertices of 1 label");
    expect(r.fastReport.losses).toEqual(expect.arrayContaining([expect.objectContaining({ className: "thing", what: "crowd object", count: 1 })]));
  });

  it("the reader gives lazy polygons to a writer that needs extents, with the points of the full read", async () => {
    const input = path.join(FIXTURES, "demo/coco-sample");
    const ctx = (geometry?: "extent") => ({ report: new Report(), progress: silentProgress, geometry });
    const items = async (geometry?: "extent") => {
      const project = await cocoFormat.read!(input, {}, ctx(geometry));
      const out: Item[] = [];
      for (const ds of project.datasets) for await (const it of iterateItems(ds.items)) out.push(it);
      return out;
    };
    const lazy = await items("extent"), full = await items();
    const polygons = (list: Item[]) => list.flatMap((it) => it.annotation.labels.filter((l) => l.geometry.type === "polygon").map((l) => l.geometry as PolygonGeometry));
    const lazyPolygons = polygons(lazy), fullPolygons = polygons(full);
    expect(lazyPolygons.length).toBeGreaterThan(0);
    expect(lazyPolygons.length).toBe(fullPolygons.length);
    lazyPolygons.forEach((g, k) => {
      const e = knownExtent(g)!;
      const points = fullPolygons[k].exterior;
      expect({ left: e.left, top: e.top, right: e.right, bottom: e.bottom, vertices: e.vertices }).toEqual({
        left: Math.min(...points.map((p) => p[0])), top: Math.min(...points.map((p) => p[1])),
        right: Math.max(...points.map((p) => p[0])), bottom: Math.max(...points.map((p) => p[1])), vertices: points.length,
      });
      expect(g.exterior).toEqual(points);
      // Once read, the points may be changed: the extent no longer answers for them.
      expect(knownExtent(g)).toBeUndefined();
      expect(JSON.parse(JSON.stringify(g))).toEqual(JSON.parse(JSON.stringify(fullPolygons[k])));
    });
    expect(knownExtent(fullPolygons[0])).toBeUndefined();
  });
});

describe("COCO → Supervisely, points copied from the reader's store", () => {
  async function bothWays(input: string) {
    const fastReport = new Report(Number.MAX_SAFE_INTEGER);
    const fast = path.join(tempDir("slyconv-flat-"), "fast");
    await importDataset(input, fast, { format: "coco", images: "none", report: fastReport, formatOptions: { images: "none" } });
    const fullReport = new Report(Number.MAX_SAFE_INTEGER);
    const full = path.join(tempDir("slyconv-flat-"), "full");
    const { project, dispose } = await readDataset(input, { format: "coco", report: fullReport, formatOptions: { images: "none" } });
    try {
      await writeProject(project, full, { images: "none", report: fullReport });
    } finally {
      await dispose();
    }
    return { fast: tree(fast), full: tree(full), fastReport: reportOf(fastReport), fullReport: reportOf(fullReport) };
  }

  // 300 images: enough for the writer thread, whose packing takes the flat lists (the first 64 are written here).
  function many(dir: string): string {
    const images = Array.from({ length: 300 }, (_, k) => ({ id: k + 1, file_name: `${k}.jpg`, width: 640, height: 480 }));
    const annotations = images.flatMap((img, k) => [
      { id: 2 * k + 1, image_id: img.id, category_id: 1, segmentation: [[10.25, 20, 110.5, 20, 110.5, 80.25, 10 + k / 1000, 80.25]], bbox: [10, 20, 100.5, 60.25], area: 6000, iscrowd: 0 },
      // Two parts, doubles, and a coordinate within the snapping distance of a whole number.
      { id: 2 * k + 2, image_id: img.id, category_id: 2, segmentation: [[1.123456, 2.654321, 50.0000000001, 2.5, 40.75, 60.999999], [300, 300, 320, 300, 310, 330]], iscrowd: 0 },
    ]);
    const file = path.join(dir, "instances_many.json");
    fs.writeFileSync(file, JSON.stringify({ images, annotations, categories: [{ id: 1, name: "thing" }, { id: 2, name: "other" }] }));
    return file;
  }

  const inputs: [string, string][] = [
    ["300 images", many(tempDir("slyconv-flat-in-"))],
    ["edge cases", edgeCases(tempDir("slyconv-flat-in-"))],
    ["demo", path.join(FIXTURES, "demo/coco-sample")],
    ["fixtures/coco/full", path.join(FIXTURES, "coco/full")],
  ];
  if (HAVE_REAL_DATA) for (const name of ["cvat-coco-voc2012", "labelme-coco-instanceseg", "mmpose-coco-keypoints"]) inputs.push([name, realData(name)]);
  for (const [name, input] of inputs) {
    it(`${name}: the same project and report as the full path`, async () => {
      const r = await bothWays(input);
      expect(Object.keys(r.fast).length).toBeGreaterThan(2);
      expect(r.fast).toEqual(r.full);
      expect(r.fastReport).toEqual(r.fullReport);
    });
  }

  it("300 images: the coordinates written are the ones read, snapped as always", async () => {
    const r = await bothWays(inputs[0][1]);
    const file = Object.keys(r.fast).find((f) => f.endsWith("/ann/7.jpg.json"))!;
    const objects = JSON.parse(r.fast[file]).objects;
    expect(objects.map((o: any) => o.points.exterior)).toEqual([
      [[10.25, 20], [110.5, 20], [110.5, 80.25], [10.007, 80.25]],
      [[1.123456, 2.654321], [50, 2.5], [40.75, 61]],
      [[300, 300], [320, 300], [310, 330]],
    ]);
  });
});
