/**
 * Polygon annotations are parsed once: the reader keeps their vertices compactly from its first pass (vertex-store)
 * and builds items from them. Items must be exactly those a second reading of the JSON gives (the path every other
 * annotation takes), down to -0, float noise, doubles that are not 4-decimal numbers, and boxes.
 */
import { describe, expect, it, afterEach } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { readDataset } from "../../src/api.js";
import { readerStats, readerTuning } from "../../formats/coco/annotation-store.js";
import { VertexStore } from "../../formats/coco/vertex-store.js";
import { materializeProject, type Project } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { FIXTURES, HAVE_REAL_DATA, realData, tempDir } from "../helpers/paths.js";
import { byId, exportCoco, importCoco, readJson } from "./helpers.js";

const defaults = { ...readerTuning };
afterEach(() => {
  Object.assign(readerTuning, defaults);
});

describe("VertexStore", () => {
  it("gives back parts and boxes exactly: 4-decimal numbers as integers, anything else as doubles", () => {
    const store = new VertexStore(64, 48); // small chunks: records land in several
    const cases: { parts: number[][]; bbox: [number, number, number, number] | null }[] = [
      { parts: [[10.25, 20.5, 30.75, 20.5, 30.75, 40.125]], bbox: null },
      { parts: [[0.1234567, 1.7654321, 5.5, 1.1, 1 / 3, 9.87654321]], bbox: [0, 0, 10, 10] },
      { parts: [[-0, 0, 300000.5, 0, 300000.5, 2.25]], bbox: null },
      { parts: [[-0, 1, 2, 3, 4, 5]], bbox: [1, 2, 3, 4] },
      { parts: [[1, 1, 5, 1, 5, 5], [0.5, 0.5, 0.75, 0.5, 0.75, 0.75, 0.5, 0.75]], bbox: [1, 1, 4, 4] },
      { parts: [[-214748, 214748, -214748.0001, 214747.9999, 0.0001, -0.0001]], bbox: null },
      { parts: [[1e-7, 2, 3, 4, 5, 6]], bbox: [1e-7, 2, 4.9999999, 4] },
      { parts: [Array.from({ length: 40 }, (_, i) => i * 1.01)], bbox: null },
    ];
    const positions = cases.map((c) => store.add(c.parts, c.bbox));
    expect(positions.every((p) => p >= 0)).toBe(true);
    cases.forEach((c, k) => {
      const got = store.get(positions[k]);
      expect(got.bbox).toEqual(c.bbox);
      const flat = got.polygons.map((ring) => ring.flat());
      expect(flat.length).toBe(c.parts.length);
      flat.forEach((f, p) => {
        expect(f.length).toBe(c.parts[p].length);
        f.forEach((v, i) => expect(Object.is(v, c.parts[p][i]), `case ${k} part ${p} value ${i}: ${v} vs ${c.parts[p][i]}`).toBe(true));
      });
    });
  });

  it("chunks start small and grow (copied) to their full size; records written before a growth read back the same", () => {
    const store = new VertexStore(20_000, 20_000); // chunks start at 4096 numbers, grow to 8192, 16384, 20000
    const records = Array.from({ length: 3000 }, (_, k) => ({ parts: [[k, k + 0.25, k + 1, k + 1.5, k / 3, k]], bbox: k % 7 ? null : [k, k, 2, 2] as [number, number, number, number] }));
    const positions = records.map((r) => store.add(r.parts, r.bbox));
    expect(positions.every((p) => p >= 0)).toBe(true);
    records.forEach((r, k) => {
      const got = store.get(positions[k]);
      expect(got.bbox).toEqual(r.bbox);
      expect(got.polygons.map((ring) => ring.flat())).toEqual(r.parts);
    });
    // Memory follows the data: a small store holds a small array, not a full chunk.
    const small = new VertexStore();
    small.add([[1, 2, 3, 4, 5, 6]], null);
    expect(small.bytes).toBeLessThan(64 * 1024);
  });

  it("adopts another store's chunks (as a thread sends them): records read back the same, doubles included", () => {
    const make = () => new VertexStore(64, 48);
    const mine = make(), theirs = make();
    const parts = (k: number) => [[k, k + 0.25, k + 1, k + 1.5, k / 3, k], [k, 1, 2, 3, 4.125, 5]];
    const box = (k: number): [number, number, number, number] | null => (k % 3 ? null : [k, k, 2, 2]);
    const before = Array.from({ length: 7 }, (_, k) => mine.add(parts(k), box(k)));
    const sent = Array.from({ length: 9 }, (_, k) => theirs.add(parts(100 + k), box(100 + k)));
    const shift = mine.adopt(theirs.chunks(), sent);
    const after = Array.from({ length: 5 }, (_, k) => mine.add(parts(200 + k), box(200 + k)));
    const check = (position: number, k: number) => {
      const got = mine.get(position);
      expect(got.bbox).toEqual(box(k));
      expect(got.polygons.map((ring) => ring.flat())).toEqual(parts(k));
    };
    before.forEach((p, k) => check(p, k));
    sent.forEach((p, k) => check(p + shift, 100 + k));
    after.forEach((p, k) => check(p, 200 + k));
  });

  it("keeps a record's extremes alone (addBounds): the extents and vertex count of the whole record, no vertices", () => {
    const make = () => new VertexStore(64, 48);
    const full = make(), bounds = make(), theirs = make();
    const cases: { parts: number[][]; bbox: [number, number, number, number] | null }[] = [
      { parts: [[10.25, 20.5, 30.75, 20.5, 30.75, 40.125]], bbox: null },
      { parts: [[0.1234567, 1.7654321, 5.5, 1.1, 1 / 3, 9.87654321]], bbox: [0, 0, 10, 10] },
      { parts: [[1, 1, 5, 1, 5, 5], [-0.5, 0.5, 0.75, -0.5, 0.75, 0.75, 0.5, 0.75]], bbox: [1, 1, 4, 4] },
    ];
    const boundsOf = (parts: number[][]) => {
      const b = new Float64Array(4 * parts.length);
      parts.forEach((p, k) => {
        const xs = p.filter((_, i) => i % 2 === 0), ys = p.filter((_, i) => i % 2 === 1);
        b.set([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], 4 * k);
      });
      return b;
    };
    const addBounds = (store: VertexStore, c: (typeof cases)[number]) => store.addBounds(Int32Array.from(c.parts, (p) => p.length), c.parts.length, boundsOf(c.parts), c.bbox);
    const extents = (store: VertexStore, position: number) => {
      const out = { ext: new Float64Array(5), bbox: null as [number, number, number, number] | null, hasVertices: true };
      const n = store.extents(position, out);
      return { ext: [...out.ext.subarray(0, 5 * n)], bbox: out.bbox, vertices: store.vertexCount(position) };
    };
    const fullAt = cases.map((c) => full.add(c.parts, c.bbox));
    const boundsAt = cases.map((c) => addBounds(bounds, c));
    // Records a thread made, adopted after records of the store's own.
    const sent = cases.map((c) => addBounds(theirs, c));
    const shift = bounds.adopt(theirs.chunks(), sent);
    cases.forEach((_, k) => {
      expect(full.hasVertices(fullAt[k])).toBe(true);
      expect(bounds.hasVertices(boundsAt[k])).toBe(false);
      expect(extents(bounds, boundsAt[k])).toEqual(extents(full, fullAt[k]));
      expect(extents(bounds, sent[k] + shift)).toEqual(extents(full, fullAt[k]));
      expect(() => bounds.get(boundsAt[k])).toThrow();
      expect(() => bounds.ring(boundsAt[k], 0)).toThrow();
    });
  });

  it("a record larger than a chunk is not kept (-1)", () => {
    const store = new VertexStore(16, 16);
    expect(store.add([Array.from({ length: 20 }, (_, i) => i)], null)).toBe(-1);
    expect(store.add([Array.from({ length: 20 }, (_, i) => i / 3)], null)).toBe(-1);
    expect(store.get(store.add([[1, 2, 3, 4, 5, 6]], null)).polygons).toEqual([[[1, 2], [3, 4], [5, 6]]]);
  });
});

/**
 * The project read into memory (not through the files): polygons kept and masks encoded in worker threads (batched);
 * the same with the annotations parsed with a thread's help in blocks of `threadBlock` rows (parse-thread.ts; 3 by
 * default, so that a small file has several), once with the reader claiming blocks back from the end and once
 * leaving them all to the thread; without reading annotations during the scan, and with a scan of small chunks; and
 * every annotation read again with masks encoded one by one.
 */
async function readBoth(input: string, formatOptions: Record<string, unknown> = {}, threadBlock = 3): Promise<{ kept: Project; reread: Project; keptReport: Report; rereadReport: Report }> {
  const run = async (keep: boolean, parallel: boolean, claimBack = true, scan: Partial<typeof readerTuning> = {}) => {
    readerTuning.keepPolygons = keep;
    readerTuning.workerMasks = keep ? 0 : Infinity;
    Object.assign(readerTuning, parallel ? { parallelRows: 1, threadBlock, claimBack } : { parallelRows: Infinity }, scan);
    const report = new Report(Number.MAX_SAFE_INTEGER);
    const { project } = await readDataset(input, { format: "coco", report, formatOptions: { images: "none", ...formatOptions } });
    return { project: await materializeProject(project), report };
  };
  const scannedBefore = readerStats.scannedRows;
  const a = await run(true, false), b = await run(false, false);
  const scannedRows = readerStats.scannedRows - scannedBefore;
  // The usual polygon annotation read after the scan instead of during it; and during a scan that reads 100 bytes at
  // a time, so that most annotations run past the chunk they start in (those are read after the scan).
  for (const scan of [{ scanQuick: false }, { scanChunk: 100 }]) {
    const c = await run(true, false, true, scan);
    sameItems(c.project, a.project);
    expect(c.report.findings).toEqual(a.report.findings);
    Object.assign(readerTuning, defaults);
  }
  // A thread to leave blocks to: two cores and workers allowed (as in CI).
  const threads = os.availableParallelism() >= 2 && !process.env.SLYCONV_NO_WORKERS;
  const anyAnnotations = (await annotationCounts(input)).some((n) => n > 0);
  // COCO's usual annotation (any polygon annotation with nothing more than id, category, bbox, area and iscrowd).
  if (usualPolygons(input)) expect(scannedRows).toBeGreaterThan(0);
  for (const claimBack of [true, false]) {
    const before = { ...readerStats };
    const c = await run(true, true, claimBack);
    sameItems(c.project, a.project);
    expect(c.report.findings).toEqual(a.report.findings);
    // Blocks went the packed way; left to it, the thread parsed them.
    const packed = readerStats.threadBlocks + readerStats.claimedBlocks - before.threadBlocks - before.claimedBlocks;
    if (anyAnnotations && threads) expect(claimBack ? packed : readerStats.threadBlocks - before.threadBlocks).toBeGreaterThan(0);
  }
  return { kept: a.project, reread: b.project, keptReport: a.report, rereadReport: b.report };
}

/** Whether a COCO file at `input` (a file or a folder of them: only a single file of objects is read in its scan) has an annotation the scan reads whole. */
function usualPolygons(input: string): boolean {
  if (fs.statSync(input).isDirectory()) return false;
  try {
    const v = JSON.parse(fs.readFileSync(input, "utf8"));
    const keys = new Set(["id", "image_id", "category_id", "segmentation", "bbox", "iscrowd", "area"]);
    return Array.isArray(v?.annotations) && v.annotations.some((a: Record<string, unknown>) => Array.isArray(a.segmentation) && Array.isArray(a.segmentation[0]) && Object.keys(a).every((k) => keys.has(k)));
  } catch {
    return false;
  }
}

/** The length of the annotations list of each COCO file at `input` (a file or a folder of them). */
async function annotationCounts(input: string): Promise<number[]> {
  const files = fs.statSync(input).isDirectory() ? fs.readdirSync(input, { recursive: true }).map(String).filter((f) => f.endsWith(".json")).map((f) => path.join(input, f)) : [input];
  return files.map((f) => {
    try {
      const v = JSON.parse(fs.readFileSync(f, "utf8").replace(/\bNaN\b/g, "null"));
      return Array.isArray(v?.annotations) ? v.annotations.length : 0;
    } catch {
      return 0;
    }
  });
}

/** Deep equality that tells -0 from 0 (toEqual does as well; this also says where). */
function sameItems(a: Project, b: Project) {
  expect(a.datasets.map((d) => d.name)).toEqual(b.datasets.map((d) => d.name));
  expect(a.meta).toEqual(b.meta);
  expect(a.sideFiles).toEqual(b.sideFiles);
  a.datasets.forEach((ds, k) => {
    const x = ds.items as any[], y = b.datasets[k].items as any[];
    expect(x.length).toBe(y.length);
    // isDeepStrictEqual first (native, and as strict about -0): vitest's toEqual, much slower on long point lists,
    // only for an item it finds different, to pass or fail as toEqual does and say where.
    x.forEach((item, i) => isDeepStrictEqual(item, y[i]) || expect(item, item.name).toEqual(y[i]));
  });
}

const image = { id: 1, file_name: "a.jpg", width: 640, height: 480 };
const tricky = [
  { id: 1, image_id: 1, category_id: 1, segmentation: [[10.25, 20.5, 30.75, 20.5, 30.75, 40.125, 10.25, 40.125]], area: 123.5, bbox: [10.25, 20.5, 20.5, 19.625], iscrowd: 0 },
  { id: 2, image_id: 1, category_id: 1, segmentation: [[0.1234567, 1.7654321, 5.5, 1.1, 3.3333333333333335, 9.87654321]], bbox: [0, 0, 10, 10] },
  { id: 4, image_id: 1, category_id: 1, segmentation: [[1, 1, 5, 1, 5, 5]], area: 8, bbox: [1, 1, 4, 4], iscrowd: 1 },
  { id: 5, image_id: 1, category_id: 1, segmentation: [[1, 1, 5, 1, 5, 5]], area: 8, attributes: { occluded: false } },
  { id: 6, image_id: 1, category_id: 1, segmentation: [[1, 1, 5, 1, 5, 5]], iscrowd: true },
  { id: 7, image_id: 1, category_id: 1, segmentation: [[1, 1, 5, 1, 5, 5]], area: "12" },
  { id: 8, image_id: 1, category_id: 1, segmentation: [[1, 2, 3], [1, 1, 4, 1, 4, 4]], area: 4.5 },
  { id: 9, image_id: 1, category_id: 1, segmentation: [2, 2, 6, 2, 6, 6] },
  { id: 10, image_id: 1, category_id: 1, segmentation: [[473.07, 395.93, 511.72, 395.93, 511.72, 424.6]], bbox: [473.07, 395.93, 38.65, 28.67] },
  { id: 11, image_id: 1, category_id: 1, segmentation: [[473.07, 395.93, 511.72, 395.93, 511.72, 424.6]], bbox: [473.07, 395.93, 38.650000000000034, 28.67] },
  { id: 12, image_id: 1, category_id: 1, segmentation: [[1, 1, 5, 1, 5, 5]], keypoints: null, caption: "not a caption" },
  { id: "abc", image_id: 1, category_id: 1, segmentation: [[1, 1, 5, 1, 5, 5]] },
  { id: 1, image_id: 1, category_id: 1, segmentation: [[1, 1, 5, 1, 5, 5], [7, 7, 9, 7, 9, 9]], area: 0 },
  { id: 14, image_id: 1, category_id: 1, segmentation: [[214748.3647, 1, 214748, 2, -214748.0001, 3]], area: -0 },
  { id: 15, image_id: 1, category_id: 1, segmentation: { counts: [0, 4, 307196], size: [480, 640] }, iscrowd: 1 },
  { id: 16, image_id: 1, category_id: 1, bbox: [1, 2, 3, 4] },
];
/** JSON text of the tricky file, with what JSON.stringify cannot write: -0, NaN and numbers as typed. */
function trickyText(): string {
  const anns = tricky.map((a) => JSON.stringify(a));
  anns.push('{"id": 17, "image_id": 1, "category_id": 1, "segmentation": [[-0, 0, -0.0, 2.25, 3, 3]], "bbox": [NaN, 1, 2, 3]}');
  anns.push('{"id": 18, "image_id": 1, "category_id": 1, "segmentation": [[1.00000000000000011, 2.50, 3e2, 4E-1, 5.0, 6]]}');
  return `{"images": [${JSON.stringify(image)}], "annotations": [${anns.join(",\n")}], "categories": [{"id": 1, "name": "thing"}]}`;
}

describe("COCO import: kept polygons and batched masks build the items a second reading gives", () => {
  it("tricky numbers, boxes, extra keys, duplicate ids (categories last and first)", async () => {
    const dir = tempDir("slyconv-coco-kept-");
    const last = path.join(dir, "last.json");
    fs.writeFileSync(last, trickyText());
    const first = path.join(dir, "first.json");
    const text = trickyText();
    fs.writeFileSync(first, `{"categories": [{"id": 1, "name": "thing"}], ${text.slice(1, text.lastIndexOf(', "categories"'))}}`);
    for (const file of [last, first]) {
      const { kept, reread, keptReport, rereadReport } = await readBoth(file);
      sameItems(kept, reread);
      expect(keptReport.findings).toEqual(rereadReport.findings);
      const labels = (kept.datasets[0].items as any[])[0].annotation.labels;
      expect(labels.length).toBeGreaterThan(15);
      // -0 stays -0, 0 stays 0.
      const minus = labels.find((l: any) => l.tags.some((t: any) => t.value === 17)).geometry.exterior;
      expect(Object.is(minus[0][0], -0) && Object.is(minus[0][1], 0) && Object.is(minus[1][0], -0)).toBe(true);
    }
  });

  it("the full fixture (three files, a secondary reading merged into a kept polygon) and its round trip", async () => {
    const full = path.join(FIXTURES, "coco/full");
    const { kept, reread } = await readBoth(full);
    sameItems(kept, reread);
    readerTuning.keepPolygons = true;
    const { out } = await importCoco(full);
    const { out: coco } = await exportCoco(out);
    for (const f of ["instances_val.json", "person_keypoints_val.json", "captions_val.json"]) {
      expect(byId(readJson(path.join(coco, "annotations", f))), f).toEqual(byId(readJson(path.join(full, "annotations", f))));
    }
  });

  it("every bad-input fixture", async () => {
    const bad = path.join(FIXTURES, "coco/bad");
    for (const f of fs.readdirSync(bad)) {
      let both;
      try {
        both = await readBoth(path.join(bad, f));
      } catch {
        continue; // files that are errors as a whole
      }
      sameItems(both.kept, both.reread);
      expect(both.keptReport.findings, f).toEqual(both.rereadReport.findings);
    }
  });

  it("many masks and polygons: batches of images end at 32 masks or 512 images, the masks built ahead", async () => {
    const dir = tempDir("slyconv-coco-kept-");
    const file = path.join(dir, "many.json");
    const images = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, file_name: `${i}.jpg`, width: 64, height: 48 }));
    const annotations: unknown[] = [];
    for (let a = 0; a < 1500; a++) {
      const img = (a * 7) % 300;
      if (a % 3 === 0) {
        // A crowd mask (uncompressed RLE, column-major): in each column of a band, one run of ones.
        const x0 = a % 40, w = 5 + (a % 17);
        const bits: number[] = [];
        for (let x = 0; x < 64; x++) {
          const top = 10 + (x % 5), len = x >= x0 && x < x0 + w ? 1 + ((a + x) % 30) : 0;
          for (let y = 0; y < 48; y++) bits.push(y >= top && y < top + len ? 1 : 0);
        }
        const counts: number[] = [];
        let value = 0, run = 0;
        for (const b of bits) {
          if (b === value) run++;
          else {
            counts.push(run);
            value = b;
            run = 1;
          }
        }
        counts.push(run);
        annotations.push({ id: a + 1, image_id: img + 1, category_id: 1 + (a % 2), iscrowd: 1, segmentation: { counts, size: [48, 64] } });
      } else {
        const n = 3 + (a % 400);
        annotations.push({ id: a + 1, image_id: img + 1, category_id: 1 + (a % 2), segmentation: [Array.from({ length: 2 * n }, (_, k) => ((k * 13 + a) % 640) / 10)], area: a });
      }
    }
    fs.writeFileSync(file, JSON.stringify({ images, annotations, categories: [{ id: 1, name: "a" }, { id: 2, name: "b" }] }));
    // Blocks of 50 rows: 30 of them, for the thread and the reader to share.
    const { kept, reread, keptReport, rereadReport } = await readBoth(file, {}, 50);
    expect(keptReport.findings).toEqual(rereadReport.findings);
    expect((kept.datasets[0].items as any[]).flatMap((i) => i.annotation.labels).filter((l: any) => l.geometry.type === "bitmap").length).toBeGreaterThan(100);
    sameItems(kept, reread);
  });

  it.skipIf(!HAVE_REAL_DATA)("the real COCO exports", async () => {
    for (const rel of ["cvat-coco-voc2012/coco_format_v1/instances_default.json", "voc2coco-coco-voc2012/coco_format_v2/instances_v2.json", "labelme-coco-instanceseg/annotations.json", "roboflow-coco-badminton/train/_annotations.coco.json", "mmpose-coco-keypoints/coco/test_coco.json"]) {
      const { kept, reread } = await readBoth(realData(rel));
      sameItems(kept, reread);
    }
  });
});
