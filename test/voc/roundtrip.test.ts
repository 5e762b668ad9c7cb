import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { exportProject, importDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { decodeIndexedPng } from "../../src/codecs/png-indexed.js";
import { tempDir } from "../helpers/paths.js";
import { devkitFixture } from "./fixture.js";
import { asDevkitWrites, filesIn, listIds, pngPixels, xmlObjects, xmlSize } from "./voc-compare.js";

/** VOC → Supervisely project on disk → VOC, the way a user runs import then export. */
async function roundTrip(input: string, report = new Report()): Promise<string> {
  const project = path.join(tempDir(), "project");
  await importDataset(input, project, { format: "voc", images: "copy", report });
  const out = path.join(tempDir(), "voc");
  await exportProject(project, out, { format: "voc", report });
  return out;
}

describe("VOC → Supervisely → VOC round trip (VOCdevkit fixture)", () => {
  let src: string;
  let out: string;
  const report = new Report();
  beforeAll(async () => {
    src = path.join(await devkitFixture(), "VOCdevkit/VOC2012");
    out = await roundTrip(path.dirname(path.dirname(src)), report);
  });

  it("gives the same boxes, attributes, parts and actions for every annotation file", () => {
    const ids = filesIn(path.join(src, "Annotations"));
    expect(filesIn(path.join(out, "Annotations"))).toEqual(ids);
    for (const f of ids) {
      expect(xmlObjects(path.join(out, "Annotations", f)), f).toEqual(asDevkitWrites(xmlObjects(path.join(src, "Annotations", f))));
      expect(xmlSize(path.join(out, "Annotations", f))).toEqual(xmlSize(path.join(src, "Annotations", f)));
    }
    // VOC's own elements stay elements; the car's other attributes (an element <color> in the source, a name with
    // a space) go into CVAT's <attributes>; the fractional xmin is rounded and counted.
    const car = fs.readFileSync(path.join(out, "Annotations/2009_000002.xml"), "utf8");
    expect(car).not.toContain("<color>");
    expect(car).toContain("<attribute>\n\t\t\t\t<name>color</name>\n\t\t\t\t<value>red</value>");
    expect(car).toContain("<attribute>\n\t\t\t\t<name>parked since</name>\n\t\t\t\t<value>2009</value>");
    expect(car).toContain("<xmin>2</xmin>");
    expect(report.changeEntries).toEqual([{ className: "car", what: "bndbox", how: "rounded to whole pixels", count: 1 }]);
    expect(car).toContain("<point>\n\t\t\t<x>3</x>\n\t\t\t<y>4</y>\n\t\t</point>");
  });

  it("gives the same one-column split lists back (trainval rebuilt from train and val)", () => {
    for (const rel of ["Main/train.txt", "Main/val.txt", "Main/trainval.txt", "Segmentation/train.txt", "Segmentation/val.txt", "Segmentation/trainval.txt"]) {
      expect(listIds(path.join(out, "ImageSets", rel)), rel).toEqual(listIds(path.join(src, "ImageSets", rel)));
    }
    expect(filesIn(path.join(out, "ImageSets"))).toEqual(["Main", "Segmentation"]);
    expect(filesIn(path.join(out, "ImageSets/Segmentation"))).toEqual(["train.txt", "trainval.txt", "val.txt"]);
  });

  it("writes per-class lists with VOC's 1 / 0 (difficult only) / -1 column", () => {
    expect(fs.readFileSync(path.join(out, "ImageSets/Main/person_train.txt"), "utf8")).toBe(fs.readFileSync(path.join(src, "ImageSets/Main/person_train.txt"), "utf8"));
    expect(fs.readFileSync(path.join(out, "ImageSets/Main/car_val.txt"), "utf8")).toBe(fs.readFileSync(path.join(src, "ImageSets/Main/car_val.txt"), "utf8"));
    expect(fs.readFileSync(path.join(out, "ImageSets/Main/cat_val.txt"), "utf8")).toBe("2009_000002 -1\n2009_000003  1\n");
    const perClass = filesIn(path.join(out, "ImageSets/Main")).filter((f) => f.includes("_"));
    // Object classes only (no parts, no mask-only sofa), three splits each.
    expect(perClass).toEqual(["bottle", "car", "cat", "dog", "person", "tvmonitor"].flatMap((c) => [`${c}_train.txt`, `${c}_trainval.txt`, `${c}_val.txt`]));
  });

  it("gives pixel-identical SegmentationClass and SegmentationObject masks in their right folders", () => {
    for (const dir of ["SegmentationClass", "SegmentationObject"]) {
      expect(filesIn(path.join(out, dir))).toEqual(filesIn(path.join(src, dir)));
      for (const f of filesIn(path.join(src, dir))) {
        const a = pngPixels(path.join(src, dir, f)), b = pngPixels(path.join(out, dir, f));
        expect([b.width, b.height]).toEqual([a.width, a.height]);
        expect(b.rgba.equals(a.rgba), `${dir}/${f} colours`).toBe(true);
        const ia = decodeIndexedPng(fs.readFileSync(path.join(src, dir, f)))!, ib = decodeIndexedPng(fs.readFileSync(path.join(out, dir, f)))!;
        expect(Buffer.from(ib.pixels).equals(Buffer.from(ia.pixels)), `${dir}/${f} indices`).toBe(true);
      }
    }
  });

  it("writes labelmap.txt with the classes present, their VOC colours, parts and actions", () => {
    expect(fs.readFileSync(path.join(out, "labelmap.txt"), "utf8")).toBe([
      "# label:color_rgb:parts:actions",
      "background:0,0,0::",
      "bottle:128,0,128::",
      "car:128,128,128::",
      "cat:64,0,0::",
      "dog:64,0,128::",
      "person:192,128,128:hand,head:jumping,phoning",
      "sofa:0,192,0::",
      "tvmonitor:0,64,128::",
      "",
    ].join("\n"));
  });

  it("copies the images and reports no loss", () => {
    expect(filesIn(path.join(out, "JPEGImages"))).toEqual(["2009_000001.jpg", "2009_000002.jpg", "2009_000003.jpg", "2009_000004.jpg"]);
    expect(report.lossEntries).toEqual([]);
    expect(report.codes("warning")).toEqual([]);
  });

  it("is stable: a second round trip gives byte-identical files", async () => {
    const again = await roundTrip(out);
    for (const dir of ["Annotations", "SegmentationClass", "SegmentationObject", "ImageSets/Main", "ImageSets/Segmentation"]) {
      for (const f of filesIn(path.join(out, dir))) {
        expect(fs.readFileSync(path.join(again, dir, f)).equals(fs.readFileSync(path.join(out, dir, f))), `${dir}/${f}`).toBe(true);
      }
    }
  });
});
