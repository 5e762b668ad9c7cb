/** The built binary (`npx tsc -p .` first; `npm test` builds) on VOC input and output. */
import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/paths.js";
import { copyFixture, devkitFixture } from "./fixture.js";
import { asDevkitWrites, filesIn, xmlObjects } from "./voc-compare.js";

describe("slyconv CLI with -f voc", () => {
  let devkit: string;
  beforeAll(async () => {
    devkit = await devkitFixture();
  });

  it("detect names VOC with its evidence", async () => {
    const r = await runCli(["detect", devkit]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("voc (confidence 0.90)\n  VOCdevkit/VOC2012/Annotations/2009_000001.xml\n");
  });

  it("import then export: a Supervisely project, then VOC again with the same objects", async () => {
    const project = path.join(tempDir(), "project");
    const imp = await runCli(["import", devkit, project, "-f", "voc", "--images", "copy"]);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toBe(`imported 5 items (voc) into ${project}\n`);
    expect(imp.stderr).toBe("VOCdevkit/VOC2012/ImageSets/Main: info 2 per-class lists (<class>_<split>.txt) are derived from the annotations and written again on export [voc-class-lists-derived]\n");
    expect(filesIn(project)).toEqual([".slyconv-output", "meta.json", "train", "unlisted", "val"]);

    const out = path.join(tempDir(), "voc");
    const exp = await runCli(["export", project, out, "-f", "voc", "--image-format", "jpg"]);
    expect(exp.stderr).toBe('changed to fit the target format:\n  1 × bndbox of class "car": rounded to whole pixels\n');
    expect(exp.code).toBe(0);
    expect(exp.stdout).toBe(`exported 5 items as voc into ${out}\n`);
    const src = path.join(devkit, "VOCdevkit/VOC2012/Annotations");
    for (const f of filesIn(src)) expect(xmlObjects(path.join(out, "Annotations", f))).toEqual(asDevkitWrites(xmlObjects(path.join(src, f))));
    expect(filesIn(path.join(out, "SegmentationObject"))).toEqual(["2009_000001.png", "2009_000003.png"]);
  });

  it("bad input: exit 1, each problem on one line with file and line, and a --json summary with counts", async () => {
    const bad = copyFixture("bad-input");
    const out = path.join(tempDir(), "project");
    const r = await runCli(["import", bad, out, "-f", "voc"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Annotations/malformed.xml:9:13: error malformed XML: Expected closing tag 'pose' (opened in line 9, col 3) instead of closing tag 'pos'. [voc-xml-malformed]\n");
    expect(r.stderr).toContain("Annotations/not-numeric.xml:11: warning object 1 (dog): <ymin> is \"one\", not a number; the box is skipped [voc-bndbox-not-numeric]\n");
    const json = await runCli(["--json", "import", bad, path.join(tempDir(), "project"), "-f", "voc"]);
    expect(json.code).toBe(1);
    const s = JSON.parse(json.stdout);
    expect(s).toMatchObject({ command: "import", format: "voc", errors: 2 });
    expect(s.byCode["voc-bndbox-missing"]).toEqual({ severity: "warning", count: 2 });
    expect(fs.existsSync(path.join(out, "meta.json"))).toBe(true); // the rest is still converted
  });
});
