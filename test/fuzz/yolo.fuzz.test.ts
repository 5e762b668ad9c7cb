import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { importDataset } from "../../src/api.js";
import { FIXTURES, listFiles, tempDir } from "../helpers/paths.js";
import { FUZZ_TEST_TIMEOUT_MS, fuzzReader, fuzzRuns, MIN_RUNS_FOR_OUTCOME_MIX } from "./harness.js";

/** Every YOLO layout and task: Ultralytics detect/segment/pose/obb, Darknet lists, plain folders without names. */
describe("fuzzing the YOLO reader", () => {
  let noNames: string;
  beforeAll(() => {
    // Plain folders, no data.yaml and no classes.txt: the class count comes from the labels.
    noNames = path.join(tempDir("slyconv-fuzz-yolo-"), "folders");
    fs.cpSync(path.join(FIXTURES, "yolo/detect/images"), path.join(noNames, "images"), { recursive: true });
    fs.cpSync(path.join(FIXTURES, "yolo/detect/labels"), path.join(noNames, "labels"), { recursive: true });
  });
  const cases = [
    { name: "detect", runs: 250 },
    { name: "darknet", runs: 150 },
    { name: "pose", runs: 200 },
    { name: "obb", runs: 150, formatOptions: { obb: true } },
    { name: "segment", runs: 150 },
    { name: "folders without names", runs: 100 },
  ];
  for (const { name, runs: base, formatOptions } of cases) {
    const runs = fuzzRuns(base);
    it(`${runs} mutated copies of the ${name} fixture either import or fail with a clear error`, async () => {
      const fixture = name === "folders without names" ? noNames : path.join(FIXTURES, "yolo", name);
      const counts = await fuzzReader({ format: "yolo", fixture, targets: listFiles(fixture), images: "copy", formatOptions }, runs, 51);
      // Label lines are strict (a bad line stops the import with its file and line), so both outcomes are common.
      // The outcome mix says the mutations reach both paths; a short run (npm test) is too few to tell.
      if (runs >= MIN_RUNS_FOR_OUTCOME_MIX) {
        expect(counts.ok).toBeGreaterThan(runs * 0.3);
        expect(counts.rejected).toBeGreaterThan(runs * 0.1);
      }
    }, FUZZ_TEST_TIMEOUT_MS);
  }
});

/** Regressions: what the fuzzing found in the YOLO reader, each now the project's own error, at once. */
describe("YOLO configs that asked for unbounded work", () => {
  const importWith = async (files: Record<string, string>) => {
    const dir = tempDir("slyconv-yolo-bounds-");
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    fs.mkdirSync(path.join(dir, "images"), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, "yolo/detect/images/train/a.png"), path.join(dir, "images/a.png"));
    const started = Date.now();
    const result = importDataset(dir, path.join(dir, "..", path.basename(dir) + "-out"), { format: "yolo", images: "none" });
    await result.catch(() => {});
    expect(Date.now() - started).toBeLessThan(5000);
    return result;
  };
  const labels = { "labels/a.txt": "0 0.5 0.5 0.2 0.2\n" };

  it("a YAML alias bomb: yolo-yaml (before: an unhandled ReferenceError from the yaml package)", async () => {
    const bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`).join("\n");
    await expect(importWith({ "data.yaml": `${bomb}\ntrain: images\nnames: [cat]\n`, ...labels })).rejects.toMatchObject({
      code: "yolo-yaml", location: { file: "data.yaml" }, message: expect.stringMatching(/^unusable YAML: Excessive alias count/),
    });
  });

  it("names: {99999999: a}: yolo-names (before: a hundred million classes, never finishing)", async () => {
    await expect(importWith({ "data.yaml": "train: images\nnames: {99999999: a}\n", ...labels })).rejects.toMatchObject({
      code: "yolo-names", message: 'names: class index 99999999 is too large (at most 65536 classes are supported)',
    });
  });

  it("nc: 1000000000 without names: yolo-names", async () => {
    await expect(importWith({ "data.yaml": "train: images\nnc: 1000000000\n", ...labels })).rejects.toMatchObject({ code: "yolo-names", message: "nc is 1000000000; at most 65536 classes are supported" });
  });

  it("kpt_shape: [1000000000, 3]: yolo-kpt-shape", async () => {
    await expect(importWith({ "data.yaml": "train: images\nnames: [cat]\nkpt_shape: [1000000000, 3]\n", ...labels })).rejects.toMatchObject({ code: "yolo-kpt-shape", message: "kpt_shape asks for 1000000000 keypoints per object; at most 10000 are supported" });
  });

  it("no class names and a label with class id 99999999999: yolo-names (before: an array of 10^11 names)", async () => {
    await expect(importWith({ "labels/a.txt": "99999999999 0.5 0.5 0.2 0.2\n" })).rejects.toMatchObject({
      code: "yolo-names", message: "no file names the classes and the labels use class ids up to 99999999999; at most 65536 classes are supported",
    });
  });
});
