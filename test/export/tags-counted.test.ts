/**
 * Every tag of a project either reaches the output or is counted as lost, in every export: the export pipeline
 * (src/api.ts tallyProject) asks each writer's `writesTags` declaration and counts the rest, so a writer cannot
 * forget one. Tags a declaration calls written are looked up in the written files.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { FORMATS } from "../../src/registry.js";
import { convertDataset, writeDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { emptyProjectMeta, ensureClass, ensureTagMeta, type Project } from "../../src/model/index.js";
import { HAVE_REAL_DATA, expectedFacts, realData, tempDir } from "../helpers/paths.js";

function taggedProject(): Project {
  const meta = emptyProjectMeta();
  ensureClass(meta, "car", "rectangle");
  ensureClass(meta, "head", "rectangle");
  ensureTagMeta(meta, "weather", "any_string", { applicableType: "imagesOnly" });
  ensureTagMeta(meta, "colour", "any_string", { applicableType: "objectsOnly" });
  ensureTagMeta(meta, "part_of", "any_string", { applicableType: "objectsOnly" });
  const box = (classTitle: string, tags: Project["meta"]["tagMetas"][number]["name"][] = [], instance?: string) => ({
    classTitle, geometry: { type: "rectangle" as const, left: 1, top: 1, right: 4, bottom: 3 },
    tags: tags.map((t) => ({ name: t, value: t === "part_of" ? "car" : "red" })),
    ...(instance ? { extra: { instance } } : {}),
  });
  return {
    meta,
    datasets: [{
      name: "train", datasets: [], items: [
        {
          name: "a.png", image: { kind: "link", url: "https://example.invalid/a.png" },
          annotation: { size: { width: 8, height: 6 }, tags: [{ name: "weather", value: "rain" }], labels: [box("car", ["colour"], "k1"), box("car", ["colour"]), box("head", ["part_of", "colour"], "k1")] },
        },
      ],
    }],
  };
}

const tagLosses = (r: Report) => Object.fromEntries(r.lossEntries.filter((l) => l.what.startsWith("tag ")).map((l) => [`${l.className}/${l.what}`, `${l.count}: ${l.reason}`]));

describe("every tag is written or counted, in every export", () => {
  it("every writer either declares its tags or has none (and then all are counted)", () => {
    const writers = FORMATS.filter((f) => f.write).map((f) => [f.name, Boolean(f.writesTags)]);
    expect(writers).toEqual([["supervisely", true], ["coco", true], ["voc", true], ["yolo", true], ["masks", true], ["links", true]]);
  });

  it("supervisely keeps every tag", async () => {
    const report = new Report();
    const out = path.join(tempDir(), "o");
    await writeDataset(taggedProject(), out, { format: "supervisely", report });
    expect(tagLosses(report)).toEqual({});
    const ann = JSON.parse(fs.readFileSync(path.join(out, "train/ann/a.png.json"), "utf8"));
    expect(ann.tags.map((t: any) => t.name)).toEqual(["weather"]);
    expect(ann.objects.map((o: any) => o.tags.map((t: any) => t.name).join("+"))).toEqual(["colour", "colour", "part_of+colour"]);
  });

  it("coco: object tags as attributes, image tags other than captions counted", async () => {
    const report = new Report();
    const out = path.join(tempDir(), "o");
    await writeDataset(taggedProject(), out, { format: "coco", formatOptions: { images: "none" }, report });
    expect(tagLosses(report)).toEqual({ "(image)/tag weather": "1: COCO images have no tags (only captions, see `captionTag`)" });
    const coco = JSON.parse(fs.readFileSync(path.join(out, "annotations/instances_train.json"), "utf8"));
    expect(coco.annotations.map((a: any) => a.attributes)).toEqual([{ colour: "red" }, { colour: "red" }, { colour: "red", part_of: "car" }]);
  });

  it("voc: object tags as elements or attributes; image tags and tags of parts (but part_of) counted", async () => {
    const report = new Report();
    const out = path.join(tempDir(), "o");
    await writeDataset(taggedProject(), out, { format: "voc", report });
    expect(tagLosses(report)).toEqual({
      "(image)/tag weather": "1: VOC has no image-level tags",
      "head/tag colour": "1: VOC parts hold a name and a box only",
    });
    const xml = fs.readFileSync(path.join(out, "Annotations/a.xml"), "utf8");
    expect(xml.match(/<attribute>\n\t+<name>colour<\/name>\n\t+<value>red<\/value>/g)).toHaveLength(2);
    expect(xml).toContain("<part>\n\t\t\t<name>head</name>");
  });

  it.each([
    ["yolo", {}, { "(image)/tag weather": "1: YOLO has no image tags", "car/tag colour": "2: YOLO has no object tags", "head/tag colour": "1: YOLO has no object tags", "head/tag part_of": "1: YOLO has no object tags" }],
    ["masks", {}, { "(image)/tag weather": "1: masks hold no tags", "car/tag colour": "2: masks hold no tags", "head/tag colour": "1: masks hold no tags", "head/tag part_of": "1: masks hold no tags" }],
    ["links", { listFormat: "txt" }, { "(image)/tag weather": "1: links.txt holds URLs only", "car/tag colour": "2: a link list holds no objects", "head/tag colour": "1: a link list holds no objects", "head/tag part_of": "1: a link list holds no objects" }],
    ["links", { listFormat: "csv" }, { "car/tag colour": "2: a link list holds no objects", "head/tag colour": "1: a link list holds no objects", "head/tag part_of": "1: a link list holds no objects" }],
  ])("%s %j: every tag it cannot hold is counted", async (format, formatOptions, expected) => {
    const report = new Report();
    const out = path.join(tempDir(), "o");
    // A link list holds no image files, so its writer takes no `images`.
    await writeDataset(taggedProject(), out, { format, formatOptions: format === "links" ? formatOptions : { images: "none", ...formatOptions }, report } as never);
    expect(tagLosses(report)).toEqual(expected);
    if (format === "links" && formatOptions.listFormat === "csv") {
      expect(fs.readFileSync(path.join(out, "links.csv"), "utf8")).toContain(",a.png,weather");
      expect(report.lossEntries.find((l) => l.what === "value of tag weather")?.count).toBe(1);
    }
  });

  it.skipIf(!HAVE_REAL_DATA)("real VOC 2012 sample → YOLO: pose, truncated and difficult of all 273 objects counted per class", async () => {
    const facts = expectedFacts()["pascalvoc-voc-voc2012"];
    const report = new Report();
    // --no-skip-difficult: every object is written (by default YOLO leaves the 38 difficult ones out, counted as objects).
    await convertDataset(realData("pascalvoc-voc-voc2012"), path.join(tempDir(), "y"), { to: "yolo", formatOptions: { skipDifficult: false }, report });
    const perTag: Record<string, Record<string, number>> = {};
    for (const l of report.lossEntries) if (l.what.startsWith("tag ")) (perTag[l.what] ??= {})[l.className] = l.count;
    expect(Object.keys(perTag).sort()).toEqual(["tag difficult", "tag pose", "tag truncated"]);
    for (const t of Object.values(perTag)) expect(t).toEqual(facts.objects_per_class);
    // VOC → COCO keeps them (as attributes): nothing counted.
    const coco = new Report();
    await convertDataset(realData("pascalvoc-voc-voc2012"), path.join(tempDir(), "c"), { to: "coco", report: coco });
    expect(coco.lossEntries.filter((l) => l.what.startsWith("tag "))).toEqual([]);
  });
});
