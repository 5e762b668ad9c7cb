/** The built binary (`npx tsc -p .` or `npm run build` first) on the YOLO fixtures, the way a user runs it. */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { diffTrees, tempDir } from "../helpers/paths.js";
import { YOLO_FIXTURES } from "./helpers.js";

describe("slyconv CLI with -f yolo", () => {
  it("import detects the format, writes a valid project; export gives the same files back", async () => {
    const work = tempDir("slyconv-yolo-cli-");
    const project = path.join(work, "project"), out = path.join(work, "out");
    const detected = await runCli(["detect", path.join(YOLO_FIXTURES, "pose")]);
    expect(detected.stdout.split("\n")[0]).toBe("yolo (confidence 0.90)");
    const imp = await runCli(["import", path.join(YOLO_FIXTURES, "pose"), project, "-f", "yolo", "--images", "copy"]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toContain("imported 2 items (yolo)");
    expect(JSON.parse(fs.readFileSync(path.join(project, "yolo.json"), "utf8"))).toEqual({ kpt_shape: [3, 3], flip_idx: [0, 2, 1] });
    const valid = await runCli(["validate", project]);
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
    const exp = await runCli(["export", project, out, "-f", "yolo", "--task", "pose"]);
    expect(exp.code, exp.stderr).toBe(0);
    expect(diffTrees(path.join(YOLO_FIXTURES, "pose"), out)).toEqual([]);
  });

  it("import --obb and export --task obb --obb-order ccw", async () => {
    const work = tempDir("slyconv-yolo-cli-");
    const project = path.join(work, "project"), out = path.join(work, "out");
    const imp = await runCli(["import", path.join(YOLO_FIXTURES, "obb"), project, "-f", "yolo", "--obb", "--json"]);
    expect(imp.code, imp.stderr).toBe(0);
    const summary = JSON.parse(imp.stdout);
    expect(summary.format).toBe("yolo");
    expect(summary.findings.filter((f: { code: string }) => f.code === "yolo-obb-not-rectangle")).toEqual([
      expect.objectContaining({ severity: "warning", file: "labels/train/o1.txt", line: 3 }),
    ]);
    const exp = await runCli(["export", project, out, "-f", "yolo", "--task", "obb", "--obb-order", "ccw"]);
    expect(exp.code, exp.stderr).toBe(0);
    const first = fs.readFileSync(path.join(out, "labels/train/o1.txt"), "utf8").split("\n")[0];
    expect(first).toBe("0 0.475000 0.400000 0.445000 0.480000 0.525000 0.600000 0.555000 0.520000");
  });

  it("a bad label line exits 1 with file:line", async () => {
    const r = await runCli(["import", path.join(YOLO_FIXTURES, "bad-class-id"), path.join(tempDir(), "o"), "-f", "yolo"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("slyconv: labels/train/x.txt:3: class id 5 is not in names (0..1) [yolo-label]");
  });

  it("convert yolo → yolo changes the task, reporting what it converts", async () => {
    const out = path.join(tempDir("slyconv-yolo-cli-"), "seg");
    const r = await runCli(["convert", path.join(YOLO_FIXTURES, "detect"), out, "--from", "yolo", "--to", "yolo", "--task", "segment", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, "labels/train/a.txt"), "utf8").split("\n")[0]).toBe("0 0.100000 0.300000 0.400000 0.300000 0.400000 0.700000 0.100000 0.700000");
    const summary = JSON.parse(r.stdout);
    expect(summary.findings.some((f: { code: string; message: string }) => f.code === "yolo-converted" && f.message === "4 rectangle labels written as 4-point polygons (cat, dog, traffic light)")).toBe(true);
  });

  it("--help lists the YOLO options", async () => {
    expect((await runCli(["import", "--help"])).stdout).toMatch(/--sizes-from <path>[\s\S]*--image-size <WxH>/);
    expect((await runCli(["export", "--help"])).stdout).toMatch(/--task <task>[\s\S]*--split-tag <name>/);
  });
});
