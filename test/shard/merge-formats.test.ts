/**
 * Merge of every writable format (quick suite: one representative run per format; test/shard/matrix.slow.test.ts has
 * every real dataset and N = 1, 2, 3, 7): the merged output is the single run's byte for byte; readers of many-file
 * inputs read only their shard's items; merge refuses shard outputs that are incomplete, edited, of another input
 * or that two items of the run would share.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { convertDataset, exportProject, importDataset } from "../../src/api.js";
import { mergeShards } from "../../src/merge.js";
import { SHARD_MANIFEST_FILE, SHARD_SIDECAR_DIR, shardOf } from "../../src/shard.js";
import { diffTrees, listFiles, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/cli.js";
import { generatedCoco, generatedProject, vocIdCollisionsProject } from "./generated.js";
import { runSharded } from "./run-sharded.js";

let dir: string;
let project: string;
let coco: string;
beforeAll(async () => {
  dir = tempDir();
  project = await generatedProject(path.join(dir, "project"));
  coco = generatedCoco(path.join(dir, "coco"));
});

/** Items of a Supervisely project as `dataset/name`, nested datasets as `parent/child`. */
function itemsOf(p: string): string[] {
  return listFiles(p).filter((f) => /\/ann\/[^/]+\.json$/.test(f)).map((f) => f.replace(/\/datasets\//g, "/").replace(/\/ann\/(.*)\.json$/, "/$1")).sort();
}

describe("a generated project exported as 3 shards and merged equals the single export", () => {
  it.each(["coco", "yolo", "voc", "masks", "links", "supervisely"])("%s", async (to) => {
    const r = await runSharded({ kind: "export", project, to }, 3, path.join(dir, `export-${to}`));
    expect(r.diffs).toEqual([]);
    // Every item in one shard: the manifests' counts add up to the project's 40 items, none empty.
    expect(r.itemsPerShard.reduce((a, b) => a + b, 0)).toBe(40);
    expect(r.itemsPerShard.every((n) => n > 0)).toBe(true);
    // The single run's output is not empty of what the format holds.
    expect(listFiles(r.single).length).toBeGreaterThan(to === "links" || to === "coco" ? 0 : 20);
    expect(listFiles(r.merged).some((f) => f.startsWith(SHARD_SIDECAR_DIR) || f === SHARD_MANIFEST_FILE)).toBe(false);
  });
});

describe("merge --link", () => {
  it.each(["yolo", "supervisely"])("%s: the shards' files hardlinked, the output the single run's", async (to) => {
    const base = path.join(dir, `link-${to}`);
    const r = await runSharded({ kind: "export", project, to }, 2, base);
    const linked = path.join(base, "linked");
    const cli = await runCli(["merge", ...r.shards, linked, "--link", "-q"]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(diffTrees(r.single, linked)).toEqual([]);
    // Every copied file is the shard's own (one inode, two names); the files merge writes (data.yaml, meta.json, the datasets note) are not.
    const own = to === "yolo" ? ["data.yaml"] : ["meta.json", "slyconv_datasets.json"];
    const files = listFiles(linked).filter((f) => !own.includes(f));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(fs.statSync(path.join(linked, f)).nlink, f).toBeGreaterThanOrEqual(2);
    for (const f of own) expect(fs.statSync(path.join(linked, f)).nlink, f).toBe(1);
  });
});

describe("COCO ids", () => {
  it("ids used twice, an image without id and one file name for two images: merged, the single run's ids and names", async () => {
    const r = await runSharded({ kind: "convert", input: coco, from: "coco", to: "coco" }, 3, path.join(dir, "coco-ids"));
    expect(r.diffs).toEqual([]);
    // What the run had to change is in the merged file as the single run wrote it.
    const merged = JSON.parse(fs.readFileSync(path.join(r.merged, "annotations", "instances_gen.json"), "utf8"));
    const ids = merged.annotations.map((a: { id: number }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id: number) => id === 500)).toHaveLength(1);
    expect(merged.images.filter((i: { file_name: string }) => i.file_name.startsWith("img_5_"))).toHaveLength(1);
    const captions = JSON.parse(fs.readFileSync(path.join(r.merged, "annotations", "captions_gen.json"), "utf8"));
    expect(captions.annotations.map((c: { caption: string }) => c.caption)).toContain('picture 8, "quoted"');
    const keypoints = JSON.parse(fs.readFileSync(path.join(r.merged, "annotations", "person_keypoints_gen.json"), "utf8"));
    expect(keypoints.annotations.length).toBeGreaterThan(0);
    for (const k of keypoints.annotations) expect(ids).toContain(k.id);
  });
});

/** The items (`dataset/name`) that shard 0 of 2 has. */
const ofShard0 = (items: string[]) => items.filter((k) => shardOf(k.slice(0, k.lastIndexOf("/")), k.slice(k.lastIndexOf("/") + 1), 2) === 0);

/** The source file of an item that shard 1 of 2 has and shard 0 not: its `dataset/name` and stem. */
function itemOfShard1(items: string[], last = false): { dataset: string; name: string; stem: string } {
  for (const key of last ? [...items].reverse() : items) {
    const cut = key.lastIndexOf("/");
    const dataset = key.slice(0, cut), name = key.slice(cut + 1);
    if (shardOf(dataset, name, 2) === 1) return { dataset, name, stem: name.slice(0, name.lastIndexOf(".")) };
  }
  throw new Error("no item in shard 1");
}

describe("readers of many-file inputs read only their shard's items", () => {
  it("Supervisely: an unreadable annotation of shard 1's item fails the single run, not shard 0", async () => {
    const copy = path.join(dir, "sly-broken");
    fs.cpSync(project, copy, { recursive: true });
    const item = itemOfShard1(itemsOf(copy));
    const ann = path.join(copy, item.dataset.replace(/\//g, "/datasets/"), "ann", `${item.name}.json`);
    fs.writeFileSync(ann, "{ not json");
    await expect(exportProject(copy, path.join(dir, "sly-broken-single"), { format: "coco" })).rejects.toMatchObject({ code: "json-syntax" });
    await exportProject(copy, path.join(dir, "sly-broken-0"), { format: "coco", shard: { index: 0, count: 2 } });
    const shard0 = JSON.parse(fs.readFileSync(path.join(dir, "sly-broken-0", SHARD_MANIFEST_FILE), "utf8"));
    expect(shard0.listing.items).toBe(40);
    expect(shard0.items).toBe(itemsOf(copy).filter((k) => shardOf(k.slice(0, k.lastIndexOf("/")), k.slice(k.lastIndexOf("/") + 1), 2) === 0).length);
  });

  it("YOLO: a bad label line of shard 1's item fails the single run, not shard 0", async () => {
    const yolo = path.join(dir, "yolo-broken");
    await exportProject(project, yolo, { format: "yolo" });
    const single = path.join(dir, "yolo-single");
    // The link items have no image to take a size from.
    const formatOptions = { imageSize: "640x480" };
    await importDataset(yolo, single, { format: "yolo", formatOptions });
    // The last one: every shard reads the first 20 label files, whose lines decide the classes' shape.
    const item = itemOfShard1(itemsOf(single), true);
    const label = listFiles(yolo).find((f) => f.startsWith("labels/") && f.endsWith(`/${item.stem}.txt`))!;
    fs.writeFileSync(path.join(yolo, label), "0 0.5 0.5 0.1\n");
    await expect(importDataset(yolo, path.join(dir, "yolo-broken-single"), { format: "yolo", formatOptions })).rejects.toMatchObject({ exitCode: 1, location: expect.objectContaining({ file: expect.stringContaining(`${item.stem}.txt`) }) });
    const r = await importDataset(yolo, path.join(dir, "yolo-broken-0"), { format: "yolo", formatOptions, shard: { index: 0, count: 2 } });
    expect(r.items).toBeGreaterThan(0);
    expect(itemsOf(path.join(dir, "yolo-broken-0"))).toEqual(ofShard0(itemsOf(single)));
    expect(itemsOf(path.join(dir, "yolo-broken-0"))).toHaveLength(r.items);
  });

  it("masks: an unreadable mask PNG of shard 1's item is an error of the single run, not of shard 0", async () => {
    const masks = path.join(dir, "masks-broken");
    await exportProject(project, masks, { format: "masks" });
    const single = path.join(dir, "masks-single");
    await importDataset(masks, single, { format: "masks" });
    const item = itemOfShard1(itemsOf(single));
    const png = listFiles(masks).find((f) => f.includes("/masks_machine/") && f.endsWith(`/${item.stem}.png`))!;
    fs.writeFileSync(path.join(masks, png), "not a png");
    const broken = await importDataset(masks, path.join(dir, "masks-broken-single"), { format: "masks" });
    expect(broken.report.toJSON().findings?.filter((f: { severity: string }) => f.severity === "error")).toEqual([expect.objectContaining({ code: "mask-unreadable", file: png })]);
    const r = await importDataset(masks, path.join(dir, "masks-broken-0"), { format: "masks", shard: { index: 0, count: 2 } });
    expect(r.items).toBeGreaterThan(0);
    expect(itemsOf(path.join(dir, "masks-broken-0"))).toEqual(ofShard0(itemsOf(single)));
    expect(itemsOf(path.join(dir, "masks-broken-0"))).toHaveLength(r.items);
    expect(r.report.errorCount).toBe(0);
  });
});

describe("a VOC import reads only its shard's masks and image headers, and reports only its own items' annotations", () => {
  let voc: string;
  beforeAll(async () => {
    voc = path.join(dir, "voc-in");
    await exportProject(project, voc, { format: "voc" });
  });

  it("an unreadable mask of shard 1's item is a warning of the single run, not of shard 0", async () => {
    const copy = path.join(dir, "voc-broken");
    fs.cpSync(voc, copy, { recursive: true });
    const single = path.join(dir, "voc-broken-single");
    await importDataset(copy, single, { format: "voc" });
    const withMasks = new Set(listFiles(copy).filter((f) => f.startsWith("SegmentationObject/")).map((f) => f.slice(19, -4)));
    const item = itemOfShard1(itemsOf(single).filter((k) => withMasks.has(k.slice(k.lastIndexOf("/") + 1).replace(/\.[^.]*$/, ""))));
    const mask = `SegmentationObject/${item.stem}.png`;
    fs.writeFileSync(path.join(copy, mask), "not a png");
    const unreadable = (r: { report: { toJSON(): { findings?: { code: string; file?: string }[] } } }) => (r.report.toJSON().findings ?? []).filter((f) => f.code === "voc-mask-unreadable");
    const whole = await importDataset(copy, path.join(dir, "voc-broken-whole"), { format: "voc" });
    expect(unreadable(whole)).toEqual([expect.objectContaining({ file: mask })]);
    const r = await importDataset(copy, path.join(dir, "voc-broken-0"), { format: "voc", shard: { index: 0, count: 2 } });
    expect(r.items).toBeGreaterThan(0);
    expect(itemsOf(path.join(dir, "voc-broken-0"))).toEqual(ofShard0(itemsOf(single)));
    expect(itemsOf(path.join(dir, "voc-broken-0"))).toHaveLength(r.items);
    expect(unreadable(r)).toEqual([]);
    // It counts every mask file it listed all the same.
    expect(r.report.stats.vocMaskFiles).toBe(whole.report.stats.vocMaskFiles);
  });

  it("a malformed annotation of shard 1's item is an error of the single run and of shard 1, not of shard 0", async () => {
    const copy = path.join(dir, "voc-bad-xml");
    fs.cpSync(voc, copy, { recursive: true });
    const single = path.join(dir, "voc-bad-xml-single");
    await importDataset(copy, single, { format: "voc" });
    const item = itemOfShard1(itemsOf(single));
    const xml = `Annotations/${item.stem}.xml`;
    fs.writeFileSync(path.join(copy, xml), fs.readFileSync(path.join(copy, xml), "utf8").replace("</size>", "</sise>"));
    const errors = (r: { report: { toJSON(): { findings?: { code: string; severity: string; file?: string }[] } } }) => (r.report.toJSON().findings ?? []).filter((f) => f.severity === "error");
    const whole = await importDataset(copy, path.join(dir, "voc-bad-xml-whole"), { format: "voc" });
    expect(errors(whole)).toEqual([expect.objectContaining({ code: "voc-xml-malformed", file: xml })]);
    const shard0 = await importDataset(copy, path.join(dir, "voc-bad-xml-0"), { format: "voc", shard: { index: 0, count: 2 } });
    expect(shard0.items).toBeGreaterThan(0);
    expect(itemsOf(path.join(dir, "voc-bad-xml-0"))).toEqual(ofShard0(itemsOf(single)));
    expect(itemsOf(path.join(dir, "voc-bad-xml-0"))).toHaveLength(shard0.items);
    expect(errors(shard0)).toEqual([]);
    const shard1 = await importDataset(copy, path.join(dir, "voc-bad-xml-1"), { format: "voc", shard: { index: 1, count: 2 } });
    expect(errors(shard1)).toEqual([expect.objectContaining({ code: "voc-xml-malformed", file: xml })]);
    const r = await runSharded({ kind: "import", input: copy, from: "voc" }, 2, path.join(dir, "voc-bad-xml-merge"), path.join(dir, "voc-bad-xml-whole"));
    expect(r.diffs).toEqual([]);
  });

  it("each shard's meta.json holds the classes of its items; merged, the single run's (classes first seen in a later shard)", async () => {
    // Every fourth item's first box is a class of its own, which only that item's shard sees.
    const input = path.join(dir, "voc-classes");
    fs.cpSync(voc, input, { recursive: true });
    const xmls = listFiles(input).filter((f) => f.startsWith("Annotations/")).sort();
    for (const f of xmls.filter((_, i) => i % 4 === 1)) {
      const file = path.join(input, f);
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("<name>box</name>", `<name>only_${path.basename(f, ".xml")}</name>`));
    }
    for (const n of [2, 3, 7]) {
      const r = await runSharded({ kind: "import", input, from: "voc" }, n, path.join(dir, "voc-import"), n === 2 ? undefined : path.join(dir, "voc-import", "single"));
      expect(r.diffs, `N = ${n}`).toEqual([]);
      const titles = (d: string) => JSON.parse(fs.readFileSync(path.join(d, "meta.json"), "utf8")).classes.map((c: { title: string }) => c.title);
      const all = titles(r.single);
      expect(all.length).toBeGreaterThan(3);
      // Some shard lacks a class another has: merge made the meta again, it did not copy one shard's.
      expect(r.shards.some((d) => titles(d).length < all.length)).toBe(true);
      for (const d of r.shards) expect(all).toEqual(expect.arrayContaining(titles(d)));
    }
  });
});

describe("merge refuses", () => {
  async function cocoShards(name: string, input = coco): Promise<string[]> {
    const outs = [];
    for (let i = 0; i < 3; i++) {
      const out = path.join(dir, `${name}-${i}`);
      await convertDataset(input, out, { from: "coco", to: "coco", shard: { index: i, count: 3 }, runId: "refusals" });
      outs.push(out);
    }
    return outs;
  }

  it("a missing or duplicated COCO shard, from the CLI: one line, exit 2, nothing written", async () => {
    const [a, b, c] = await cocoShards("refuse");
    const out = path.join(dir, "refused");
    const missing = await runCli(["merge", a, c, out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^slyconv: run refusals has 3 shards; missing: 1\/3 .*\[shard-missing\]$/);
    const twice = await runCli(["merge", a, b, c, b, out]);
    expect(twice.code).toBe(2);
    expect(twice.stderr.trim()).toMatch(/shard 1\/3 is given twice: .*\[shard-duplicated\]$/);
    expect(fs.existsSync(out)).toBe(false);
    const ok = await runCli(["merge", c, a, b, out, "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ format: "coco", shards: 3, items: 28 });
  });

  it("a COCO shard whose sidecar lost a line, or whose file lost an image", async () => {
    const [a, b, c] = await cocoShards("edited");
    const sidecar = path.join(b, SHARD_SIDECAR_DIR, "coco", "gen.ndjson");
    const lines = fs.readFileSync(sidecar, "utf8").split("\n");
    fs.writeFileSync(sidecar, lines.slice(1).join("\n"));
    await expect(mergeShards([a, b, c], path.join(dir, "edited-merged"))).rejects.toMatchObject({ code: "shard-invalid", exitCode: 2 });
    fs.writeFileSync(sidecar, lines.join("\n"));
    const file = path.join(b, "annotations", "instances_gen.json");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/\n\{"id":[^\n]*"file_name"[^\n]*,\n/, "\n"));
    await expect(mergeShards([a, b, c], path.join(dir, "edited-merged"))).rejects.toMatchObject({ code: "shard-invalid", exitCode: 2 });
    expect(fs.existsSync(path.join(dir, "edited-merged"))).toBe(false);
  });

  it("shards of one run id that listed different inputs", async () => {
    const [a, b] = await cocoShards("input-a");
    const other = generatedCoco(path.join(dir, "coco-other"), 3, 31);
    const [, , c] = await cocoShards("input-b", other);
    await expect(mergeShards([a, b, c], path.join(dir, "inputs-merged"))).rejects.toMatchObject({ code: "shards-of-different-inputs", exitCode: 2 });
  });
});

/** A project whose dataset holds x.jpg, x.png and x.PNG for several x, with a box each (sizes in the annotations). */
function sameStemProject(p: string): string {
  fs.mkdirSync(path.join(p, "ds", "img"), { recursive: true });
  fs.mkdirSync(path.join(p, "ds", "ann"), { recursive: true });
  fs.writeFileSync(path.join(p, "meta.json"), JSON.stringify({ classes: [{ title: "box", shape: "rectangle", color: "#FF0000" }], tags: [] }));
  ["a", "b", "c", "d", "e", "f", "g", "h"].forEach((x, i) => ["jpg", "png", "PNG"].forEach((ext, k) => {
    const box = { classTitle: "box", geometryType: "rectangle", tags: [], points: { exterior: [[i, k], [i + 5 + k, k + 6]], interior: [] } };
    fs.writeFileSync(path.join(p, "ds", "ann", `${x}.${ext}.json`), JSON.stringify({ tags: [], size: { width: 20, height: 20 }, objects: [box] }));
  }));
  return p;
}

describe("VOC ids that collide across shards", () => {
  it("are given as the single run gives them: kept, written once for two datasets, or renamed (the XML's <filename> too)", async () => {
    const p = await vocIdCollisionsProject(path.join(dir, "voc-ids"));
    const out = path.join(dir, "voc-ids-out");
    // The shards split most of the groups of items that share an id.
    const groups = ["a", "b", "c", "d", "e", "f", "g", "h"].map((x) => [["ds", `${x}.jpg`], ["ds", `${x}.png`], ["ds", `${x}.PNG`], ["ds2", `${x}.PNG`], ["ds2", `${x}.png`]]);
    expect(groups.filter((g) => new Set(g.map(([d, n]) => shardOf(d, n, 3))).size > 1).length).toBeGreaterThan(5);
    for (const n of [2, 3, 7]) {
      const r = await runSharded({ kind: "export", project: p, to: "voc" }, n, out, n === 2 ? undefined : path.join(out, "single"));
      expect(r.diffs, `N = ${n}`).toEqual([]);
    }
    const files = listFiles(path.join(out, "single"));
    const ids = files.filter((f) => f.startsWith("Annotations/")).map((f) => f.slice(12, -4)).sort();
    // 8 × (x, ds_x, ds_x_2, ds2_x, ds2_ds_x): ds2/x.PNG is ds/x.PNG again.
    expect(ids).toHaveLength(40);
    expect(ids.filter((id) => /^ds2_ds_[a-h]$/.test(id))).toHaveLength(8);
    expect(ids.filter((id) => /^ds_[a-h]_2$/.test(id))).toHaveLength(8);
    expect(fs.readFileSync(path.join(out, "single", "Annotations", "ds2_a.xml"), "utf8")).toContain("<filename>ds2_a.png</filename>");
    expect(files).toContain("SegmentationObject/ds2_a.png");
    expect(fs.readFileSync(path.join(out, "single", "ImageSets", "Main", "ds2.txt"), "utf8").split("\n").filter(Boolean)).toHaveLength(24);
  });
});

describe("images of one folder sharing a stem, in different shards", () => {
  it.each(["yolo", "masks"])("%s: named as the single run names them (a prefix, or the full name, for all but the first)", async (to) => {
    const p = sameStemProject(path.join(dir, `stems-${to}`));
    // The shards split most of the groups.
    const split = ["a", "b", "c", "d", "e", "f", "g", "h"].filter((x) => new Set(["jpg", "png", "PNG"].map((e) => shardOf("ds", `${x}.${e}`, 3))).size > 1);
    expect(split.length).toBeGreaterThan(3);
    for (const n of [2, 3, 7]) {
      const r = await runSharded({ kind: "export", project: p, to }, n, path.join(dir, `stems-${to}-out`), n === 2 ? undefined : path.join(dir, `stems-${to}-out`, "single"));
      expect(r.diffs, `N = ${n}`).toEqual([]);
    }
    const files = listFiles(path.join(dir, `stems-${to}-out`, "single"));
    if (to === "yolo") expect(files.filter((f) => /^labels\/ds\/dup2?_[a-h]\.txt$/.test(f))).toHaveLength(16);
    else expect(files.filter((f) => /^ds\/masks_machine\/[a-h]\.(jpg|png|PNG)\.png$/.test(f))).toHaveLength(16);
  });
});
