/**
 * The CPU-heavy parts of the VOC, masks and COCO exports and of the masks and VOC imports run in the worker pool when there is
 * enough of them
 * (src/workers/pool.ts): the same export, inline and with every task forced into a pool, must give the same bytes
 * and the same report. Needs the built worker (dist/src/workers/cpu-worker.js: `npm run build`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import type { Geometry, Item, Label, Project } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass, materializeProject } from "../../src/model/index.js";
import { readDataset, writeDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { BitmapDataError, bitmapFromMask, decodeBitmapData, encodeBitmapData, encodeBitmapTask } from "../../src/codecs/bitmap.js";
import { cpuTask } from "../../src/workers/task.js";
import { SlyconvError } from "../../src/errors.js";
import { CpuPool, CpuTaskError, cpuPoolSettings, WORKER_BATCH_THRESHOLD } from "../../src/workers/pool.js";
import { reviveTaskError, taskErrorData } from "../../src/workers/task-errors.js";
import { packVocMaskBatch, renderVocMaskBatchTask, vocMaskBatchOutcomes, type VocMaskJob } from "../../formats/voc/write-masks.js";
import { FIXTURES, listFiles, tempDir } from "../helpers/paths.js";
import { devkitFixture } from "../voc/fixture.js";

const W = 40, H = 30;

/** A small deterministic generator (the test must not depend on Math.random). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function blob(r: () => number, w: number, h: number): Uint8Array {
  const cx = r() * w, cy = r() * h, rx = 1 + r() * w / 2, ry = 1 + r() * h / 2;
  return Uint8Array.from({ length: w * h }, (_, i) => (((i % w) - cx) / rx) ** 2 + ((Math.floor(i / w) - cy) / ry) ** 2 <= 1 || r() < 0.05 ? 1 : 0);
}

const square = (x: number, y: number, s: number): [number, number][] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];

/**
 * Items with every shape the writers draw: bitmaps (some reaching outside the image), polygons with and without
 * holes, multipolygons, rectangles, lines, points, and labels bound into one object.
 */
function syntheticProject(items: number, withBadBitmap = false): Project {
  const meta = emptyProjectMeta();
  for (const [t, c] of [["car", "#800000"], ["road", "#FF0000"], ["tree", "#00C000"], ["sky", "#3060FF"]]) ensureClass(meta, t, "any", { color: c });
  ensureClass(meta, "lane", "line", { color: "#FFFF00" });
  ensureClass(meta, "pin", "point", { color: "#00FFFF" });
  const list: Item[] = [];
  for (let i = 0; i < items; i++) {
    const r = rng(i + 1);
    const labels: Label[] = [];
    const add = (classTitle: string, geometry: Geometry, extra?: Record<string, unknown>) => labels.push({ classTitle, geometry, tags: [], ...(extra ? { extra } : {}) });
    const mask = blob(r, 12 + (i % 5), 9 + (i % 4));
    const bm = bitmapFromMask({ width: 12 + (i % 5), height: 9 + (i % 4), data: mask }, Math.floor(r() * 20), Math.floor(r() * 15));
    if (bm) add("car", bm, { instance: `k${i}` });
    add("car", { type: "rectangle", left: 2, top: 3, right: 20, bottom: 18 }, { instance: `k${i}` });
    // Reaches past the right and top borders: clipped in every format.
    add("tree", { type: "bitmap", origin: [W - 6, -3], data: encodeBitmapData({ width: 10, height: 8, data: blob(r, 10, 8) }) }, i % 2 ? { cocoRleCounts: "list" } : undefined);
    add("road", { type: "polygon", exterior: [[0.5, 20], [W - 1.5, 18.25], [W - 3, H - 1], [1, H - 2]], interior: i % 3 ? [square(10 + (i % 7), 22, 3)] : [] });
    add("sky", { type: "multipolygon", parts: [{ exterior: square(1, 1, 5), interior: [] }, { exterior: square(25, 2, 6 + (i % 3)), interior: [square(27, 4, 2)] }] });
    add("lane", { type: "line", points: [[0, 0], [W - 1, H - 1], [5, 28]] });
    add("pin", { type: "point", x: 7 + (i % 9), y: 11 });
    if (i % 4 === 0) add("tree", { type: "bitmap", origin: [3, 4], data: encodeBitmapData({ width: 6, height: 5, data: blob(r, 6, 5) }) }, { instance: `k${i}` });
    if (withBadBitmap && i === items - 2) add("tree", { type: "bitmap", origin: [1, 1], data: "bm90IGEgcG5n" });
    list.push({ name: `img_${String(i).padStart(3, "0")}.png`, annotation: { size: { width: W, height: H }, tags: [], labels } });
  }
  return { meta, datasets: [{ name: "ds0", items: list.slice(0, items - 3), datasets: [] }, { name: "ds1", items: list.slice(items - 3), datasets: [] }] };
}

/** Every file under a folder with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

/** What a report says, with findings in a fixed order (the masks writer finishes items in any order). */
function reportFacts(report: Report) {
  const j = report.toJSON();
  const key = (x: unknown) => JSON.stringify(x);
  return { ...j, findings: [...j.findings].sort((a, b) => key(a).localeCompare(key(b))), lossy: [...j.lossy].sort((a, b) => key(a).localeCompare(key(b))) };
}

let pool: CpuPool;
beforeAll(() => {
  pool = new CpuPool(2);
});
afterAll(async () => {
  await pool.close();
});
afterEach(() => {
  cpuPoolSettings.threshold = WORKER_BATCH_THRESHOLD;
  delete cpuPoolSettings.pool;
});

/** Writes `project` twice, all inline and every task in the pool; returns both outputs and reports. */
async function exportBothWays(project: Project, format: string, formatOptions: Record<string, unknown> = {}) {
  const run = async (mode: "inline" | "pool") => {
    cpuPoolSettings.threshold = mode === "inline" ? Infinity : 1;
    cpuPoolSettings.pool = mode === "inline" ? null : pool;
    const before = pool.tasksRun;
    const report = new Report(Number.MAX_SAFE_INTEGER);
    const out = path.join(tempDir(`slyconv-workers-${mode}-`), format);
    await writeDataset(project, out, { format, report, formatOptions });
    return { files: snapshot(out), report, tasks: pool.tasksRun - before };
  };
  const inline = await run("inline");
  const pooled = await run("pool");
  return { inline, pooled };
}

function expectSameOutput(a: { files: Map<string, Buffer>; report: Report }, b: { files: Map<string, Buffer>; report: Report }) {
  expect([...b.files.keys()]).toEqual([...a.files.keys()]);
  for (const [f, bytes] of a.files) expect(b.files.get(f)!.equals(bytes), f).toBe(true);
  expect(reportFacts(b.report)).toEqual(reportFacts(a.report));
}

const pngCount = (files: Map<string, Buffer>, dir: string) => [...files.keys()].filter((f) => f.includes(dir) && f.endsWith(".png")).length;

describe("VOC export: masks drawn in the worker pool", () => {
  it("a synthetic project: the same files, byte for byte, and the same report", async () => {
    const { inline, pooled } = await exportBothWays(syntheticProject(20), "voc");
    expect(inline.tasks).toBe(0);
    // One job per image with something to draw, sent up to 8 a message.
    expect(pooled.tasks).toBeGreaterThanOrEqual(3);
    expect(pooled.tasks).toBeLessThanOrEqual(20);
    expect(pngCount(inline.files, "SegmentationClass/")).toBe(20);
    expect(pngCount(inline.files, "SegmentationObject/")).toBe(20);
    expectSameOutput(inline, pooled);
  });

  it("the devkit fixture (void borders, tagged instances): the same files", async () => {
    const report = new Report();
    const { project } = await readDataset(await devkitFixture(), { format: "voc", report });
    const { inline, pooled } = await exportBothWays(await materializeProject(project), "voc");
    expect(pooled.tasks).toBeGreaterThan(0);
    expect(pngCount(inline.files, "SegmentationObject/")).toBeGreaterThan(0);
    expectSameOutput(inline, pooled);
  });

  it("an undecodable bitmap is counted as lost, the same way inline and from a worker", async () => {
    const { inline, pooled } = await exportBothWays(syntheticProject(6, true), "voc");
    expect(pooled.tasks).toBeGreaterThanOrEqual(1);
    expect(pooled.tasks).toBeLessThanOrEqual(6);
    const lost = inline.report.toJSON().lossy.filter((l) => /cannot be decoded \(bitmap data is neither a zlib stream nor a PNG\)/.test(l.reason));
    expect(lost.map((l) => l.count)).toEqual([1]);
    expectSameOutput(inline, pooled);
  });
});

describe("masks export: layers drawn and encoded in the worker pool", () => {
  it("a synthetic project (with an undecodable bitmap): the same files and the same report", async () => {
    const { inline, pooled } = await exportBothWays(syntheticProject(20, true), "masks");
    expect(pooled.tasks).toBe(20);
    expect(inline.report.countOf("bitmap-unreadable")).toBe(1);
    expect(pngCount(inline.files, "masks_instances/")).toBeGreaterThan(100);
    expectSameOutput(inline, pooled);
  });

  it("the generic-index fixture: the same files", async () => {
    const { project } = await readDataset(path.join(FIXTURES, "masks/generic-index"), { format: "masks", report: new Report() });
    const { inline, pooled } = await exportBothWays(await materializeProject(project), "masks");
    expect(pooled.tasks).toBeGreaterThan(0);
    expectSameOutput(inline, pooled);
  });
});

describe("COCO export: mask segmentations computed in the worker pool", () => {
  it("RLE (bitmaps, clipped bitmaps, polygons with holes, unions): the same files and the same report", async () => {
    const { inline, pooled } = await exportBothWays(syntheticProject(20, true), "coco", { images: "none" });
    expect(pooled.tasks).toBe(20);
    const instances = JSON.parse(inline.files.get("annotations/instances_ds0.json")!.toString("utf8"));
    const rles = instances.annotations.filter((a: any) => !Array.isArray(a.segmentation));
    expect(rles.some((a: any) => typeof a.segmentation.counts === "string")).toBe(true);
    expect(rles.some((a: any) => Array.isArray(a.segmentation.counts))).toBe(true);
    expect(inline.report.countOf("coco-mask-clipped")).toBeGreaterThan(0);
    expect(inline.report.lossEntries.some((l) => l.reason.startsWith("the bitmap data cannot be decoded"))).toBe(true);
    expectSameOutput(inline, pooled);
    // The COCO writer goes through items one by one: even the order of the findings is the same.
    expect(pooled.report.toJSON()).toEqual(inline.report.toJSON());
  });

  it("--polygons (masks traced to outlines): the same files and the same report", async () => {
    const { inline, pooled } = await exportBothWays(syntheticProject(12), "coco", { images: "none", polygons: true });
    expect(pooled.tasks).toBe(12);
    expectSameOutput(inline, pooled);
  });

  it("the full fixture (crowd RLE, keypoints, captions): the same files", async () => {
    const { project } = await readDataset(path.join(FIXTURES, "coco/full"), { format: "coco", report: new Report() });
    const { inline, pooled } = await exportBothWays(await materializeProject(project), "coco", { images: "none" });
    expect(pooled.tasks).toBeGreaterThan(0);
    expectSameOutput(inline, pooled);
  });
});

describe("masks and VOC import: each item's masks read in the worker pool", () => {
  for (const [format, fixture] of [["masks", "masks/generic-index"], ["masks", "masks/generic-colour"], ["masks", "masks/sly-layout"], ["voc", "devkit"]] as const) {
    it(`${fixture}: the same project files and the same report inline and pooled`, async () => {
      const run = async (mode: "inline" | "pool") => {
        cpuPoolSettings.threshold = mode === "inline" ? Infinity : 1;
        cpuPoolSettings.pool = mode === "inline" ? null : pool;
        const before = pool.tasksRun;
        const report = new Report();
        const out = path.join(tempDir(), "sly");
        // The VOC devkit with its mask PNGs (test/voc/fixture.ts) is made in a temporary folder.
        const input = fixture === "devkit" ? await devkitFixture() : path.join(FIXTURES, fixture);
        const { project } = await readDataset(input, { format, report });
        await writeDataset(project, out, { format: "supervisely", report, images: "none" });
        return { files: snapshot(out), report, tasks: pool.tasksRun - before };
      };
      const inline = await run("inline");
      const pooled = await run("pool");
      expect(inline.tasks).toBe(0);
      expect(pooled.tasks).toBeGreaterThan(0);
      expectSameOutput(inline, pooled);
      expect(pooled.report.toJSON()).toEqual(inline.report.toJSON());
    });
  }
});

describe("CPU tasks: thresholds and errors", () => {
  it("below the threshold nothing leaves the calling thread", async () => {
    cpuPoolSettings.pool = pool;
    cpuPoolSettings.threshold = 1000;
    const before = pool.tasksRun;
    await writeDataset(syntheticProject(5), path.join(tempDir(), "voc"), { format: "voc", report: new Report() });
    expect(pool.tasksRun).toBe(before);
  });

  it("an error thrown in a worker comes back as the project's own class", async () => {
    // Any export of a built module can be a task: here the codec the tasks catch errors of, called on bad data.
    const decode = cpuTask(encodeBitmapTask.module, "decodeBitmapData", decodeBitmapData);
    const err = await pool.run(decode, "!!!").then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(BitmapDataError);
    expect((err as Error).message).toBe("bitmap data is not base64");
    await expect(pool.run(decode, "")).rejects.toBeInstanceOf(BitmapDataError);
    // A task that catches it: the VOC renderer reports the draw it could not decode, from the worker as inline.
    const job = { width: 4, height: 4, coords: new Float64Array(0), ringStarts: Int32Array.of(0), draws: [{ geometry: { type: "bitmap" as const, origin: [0, 0] as [number, number], data: "!!!" }, classIndex: 1, instance: 1 }], voids: [], palette: new Uint8Array(768) };
    // Jobs travel packed (VocMaskBatch); each job's outcome is unpacked from the batch's result.
    const inPool = async (jobs: VocMaskJob[]) => vocMaskBatchOutcomes(await pool.run(renderVocMaskBatchTask, packVocMaskBatch(jobs)), jobs.length);
    const inline = vocMaskBatchOutcomes(renderVocMaskBatchTask.fn(packVocMaskBatch([structuredClone(job)])), 1);
    expect(inline).toEqual([{ pngs: { unreadable: [{ draw: 0, message: "bitmap data is not base64" }] } }]);
    expect(await inPool([structuredClone(job)])).toEqual(inline);
    const empty = { ...job, draws: [{ ...job.draws[0], geometry: { ...job.draws[0].geometry, data: "" } }] };
    expect(await inPool([empty, structuredClone(job)])).toEqual([
      { pngs: { unreadable: [{ draw: 0, message: "bitmap data is empty" }] } },
      { pngs: { unreadable: [{ draw: 0, message: "bitmap data is not base64" }] } },
    ]);
    // An image over the pixel limit fails alone, as the project's own error; the others of its batch are drawn.
    const huge = { ...structuredClone(job), width: 100_000, height: 100_000 };
    const [tooBig, drawn] = await inPool([huge, structuredClone(job)]);
    expect(tooBig).toMatchObject({ error: { code: "pixel-limit" } });
    expect(drawn).toEqual(inline[0]);
  });

  it("SlyconvError keeps its code and location; other errors become CpuTaskError", () => {
    const e = reviveTaskError(taskErrorData(new SlyconvError("bad-thing", "it is bad", { file: "a.json", line: 3 })));
    expect(e).toBeInstanceOf(SlyconvError);
    expect(e).toMatchObject({ code: "bad-thing", message: "it is bad", location: { file: "a.json", line: 3 } });
    expect(reviveTaskError(taskErrorData(new TypeError("x is undefined")))).toBeNull();
    expect(new CpuTaskError("m")).toBeInstanceOf(Error);
  });
});
