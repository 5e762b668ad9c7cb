/**
 * Issue 18, hostile input files of hundreds of MB at their real size (npm run test:slow): each is made in the test,
 * run through the CLI in a child process with a 512 MB heap cap, and (where /usr/bin/time exists) its peak resident
 * memory must stay under 1 GB. The quick versions, with lowered limits, are in streamed-labels.test.ts and
 * input-limits.test.ts.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { tempDir } from "../helpers/paths.js";
import { runBounded, type BoundedResult } from "../helpers/bounded-run.js";
import { cocoOneImage, hugeSuperviselyAnnotation, hugeYoloLabels, hugeYoloLine } from "../helpers/huge-inputs.js";

function expectRefused(r: BoundedResult, out: string): void {
  expect(r.timedOut, `timed out after ${r.seconds} s`).toBe(false);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(/internal error|heap out of memory|at .*\.js:\d+/);
  if (r.peakMb !== null) expect(r.peakMb, "peak RSS in MB").toBeLessThan(1024);
  expect(fs.existsSync(out)).toBe(false);
  console.log(`peak ${r.peakMb?.toFixed(0)} MB, ${r.seconds} s: ${r.stderr.trim()}`);
}

describe("YOLO label files of hundreds of MB are streamed", () => {
  it("a 630 MB label file of 35,000,000 lines (once read whole, past the longest string): refused at line 100,001", async () => {
    const dir = hugeYoloLabels(path.join(tempDir(), "in"), 35_000_000);
    expect(fs.statSync(path.join(dir, "labels", "a.txt")).size).toBe(630_000_000);
    const out = path.join(dir, "..", "out");
    const r = await runBounded(["import", dir, out, "-f", "yolo"], { timeoutMs: 300_000 });
    expectRefused(r, out);
    expect(r.stderr).toBe("slyconv: labels/a.txt: the file holds more than 100000 labels, the limit per image (reading stopped at line 100001; at its size, 601 MB, " +
      "it holds about 35000000); if that is real, raise it with --max-labels 35000000 or SLYCONV_MAX_LABELS=35000000 [labels-limit]\n");
  }, 600_000);

  it("a 1 GB label file on one line: refused once the line passes the longest label", async () => {
    const dir = hugeYoloLine(path.join(tempDir(), "in"), 2 ** 30);
    const out = path.join(dir, "..", "out");
    const r = await runBounded(["import", dir, out, "-f", "yolo"], { timeoutMs: 300_000 });
    expectRefused(r, out);
    expect(r.stderr).toBe("slyconv: labels/a.txt:1: the line is longer than 18,000,064 characters; no YOLO label is that long " +
      "(a polygon of the limit of 1,000,000 vertices per image fits); is this a label file? [line-too-long]\n");
  }, 600_000);

  it("a label file of 100,000 labels (the limit, 1.8 MB, streamed) is converted whole", async () => {
    const dir = hugeYoloLabels(path.join(tempDir(), "in"), 100_000);
    const out = path.join(dir, "..", "out");
    const r = await runBounded(["import", dir, out, "-f", "yolo"], { timeoutMs: 300_000 });
    expect(r.code, r.stderr).toBe(0);
    if (r.peakMb !== null) expect(r.peakMb).toBeLessThan(1024);
    const ann = JSON.parse(fs.readFileSync(path.join(out, "train", "ann", "a.png.json"), "utf8"));
    expect(ann.objects).toHaveLength(100_000);
    // 0.5 0.5 0.1 0.1 of 640×480: x 288..352, y 216..264.
    expect(ann.objects[99_999].points.exterior).toEqual([[288, 216], [352, 264]]);
  }, 600_000);
});

describe("files read whole are refused from their size", () => {
  it("a 300 MB Supervisely annotation (under the longest string, once read and taking 1.1 GB): refused before it is read", async () => {
    const dir = hugeSuperviselyAnnotation(path.join(tempDir(), "in"), 300 * 2 ** 20);
    const out = path.join(dir, "..", "out");
    const r = await runBounded(["import", dir, out], { timeoutMs: 300_000 });
    expectRefused(r, out);
    expect(r.stderr).toBe("slyconv: ds/ann/a.png.json: the file is 300 MB, over the limit of 128 MB for a file read whole; if it is real and the machine has the memory " +
      "(a few times the file's size), raise the limit with --max-file-bytes 314572800 or SLYCONV_MAX_FILE_BYTES=314572800 [file-too-large]\n");
    if (r.peakMb !== null) expect(r.peakMb).toBeLessThan(200);
  }, 600_000);

  it("a 1 GB Supervisely annotation: refused, the limit cannot be raised past the longest string", async () => {
    const dir = hugeSuperviselyAnnotation(path.join(tempDir(), "in"), 2 ** 30);
    const out = path.join(dir, "..", "out");
    const r = await runBounded(["--max-file-bytes", String(2 ** 30), "import", dir, out], { timeoutMs: 300_000 });
    expectRefused(r, out);
    expect(r.stderr).toBe("slyconv: ds/ann/a.png.json: the file is 1024 MB, more than the 512 MB a file read as text can hold (the longest JavaScript string); split it into smaller files [file-too-large]\n");
  }, 600_000);
});

describe("COCO: 2.6 million annotations on one image", () => {
  it("a 1.1 GB single-line file: the image's annotations are skipped and reported in bounded memory (was: past 5 GB)", async () => {
    const dir = tempDir();
    const file = cocoOneImage(path.join(dir, "instances_x.json"), 2_600_000, 40);
    expect(fs.statSync(file).size).toBeGreaterThan(2 ** 30);
    const out = path.join(dir, "out");
    const r = await runBounded(["--json", "import", file, out], { timeoutMs: 900_000 });
    expect(r.timedOut, `timed out after ${r.seconds} s`).toBe(false);
    expect(r.code, r.stderr).toBe(1);
    if (r.peakMb !== null) expect(r.peakMb, "peak RSS in MB").toBeLessThan(1024);
    console.log(`COCO 2.6M annotations on one image: peak ${r.peakMb?.toFixed(0)} MB, ${r.seconds} s`);
    const summary = JSON.parse(r.stdout);
    expect(summary.findings.find((f: { code: string }) => f.code === "labels-limit")).toEqual({
      severity: "error", code: "labels-limit", file: "instances_x.json", pointer: "/images/0",
      message: 'image 1 ("a.png") has 2600000 annotations, more than the limit of 100000 labels per image; they are skipped and the item is written without them; ' +
        "if that is real, raise the limit with --max-labels 2600000 or SLYCONV_MAX_LABELS=2600000",
    });
    // Written (0 labels) + reported (2,600,000) = the file's annotations.
    expect(summary.stats).toMatchObject({ cocoAnnotations: 2_600_000, cocoAnnotationsOverLimit: 2_600_000 });
    expect(summary.labelsPerClass).toEqual({});
    expect(JSON.parse(fs.readFileSync(path.join(out, "x", "ann", "a.png.json"), "utf8")).objects).toEqual([]);
  }, 1_200_000);
});
