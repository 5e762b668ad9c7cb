import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { materializeProject, type Item, type Project } from "../../src/model/index.js";
import { readProject, writeProject } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { decodeBitmapData } from "../../src/codecs/bitmap.js";
import { FIXTURES, HAVE_REAL_DATA, diffTrees, expectedFacts, listFiles, realData, tempDir } from "../helpers/paths.js";

const CANONICAL = path.join(FIXTURES, "supervisely/canonical");
const LENIENT = path.join(FIXTURES, "supervisely/lenient");

async function readAll(dir: string, report = new Report()): Promise<Project> {
  return materializeProject(await readProject(dir, { report }));
}
const items = (p: Project, ds = 0) => p.datasets[ds].items as Item[];

describe("Supervisely project: canonical fixture", () => {
  it("reads every geometry with its exact values", async () => {
    const p = await readAll(CANONICAL);
    expect(p.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual([
      "pt:point", "box:rectangle", "poly:polygon", "multi:multipolygon", "ln:line", "mask:bitmap", "matte:alpha_mask",
      "person:graph", "cube:cuboid_2d", "obb:oriented_bbox", "anything:any",
    ]);
    expect(p.meta.tagMetas.map((t) => `${t.name}:${t.valueType}`)).toEqual(["reviewed:none", "score:any_number", "note:any_string", "weather:oneof_string", "seen:date"]);
    const [a, b, remote] = items(p);
    expect([a.name, b.name, remote.name]).toEqual(["a.png", "b.png", "remote.jpg"]);
    const g = a.annotation.labels.map((l) => l.geometry);
    expect(g[0]).toEqual({ type: "point", x: 1, y: 2 });
    expect(g[1]).toEqual({ type: "rectangle", left: 0.5, top: 1, right: 6.25, bottom: 4 });
    expect(g[2]).toEqual({ type: "polygon", exterior: [[0, 0], [7, 0], [7, 5], [0, 5]], interior: [[[2, 2], [4, 2], [3, 3]]] });
    expect(g[3].type === "multipolygon" && g[3].parts.length).toBe(2);
    expect(g[4]).toEqual({ type: "line", points: [[0, 5], [3, 1], [7, 5]] });
    expect(g[5].type).toBe("bitmap");
    if (g[5].type === "bitmap") {
      expect(g[5].origin).toEqual([2, 3]);
      expect([...decodeBitmapData(g[5].data).data]).toEqual([1, 1, 0, 0, 1, 1]);
    }
    expect(g[6].type).toBe("alpha_mask");
    const box = a.annotation.labels[1];
    expect(box.tags).toEqual([{ name: "seen", value: "2024-05-06" }, { name: "note", value: "partly hidden" }]);
    expect(box.extra).toEqual({ labelerLogin: "alice", updatedAt: "2024-01-02T03:04:05.000Z", createdAt: "2024-01-01T03:04:05.000Z", id: 501, classId: 11, instance: "k1" });
    expect(a.annotation.tags[2]).toEqual({ name: "score", value: 0.5, extra: { labelerLogin: "ann", createdAt: "2024-01-02T03:04:05.000Z" } });
    const gb = b.annotation.labels.map((l) => l.geometry);
    expect(gb[0]).toEqual({ type: "graph", nodes: { nose: { loc: [3, 2] }, leye: { loc: [2, 1], disabled: true } } });
    expect(gb[1].type === "cuboid_2d" && Object.keys(gb[1].vertices).length).toBe(8);
    expect(gb[2]).toEqual({ type: "oriented_bbox", left: 2, top: 1, right: 6, bottom: 3, angle: 0.5 });
    expect(gb.slice(3).map((x) => x.type)).toEqual(["polygon", "rectangle"]); // class of shape `any`
    expect(b.annotation.extra).toEqual({ imageId: 42 });
    expect(b.imageMeta).toEqual({ customSort: "b", source: "camera 2" });
    expect(remote.image).toEqual({ kind: "link", url: "https://example.com/images/remote.jpg" });
    expect(remote.annotation.size).toEqual({ width: null, height: null });
    expect(p.datasets[0].datasets.map((d) => d.name)).toEqual(["child"]);
    expect((p.datasets[0].datasets[0].items as Item[]).map((i) => i.name)).toEqual(["c.png"]);
    // slyconv_datasets.json: remote.jpg, a link item, is written apart from the images (the SDK would not see it
    // beside them) and read back into ds1.
    expect(p.sideFiles).toEqual({ "coco_info.json": { info: { year: 2024 }, licenses: [] }, "slyconv_datasets.json": { renamed: {}, itemsWithoutImage: { "ds1-no-image": "ds1" } } });
    expect(p.datasets.map((d) => d.name)).toEqual(["ds1"]);
  });

  it("read → write is byte-for-byte identical for a canonical project", async () => {
    const out = path.join(tempDir(), "out");
    await writeProject(await readProject(CANONICAL), out, { images: "copy" });
    expect(diffTrees(CANONICAL, out)).toEqual([]);
  });

  it("read → write → read gives the same model", async () => {
    const out = path.join(tempDir(), "out");
    const first = await readAll(CANONICAL);
    await writeProject(first, out, { images: "copy" });
    const second = await readAll(out);
    const strip = (p: Project) => JSON.parse(JSON.stringify(p, (k, v) => (k === "path" ? undefined : v)));
    expect(strip(second)).toEqual(strip(first));
  });
});

describe("Supervisely project: lenient reading, canonical writing", () => {
  it("accepts <stem>.json, the {annotation} wrapper, bare-string tags, legacy tag lists, `shape` only; writes the golden output", async () => {
    const report = new Report();
    const p = await readAll(LENIENT, report);
    const train = p.datasets.find((d) => d.name === "train")!;
    const [f1, f2] = train.items as Item[];
    expect(f1.name).toBe("frame1.png"); // legacy ann/frame1.json matched to img/frame1.png
    expect(f1.annotation.tags).toEqual([{ name: "night" }]);
    expect(f1.annotation.labels[0].geometry).toEqual({ type: "rectangle", left: 1, top: 2, right: 6, bottom: 4 });
    expect(f2.annotation.tags).toEqual([{ name: "weather", value: "rainy" }]);
    expect(p.meta.tagMetas.map((t) => t.name)).toEqual(["night", "weather", "occluded"]);
    expect(p.meta.classes[0].color).toBe("#FF8800");
    const annOnly = p.datasets.find((d) => d.name === "annonly")!;
    expect((annOnly.items as Item[])[0]).toMatchObject({ name: "x.jpg", annotation: { size: { width: 640, height: 480 } } });
    expect((annOnly.items as Item[])[0].image).toBeUndefined();

    const out = path.join(tempDir(), "out");
    await writeProject(p, out, { images: "none" });
    expect(diffTrees(path.join(FIXTURES, "supervisely/lenient-expected"), out)).toEqual([]);
  });

  it("infers meta.json from annotations when it is missing (spec §6.1)", async () => {
    const dir = tempDir();
    fs.cpSync(path.join(LENIENT, "train"), path.join(dir, "train"), { recursive: true });
    const report = new Report();
    const p = await readAll(dir, report);
    expect(p.meta.classes.map((c) => `${c.title}:${c.shape}`)).toEqual(["car:rectangle", "road:polygon"]);
    expect(p.meta.tagMetas.map((t) => `${t.name}:${t.valueType}`)).toEqual(["night:none", "occluded:none", "weather:any_string"]);
    expect(report.countOf("meta-inferred")).toBe(1);
  });

  it("points at the file and JSON pointer of a broken annotation", async () => {
    const dir = tempDir();
    fs.cpSync(LENIENT, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "train/ann/frame2.png.json"), JSON.stringify({ size: { height: 6, width: 8 }, tags: [], objects: [{ classTitle: "road", points: { exterior: [[0, "x"]] } }] }));
    const p = await readProject(dir);
    await expect(materializeProject(p)).rejects.toMatchObject({
      code: "sly-json",
      location: { file: "train/ann/frame2.png.json", pointer: "/objects/0/points/exterior/0" },
    });
  });

  it("reports malformed JSON with its line and column", async () => {
    const dir = tempDir();
    fs.cpSync(LENIENT, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "meta.json"), '{\n  "classes": [\n    {"title": "car",,}\n  ]\n}');
    await expect(readProject(dir)).rejects.toMatchObject({ code: "json-syntax", location: { file: "meta.json", line: 3 } });
  });
});

describe.skipIf(!HAVE_REAL_DATA)("real data: supervisely-sly-tutorial-image", () => {
  const dir = realData("supervisely-sly-tutorial-image/images_project");

  it("reads the facts of expected.json and ignores the Zone.Identifier junk", async () => {
    const facts = expectedFacts()["supervisely-sly-tutorial-image"];
    const p = await readAll(dir);
    const its = items(p);
    expect(p.datasets.map((d) => d.name)).toEqual(["original"]);
    expect(its.length).toBe(5);
    const perClass: Record<string, number> = {};
    for (const it of its) for (const l of it.annotation.labels) {
      perClass[l.classTitle] = (perClass[l.classTitle] ?? 0) + 1;
      expect(l.geometry.type).toBe("bitmap");
    }
    expect(perClass).toEqual({ grapes: 2, lemon: 1, orange: 7 });
    expect(its.every((i) => i.imageMeta && !("Zone" in i.imageMeta))).toBe(true);
    expect(its.find((i) => i.name === "lemons.jpg")!.imageMeta).toEqual({ "my-key": "5" });
    expect(JSON.stringify(facts)).toContain("grapes");
  });

  it("bitmap pixel counts, origins and mask sizes match expected.json", async () => {
    const facts = expectedFacts()["supervisely-sly-tutorial-image"];
    const p = await readAll(dir);
    const ours: string[] = [];
    for (const it of items(p)) for (const l of it.annotation.labels) {
      if (l.geometry.type !== "bitmap") continue;
      const m = decodeBitmapData(l.geometry.data);
      const pixels = m.data.reduce((s, v) => s + v, 0);
      ours.push(`original/ann/${it.name}.json ${l.classTitle} ${l.geometry.origin} ${m.width}x${m.height} ${pixels}`);
    }
    const theirs = (facts.bitmaps as any[]).map((b) => `${b.ann} ${b.class} ${b.origin} ${b.png_wh[0]}x${b.png_wh[1]} ${b.mask_pixels}`);
    expect(ours.sort()).toEqual(theirs.sort());
    expect(ours.length).toBe(10);
  });

  it("round-trips byte for byte (meta.json, image meta, images); annotations gain only the nnCreated/nnUpdated the SDK writes now", async () => {
    const out = path.join(tempDir(), "out");
    await writeProject(await readProject(dir), out, { images: "copy" });
    const junk = listFiles(dir).filter((f) => f.includes("Zone.Identifier"));
    expect(junk.length).toBe(5);
    // An older SDK wrote these annotations, without nnCreated/nnUpdated; today's Label.to_json writes both (false,
    // false: a manual label) between classId and smartToolInput. Nothing else of them changes.
    const anns = listFiles(path.join(dir, "original/ann"));
    expect(anns.length).toBe(5);
    for (const f of anns) {
      const before = fs.readFileSync(path.join(dir, "original/ann", f), "utf8");
      const expected = before.replace(/\n( +)"smartToolInput"/g, '\n$1"nnCreated": false,\n$1"nnUpdated": false,\n$1"smartToolInput"');
      expect(expected).not.toBe(before);
      expect(fs.readFileSync(path.join(out, "original/ann", f), "utf8")).toBe(expected);
    }
    // meta/grapes-1.jpg.json was saved with CRLF line ends: same JSON, canonical LF on write.
    expect(diffTrees(dir, out).filter((d) => !d.includes("Zone.Identifier") && !d.includes("/ann/"))).toEqual(["differs: original/meta/grapes-1.jpg.json"]);
    const rel = "original/meta/grapes-1.jpg.json";
    expect(JSON.parse(fs.readFileSync(path.join(out, rel), "utf8"))).toEqual(JSON.parse(fs.readFileSync(path.join(dir, rel), "utf8")));
  });
});
