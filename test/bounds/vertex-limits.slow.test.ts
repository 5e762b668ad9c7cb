/**
 * Issue 18, the vertex and labels limits at full size (npm run test:slow): annotations under the file-size limit
 * packed with vertices or objects, made in the test and run through the CLI in a child process with a 512 MB heap
 * cap; where /usr/bin/time exists, peak resident memory must stay under 1 GB (before these were refused from their
 * bytes: 2 GB for the Supervisely file, 1.9 GB for the COCO one, 3.4 GB for the VOC one). Items at both default
 * limits are converted under 1 GB too. The quick versions, with lowered limits, are in vertex-limits.test.ts.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { tempDir } from "../helpers/paths.js";
import { runBounded, type BoundedResult } from "../helpers/bounded-run.js";
import { cocoPolygons, superviselyPolygons, vocObjects } from "../helpers/huge-inputs.js";

const VERTEX_ADVICE = "over the limit of 1000000 vertices per item (each takes about 350 bytes of memory to convert, and past about 5,000,000 the annotation " +
  "file written is too large to read back); if that is real and the machine has the memory, raise the limit with --max-vertices 13300000 or SLYCONV_MAX_VERTICES=13300000";

function expectBounded(r: BoundedResult, code: number, what: string): void {
  expect(r.timedOut, `timed out after ${r.seconds} s`).toBe(false);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/internal error|heap out of memory|at .*\.js:\d+/);
  if (r.peakMb !== null) expect(r.peakMb, "peak RSS in MB").toBeLessThan(1024);
  console.log(`${what}: peak ${r.peakMb?.toFixed(0)} MB, ${r.seconds} s`);
}

/** Imports `input` (with `args`) next to itself and expects it refused with exit 1 in bounded memory; returns the stderr. */
async function refusedImport(input: string, what: string, ...args: string[]): Promise<string> {
  const r = await runBounded(["import", input, path.join(path.dirname(input), "out"), ...args], { timeoutMs: 300_000 });
  expectBounded(r, 1, what);
  return r.stderr;
}

describe("a Supervisely annotation of 133 MB holding 13.3 million vertices", () => {
  const project = superviselyPolygons(path.join(tempDir(), "p"), 133, 100_000);
  const line = `ds/ann/a.png.json: the file holds 13300000 vertices ([x, y] lists), ${VERTEX_ADVICE}`;

  it("is under the file-size limit, and refused from its bytes by import, export and validate", async () => {
    expect(fs.statSync(path.join(project, "ds", "ann", "a.png.json")).size).toBe(133_009_236);
    const out = path.join(path.dirname(project), "out");
    const imp = await runBounded(["import", project, out], { timeoutMs: 300_000 });
    expectBounded(imp, 1, "import");
    expect(imp.stderr).toBe(`slyconv: ${line} [labels-limit]\n`);
    expect(fs.existsSync(out)).toBe(false);
    const exp = await runBounded(["export", project, out, "-f", "coco"], { timeoutMs: 300_000 });
    expectBounded(exp, 1, "export -f coco");
    expect(exp.stderr).toBe(`slyconv: ${line} [labels-limit]\n`);
    const val = await runBounded(["validate", project], { timeoutMs: 300_000 });
    expectBounded(val, 1, "validate");
    expect(val.stderr).toContain(`${line.replace(": the file", ": error the file")} [file-unreadable]`);
  }, 900_000);

  it("among 256 items (read by the reading thread): refused the same way", async () => {
    const small = JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [] });
    for (let k = 0; k < 256; k++) fs.writeFileSync(path.join(project, "ds", "ann", `b${String(k).padStart(3, "0")}.png.json`), small);
    const out = path.join(path.dirname(project), "out");
    const r = await runBounded(["import", project, out], { timeoutMs: 300_000 });
    expectBounded(r, 1, "import, 257 items");
    expect(r.stderr).toBe(`slyconv: ${line} [labels-limit]\n`);
  }, 600_000);
});

describe("a COCO image with 13.3 million polygon vertices", () => {
  for (const [annotations, vertices] of [[133, 100_000], [1, 13_300_000]]) {
    it(`in ${annotations} annotation(s) of ${vertices} (a 106 MB file): refused after the first pass, before any label is built`, async () => {
      const dir = tempDir();
      const file = cocoPolygons(path.join(dir, "instances_x.json"), annotations, vertices);
      const r = await runBounded(["import", file, path.join(dir, "out")], { timeoutMs: 600_000 });
      expectBounded(r, 1, `COCO ${annotations} × ${vertices}`);
      expect(r.stderr).toBe(`slyconv: instances_x.json#/images/0: image 1 ("a.png") has 13300000 polygon vertices, ${VERTEX_ADVICE} [labels-limit]\n`);
    }, 900_000);
  }
});

describe("a VOC XML of 120 MB holding 1.1 million objects", () => {
  it("is refused from its text before it is parsed (was 3.4 GB and four minutes)", async () => {
    const voc = vocObjects(path.join(tempDir(), "voc"), 1_100_000);
    expect(await refusedImport(voc, "VOC 1.1M objects", "-f", "voc")).toBe("slyconv: Annotations/a.xml: the file holds 1100000 objects, more than the limit of 100000 labels per image; " +
      "if that is real, raise it with --max-labels 1100000 or SLYCONV_MAX_LABELS=1100000 [labels-limit]\n");
  }, 600_000);
});

describe("files under the file-size limit made of nothing but empty values", () => {
  /** A project whose one annotation's customBigData is a list of `blocks` MiB-long runs of `value,` after a first `value`. */
  function customBigData(value: string, blocks: number): string {
    const project = path.join(tempDir(), "p");
    fs.mkdirSync(path.join(project, "ds", "ann"), { recursive: true });
    fs.writeFileSync(path.join(project, "meta.json"), JSON.stringify({ classes: [], tags: [], projectType: "images" }));
    const fd = fs.openSync(path.join(project, "ds", "ann", "a.png.json"), "w");
    fs.writeSync(fd, `{"size":{"height":10,"width":10},"tags":[],"objects":[],"customBigData":{"x":[${value}`);
    const block = `,${value}`.repeat(1 << 20);
    for (let k = 0; k < blocks; k++) fs.writeSync(fd, block);
    fs.writeSync(fd, "]}}");
    fs.closeSync(fd);
    return project;
  }

  it("a Supervisely annotation of 42 million empty lists in customBigData (5.9 GB, then a crash): refused from its bytes", async () => {
    const project = customBigData("[]", 40);
    expect(await refusedImport(project, "Supervisely, 42M empty lists")).toMatch(/^slyconv: ds\/ann\/a\.png\.json: the file holds 41943047 lists and objects, more than an item within the limits holds .* \[labels-limit\]\n$/);
  }, 600_000);

  it("a Supervisely annotation of 63 million numbers in customBigData (2.7 GB): refused from its bytes", async () => {
    const project = customBigData("0", 60);
    expect(await refusedImport(project, "Supervisely, 63M numbers")).toMatch(/^slyconv: ds\/ann\/a\.png\.json: the file holds 62914564 values \(counted by their commas\), more than an item within the limits holds .* \[labels-limit\]\n$/);
  }, 600_000);

  it("a VOC XML of 29 million empty elements (4.7 GB, then a crash): refused from its text", async () => {
    const voc = vocObjects(path.join(tempDir(), "voc"), 1);
    const xml = path.join(voc, "Annotations", "a.xml");
    const text = fs.readFileSync(xml, "utf8").replace("</annotation>", "");
    const fd = fs.openSync(xml, "w");
    fs.writeSync(fd, text);
    const block = "<x/>".repeat(1 << 20);
    for (let k = 0; k < 28; k++) fs.writeSync(fd, block);
    fs.writeSync(fd, "</annotation>");
    fs.closeSync(fd);
    expect(await refusedImport(voc, "VOC, 29M empty elements", "-f", "voc")).toBe("slyconv: Annotations/a.xml: the file holds 29360141 XML elements, more than the objects of the labels limit have (20 for each of 100000, " +
      "and 10000 more: 2010000); if that is real, raise the limit with --max-labels 1467508 or SLYCONV_MAX_LABELS=1467508 [labels-limit]\n");
  }, 600_000);
});

describe("an item at both default limits is converted under 1 GB", () => {
  it("Supervisely: 100,000 polygons of 10 vertices (1,000,000)", async () => {
    const project = superviselyPolygons(path.join(tempDir(), "p"), 100_000, 10);
    const out = path.join(path.dirname(project), "out");
    // The heap may grow to 1 GB here: what is measured is the process's peak.
    const r = await runBounded(["import", project, out], { timeoutMs: 600_000, heapMb: 1024 });
    expectBounded(r, 0, "Supervisely at the limits");
    const objects = JSON.parse(fs.readFileSync(path.join(out, "ds", "ann", "a.png.json"), "utf8")).objects;
    expect(objects).toHaveLength(100_000);
    expect(objects[99_999].points.exterior).toEqual(Array.from({ length: 10 }, (_, k) => [100 + k, 100]));
  }, 900_000);

  it("COCO: 10 annotations of 100,000 vertices on one image", async () => {
    const dir = tempDir();
    const file = cocoPolygons(path.join(dir, "instances_x.json"), 10, 100_000);
    const r = await runBounded(["import", file, path.join(dir, "out")], { timeoutMs: 600_000, heapMb: 1024 });
    expectBounded(r, 0, "COCO at the vertex limit");
    const objects = JSON.parse(fs.readFileSync(path.join(dir, "out", "x", "ann", "a.png.json"), "utf8")).objects;
    expect(objects.map((o: { points: { exterior: unknown[] } }) => o.points.exterior.length)).toEqual(Array(10).fill(100_000));
  }, 900_000);
});
