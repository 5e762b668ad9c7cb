/** What test/bounds/bounds.test.ts, bounds.slow.test.ts and mask-files.slow.test.ts share: issue 18's inputs and the check of a bounded run. */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { runBounded, type BoundedResult } from "../helpers/bounded-run.js";
import { DEFAULT_MAX_PIXELS } from "../../src/limits.js";

/** The 200-byte COCO file of the issue: one polygon vertex at 1e300. */
export const COCO_1E300 = `{"images":[{"id":1,"file_name":"a.png","width":64,"height":48}],"categories":[{"id":1,"name":"cat"}],` +
  `"annotations":[{"id":1,"image_id":1,"category_id":1,"segmentation":[[10,10,1e300,10,20,30]],"area":1,"bbox":[10,10,10,20],"iscrowd":0}]}`;

export const LIMIT_TEXT = `over the limit of ${DEFAULT_MAX_PIXELS.toLocaleString("en-US")} pixels`;

/** The refusal of hugeBitmapProject's 40000² bitmap by an export that must decode it. */
export const HUGE_BITMAP_REFUSAL = new RegExp(`^slyconv: the (bitmap|image) is 40000×40000 \\(1,600,000,000 pixels\\), ${LIMIT_TEXT}; .*--max-pixels 1600000000 or SLYCONV_MAX_PIXELS=1600000000 \\[pixel-limit\\]$`, "m");

/** The refusal of hugeImageSizeProject's 100000² image by an export that must draw on it. */
export const HUGE_IMAGE_REFUSAL = /^slyconv: the image is 100000×100000 \(10,000,000,000 pixels\), over the limit of 134,217,728 pixels; .* \[pixel-limit\]$/m;

/** Ended by itself, with an exit code the CLI documents, in bounded memory; with `what`, its peak and time are logged under that name. */
export function expectBounded(r: BoundedResult, codes: number[], what?: string): void {
  expect(r.timedOut, `timed out after ${r.seconds} s; stderr: ${r.stderr}`).toBe(false);
  expect(codes, `exit ${r.code} (${r.signal}); stderr: ${r.stderr}`).toContain(r.code);
  expect(r.stderr).not.toMatch(/internal error|heap out of memory|at .*\.js:\d+/);
  if (r.peakMb !== null) expect(r.peakMb, "peak RSS in MB").toBeLessThan(1024);
  if (what) console.log(`${what}: peak ${r.peakMb?.toFixed(0)} MB, ${r.seconds} s`);
}

/** Exports `project` to `format` next to it: refused with exit 1 in bounded memory, stderr matching `refusal`, nothing written. */
export async function expectExportRefused(project: string, format: string, refusal: RegExp): Promise<void> {
  const out = path.join(project, "..", format);
  const r = await runBounded(["export", project, out, "-f", format], { timeoutMs: 60_000 });
  expectBounded(r, [1]);
  expect(r.stderr).toMatch(refusal);
  expect(fs.existsSync(out), `${out} left behind`).toBe(false);
}

/** A project of one 100000² image (its size only) holding a polygon: nothing to decode, so nothing to refuse. */
export function hugeImageSizeProject(project: string): string {
  fs.mkdirSync(path.join(project, "ds", "ann"), { recursive: true });
  fs.writeFileSync(path.join(project, "meta.json"), JSON.stringify({ classes: [{ title: "cat", shape: "polygon", color: "#FF0000" }], tags: [], projectType: "images" }));
  fs.writeFileSync(path.join(project, "ds", "ann", "a.png.json"), JSON.stringify({ size: { width: 100000, height: 100000 }, tags: [], description: "",
    objects: [{ classTitle: "cat", geometryType: "polygon", tags: [], description: "", points: { exterior: [[10, 10], [90000, 10], [500, 90000]], interior: [] } }] }));
  return project;
}
