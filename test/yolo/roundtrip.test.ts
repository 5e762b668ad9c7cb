/**
 * YOLO → Supervisely project on disk → YOLO, per task: the same files, every value within 1e-6 (and in practice the
 * same bytes, since values written at six decimals read back to the same six decimals).
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { exportProject, importDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { orientedBoxToCorners } from "../../formats/yolo/obb.js";
import { diffTrees, tempDir } from "../helpers/paths.js";
import { YOLO_FIXTURES, expectSameLabels, writeFiles } from "./helpers.js";
import { seededRandom } from "../../bench/random.js";

async function roundTrip(input: string, task: string, importOptions: Record<string, unknown> = {}) {
  const work = tempDir("slyconv-yolo-rt-");
  const project = path.join(work, "project"), out = path.join(work, "out");
  const importReport = new Report();
  await importDataset(input, project, { format: "yolo", formatOptions: importOptions, images: "copy", report: importReport });
  const exportReport = new Report();
  await exportProject(project, out, { format: "yolo", formatOptions: { task }, report: exportReport });
  return { project, out, importReport, exportReport };
}

describe("round trip of the hand-made fixtures", () => {
  for (const task of ["detect", "segment", "pose", "obb"]) {
    it(`${task}: the same files, byte for byte`, async () => {
      const input = path.join(YOLO_FIXTURES, task);
      const { out, exportReport } = await roundTrip(input, task, task === "obb" ? { obb: true } : {});
      expectSameLabels(input, out);
      expect(diffTrees(input, out)).toEqual([]);
      expect(exportReport.lossEntries).toEqual([]);
    });
  }
});


const SIZES: [number, number][] = [[640, 480], [333, 517], [1280, 720], [97, 1001]];
const f6 = (v: number) => v.toFixed(6);

/** A generated dataset of the task: 24 images in train and val, random six-decimal values. */
async function generate(task: string, seed: number, extra: { kpt?: [number, number]; ccw?: boolean } = {}): Promise<string> {
  const rand = seededRandom(seed);
  const root = tempDir(`slyconv-yolo-gen-${task}-`);
  const templates = await Promise.all(SIZES.map(([w, h]) => sharp({ create: { width: w, height: h, channels: 3, background: "#445566" } }).png().toBuffer()));
  const files: Record<string, string | Buffer> = {};
  const names = ["a", "b", "c"];
  let yaml = `train: images/train\nval: images/val\nnc: 3\nnames:\n${names.map((n, i) => `  ${i}: ${n}\n`).join("")}`;
  if (task === "pose") yaml += `kpt_shape: [ ${extra.kpt![0]}, ${extra.kpt![1]} ]\n`;
  for (let i = 0; i < 24; i++) {
    const split = i % 3 === 0 ? "val" : "train";
    const t = i % SIZES.length;
    const [W, H] = SIZES[t];
    files[`images/${split}/im${i}.png`] = templates[t];
    const lines: string[] = [];
    const n = Math.floor(rand() * 4);
    for (let k = 0; k < n; k++) {
      const cls = Math.floor(rand() * 3);
      const xc = 0.1 + rand() * 0.8, yc = 0.1 + rand() * 0.8, w = 0.01 + rand() * 0.2, h = 0.01 + rand() * 0.2;
      if (task === "detect") lines.push(`${cls} ${f6(xc)} ${f6(yc)} ${f6(w)} ${f6(h)}`);
      else if (task === "segment") {
        const pts = 3 + Math.floor(rand() * 6);
        const coords: string[] = [];
        for (let p = 0; p < pts; p++) {
          const a = (2 * Math.PI * p) / pts;
          coords.push(f6(xc + w * Math.cos(a) * (0.5 + rand() / 2)), f6(yc + h * Math.sin(a) * (0.5 + rand() / 2)));
        }
        lines.push(`${cls} ${coords.join(" ")}`);
      } else if (task === "pose") {
        const [K, D] = extra.kpt!;
        const kp: string[] = [];
        for (let p = 0; p < K; p++) {
          const v = Math.floor(rand() * 3);
          if (D === 3 && v === 0) kp.push("0", "0", "0");
          else if (D === 2 && v === 0) kp.push("0", "0");
          else kp.push(f6(xc + (rand() - 0.5) * w), f6(yc + (rand() - 0.5) * h), ...(D === 3 ? [String(v)] : []));
        }
        lines.push(`${cls} ${f6(xc)} ${f6(yc)} ${f6(w)} ${f6(h)} ${kp.join(" ")}`);
      } else {
        // A rotated rectangle in pixels, written at six decimals (Ultralytics-style rounding noise included).
        const box = { type: "oriented_bbox" as const, left: xc * W - w * W / 2, right: xc * W + w * W / 2, top: yc * H - h * H / 2, bottom: yc * H + h * H / 2, angle: (rand() - 0.5) * Math.PI };
        const corners = orientedBoxToCorners(box, extra.ccw ? "ccw" : "cw");
        lines.push(`${cls} ${corners.map(([x, y]) => `${f6(x / W)} ${f6(y / H)}`).join(" ")}`);
      }
    }
    files[`labels/${split}/im${i}.txt`] = lines.length ? lines.join("\n") + "\n" : "";
  }
  files["data.yaml"] = yaml;
  writeFiles(root, files);
  return root;
}

/**
 * The Supervisely writer writes a coordinate within 1e-3 px of an integer as that integer (the SDK floors coordinates
 * on load), so a normalised value may move by up to 1e-3 px over the smallest image side.
 */
const SNAP_TOLERANCE = 1e-3 / Math.min(...SIZES.flat());

describe("round trip of generated datasets (values within 1e-6, or the 1e-3 px integer snapping)", () => {
  const cases: [string, string, Parameters<typeof generate>[2], Record<string, unknown>][] = [
    ["detect", "detect", {}, {}],
    ["segment", "segment", {}, {}],
    ["pose [5, 3]", "pose", { kpt: [5, 3] }, {}],
    ["pose [4, 2]", "pose", { kpt: [4, 2] }, {}],
    ["obb, clockwise corners", "obb", {}, { obb: true }],
    ["obb, counter-clockwise corners", "obb", { ccw: true }, { obb: true }],
  ];
  cases.forEach(([title, task, extra, importOptions], i) => {
    it(title, async () => {
      const input = await generate(task, 1000 + i, extra);
      const { out, importReport, exportReport } = await roundTrip(input, task, importOptions);
      expectSameLabels(input, out, 1e-6 + SNAP_TOLERANCE);
      // Rectangles written at six decimals are rectangles: none falls back to a polygon.
      expect(importReport.countOf("yolo-obb-not-rectangle")).toBe(0);
      expect(diffTrees(path.join(input, "images"), path.join(out, "images"))).toEqual([]);
      expect(exportReport.lossEntries).toEqual([]);
      if (task === "obb") {
        const side = JSON.parse(fs.readFileSync(path.join(out, "..", "project", "yolo.json"), "utf8"));
        expect(side.obb_corner_order).toBe(extra?.ccw ? "ccw" : "cw");
      }
    });
  });
});

describe("round trip of an OBB file listing corners both ways", () => {
  it("keeps each line's order, warning about the odd one", async () => {
    const root = tempDir("slyconv-yolo-mixed-");
    writeFiles(root, {
      "data.yaml": "train: images/train\nnames: [a]\n",
      "images/train/m.png": await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#000" } }).png().toBuffer(),
      "labels/train/m.txt": "0 0.475000 0.400000 0.555000 0.520000 0.525000 0.600000 0.445000 0.480000\n0 0.475000 0.400000 0.445000 0.480000 0.525000 0.600000 0.555000 0.520000\n",
    });
    const { out, importReport } = await roundTrip(root, "obb", { obb: true });
    expect(importReport.findings.filter((f) => f.code === "yolo-obb-order-mixed").map((f) => `${f.file}:${f.line}`)).toEqual(["labels/train/m.txt:2"]);
    expect(fs.readFileSync(path.join(out, "labels/train/m.txt"), "utf8")).toBe(fs.readFileSync(path.join(root, "labels/train/m.txt"), "utf8"));
  });
});
