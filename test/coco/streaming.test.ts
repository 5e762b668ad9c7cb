/**
 * The COCO reader never holds the JSON: a ~50 MB file is read in a process whose whole heap is limited to 40 MB,
 * where JSON.parse of the file cannot even start (checked too). Needs the build (npm test builds).
 */
import { describe, expect, it, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT, tempDir } from "../helpers/paths.js";

const IMAGES = 2000, ANNOTATIONS = 40_000;
let file: string, dir: string;

beforeAll(() => {
  dir = tempDir("slyconv-coco-stream-");
  file = path.join(dir, "instances_big.json");
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, `{"info": {"description": "streaming test"}, "images": [`);
  const images: string[] = [];
  for (let i = 0; i < IMAGES; i++) images.push(JSON.stringify({ id: i + 1, file_name: `${i}.jpg`, width: 640, height: 480 }));
  fs.writeSync(fd, images.join(","));
  fs.writeSync(fd, `], "annotations": [`);
  // ~1.2 KB per annotation: an 80-vertex polygon with two decimals.
  for (let a = 0; a < ANNOTATIONS; a += 1000) {
    const chunk: string[] = [];
    for (let k = a; k < a + 1000; k++) {
      const seg: number[] = [];
      for (let v = 0; v < 80; v++) seg.push(100 + ((k * 7 + v * 13) % 400) + 0.25, 50 + ((k * 3 + v * 11) % 300) + 0.75);
      chunk.push(JSON.stringify({ id: k + 1, image_id: (k % IMAGES) + 1, category_id: 1 + (k % 3), segmentation: [seg], area: 100, bbox: [1, 2, 3, 4], iscrowd: 0 }));
    }
    fs.writeSync(fd, (a ? "," : "") + chunk.join(","));
  }
  // Categories last, as COCO writes them: the reader locates the annotations in its scan and reads them after.
  fs.writeSync(fd, `], "categories": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}, {"id": 3, "name": "c"}]}`);
  fs.closeSync(fd);
});

function runWithHeap(script: string, heapMB: number) {
  const p = path.join(dir, `s${Math.random().toString(36).slice(2)}.mjs`);
  fs.writeFileSync(p, script);
  return spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, p], {
    encoding: "utf8", timeout: 300_000,
  });
}

describe("COCO reader memory", () => {
  it("reads a file larger than the heap", () => {
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(45e6);
    if (!fs.existsSync(path.join(REPO_ROOT, "dist/src/api.js"))) throw new Error("dist/ is missing: run `npm run build` first");
    const control = runWithHeap(`import fs from "node:fs"; JSON.parse(fs.readFileSync(${JSON.stringify(file)}, "utf8")); console.log("parsed");`, 40);
    expect(control.status).not.toBe(0); // whole-file parsing does not fit in 40 MB

    const r = runWithHeap(`
      import { readDataset } from ${JSON.stringify(path.join(REPO_ROOT, "dist/src/api.js"))};
      const { project } = await readDataset(${JSON.stringify(file)}, { format: "coco", formatOptions: { images: "none" } });
      let items = 0, labels = 0, vertices = 0;
      for (const ds of project.datasets) for await (const it of ds.items()) {
        items++;
        for (const l of it.annotation.labels) { labels++; vertices += l.geometry.exterior.length; }
      }
      console.log(JSON.stringify({ items, labels, vertices, heapMB: process.memoryUsage().heapUsed / 2 ** 20 }));
    `, 40);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(out).toMatchObject({ items: IMAGES, labels: ANNOTATIONS, vertices: ANNOTATIONS * 80 });
  });
});
