import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { materializeProject, type Item, type Project } from "../../src/model/index.js";
import { readDataset } from "../../src/api.js";
import { Report, type Finding } from "../../src/report.js";
import { encodePalettePng } from "../../src/codecs/png-encode.js";
import { decodeBitmapData } from "../../src/codecs/bitmap.js";
import { VOC_COLORMAP, vocColor } from "../../formats/voc/palette.js";
import { copyFixture, writeJpeg } from "./fixture.js";

/** fixtures/voc/bad-input plus the images and masks whose problem is their pixels or their size. */
async function badInput(): Promise<string> {
  const root = copyFixture("bad-input");
  await writeJpeg(path.join(root, "JPEGImages/wrong-size.jpg"), 8, 4); // the XML says 6×4
  fs.mkdirSync(path.join(root, "SegmentationClass"));
  fs.mkdirSync(path.join(root, "SegmentationObject"));
  fs.writeFileSync(path.join(root, "SegmentationClass/wrong-size.png"), encodePalettePng(6, 4, new Uint8Array(24).fill(12), VOC_COLORMAP));
  // An RGB mask: 5 dog pixels, 3 pixels of a colour no class has.
  const dog = vocColor(12);
  const rgb = Buffer.alloc(6 * 4 * 3);
  for (let i = 0; i < 5; i++) rgb.set(dog, i * 3);
  for (let i = 10; i < 13; i++) rgb.set([1, 2, 3], i * 3);
  await sharp(rgb, { raw: { width: 6, height: 4, channels: 3 } }).png().toFile(path.join(root, "SegmentationClass/masks.png"));
  fs.writeFileSync(path.join(root, "SegmentationObject/masks.png"), "this is not a PNG");
  return root;
}

describe("VOC import: bad input gives clear errors and warnings, with file, line and counts", () => {
  let project: Project;
  const report = new Report();
  const of = (code: string): Finding[] => report.findings.filter((f) => f.code === code);
  const items = () => project.datasets.flatMap((d) => d.items as Item[]);
  const item = (name: string) => items().find((i) => i.name === name)!;
  beforeAll(async () => {
    project = await materializeProject((await readDataset(await badInput(), { format: "voc", report })).project);
  });

  it("malformed XML: an error with the file and the line of the problem; the image is still an item", () => {
    expect(report.countOf("voc-xml-malformed")).toBe(1);
    expect(of("voc-xml-malformed")[0]).toMatchObject({
      severity: "error", file: "Annotations/malformed.xml", line: 9,
      message: "malformed XML: Expected closing tag 'pose' (opened in line 9, col 3) instead of closing tag 'pos'.",
    });
    expect(item("malformed.jpg").annotation.labels).toEqual([]);
    expect(of("voc-xml-not-annotation")).toMatchObject([{ severity: "error", file: "Annotations/not-voc.xml", line: 1, message: "not a VOC annotation: the root element is not <annotation>" }]);
    expect(report.errorCount).toBe(2);
  });

  it("missing bndbox values: a warning per box, the box skipped, the rest of the file kept", () => {
    expect(report.countOf("voc-bndbox-missing")).toBe(2);
    expect(of("voc-bndbox-missing").map((f) => [f.file, f.line, f.message])).toEqual([
      ["Annotations/missing-value.xml", 9, "object 1 (dog): <bndbox> has no ymax; the box is skipped"],
      ["Annotations/missing-value.xml", 15, "object 2 (cat) has no <bndbox>; it gets no rectangle"],
    ]);
    expect(item("missing-value.jpg").annotation.labels.map((l) => l.geometry)).toEqual([{ type: "rectangle", left: 2, top: 2, right: 4, bottom: 4 }]);
  });

  it("non-numeric bndbox values: a warning on the line of the value", () => {
    expect(report.countOf("voc-bndbox-not-numeric")).toBe(1);
    expect(of("voc-bndbox-not-numeric")[0]).toMatchObject({ file: "Annotations/not-numeric.xml", line: 11, message: 'object 1 (dog): <ymin> is "one", not a number; the box is skipped' });
    expect(item("not-numeric.jpg").annotation.labels).toEqual([]);
  });

  it("boxes outside the image are reported and kept; xmax = width is VOC's 1-based edge, not outside; inverted corners are swapped", () => {
    expect(report.countOf("voc-bndbox-outside")).toBe(1);
    expect(of("voc-bndbox-outside")[0]).toMatchObject({ file: "Annotations/outside.xml", line: 9, message: "object 1 (dog) box -3,1,30,5 reaches outside the 20×10 image; kept as is" });
    expect(report.countOf("voc-bndbox-inverted")).toBe(1);
    expect(of("voc-bndbox-inverted")[0]).toMatchObject({ file: "Annotations/outside.xml", line: 27 });
    expect(item("outside.jpg").annotation.labels.map((l) => l.geometry)).toEqual([
      { type: "rectangle", left: -3, top: 1, right: 30, bottom: 5 },
      { type: "rectangle", left: 0, top: 0, right: 20, bottom: 10 },
      { type: "rectangle", left: 3, top: 2, right: 9, bottom: 8 },
    ]);
  });

  it("an image whose header disagrees with <size>: the image's size wins; a mask of another size is skipped", () => {
    expect(of("voc-size-mismatch")).toMatchObject([{ file: "Annotations/wrong-size.xml", line: 3, message: "<size> says 6×4 but JPEGImages/wrong-size.jpg is 8×4; the image's size is used" }]);
    expect(item("wrong-size.jpg").annotation.size).toEqual({ width: 8, height: 4 });
    expect(of("voc-mask-size")).toMatchObject([{ file: "SegmentationClass/wrong-size.png", message: "mask is 6×4 but the image is 8×4; the mask is skipped" }]);
    expect(item("wrong-size.jpg").annotation.labels.map((l) => l.geometry.type)).toEqual(["rectangle"]);
  });

  it("mask colours not in the palette: one warning per file with the colours and pixel counts; an unreadable mask is skipped", () => {
    expect(of("voc-mask-unknown-color")).toMatchObject([{
      file: "SegmentationClass/masks.png",
      message: "1 mask colours are not in the class table (standard VOC classes): (1,2,3) 3 px; those 3 pixels are left unlabelled",
    }]);
    expect(of("voc-mask-unreadable")).toMatchObject([{ file: "SegmentationObject/masks.png" }]);
    expect(of("voc-mask-unreadable")[0].message).toMatch(/^mask is not a readable PNG \(.+\); it is skipped$/);
    const dog = item("masks.jpg").annotation.labels.find((l) => l.geometry.type === "bitmap")!;
    expect(dog.classTitle).toBe("dog");
    expect(decodeBitmapData((dog.geometry as { data: string }).data).data.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it("counts every problem exactly once", () => {
    expect(Object.fromEntries([...report.countsByCode].filter(([, v]) => v.severity !== "info").map(([k, v]) => [k, v.count]))).toEqual({
      "voc-xml-malformed": 1, "voc-xml-not-annotation": 1, "voc-bndbox-missing": 2, "voc-bndbox-not-numeric": 1,
      "voc-bndbox-outside": 1, "voc-bndbox-inverted": 1, "voc-size-mismatch": 1, "voc-mask-size": 1,
      "voc-mask-unknown-color": 1, "voc-mask-unreadable": 1,
    });
  });
});
