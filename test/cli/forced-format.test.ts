/**
 * `-f` naming the wrong format is an error that says what the input looks like (exit 1, nothing written), never an
 * empty project with exit 0.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, HAVE_REAL_DATA, realData, tempDir } from "../helpers/paths.js";

describe("a forced format that finds nothing of its own", () => {
  it("a COCO folder read with -f voc or -f yolo: exit 1, the likely format named, nothing written", async () => {
    const input = path.join(FIXTURES, "demo/coco-sample");
    for (const format of ["voc", "yolo"]) {
      const out = path.join(tempDir(), "out");
      const r = await runCli(["import", input, out, "-f", format]);
      expect(r.code).toBe(1);
      const title = format === "voc" ? "Pascal VOC" : "YOLO (Ultralytics / Darknet)";
      expect(r.stderr).toBe(`slyconv: ${input}: no ${title} data found (-f ${format}): it looks like coco (annotations/instances_demo.json); pass -f coco, or leave -f out to detect it [format-not-found]\n`);
      expect(r.stdout).toBe("");
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  it("convert --from too", async () => {
    const input = path.join(FIXTURES, "demo/coco-sample");
    const r = await runCli(["convert", input, path.join(tempDir(), "out"), "--from", "masks", "--to", "yolo"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no PNG masks data found (--from masks): it looks like coco (annotations/instances_demo.json); pass --from coco, or leave --from out to detect it [format-not-found]");
  });

  it("the right -f still reads, and an input of no known format still gets the reader's own message", async () => {
    expect((await runCli(["import", path.join(FIXTURES, "demo/coco-sample"), path.join(tempDir(), "out"), "-f", "coco", "-q"])).code).toBe(0);
    const images = path.join(FIXTURES, "demo/coco-sample/images");
    const r = await runCli(["import", images, path.join(tempDir(), "out"), "-f", "voc"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("[voc-not-found]");
  });

  it.skipIf(!HAVE_REAL_DATA)("real data: Roboflow COCO with -f voc, original VOC with -f coco, a CVAT YOLO zip with -f voc", async () => {
    const cases: [string, string, string, string][] = [
      ["roboflow-coco-badminton", "voc", "coco", "train/_annotations.coco.json"],
      ["pascalvoc-voc-voc2012", "coco", "voc", "pascalvoc_format/*.xml with <annotation> root"],
      ["cvat-yolo-indoor-zip/Yolo (1).zip", "voc", "yolo", "obj.data, obj_train_data/"],
    ];
    for (const [name, format, looks, evidence] of cases) {
      const r = await runCli(["import", realData(name), path.join(tempDir(), "out"), "-f", format]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toContain(`: it looks like ${looks} (${evidence}); pass -f ${looks}, or leave -f out to detect it [format-not-found]`);
    }
  });
});
