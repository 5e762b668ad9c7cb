/**
 * `--boxes-only` (VOC writer option `boxesOnly`): the detection export. Its Annotations XML is the full export's,
 * file for file and byte for byte, but for `<segmented>` (0: no masks are written); ImageSets/Main is the same; no
 * SegmentationClass / SegmentationObject folder and no Segmentation list is written; what the masks would have
 * held is counted (polygons and masks changed into their objects' boxes, class-only regions and void areas lost).
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset, exportProject, importDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, HAVE_REAL_DATA, listFiles, realData, tempDir } from "../helpers/paths.js";
import { devkitFixture } from "./fixture.js";

const SEGMENTED = /^\t<segmented>[01]<\/segmented>$/m;

/** Every file of the full export, compared with the boxes-only one. */
function expectBoxesOfFullExport(full: string, boxes: string): void {
  const fullFiles = listFiles(full), boxFiles = listFiles(boxes);
  expect(boxFiles.filter((f) => /^(SegmentationClass|SegmentationObject|ImageSets\/Segmentation)\//.test(f))).toEqual([]);
  expect(fs.existsSync(path.join(boxes, "SegmentationClass"))).toBe(false);
  expect(fs.existsSync(path.join(boxes, "SegmentationObject"))).toBe(false);
  // The same files otherwise: Annotations, ImageSets/Main (and other lists), JPEGImages.
  const notMasks = (f: string) => !/^(SegmentationClass|SegmentationObject|ImageSets\/Segmentation)\//.test(f) && f !== "labelmap.txt";
  expect(boxFiles.filter(notMasks)).toEqual(fullFiles.filter(notMasks));
  let xml = 0, segmented = 0;
  for (const f of boxFiles.filter(notMasks)) {
    const a = fs.readFileSync(path.join(full, f)), b = fs.readFileSync(path.join(boxes, f));
    if (!f.startsWith("Annotations/")) {
      expect(b.equals(a), f).toBe(true);
      continue;
    }
    xml++;
    const fullXml = a.toString("utf8"), boxXml = b.toString("utf8");
    expect(boxXml.match(SEGMENTED)?.[0], f).toBe("\t<segmented>0</segmented>");
    if (fullXml.match(SEGMENTED)?.[0] === "\t<segmented>1</segmented>") segmented++;
    expect(boxXml.replace(SEGMENTED, ""), f).toBe(fullXml.replace(SEGMENTED, ""));
  }
  expect(xml).toBeGreaterThan(0);
  // The full export drew masks, so the comparison above covered XML files whose only difference is <segmented>.
  expect(segmented).toBeGreaterThan(0);
}

async function bothWays(input: string, from: string) {
  const dir = tempDir();
  const full = path.join(dir, "full"), boxes = path.join(dir, "boxes");
  const fullReport = new Report(), boxesReport = new Report();
  await convertDataset(input, full, { from: from as "coco", to: "voc", report: fullReport });
  await convertDataset(input, boxes, { from: from as "coco", to: "voc", report: boxesReport, formatOptions: { boxesOnly: true } });
  return { full, boxes, fullReport, boxesReport };
}

const changes = (r: Report) => r.changeEntries.map((e) => `${e.className} | ${e.what} | ${e.how} | ${e.count}`).sort();
const losses = (r: Report) => r.lossEntries.map((e) => `${e.className} | ${e.what} | ${e.reason} | ${e.count}`).sort();

describe("VOC export --boxes-only", () => {
  it("the COCO demo: the full export's XML and lists, no masks; each polygon counted as changed into its object's box", async () => {
    const { full, boxes, fullReport, boxesReport } = await bothWays(path.join(FIXTURES, "demo/coco-sample"), "coco");
    expectBoxesOfFullExport(full, boxes);
    const rasterized = fullReport.changeEntries.filter((e) => e.how === "rasterized into the VOC masks (the outline is not kept)");
    expect(rasterized.length).toBeGreaterThan(0);
    // Every polygon the full export drew is, here, its object's box, and so is every bitmap (crowd RLE) it drew;
    // nothing else differs in the report.
    const asBoxes = boxesReport.changeEntries.filter((e) => e.how === "written as its object's box only (`boxesOnly: true`: no masks)");
    const polygonsAsBoxes = asBoxes.filter((e) => e.what !== "bitmap");
    expect(polygonsAsBoxes.map((e) => `${e.className} ${e.what} ${e.count}`).sort()).toEqual(rasterized.map((e) => `${e.className} ${e.what} ${e.count}`).sort());
    const fullMasks = listFiles(full).filter((f) => f.startsWith("SegmentationObject/")).length;
    expect(asBoxes.filter((e) => e.what === "bitmap").length).toBeGreaterThan(0);
    expect(fullMasks).toBeGreaterThan(0);
    const others = (r: Report) => changes(r).filter((c) => !/rasterized into|boxesOnly/.test(c));
    expect(others(boxesReport)).toEqual(others(fullReport));
    expect(losses(boxesReport)).toEqual(losses(fullReport));
  });

  it.runIf(HAVE_REAL_DATA).each(["labelme-coco-instanceseg", "voc2coco-coco-voc2012"])("real data %s: the full export's XML and lists, no masks", async (name) => {
    const { full, boxes } = await bothWays(realData(name), "coco");
    expectBoxesOfFullExport(full, boxes);
  });

  it("a VOC devkit with void borders and class-only regions: void areas and class-only regions counted as lost", async () => {
    const project = path.join(tempDir(), "sly");
    await importDataset(await devkitFixture(), project, { format: "voc", images: "none" });
    const dir = tempDir();
    const full = path.join(dir, "full"), boxes = path.join(dir, "boxes");
    const fullReport = new Report(), boxesReport = new Report();
    await exportProject(project, full, { format: "voc", report: fullReport });
    await exportProject(project, boxes, { format: "voc", report: boxesReport, formatOptions: { boxesOnly: true } });
    expectBoxesOfFullExport(full, boxes);
    // The fixture's two void borders and its sofa region without an object (voc_instance 0).
    expect(losses(boxesReport).filter((l) => !losses(fullReport).includes(l))).toEqual([
      "(void) | void region | `boxesOnly: true` writes no masks | 2",
      "sofa | bitmap | `boxesOnly: true` writes no masks, and this region is no object with a box | 1",
    ]);
    expect(changes(boxesReport).filter((c) => /boxesOnly/.test(c))).toEqual([
      "cat | bitmap | written as its object's box only (`boxesOnly: true`: no masks) | 2",
      "dog | bitmap | written as its object's box only (`boxesOnly: true`: no masks) | 1",
      "person | bitmap | written as its object's box only (`boxesOnly: true`: no masks) | 1",
    ]);
  });

  it("the CLI flag: convert --to voc --boxes-only", async () => {
    const dir = tempDir();
    const out = path.join(dir, "voc"), full = path.join(dir, "full");
    const r = await runCli(["convert", path.join(FIXTURES, "demo/coco-sample"), out, "--to", "voc", "--boxes-only", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const fullRun = await runCli(["convert", path.join(FIXTURES, "demo/coco-sample"), full, "--to", "voc", "--quiet"]);
    expect(fullRun.code, fullRun.stderr).toBe(0);
    expectBoxesOfFullExport(full, out);
    const summary = JSON.parse(r.stdout);
    expect(summary.ok).toBe(true);
    // The CLI names the flag where the library names the key.
    expect(summary.changed.some((e: { how: string }) => e.how === "written as its object's box only (--boxes-only: no masks)")).toBe(true);
  });
});
