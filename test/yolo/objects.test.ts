/**
 * YOLO export, object by object: labels bound by `instance` are one line; boxes from masks cover their pixels; the
 * crowd / difficult policy; split names; placeholder classes; flip_idx from keypoint names; parts joined into one
 * outline. Expected lines are worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { Item, Label, Project } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { bitmapFromMask } from "../../src/codecs/bitmap.js";
import { createMask } from "../../src/codecs/mask.js";
import { writeDataset } from "../../src/api.js";
import { writeYolo, splitKeyOf, type YoloWriteOptions } from "../../formats/yolo/write.js";
import { joinRings } from "../../formats/yolo/join-rings.js";
import { flipIdxFromNames } from "../../formats/yolo/flip-idx.js";
import { skipPolicyOf } from "../../src/skip-objects.js";
import { tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/cli.js";
import { context } from "./helpers.js";
import { fuzzRuns } from "../fuzz/harness.js";
import { countsPerClass, readAsUltralytics } from "./ultralytics-reader.js";

const rect = (left: number, top: number, right: number, bottom: number) => ({ type: "rectangle" as const, left, top, right, bottom });
const poly = (...pts: [number, number][]) => ({ type: "polygon" as const, exterior: pts, interior: [] });
const label = (classTitle: string, geometry: Label["geometry"], more: Partial<Label> = {}): Label => ({ classTitle, geometry, tags: [], ...more });
const filledMask = (w: number, h: number) => {
  const m = createMask(w, h);
  m.data.fill(1);
  return m;
};

function project(labels: Label[], datasets = ["train"], classes: [string, string][] = [["sofa", "polygon"]]): Project {
  const meta = emptyProjectMeta();
  for (const [t, s] of classes) ensureClass(meta, t, s);
  return {
    meta,
    datasets: datasets.map((name, i) => ({ name, datasets: [], items: [{ name: `img${i}.png`, annotation: { size: { width: 100, height: 50 }, tags: [], labels: i === 0 ? labels : [] } } as Item] })),
  };
}

async function exportTo(p: Project, options: YoloWriteOptions, report = new Report()) {
  const out = tempDir("slyconv-yolo-obj-");
  await writeYolo(p, out, { images: "none", ...options }, context(report));
  const read = (rel: string) => fs.readFileSync(path.join(out, rel), "utf8");
  return { out, report, read, yaml: YAML.parse(read("data.yaml")) as Record<string, unknown> };
}

describe("YOLO export: one line per object", () => {
  it("detect: four polygon parts bound by `instance` are one box, the COCO bbox the reader kept when it has one", async () => {
    const parts = [
      label("sofa", poly([10, 10], [20, 10], [20, 20]), { extra: { instance: "a1", coco: { bbox: [10, 10, 40, 30] } } }),
      label("sofa", poly([30, 30], [40, 30], [40, 40]), { extra: { instance: "a1" } }),
      label("sofa", poly([60, 5], [70, 5], [70, 15])),
      label("sofa", poly([80, 5], [90, 5], [90, 15]), { extra: { instance: "b" } }),
      label("sofa", poly([80, 20], [95, 20], [95, 45]), { extra: { instance: "b" } }),
    ];
    const { read, report } = await exportTo(project(parts), { task: "detect" });
    expect(read("labels/train/img0.txt")).toBe([
      "0 0.300000 0.500000 0.400000 0.600000", // the kept bbox [10, 10, 40, 30], not the parts' extent 10..40 × 10..40
      "0 0.650000 0.200000 0.100000 0.200000", // a lone polygon: its extent 60..70 × 5..15
      "0 0.875000 0.500000 0.150000 0.800000", // two bound parts, no kept bbox: their union 80..95 × 5..45
    ].join("\n") + "\n");
    expect(report.lossEntries).toEqual([]);
    expect(report.findings.filter((f) => f.code === "yolo-converted").map((f) => f.message)).toEqual([
      "2 multi-label objects written as one line each (labels bound by instance) (sofa); 1 polygon label written as boxes (sofa)",
    ]);
  });

  it("masks: a 55×40 mask at (5, 5) is a 55×40 box, a 1-pixel mask a 1×1 box (detect); traced outlines (segment)", async () => {
    const p = project([
      label("blob", bitmapFromMask(filledMask(55, 40), 5, 5)!),
      label("blob", bitmapFromMask(filledMask(1, 1), 70, 45)!),
    ], ["train"], [["blob", "bitmap"]]);
    const det = await exportTo(p, { task: "detect" });
    // 5..60 × 5..45 in a 100 × 50 image; 70..71 × 45..46
    expect(det.read("labels/train/img0.txt")).toBe("0 0.325000 0.500000 0.550000 0.800000\n0 0.705000 0.910000 0.010000 0.020000\n");
    const seg = await exportTo(p, { task: "segment" });
    expect(seg.read("labels/train/img0.txt")).toBe([
      "0 0.050000 0.100000 0.600000 0.100000 0.600000 0.900000 0.050000 0.900000",
      "0 0.700000 0.900000 0.710000 0.900000 0.710000 0.920000 0.700000 0.920000",
    ].join("\n") + "\n");
    expect(seg.report.lossEntries).toEqual([]);
  });

  it("segment: the parts of one object are one line, joined where they come closest (as Ultralytics joins COCO parts)", async () => {
    const a: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10]];
    const b: [number, number][] = [[30, 0], [40, 0], [40, 10], [30, 10]];
    // Enter b at (30, 0) from a's (10, 0), go round b, come back to a and round it.
    expect(joinRings([a, b])).toEqual([[10, 0], [30, 0], [40, 0], [40, 10], [30, 10], [30, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
    const c: [number, number][] = [[60, 0], [70, 0], [70, 10], [60, 10], [60, 0]]; // closed: the repeated vertex is dropped
    // a → b at (10, 0)–(30, 0), b → c at (40, 0)–(60, 0): down the chain to c, round it, back up through b and a.
    expect(joinRings([a, b, c])).toEqual([
      [10, 0], [30, 0], [40, 0], [60, 0], [70, 0], [70, 10], [60, 10], [60, 0], [40, 0], [40, 10], [30, 10], [30, 0], [10, 0], [10, 10], [0, 10], [0, 0],
    ]);
    const { read } = await exportTo(project([
      label("sofa", poly(...a), { extra: { instance: "s" } }),
      label("sofa", poly(...b), { extra: { instance: "s" } }),
    ]), { task: "segment" });
    expect(read("labels/train/img0.txt")).toBe("0 " + joinRings([a, b]).map(([x, y]) => `${(x / 100).toFixed(6)} ${(y / 50).toFixed(6)}`).join(" ") + "\n");
  });

  it("joinRings: any parts give one ring through every vertex whose signed area is the parts' sum (the cuts cancel)", async () => {
    const signed = (r: readonly [number, number][]) => r.reduce((s, [x, y], i) => { const [u, v] = r[(i + 1) % r.length]; return s + x * v - u * y; }, 0) / 2;
    fc.assert(fc.property(
      fc.array(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), { minLength: 3, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
      (parts) => {
        const joined = joinRings(parts as [number, number][][]);
        const want = parts.reduce((s, p) => s + signed(p as [number, number][]), 0);
        expect(Math.abs(signed(joined) - want)).toBeLessThan(1e-6);
        const seen = new Set(joined.map(([x, y]) => `${x},${y}`));
        for (const p of parts) for (const [x, y] of p) expect(seen.has(`${x},${y}`)).toBe(true);
      },
    ), { numRuns: fuzzRuns(200) });
  });

  it("pose: COCO's person + person_keypoints are one class; the box is the bbox; a person with no keypoints is written", async () => {
    const meta = emptyProjectMeta();
    ensureClass(meta, "person", "polygon");
    ensureClass(meta, "person_keypoints", "graph", { geometryConfig: { nodes: { nose: { label: "nose", loc: [0, 0] }, left_eye: { label: "left_eye", loc: [0, 0] }, right_eye: { label: "right_eye", loc: [0, 0] } }, edges: [] } });
    const labels = [
      label("person", poly([10, 10], [30, 10], [30, 40]), { extra: { instance: "p1", coco: { bbox: [8, 8, 30, 40] } } }),
      label("person_keypoints", { type: "graph", nodes: { nose: { loc: [20, 15] }, right_eye: { loc: [22, 12], disabled: true } } }, { extra: { instance: "p1" } }),
      label("person", poly([50, 10], [60, 10], [60, 30]), { extra: { coco: { keypoints: [0, 0, 0, 0, 0, 0, 0, 0, 0] } } }),
    ];
    const p: Project = { meta, datasets: [{ name: "val2017", datasets: [], items: [{ name: "a.jpg", annotation: { size: { width: 100, height: 50 }, tags: [], labels } }] }] };
    const { read, yaml, report } = await exportTo(p, { task: "pose" });
    expect(yaml.names).toEqual({ 0: "person" });
    expect(yaml.flip_idx).toEqual([0, 2, 1]);
    expect(read("labels/val2017/a.txt")).toBe([
      "0 0.230000 0.560000 0.300000 0.800000 0.200000 0.300000 2 0 0 0 0.220000 0.240000 1", // box = bbox [8, 8, 30, 40]
      "0 0.550000 0.400000 0.100000 0.400000 0 0 0 0 0 0 0 0 0", // no keypoints: all missing, box = its outline
    ].join("\n") + "\n");
    expect(report.lossEntries).toEqual([]);
    // The same project as detect: one `person` class (the keypoint class is its owner's), one box per person.
    const det = await exportTo(p, { task: "detect" });
    expect(det.yaml.names).toEqual({ 0: "person" });
    expect(det.read("labels/val2017/a.txt")).toBe("0 0.230000 0.560000 0.300000 0.800000\n0 0.550000 0.400000 0.100000 0.400000\n");
  });
});

describe("flip_idx from keypoint names", () => {
  it("pairs left/right words in any style, others stay; no pair → none", async () => {
    const coco = ["nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle"];
    // Ultralytics' coco-pose.yaml
    expect(flipIdxFromNames(coco)).toEqual([0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]);
    expect(flipIdxFromNames(["Left Knee", "head", "Right Knee"])).toEqual([2, 1, 0]);
    expect(flipIdxFromNames(["wrist-right", "wrist-left"])).toEqual([1, 0]);
    expect(flipIdxFromNames(["leftHand", "rightHand", "bright"])).toEqual([1, 0, 2]);
    expect(flipIdxFromNames(["0", "1", "2"])).toBeNull();
    expect(flipIdxFromNames(["left_eye", "nose"])).toBeNull();
  });
});

describe("splits", () => {
  it("names map to train / val / test the way users name them; other names train", async () => {
    const key = (n: string) => splitKeyOf(n).key;
    expect(["train", "train2017", "Training", "trainval", "train_coco"].map(key)).toEqual(["train", "train", "train", "train", "train"]);
    expect(["val", "val2017", "valid", "validation", "dev", "instances_val2014", "minival"].map(key)).toEqual(Array(7).fill("val"));
    expect(["test", "test2017", "test-dev", "testdev", "test_coco"].map(key)).toEqual(Array(5).fill("test"));
    expect(splitKeyOf("default")).toEqual({ key: "train", named: false });
  });

  it("COCO train2017 + val2017 + test-dev: each under its own key, never one in another, said in one info line", async () => {
    const p = project([label("sofa", poly([1, 1], [5, 1], [5, 5]))], ["train2017", "val2017", "test-dev"]);
    const { yaml, report } = await exportTo(p, { task: "detect" });
    expect([yaml.train, yaml.val, yaml.test]).toEqual(["images/train2017", "images/val2017", "images/test-dev"]);
    expect(report.findings.filter((f) => f.code === "yolo-splits").map((f) => f.message)).toEqual(["splits by folder name: train: train2017; val: val2017; test: test-dev"]);
    expect(report.countOf("yolo-no-val")).toBe(0);
  });

  it("a plain VOC folder's `unlisted` is images/train; beside a `train` dataset it keeps its name (and trains)", async () => {
    const alone = await exportTo(project([label("sofa", poly([1, 1], [5, 1], [5, 5]))], ["unlisted"]), { task: "detect" });
    expect(alone.yaml.train).toBe("images/train");
    expect(alone.report.findings.filter((f) => f.code === "yolo-splits").map((f) => f.message)).toEqual(["splits by folder name: train: train; val: none; test: none; the dataset unlisted (images in no VOC list) is written as train"]);
    expect(fs.existsSync(path.join(alone.out, "labels/train/img0.txt"))).toBe(true);
    const both = await exportTo(project([], ["train", "val", "unlisted"]), { task: "detect" });
    expect([both.yaml.train, both.yaml.val]).toEqual([["images/train", "images/unlisted"], "images/val"]);
    expect(both.report.findings.find((f) => f.code === "yolo-splits")!.message).toBe("splits by folder name: train: train, unlisted; val: val; test: none (names that say no split train)");
  });
});

describe("placeholder classes", () => {
  it("_background_ is left out of names unless --keep-placeholder-classes; a label of it gets the next index", async () => {
    const classes: [string, string][] = [["_background_", "polygon"], ["cat", "polygon"]];
    const p = project([label("cat", poly([1, 1], [5, 1], [5, 5]))], ["train"], classes);
    const dropped = await exportTo(p, { task: "detect" });
    expect(dropped.yaml.names).toEqual({ 0: "cat" });
    expect(dropped.read("labels/train/img0.txt")).toMatch(/^0 /);
    expect(dropped.report.findings.find((f) => f.code === "yolo-placeholder-classes")!.message).toBe('"_background_" left out of names: placeholder classes, not object classes (`keepPlaceholderClasses` keeps them)');
    const kept = await exportTo(p, { task: "detect", keepPlaceholderClasses: true });
    expect(kept.yaml.names).toEqual({ 0: "_background_", 1: "cat" });
    const used = await exportTo(project([label("_background_", poly([1, 1], [5, 1], [5, 5]))], ["train"], classes), { task: "detect" });
    expect(used.yaml.names).toEqual({ 0: "cat", 1: "_background_" });
    expect(used.read("labels/train/img0.txt")).toMatch(/^1 /);
    expect(used.report.countOf("yolo-placeholder-class-used")).toBe(1);
  });

  it("Roboflow's project-name category (supercategory none, parent of every other) is a placeholder", async () => {
    const p = project([label("shuttlecock", rect(1, 1, 5, 5))], ["train"], [["badminton", "rectangle"], ["shuttlecock", "rectangle"]]);
    p.sideFiles = {
      "coco_info.json": {
        format: "slyconv-coco/1",
        categories: [{ id: 0, name: "badminton", supercategory: "none" }, { id: 1, name: "shuttlecock", supercategory: "badminton" }],
        classes: { badminton: { category_id: 0, name: "badminton", role: "objects" }, shuttlecock: { category_id: 1, name: "shuttlecock", role: "objects" } },
      },
    };
    expect((await exportTo(p, { task: "detect" })).yaml.names).toEqual({ 0: "shuttlecock" });
    // Another category that is no child of it: not Roboflow's layout, every class stays.
    (p.sideFiles["coco_info.json"] as { categories: unknown[] }).categories.push({ id: 2, name: "net", supercategory: "none" });
    expect((await exportTo(p, { task: "detect" })).yaml.names).toEqual({ 0: "badminton", 1: "shuttlecock" });
  });
});

describe("crowd / difficult policy", () => {
  const crowdProject = () => {
    const tags = { iscrowd: [{ name: "iscrowd" }], difficult: [{ name: "difficult", value: 1 }], easy: [{ name: "difficult", value: 0 }] };
    return project([
      label("sofa", poly([1, 1], [5, 1], [5, 5])),
      label("sofa", bitmapFromMask(filledMask(4, 4), 10, 10)!, { tags: tags.iscrowd }),
      label("sofa", poly([20, 1], [25, 1], [25, 5]), { tags: tags.iscrowd, extra: { instance: "c" } }),
      label("sofa", poly([30, 1], [35, 1], [35, 5]), { extra: { instance: "c" } }),
      label("sofa", rect(40, 1, 45, 5), { tags: tags.difficult }),
      label("sofa", rect(50, 1, 55, 5), { tags: tags.easy }),
    ], ["train", "val"]);
  };

  it("defaults: YOLO skips crowd and difficult objects (counted once per object), COCO keeps them", async () => {
    const report = new Report();
    const out = path.join(tempDir(), "yolo");
    await writeDataset(crowdProject(), out, { format: "yolo", formatOptions: { images: "none" }, report });
    const view = readAsUltralytics(out);
    expect(countsPerClass(view)).toEqual({ sofa: 2 });
    const objectLosses = (r: Report) => r.lossEntries.filter((e) => / object$/.test(e.what));
    // (The tags iscrowd and difficult are counted as dropped tags of the objects that are written.)
    expect(objectLosses(report)).toEqual([
      { className: "sofa", what: "crowd object", reason: "left out (iscrowd; `skipCrowd: false` writes it)", count: 2 },
      { className: "sofa", what: "difficult object", reason: "left out (difficult; `skipDifficult: false` writes it)", count: 1 },
    ]);
    expect(report.stats.skippedCrowdObjects).toBe(2);
    const all = new Report();
    const out2 = path.join(tempDir(), "yolo");
    await writeDataset(crowdProject(), out2, { format: "yolo", formatOptions: { images: "none", skipCrowd: false, skipDifficult: false }, report: all });
    expect(countsPerClass(readAsUltralytics(out2))).toEqual({ sofa: 5 });
    expect(objectLosses(all)).toEqual([]);
    const coco = new Report();
    await writeDataset(crowdProject(), path.join(tempDir(), "coco"), { format: "coco", formatOptions: { images: "none" }, report: coco });
    expect(coco.lossEntries.filter((e) => / object$/.test(e.what))).toEqual([]);
    const cocoSkipping = new Report();
    const cocoOut = path.join(tempDir(), "coco");
    await writeDataset(crowdProject(), cocoOut, { format: "coco", formatOptions: { images: "none", skipCrowd: true }, report: cocoSkipping });
    const written = fs.readdirSync(cocoOut, { recursive: true }).map(String).filter((f) => f.endsWith(".json"));
    const annotations = written.flatMap((f) => JSON.parse(fs.readFileSync(path.join(cocoOut, f), "utf8")).annotations ?? []);
    expect(annotations.length).toBe(3);
    expect(annotations.every((a: { iscrowd: number }) => a.iscrowd === 0)).toBe(true);
  });

  it("options: true/false override the writer's defaults; absent keeps them", async () => {
    expect(skipPolicyOf({}, { crowd: true, difficult: true })).toEqual({ crowd: true, difficult: true });
    expect(skipPolicyOf({ skipCrowd: false }, { crowd: true, difficult: true })).toEqual({ crowd: false, difficult: true });
    expect(skipPolicyOf({ skipDifficult: true })).toEqual({ crowd: false, difficult: true });
  });

  it("CLI: --no-skip-difficult on a VOC → YOLO conversion writes difficult boxes; --skip-difficult on VOC export leaves them out", async () => {
    const work = tempDir();
    const voc = path.join(work, "voc");
    fs.mkdirSync(path.join(voc, "Annotations"), { recursive: true });
    const obj = (d: number, x: number) => `<object><name>cat</name><difficult>${d}</difficult><bndbox><xmin>${x}</xmin><ymin>1</ymin><xmax>${x + 5}</xmax><ymax>6</ymax></bndbox></object>`;
    fs.writeFileSync(path.join(voc, "Annotations", "a.xml"), `<annotation><filename>a.jpg</filename><size><width>100</width><height>50</height><depth>3</depth></size>${obj(0, 1)}${obj(1, 20)}</annotation>`);
    const lines = (dir: string) => fs.readFileSync(path.join(dir, "labels/train/a.txt"), "utf8").trim().split("\n").filter(Boolean).length;
    const skip = await runCli(["--json", "convert", voc, path.join(work, "y1"), "--from", "voc", "--to", "yolo", "--images", "none"]);
    expect(skip.code, skip.stderr).toBe(0);
    expect(lines(path.join(work, "y1"))).toBe(1);
    expect(JSON.parse(skip.stdout).lossy.filter((e: { what: string }) => / object$/.test(e.what))).toEqual([{ className: "cat", what: "difficult object", reason: "left out (difficult; --no-skip-difficult writes it)", count: 1 }]);
    const keep = await runCli(["convert", voc, path.join(work, "y2"), "--from", "voc", "--to", "yolo", "--images", "none", "--no-skip-difficult"]);
    expect(keep.code, keep.stderr).toBe(0);
    expect(lines(path.join(work, "y2"))).toBe(2);
    const vocOut = await runCli(["convert", voc, path.join(work, "v"), "--from", "voc", "--to", "voc", "--skip-difficult"]);
    expect(vocOut.code, vocOut.stderr).toBe(0);
    const xmlFile = fs.readdirSync(path.join(work, "v"), { recursive: true }).map(String).find((f) => f.endsWith("a.xml"))!;
    const xml = fs.readFileSync(path.join(work, "v", xmlFile), "utf8");
    expect((xml.match(/<object>/g) ?? []).length).toBe(1);
  });
});
