import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { listFiles, tempDir } from "../helpers/paths.js";
import { importDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { vocFuzzSuite } from "./voc-fixture.js";

// The annotation XML (voc-lists.fuzz.test.ts: the ImageSets split lists; voc-masks.fuzz.test.ts: the PNG masks,
// JPEGs and class table; 1,000 runs between them).
vocFuzzSuite("annotation XML", (f) => f.endsWith(".xml"), 300, 8);

/** Regression: what the fuzzing found in the VOC reader. */
describe("VOC XML the parser refuses after the validator passed it", () => {
  it("elements nested deeper than the parser's limit: voc-xml-malformed for that file, the rest imports (before: an unhandled Error)", async () => {
    const dir = tempDir("slyconv-voc-nesting-");
    fs.mkdirSync(path.join(dir, "Annotations"));
    const deep = "<x>".repeat(150) + "1" + "</x>".repeat(150);
    fs.writeFileSync(path.join(dir, "Annotations/deep.xml"), `<annotation><object><name>cat</name>${deep}</object></annotation>`);
    fs.writeFileSync(path.join(dir, "Annotations/ok.xml"), "<annotation><size><width>4</width><height>4</height></size><object><name>cat</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object></annotation>");
    const report = new Report();
    const out = path.join(tempDir(), "out");
    await importDataset(dir, out, { format: "voc", report, images: "none" });
    expect(report.findings.filter((f) => f.code === "voc-xml-malformed")).toEqual([
      { severity: "error", code: "voc-xml-malformed", message: "malformed XML: Maximum nested tags exceeded", file: "Annotations/deep.xml", line: 1 },
    ]);
    expect(listFiles(out)).toEqual(["meta.json", "unlisted/ann/deep.jpg.json", "unlisted/ann/ok.jpg.json"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
