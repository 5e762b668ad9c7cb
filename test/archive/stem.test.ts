/**
 * An archive without a wrapper folder reads like a folder named after the archive: datasets named after their
 * folder get the archive's stem ("labelme export.zip" → "labelme export"), never the scratch folder's random name.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { importDataset } from "../../src/api.js";
import { archiveStem } from "../../src/io/archive-extract.js";
import { Report } from "../../src/report.js";
import { HAVE_REAL_DATA, realData, tempDir } from "../helpers/paths.js";
import { craftTar, craftZip } from "./craft.js";

const datasetsOf = (project: string) => fs.readdirSync(project, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

/** The files of a folder as zip entries (no wrapper folder). */
function entriesOf(dir: string, under = ""): { name: string; data: Buffer }[] {
  return fs.readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((d) => {
    const rel = under ? `${under}/${d.name}` : d.name;
    return d.isDirectory() ? entriesOf(dir, rel) : [{ name: rel, data: fs.readFileSync(path.join(dir, rel)) }];
  });
}

describe("archive names", () => {
  it.each([
    ["data.zip", "data"], ["Yolo (1).zip", "Yolo (1)"], ["set.tar.gz", "set"], ["set.TGZ", "set"], ["a.b.tar", "a.b"],
    [".zip", "archive"], ["..zip", "archive"],
  ])("%s → %s", (name, stem) => expect(archiveStem(`/some/where/${name}`)).toBe(stem));

  it("a flat COCO zip and tar.gz give a dataset named after the archive", async () => {
    const coco = JSON.stringify({
      images: [{ id: 1, file_name: "a.png", width: 4, height: 4 }],
      annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 2, 2], area: 4, iscrowd: 0, segmentation: [] }],
      categories: [{ id: 1, name: "thing" }],
    });
    const dir = tempDir();
    const zip = path.join(dir, "my export.zip");
    fs.writeFileSync(zip, craftZip([{ name: "annotations.json", data: coco }]));
    const tgz = path.join(dir, "other set.tar.gz");
    fs.writeFileSync(tgz, craftTar([{ path: "annotations.json", data: coco }], { gzip: true }));
    for (const [archive, name] of [[zip, "my export"], [tgz, "other set"]]) {
      const out = path.join(tempDir(), "p");
      await importDataset(archive, out, { format: "coco", report: new Report() });
      expect(datasetsOf(out)).toEqual([name]);
    }
  });

  it.skipIf(!HAVE_REAL_DATA)("the real labelme COCO export zipped without its folder → dataset named after the zip", async () => {
    const zip = path.join(tempDir(), "labelme coco.zip");
    fs.writeFileSync(zip, craftZip(entriesOf(realData("labelme-coco-instanceseg"))));
    const out = path.join(tempDir(), "p");
    const r = await importDataset(zip, out, { report: new Report() });
    expect(r.format).toBe("coco");
    expect(datasetsOf(out)).toEqual(["labelme coco"]);
    expect(fs.readdirSync(path.join(out, "labelme coco/ann")).length).toBe(3);
  });
});
