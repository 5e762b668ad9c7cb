/**
 * A 600-item project (many more items than validate checks at once): every item is checked once, progress reports
 * each one, and findings stay in listing order.
 * (Memory on 100,000 items is measured by test/validate/memory-check.mjs and the benchmark, not here.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import type { Progress } from "../../src/io/progress.js";
import { Report } from "../../src/report.js";
import { encodeBitmapData } from "../../src/codecs/bitmap.js";
import { validateProject } from "../../src/validate/index.js";

const ITEMS = 600;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "slyconv-validate-stream-"));
  const png = await sharp({ create: { width: 16, height: 12, channels: 3, background: "#808080" } }).png().toBuffer();
  const bitmap = encodeBitmapData({ width: 2, height: 2, data: Uint8Array.of(1, 1, 0, 1) });
  fs.writeFileSync(path.join(root, "meta.json"), JSON.stringify({
    classes: [
      { title: "poly", shape: "polygon", color: "#FF0000", geometry_config: {} },
      { title: "mask", shape: "bitmap", color: "#00FF00", geometry_config: {} },
    ],
    tags: [{ name: "score", value_type: "any_number", color: "#0000FF" }],
    projectType: "images",
  }));
  for (const ds of ["part1", "part2"]) {
    for (const sub of ["img", "ann"]) fs.mkdirSync(path.join(root, ds, sub), { recursive: true });
    for (let i = 0; i < ITEMS / 2; i++) {
      const name = `${String(i).padStart(5, "0")}.png`;
      fs.writeFileSync(path.join(root, ds, "img", name), png);
      // Every 100th item puts a polygon vertex outside the image, so findings can be checked for order.
      const x = i % 100 === 0 ? 20 : 10;
      fs.writeFileSync(path.join(root, ds, "ann", `${name}.json`), JSON.stringify({
        size: { height: 12, width: 16 }, tags: [{ name: "score", value: i }],
        objects: [
          { classTitle: "poly", geometryType: "polygon", tags: [], points: { exterior: [[1, 1], [x, 1], [5, 8]], interior: [] } },
          { classTitle: "mask", geometryType: "bitmap", tags: [], bitmap: { origin: [3, 3], data: bitmap } },
        ],
      }));
    }
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe(`streaming validation of ${ITEMS} items`, () => {
  it("checks every item once, reports progress per item, and keeps findings in listing order", async () => {
    const calls: string[] = [];
    let increments = 0;
    const progress: Progress = {
      start: (label, total) => calls.push(`start ${label} ${total}`),
      increment: (n = 1) => { increments += n; },
      stop: () => calls.push("stop"),
    };
    const report = new Report(Number.MAX_SAFE_INTEGER);
    const { items } = await validateProject(root, { report, progress });
    expect(items).toBe(ITEMS);
    expect(calls).toEqual([`start validating ${ITEMS}`, "stop"]);
    expect(increments).toBe(ITEMS);
    expect(report.errorCount).toBe(0);
    const expectedFiles = ["part1", "part2"].flatMap((ds) =>
      Array.from({ length: ITEMS / 2 / 100 }, (_, k) => `${ds}/ann/${String(k * 100).padStart(5, "0")}.png.json`));
    expect(report.findings.map((f) => `${f.code} ${f.file}${f.pointer}`)).toEqual(
      expectedFiles.map((file) => `coordinate-outside-image ${file}/objects/0/points/exterior/1`));
  });

  it("a folder where an annotation file should be is not an annotation", async () => {
    const annFile = path.join(root, "part1/ann/00001.png.json");
    const saved = fs.readFileSync(annFile);
    fs.rmSync(annFile);
    fs.mkdirSync(annFile);
    try {
      const { items, report } = await validateProject(root);
      expect(items).toBe(ITEMS);
      expect(report.findings.filter((f) => f.code === "annotation-missing").map((f) => f.file)).toEqual(["part1/img/00001.png"]);
    } finally {
      fs.rmdirSync(annFile);
      fs.writeFileSync(annFile, saved);
    }
  });

  it("stops the progress bar when validation is interrupted", async () => {
    const calls: string[] = [];
    let n = 0;
    const progress: Progress = {
      start: () => calls.push("start"),
      increment() {
        if (++n === 10) throw new Error("interrupted");
      },
      stop: () => calls.push("stop"),
    };
    await expect(validateProject(root, { progress })).rejects.toThrow("interrupted");
    expect(calls).toEqual(["start", "stop"]);
  });
});
