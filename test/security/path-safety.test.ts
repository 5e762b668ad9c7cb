/**
 * Path safety (issue 8): every place a name comes from the input — COCO `file_name`, VOC `filename`, YOLO list files
 * and data.yaml paths, link names and dataset columns, archive entries, Supervisely dataset and item names — is fed
 * `../`, absolute paths, NUL, Windows drive letters; inputs hold symlinks that leave them; and names differ only by
 * letter case. Whatever happens (an import with a warning that names the name, or the project's own SlyconvError),
 * nothing is written, changed or read outside: the files beside the input and the output are compared byte for
 * byte before and after, and the output never holds a symlink copied from the input or the bytes of a file outside
 * the input that the input's names aim at.
 *
 * Decisions tested here (docs/bad-input.md):
 * - A symlink inside an input folder is read through when it leads to a regular file (symlinked image stores are
 *   common); the output gets the real file's content (copy or hard link of the real file), never the link, and
 *   nothing is written through it. A link to nothing, to a loop or to a folder is an `image-unreadable` warning:
 *   the item keeps its annotation. Folder links that loop (`a/loop -> ..`) are walked once. Archives never create
 *   links at all (docs/archives.md).
 * - Paths that data.yaml / list files / obj.data give are followed inside the input folder only.
 * - Names differing only by case: warning `name-case-clash` naming both, both written (they are distinct files
 *   here); on a case-insensitive target the writer's exclusive creates find the clash and the import stops with
 *   SlyconvError `name-case-clash` instead of overwriting. Link lists rename the later one (`a_1.png`) as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { importDataset, writeProject } from "../../src/api.js";
import { SlyconvError } from "../../src/errors.js";
import { Report } from "../../src/report.js";
import { emptyProjectMeta, type Item, type Project } from "../../src/model/index.js";
import { encodeGrayPng } from "../../src/codecs/png-encode.js";
import { listFiles, REPO_ROOT, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/cli.js";
import { craftTar, craftZip } from "../archive/craft.js";

/** A PNG whose bytes appear nowhere else: the file outside the input that hostile names aim at. */
const OUTSIDE_PNG = encodeGrayPng(3, 2, Uint8Array.from([7, 7, 7, 9, 9, 9]));
const png = (w = 4, h = 4) => encodeGrayPng(w, h, new Uint8Array(w * h));
const EMPTY_ANN = JSON.stringify({ size: { width: 4, height: 4 }, tags: [], objects: [] });

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) fs.rmSync(dir, { recursive: true, force: true });
});

/** A work folder: in/ (the input), outside/evil.png and evil.png beside it, out/ (the output). */
class Sandbox {
  readonly work = tempDir("slyconv-path-safety-");
  readonly input = path.join(this.work, "in");
  readonly outsideDir = path.join(this.work, "outside");
  readonly outsideFile = path.join(this.outsideDir, "evil.png");
  readonly out = path.join(this.work, "out");
  private before = new Map<string, string>();

  constructor() {
    sandboxes.push(this.work);
    fs.mkdirSync(this.input);
    fs.mkdirSync(this.outsideDir);
    fs.writeFileSync(this.outsideFile, OUTSIDE_PNG);
    fs.writeFileSync(path.join(this.work, "evil.png"), OUTSIDE_PNG);
  }

  write(files: Record<string, string | Buffer>, under = this.input): this {
    for (const [rel, data] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(under, rel)), { recursive: true });
      fs.writeFileSync(path.join(under, rel), data);
    }
    return this;
  }

  link(rel: string, target: string): this {
    fs.mkdirSync(path.dirname(path.join(this.input, rel)), { recursive: true });
    fs.symlinkSync(target, path.join(this.input, rel));
    return this;
  }

  /** Path → hash of everything in the work folder but the output (symlinks by their target, not followed). */
  private snapshot(): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        const rel = path.relative(this.work, p);
        if (rel === "out" || rel.startsWith(`.out.`)) continue;
        if (e.isSymbolicLink()) out.set(rel, `-> ${fs.readlinkSync(p)}`);
        else if (e.isDirectory()) walk(p);
        else out.set(rel, createHash("sha1").update(fs.readFileSync(p)).digest("hex"));
      }
    };
    walk(this.work);
    return out;
  }

  async import(format: string, opts: { images?: "copy" | "hardlink" | "symlink" | "none"; input?: string; formatOptions?: Record<string, unknown> } = {}) {
    this.before = this.snapshot();
    const report = new Report();
    let error: SlyconvError | undefined;
    try {
      await importDataset(opts.input ?? this.input, this.out, { format, report, images: opts.images ?? "copy", formatOptions: opts.formatOptions });
    } catch (e) {
      if (!(e instanceof SlyconvError)) throw e;
      error = e;
    }
    this.assertConfined(opts.images === "symlink");
    if (error) expect(fs.existsSync(this.out)).toBe(false);
    return { report, error, files: error ? [] : listFiles(this.out) };
  }

  /** Nothing beside the output changed; the output holds no symlink and not the outside file's bytes. */
  assertConfined(symlinksAllowed = false): void {
    const after = this.snapshot();
    const changed = [...new Set([...this.before.keys(), ...after.keys()])].filter((k) => this.before.get(k) !== after.get(k));
    expect(changed).toEqual([]);
    expect(fs.readdirSync(this.work).sort()).toEqual(["evil.png", "in", "outside", ...(fs.existsSync(this.out) ? ["out"] : [])].sort());
    if (!fs.existsSync(this.out)) return;
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isSymbolicLink()) expect(symlinksAllowed, `symlink in the output: ${p}`).toBe(true);
        else if (e.isDirectory()) walk(p);
      }
    };
    walk(this.out);
  }

  /** Output files whose bytes are the outside file's. */
  outsideCopies(): string[] {
    if (!fs.existsSync(this.out)) return [];
    return listFiles(this.out).filter((f) => fs.readFileSync(path.join(this.out, f)).equals(OUTSIDE_PNG));
  }
}

const codes = (r: Report) => r.findings.map((f) => f.code);
const findingsOf = (r: Report, code: string) => r.findings.filter((f) => f.code === code);

/** The four hostile names of the issue; `aimed` ones point at the real file outside the input when followed. */
const HOSTILE_NAMES = ["../evil.png", "/abs/evil.png", "a\u0000b.png", "C:\\evil.png"] as const;

// ------------------------------------------------------------------------------------------------ COCO

function cocoInput(sb: Sandbox, fileNames: string[]): Sandbox {
  const images = fileNames.map((file_name, i) => ({ id: i + 1, file_name, width: 4, height: 4 }));
  const annotations = images.map((im) => ({ id: im.id, image_id: im.id, category_id: 1, bbox: [0, 0, 2, 2], area: 4, iscrowd: 0 }));
  return sb.write({
    "annotations/instances_default.json": JSON.stringify({ images, annotations, categories: [{ id: 1, name: "cat" }] }),
    "images/ok.png": png(),
  });
}

describe("COCO file_name", () => {
  it.each([
    ["../evil.png", "evil.png"],
    ["../../outside/evil.png", "evil.png"],
    ["/abs/evil.png", "evil.png"],
    ["C:\\evil.png", "evil.png"],
    ["C:\\..\\..\\outside\\evil.png", "evil.png"],
  ])("%j: the item is named by its base name, the file outside is never read", async (fileName, itemName) => {
    const sb = cocoInput(new Sandbox(), [fileName, "ok.png"]);
    const { report, error, files } = await sb.import("coco");
    expect(error).toBeUndefined();
    expect(files).toContain(`default-no-image/ann/${itemName}.json`); // no image: a dataset of its own, for the SDK
    expect(files).not.toContain(`default/img/${itemName}`);
    expect(files).toContain("default/img/ok.png");
    // The image is looked for in the images folder only, by the name as written (refused: it leaves the folder) and
    // by its base name (absent): the warning names the file_name and where it is in the JSON.
    expect(findingsOf(report, "coco-image-missing")).toMatchObject([{ severity: "warning", message: expect.stringContaining(JSON.stringify(fileName)), pointer: "/images/0/file_name" }]);
    expect(sb.outsideCopies()).toEqual([]);
  });

  it("the absolute path of a real file outside the input: not read", async () => {
    const sb = new Sandbox();
    cocoInput(sb, [sb.outsideFile, "ok.png"]);
    const { files } = await sb.import("coco");
    expect(files).toContain("default-no-image/ann/evil.png.json");
    expect(sb.outsideCopies()).toEqual([]);
  });

  it.each([
    ["a\u0000b.png", "a_b.png"],
    ["C:evil.png", "C_evil.png"],
    ["images/", "image_1"],
    ["x".repeat(300) + ".png", "x".repeat(196) + ".png"],
  ])("%j is no plain file name: the item is renamed %j with a warning naming it; file_name is kept for export", async (fileName, itemName) => {
    const sb = cocoInput(new Sandbox(), [fileName, "ok.png"]);
    const { report, error, files } = await sb.import("coco");
    expect(error).toBeUndefined();
    expect(files).toContain(`default-no-image/ann/${itemName}.json`); // no image: a dataset of its own, for the SDK
    expect(findingsOf(report, "coco-unsafe-file-name")).toMatchObject([{ severity: "warning", pointer: "/images/0/file_name", message: expect.stringContaining(JSON.stringify(fileName)) }]);
    // The image entry (with file_name as written) travels in coco_info.json for export.
    const info = JSON.parse(fs.readFileSync(path.join(sb.out, "coco_info.json"), "utf8"));
    expect(info.images.default[itemName].file_name).toBe(fileName);
  });
});

// ------------------------------------------------------------------------------------------------- VOC

describe("VOC filename", () => {
  it.each([...HOSTILE_NAMES, "../../outside/evil.png", "C:\\..\\outside\\evil.png"])("<filename>%j</filename>: the item is named after the XML file, nothing outside is read", async (fileName) => {
    const sb = new Sandbox().write({
      "Annotations/x.xml": `<annotation><filename>${fileName.replace("\u0000", "&#0;")}</filename><size><width>4</width><height>4</height><depth>1</depth></size>` +
        "<object><name>cat</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object></annotation>",
      "JPEGImages/ok.png": png(),
    });
    const { error, files } = await sb.import("voc");
    expect(error).toBeUndefined();
    expect(files.filter((f) => f.includes("/ann/"))).toEqual(["unlisted-no-image/ann/x.png.json", "unlisted/ann/ok.png.json"]);
    expect(files.filter((f) => f.includes("/img/"))).toEqual(["unlisted/img/ok.png"]);
    expect(sb.outsideCopies()).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------ YOLO

function yoloInput(sb: Sandbox, list: string[], yaml = "train: train.txt\nnames: [cat]\n"): Sandbox {
  return sb.write({
    "data.yaml": yaml,
    "train.txt": [...list, "images/ok.png"].join("\n") + "\n",
    "images/ok.png": png(),
    "labels/ok.txt": "0 0.5 0.5 0.5 0.5\n",
  });
}

describe("YOLO list files and data.yaml paths", () => {
  it.each([...HOSTILE_NAMES, "../outside/evil.png", "../../outside/evil.png", "C:\\..\\outside\\evil.png"])("list entry %j: skipped with a warning on its line, the file outside is not read", async (entry) => {
    const sb = yoloInput(new Sandbox(), [entry]);
    const { report, error, files } = await sb.import("yolo");
    expect(error).toBeUndefined();
    expect(files.filter((f) => !f.endsWith("meta.json"))).toEqual(["train/ann/ok.png.json", "train/img/ok.png"]);
    expect(findingsOf(report, "yolo-listed-image-missing")).toMatchObject([{ severity: "warning", file: "train.txt", line: 1 }]);
    expect(sb.outsideCopies()).toEqual([]);
  });

  it("the absolute path of a real image outside the input: not read (before the fix it was imported and copied)", async () => {
    const sb = new Sandbox();
    yoloInput(sb, [sb.outsideFile]);
    const { files } = await sb.import("yolo");
    expect(files.filter((f) => f.includes("/img/"))).toEqual(["train/img/ok.png"]);
    expect(sb.outsideCopies()).toEqual([]);
  });

  it("train: a folder outside the input: not listed, a warning; val still read", async () => {
    const sb = new Sandbox().write({ "data.yaml": "train: ../outside\nval: images\nnames: [cat]\n", "images/ok.png": png(), "labels/ok.txt": "0 0.5 0.5 0.5 0.5\n" });
    const { report, files } = await sb.import("yolo");
    expect(files.filter((f) => f.includes("/img/"))).toEqual(["val/img/ok.png"]);
    expect(findingsOf(report, "yolo-split-missing")).toMatchObject([{ severity: "warning", message: 'train: "../outside" was not found; its images are read only if they are in the dataset\'s folders' }]);
    expect(sb.outsideCopies()).toEqual([]);
  });

  it.each(["/", "../../..", "../../../../../../.."])("train: %j (the file system root, before the fix walked whole): only the dataset folder is read", async (train) => {
    const sb = new Sandbox().write({ "data.yaml": `train: ${train}\nnames: [cat]\n`, "images/ok.png": png(), "labels/ok.txt": "0 0.5 0.5 0.5 0.5\n" });
    const started = Date.now();
    const { files } = await sb.import("yolo");
    expect(Date.now() - started).toBeLessThan(10_000);
    // Leading '/' and '../' dropped (Roboflow-style configs): the value names the dataset folder itself.
    expect(files.filter((f) => f.includes("/img/")).map((f) => path.posix.basename(f))).toEqual(["ok.png"]);
    expect(sb.outsideCopies()).toEqual([]);
  });

  it("path: a folder outside the input that exists: a warning, paths resolved from the YAML's folder", async () => {
    const sb = new Sandbox();
    sb.write({ "images/evil.png": OUTSIDE_PNG, "labels/evil.txt": "0 0.5 0.5 0.5 0.5\n" }, sb.outsideDir);
    sb.write({ "data.yaml": `path: ${sb.outsideDir}\ntrain: images\nnames: [cat]\n`, "images/ok.png": png(), "labels/ok.txt": "0 0.5 0.5 0.5 0.5\n" });
    const { report, files } = await sb.import("yolo");
    expect(files.filter((f) => f.includes("/img/"))).toEqual(["train/img/ok.png"]);
    expect(findingsOf(report, "yolo-path-outside")).toMatchObject([{ severity: "warning", file: "data.yaml" }]);
    expect(sb.outsideCopies()).toEqual([]);
  });

  it("obj.data names = ../../outside/...: the class names file outside is not read", async () => {
    const sb = new Sandbox();
    sb.write({ "secret.names": "SECRET-CLASS\n" }, sb.outsideDir);
    sb.write({ "obj.data": "classes = 1\ntrain = data/train.txt\nnames = ../outside/secret.names\n", "obj.names": "cat\n", "train.txt": "data/obj_train_data/k.png\n", "obj_train_data/k.png": png(), "obj_train_data/k.txt": "0 0.5 0.5 0.5 0.5\n" });
    const { files } = await sb.import("yolo");
    const meta = fs.readFileSync(path.join(sb.out, "meta.json"), "utf8");
    expect(meta).toContain('"cat"');
    expect(meta).not.toContain("SECRET-CLASS");
    expect(files).toContain("train/img/k.png");
  });
});

// ----------------------------------------------------------------------------------------------- links

describe("link names and dataset columns", () => {
  it.each([
    ["../evil.png", ".._evil.png"],
    ["/abs/evil.png", "_abs_evil.png"],
    ["a\u0000b.png", "a_b.png"],
    ["C:\\evil.png", "C__evil.png"],
  ])("name %j: made a plain file name %j, with a warning on its line", async (name, used) => {
    const sb = new Sandbox().write({ "list.csv": `url,name\nhttps://h.example/1.png,"${name}"\n` });
    const { report, error, files } = await sb.import("links");
    expect(error).toBeUndefined();
    expect(files.filter((f) => f.includes("/ann/"))).toEqual([`list/ann/${used}.json`]);
    expect(findingsOf(report, "unsafe-name")).toEqual([expect.objectContaining({ severity: "warning", file: "list.csv", line: 2, message: `name ${JSON.stringify(name)} is not a plain file name; ${JSON.stringify(used)} is used` })]);
  });

  it.each([
    ["../evil", "image/evil"],
    ["/abs/evil", "abs/evil"],
    ["a\u0000b", "a_b"],
    ["C:\\evil", "C__evil"],
    ["..", "image"],
    ["meta.json", "meta.json_ds"],
    ["img", "img_ds"],
  ])("dataset %j: folders %j, with a warning on its line", async (dataset, used) => {
    const sb = new Sandbox().write({ "list.csv": `url,dataset\nhttps://h.example/1.png,"${dataset}"\n` });
    const { report, files } = await sb.import("links");
    const dsPath = used.split("/").join("/datasets/");
    expect(files.filter((f) => f.includes("/ann/"))).toEqual([`${dsPath}/ann/1.png.json`]);
    const warned = findingsOf(report, "unsafe-name");
    if (dataset === "/abs/evil") expect(warned).toEqual([]); // a leading slash only nests: abs/evil is what it says
    else expect(warned).toEqual([expect.objectContaining({ severity: "warning", file: "list.csv", line: 2, message: `dataset ${JSON.stringify(dataset)} is not a plain folder path; ${JSON.stringify(used)} is used` })]);
  });
});

// --------------------------------------------------------------------------------------------- archives

describe("archive entries", () => {
  it.each(["../evil.png", "/abs/evil.png", "a\u0000b.png", "C:/evil.png", "C:\\evil.png", "ok/../../evil.png"])("zip entry %j: the archive is refused, nothing is extracted or written", async (name) => {
    const sb = new Sandbox();
    const zip = path.join(sb.input, "data.zip");
    fs.writeFileSync(zip, craftZip([{ name: "data.yaml", data: "train: images\nnames: [cat]\n" }, { name: "images/ok.png", data: png() }, { name: name, data: OUTSIDE_PNG }]));
    const { error } = await sb.import("yolo", { input: zip });
    // Backslashes are separators in zip names: "C:\\evil.png" is reported as "C:/evil.png".
    expect(error).toMatchObject({ code: "archive-unsafe-entry", message: expect.stringContaining(`refusing entry ${JSON.stringify(name.replace(/\\/g, "/"))}`) });
    expect(sb.outsideCopies()).toEqual([]);
  });

  it("a tar symlink leading out of the archive, then a file written through it: refused", async () => {
    const sb = new Sandbox();
    const tar = path.join(sb.input, "data.tar");
    fs.writeFileSync(tar, craftTar([
      { path: "ds/img", type: "SymbolicLink", linkpath: sb.outsideDir },
      { path: "ds/img/evil.png", type: "File", data: png() } as never,
    ]));
    const { error } = await sb.import("supervisely", { input: tar });
    expect(error).toMatchObject({ code: "archive-unsafe-entry" });
    expect(fs.readFileSync(sb.outsideFile).equals(OUTSIDE_PNG)).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------ Supervisely

describe("Supervisely dataset and item names", () => {
  it("an item file named C:evil.png (a valid name on Linux): refused, naming the dataset and the name", async () => {
    const sb = new Sandbox().write({ "meta.json": '{"classes":[],"tags":[]}', "ds/img/C:evil.png": png(), "ds/ann/C:evil.png.json": EMPTY_ANN });
    const { error } = await sb.import("supervisely");
    expect(error).toMatchObject({ code: "unsafe-path", message: 'dataset ds: item name: refusing the name "C:evil.png": it has a Windows drive letter' });
  });

  it("a dataset folder named C:evil: refused", async () => {
    const sb = new Sandbox().write({ "meta.json": '{"classes":[],"tags":[]}', "C:evil/img/x.png": png(), "C:evil/ann/x.png.json": EMPTY_ANN });
    const { error } = await sb.import("supervisely");
    expect(error).toMatchObject({ code: "unsafe-path", message: 'dataset name: refusing the name "C:evil": it has a Windows drive letter' });
  });

  /** Any reader's names reach the writer through the model: the writer refuses the hostile ones itself. */
  const projectWith = (datasetName: string, itemName: string): Project => ({
    meta: emptyProjectMeta(),
    datasets: [{ name: datasetName, datasets: [], items: [{ name: itemName, annotation: { size: { width: 4, height: 4 }, tags: [], labels: [] }, image: { kind: "bytes", data: OUTSIDE_PNG } } satisfies Item] }],
  });
  it.each([...HOSTILE_NAMES, "..", ".", "", "a/b.png", "x".repeat(251) + ".png"])("the writer refuses the item name %j (from any reader)", async (name) => {
    const sb = new Sandbox();
    await expect(writeProject(projectWith("ds", name), sb.out)).rejects.toMatchObject({ code: expect.stringMatching(/^(unsafe-path|name-too-long)$/) });
    expect(fs.existsSync(sb.out)).toBe(false);
    expect(fs.readdirSync(sb.work).sort()).toEqual(["evil.png", "in", "outside"]);
  });
  it.each([...HOSTILE_NAMES, "..", "img", "META.JSON"])("the writer refuses the dataset name %j", async (name) => {
    const sb = new Sandbox();
    await expect(writeProject(projectWith(name, "x.png"), sb.out)).rejects.toMatchObject({ code: expect.stringMatching(/^(unsafe-path|reserved-dataset-name)$/) });
    expect(fs.existsSync(sb.out)).toBe(false);
  });
});

// --------------------------------------------------------------------------------------------- symlinks

describe("symlinks that leave the input", () => {
  const superviselyWithLink = (sb: Sandbox, target: string) =>
    sb.write({ "meta.json": '{"classes":[],"tags":[]}', "ds/img/ok.png": png(), "ds/ann/ok.png.json": EMPTY_ANN, "ds/ann/x.png.json": EMPTY_ANN }).link("ds/img/x.png", target);

  it.each(["copy", "hardlink", "symlink"] as const)("--images %s: an image symlinked to a file outside is read through; the output holds a copy of the real file, never a link to it", async (images) => {
    const sb = new Sandbox();
    superviselyWithLink(sb, images === "symlink" ? path.relative(path.join(sb.input, "ds/img"), sb.outsideFile) : sb.outsideFile);
    const { error, files } = await sb.import("supervisely", { images });
    expect(error).toBeUndefined();
    expect(files).toContain("ds/img/x.png");
    const st = fs.lstatSync(path.join(sb.out, "ds/img/x.png"));
    expect(st.isFile()).toBe(true);
    expect(st.ino).not.toBe(fs.statSync(sb.outsideFile).ino);
    expect(sb.outsideCopies()).toEqual(["ds/img/x.png"]);
    // Writing to the output's copy never reaches the file outside.
    fs.writeFileSync(path.join(sb.out, "ds/img/x.png"), "changed");
    expect(fs.readFileSync(sb.outsideFile).equals(OUTSIDE_PNG)).toBe(true);
  });

  it.each(["copy", "hardlink", "symlink"] as const)("--images %s: a symlink img/pw.png -> /etc/passwd: \"not an image\" warning, the item kept annotation-only", async (images) => {
    const sb = new Sandbox();
    sb.write({ "meta.json": '{"classes":[],"tags":[]}', "ds/img/ok.png": png(), "ds/ann/ok.png.json": EMPTY_ANN, "ds/ann/pw.png.json": EMPTY_ANN }).link("ds/img/pw.png", "/etc/passwd");
    const { report, error, files } = await sb.import("supervisely", { images });
    expect(error).toBeUndefined();
    expect(files).toEqual(["ds-no-image/ann/pw.png.json", "ds/ann/ok.png.json", "ds/img/ok.png", "meta.json", "slyconv_datasets.json"]);
    expect(findingsOf(report, "image-unreadable")).toMatchObject([{ severity: "warning", message: 'the image of item "pw.png" is left out: it is a symlink to /etc/passwd, which is not an image; its annotation is written' }]);
  });

  it.each([
    ["a dangling link", (sb: Sandbox) => path.join(sb.work, "nothing.png"), "it does not exist (or is a symlink to nothing)"],
    ["a link to itself", () => "x.png", "it is a symlink loop"],
    ["a link to a folder outside", (sb: Sandbox) => sb.outsideDir, "it is a folder"],
  ])("%s in img/: warning image-unreadable, the annotation is kept (before the fix: an internal error)", async (_what, target, why) => {
    const sb = new Sandbox();
    superviselyWithLink(sb, target(sb));
    const { report, error, files } = await sb.import("supervisely");
    expect(error).toBeUndefined();
    expect(files).toEqual(["ds-no-image/ann/x.png.json", "ds/ann/ok.png.json", "ds/img/ok.png", "meta.json", "slyconv_datasets.json"]);
    expect(findingsOf(report, "image-unreadable")).toMatchObject([{ severity: "warning", message: `the image of item "x.png" is left out: ${why}; its annotation is written` }]);
  });

  it.each([
    ["voc", (sb: Sandbox) => sb.write({ "Annotations/x.xml": "<annotation><filename>x.png</filename><size><width>3</width><height>2</height></size></annotation>" }).link("JPEGImages/x.png", sb.outsideFile), "unlisted/img/x.png"],
    ["masks", (sb: Sandbox) => sb.write({ "classes.txt": "_background_\ncat\n", "masks/x.png": encodeGrayPng(3, 2, new Uint8Array(6)) }).link("images/x.png", sb.outsideFile), "in/img/x.png"],
    ["yolo", (sb: Sandbox) => sb.write({ "data.yaml": "train: images\nnames: [cat]\n", "labels/x.txt": "0 0.5 0.5 0.5 0.5\n" }).link("images/x.png", sb.outsideFile), "train/img/x.png"],
    ["coco", (sb: Sandbox) => cocoInput(sb, ["x.png"]).link("images/x.png", sb.outsideFile), "default/img/x.png"],
  ])("%s: an image symlinked to a file outside is read through and copied as a regular file", async (format, build, written) => {
    const sb = new Sandbox();
    build(sb);
    const { error, files } = await sb.import(format);
    expect(error).toBeUndefined();
    expect(files).toContain(written);
    expect(fs.lstatSync(path.join(sb.out, written)).isFile()).toBe(true);
    expect(sb.outsideCopies()).toEqual([written]);
    // Where the size comes from the image header (not from the annotation file), it is the real file's 3×2.
    const ann = JSON.parse(fs.readFileSync(path.join(sb.out, written.replace("/img/", "/ann/") + ".json"), "utf8"));
    expect(ann.size).toEqual(format === "coco" ? { width: 4, height: 4 } : { width: 3, height: 2 });
  });

  it.runIf(fs.existsSync("/dev/zero"))("an annotation file that is a symlink to /dev/zero: file-unreadable at once (before: read until the process died of memory)", async () => {
    const sb = new Sandbox().write({ "meta.json": '{"classes":[],"tags":[]}', "ds/img/x.png": png() }).link("ds/ann/x.png.json", "/dev/zero");
    const started = Date.now();
    const { error } = await sb.import("supervisely");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toMatchObject({ code: "file-unreadable", message: "cannot read file (it is a device, not a regular file)", location: { file: "ds/ann/x.png.json" } });
  });

  it.runIf(fs.existsSync("/dev/zero"))("images, labels, masks and lists that are symlinks to /dev/zero are not taken for files", async () => {
    for (const [format, build] of [
      ["yolo", (sb: Sandbox) => sb.write({ "data.yaml": "train: images\nnames: [cat]\n", "images/ok.png": png() }).link("labels/ok.txt", "/dev/zero").link("images/z.png", "/dev/zero")],
      ["voc", (sb: Sandbox) => sb.write({ "Annotations/ok.xml": "<annotation><size><width>4</width><height>4</height></size></annotation>" }).link("Annotations/z.xml", "/dev/zero").link("SegmentationClass/ok.png", "/dev/zero")],
      ["masks", (sb: Sandbox) => sb.write({ "classes.txt": "_background_\ncat\n", "images/ok.png": png(), "images/b.png": png(), "masks/b.png": png() }).link("masks/ok.png", "/dev/zero")],
      ["coco", (sb: Sandbox) => cocoInput(sb, ["ok.png", "z.png"]).link("images/z.png", "/dev/zero")],
    ] as const) {
      const sb = new Sandbox();
      build(sb);
      const started = Date.now();
      const { error } = await sb.import(format);
      expect(Date.now() - started, format).toBeLessThan(10_000);
      expect(error, format).toBeUndefined();
    }
  });

  it("yolo: folder links that loop back up the tree are walked once (before the fix: the import never ended)", async () => {
    const sb = new Sandbox().write({ "data.yaml": "train: images\nnames: [cat]\n", "images/a/x.png": png(), "labels/a/x.txt": "0 0.5 0.5 0.5 0.5\n" });
    sb.link("images/a/loop1", "..").link("images/a/loop2", "..").link("images/a/loop3", ".");
    const started = Date.now();
    const { error, files } = await sb.import("yolo");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeUndefined();
    expect(files.filter((f) => f.includes("/img/"))).toEqual(["train/datasets/a/img/x.png"]);
  });

  it("yolo: a folder symlink out of the input (images/train -> /, or to a folder of images beside it) is not followed: a warning each, the rest imports", async () => {
    const sb = new Sandbox().write({ "data.yaml": "train: images/train\nval: images/val\nnames: [cat]\n", "images/val/x.png": png(), "labels/val/x.txt": "0 0.5 0.5 0.5 0.5\n" });
    sb.link("images/train", "/").link("images/val/ext", sb.outsideDir).link("images/val/inside", "../val");
    const started = Date.now();
    const { report, error, files } = await sb.import("yolo");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeUndefined();
    expect(files.filter((f) => f.includes("/img/"))).toEqual(["val/img/x.png"]);
    expect(sb.outsideCopies()).toEqual([]);
    expect(findingsOf(report, "yolo-link-outside").map((f) => f.file).sort()).toEqual(["images/train", "images/val/ext"]);
    expect(findingsOf(report, "yolo-link-outside")[0].message).toBe("a symlink to a folder outside the dataset folder is not followed; the files it leads to are not read");
  });
});

// ------------------------------------------------------------------------------------- case-only names

describe("names that differ only by letter case", () => {
  it.each([
    ["coco", (sb: Sandbox) => { cocoInput(sb, ["A.png", "a.png"]).write({ "images/A.png": png(), "images/a.png": png() }); }, "default"],
    ["voc", (sb: Sandbox) => { sb.write({ "JPEGImages/A.png": png(), "JPEGImages/a.png": png() }); }, "unlisted"],
    ["yolo", (sb: Sandbox) => { sb.write({ "data.yaml": "train: images\nnames: [cat]\n", "images/A.png": png(), "images/a.png": png() }); }, "train"],
    ["masks", (sb: Sandbox) => { sb.write({ "classes.txt": "_background_\ncat\n", "images/A.png": png(), "images/a.png": png(), "masks/A.png": png(), "masks/a.png": png() }); }, "in"],
    ["supervisely", (sb: Sandbox) => { sb.write({ "meta.json": '{"classes":[],"tags":[]}', "ds/img/A.png": png(), "ds/img/a.png": png(), "ds/ann/A.png.json": EMPTY_ANN, "ds/ann/a.png.json": EMPTY_ANN }); }, "ds"],
  ])("%s: A.png and a.png in one dataset: both written, one warning naming both", async (format, build, dataset) => {
    const sb = new Sandbox();
    build(sb);
    const { report, error, files } = await sb.import(format);
    expect(error).toBeUndefined();
    expect(files).toEqual(expect.arrayContaining([`${dataset}/ann/A.png.json`, `${dataset}/ann/a.png.json`, `${dataset}/img/A.png`, `${dataset}/img/a.png`]));
    expect(findingsOf(report, "name-case-clash")).toEqual([expect.objectContaining({
      severity: "warning",
      message: `dataset ${dataset}: items "A.png" and "a.png" differ only by letter case; both are written, but they are one file on a case-insensitive file system (macOS, Windows), where the import stops instead`,
    })]);
  });

  it("supervisely: datasets A and a: both written, a warning", async () => {
    const sb = new Sandbox().write({ "meta.json": '{"classes":[],"tags":[]}', "A/img/x.png": png(), "A/ann/x.png.json": EMPTY_ANN, "a/img/x.png": png(), "a/ann/x.png.json": EMPTY_ANN });
    const { report, files } = await sb.import("supervisely");
    expect(files).toEqual(["A/ann/x.png.json", "A/img/x.png", "a/ann/x.png.json", "a/img/x.png", "meta.json"]);
    expect(codes(report)).toContain("name-case-clash");
  });

  it("links: the later name is renamed a_1.png (the list reader keeps names unique ignoring case)", async () => {
    const sb = new Sandbox().write({ "list.csv": "url,name\nhttps://h.example/1.png,A.png\nhttps://h.example/2.png,a.png\n" });
    const { report, files } = await sb.import("links");
    expect(files.filter((f) => f.includes("/ann/"))).toEqual(["list/ann/A.png.json", "list/ann/a_1.png.json"]);
    expect(findingsOf(report, "duplicate-name")).toMatchObject([{ line: 3, message: 'name "a.png" is already used by line 2; this row is named "a_1.png"' }]);
    expect(codes(report)).not.toContain("name-case-clash");
  });

  /**
   * A case-insensitive target, simulated: this machine's file system tells A.png from a.png, so just before the
   * second item is written the test puts a file under its name in the half-written output, as macOS or Windows
   * would show A.png's. The writer must stop rather than overwrite.
   */
  async function writeOntoCaseInsensitiveTarget(alias: (tmp: string) => void, datasets: (onSecond: () => void) => Project["datasets"]) {
    const sb = new Sandbox();
    const findTmp = () => {
      const tmp = fs.readdirSync(sb.work).find((n) => n.startsWith(".out.slyconv-tmp-"));
      return path.join(sb.work, tmp!);
    };
    const report = new Report();
    const project: Project = { meta: emptyProjectMeta(), datasets: datasets(() => alias(findTmp())) };
    const result = writeProject(project, sb.out, { report, images: "copy" });
    await expect(result).rejects.toBeInstanceOf(SlyconvError);
    await expect(result).rejects.toMatchObject({ code: "name-case-clash" });
    expect(fs.readdirSync(sb.work).sort()).toEqual(["evil.png", "in", "outside"]); // no output, no temporary folder
    const error = await result.then(() => undefined, (e: SlyconvError) => e);
    return { error: error!, report };
  }
  const item = (name: string): Item => ({ name, annotation: { size: { width: 4, height: 4 }, tags: [], labels: [] }, image: { kind: "bytes", data: png() } });

  it("on a case-insensitive target, items A.png and a.png: SlyconvError name-case-clash, nothing written", async () => {
    const { error } = await writeOntoCaseInsensitiveTarget(
      (tmp) => {
        fs.mkdirSync(path.join(tmp, "ds/ann"), { recursive: true });
        fs.writeFileSync(path.join(tmp, "ds/ann/a.png.json"), "{}"); // what A.png.json looks like there
      },
      (onSecond) => [{ name: "ds", datasets: [], items: async function* () { yield item("A.png"); onSecond(); yield item("a.png"); } }],
    );
    expect(error.message).toBe('dataset ds: item "a.png" would overwrite another item whose name differs only by letter case (or Unicode form): the output\'s file system does not tell them apart; rename one of them, or write to a case-sensitive file system');
  });

  it("on a case-insensitive target, datasets A and a: SlyconvError name-case-clash, nothing written", async () => {
    const { error } = await writeOntoCaseInsensitiveTarget(
      (tmp) => fs.mkdirSync(path.join(tmp, "a")),
      (onSecond) => [
        { name: "A", datasets: [], items: async function* () { yield item("x.png"); onSecond(); } },
        { name: "a", datasets: [], items: [item("y.png")] },
      ],
    );
    expect(error.message).toMatch(/^dataset a would be written into another dataset's folder whose name differs only by letter case/);
  });
});

// -------------------------------------------------------------------------------------- the CLI, per format

describe("the CLI: exit codes and messages", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(REPO_ROOT, "dist/src/cli/main.js"))) throw new Error("run `npx tsc -p .` (npm test builds first)");
  });
  const cli = (sb: Sandbox, format: string, input = sb.input) => runCli(["import", input, sb.out, "-f", format, "--images", "copy"]);

  it("coco: a NUL in file_name: exit 0, the warning names the file, the pointer and the name", async () => {
    const sb = cocoInput(new Sandbox(), ["a\u0000b.png", "ok.png"]);
    const r = await cli(sb, "coco");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('annotations/instances_default.json#/images/0/file_name: warning file_name "a\\u0000b.png" is not a plain file name; the item is named "a_b.png" (file_name is kept for export) [coco-unsafe-file-name]');
    expect(fs.existsSync(path.join(sb.out, "default-no-image/ann/a_b.png.json"))).toBe(true);
  });

  it("voc: <filename>../../outside/evil.png</filename>: exit 0, the item named after its XML file", async () => {
    const sb = new Sandbox().write({ "Annotations/x.xml": "<annotation><filename>../../outside/evil.png</filename><size><width>4</width><height>4</height></size></annotation>" });
    const r = await cli(sb, "voc");
    expect(r.code).toBe(0);
    expect(listFiles(sb.out)).toEqual(["meta.json", "unlisted/ann/x.png.json"]);
  });

  it("yolo: a list entry leading out of the input: exit 0, a warning with the list's line", async () => {
    const sb = yoloInput(new Sandbox(), ["../outside/evil.png"]);
    const r = await cli(sb, "yolo");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("train.txt:1: warning 1 listed images exist neither as an image nor as a label file; they are skipped [yolo-listed-image-missing]");
    expect(sb.outsideCopies()).toEqual([]);
  });

  it("links: name ../evil.png: exit 0, the warning with file and line", async () => {
    const sb = new Sandbox().write({ "list.csv": 'url,name\nhttps://h.example/1.png,"../evil.png"\n' });
    const r = await cli(sb, "links");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('list.csv:2: warning name "../evil.png" is not a plain file name; ".._evil.png" is used [unsafe-name]');
  });

  it("masks: A.png and a.png: exit 0 with the case warning", async () => {
    const sb = new Sandbox().write({ "classes.txt": "_background_\ncat\n", "images/A.png": png(), "images/a.png": png(), "masks/A.png": png(), "masks/a.png": png() });
    const r = await cli(sb, "masks");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning dataset in: items "A.png" and "a.png" differ only by letter case; both are written, but they are one file on a case-insensitive file system (macOS, Windows), where the import stops instead [name-case-clash]');
  });

  it("supervisely: an item named C:evil.png: exit 1, one line, nothing written", async () => {
    const sb = new Sandbox().write({ "meta.json": '{"classes":[],"tags":[]}', "ds/img/C:evil.png": png(), "ds/ann/C:evil.png.json": EMPTY_ANN });
    const r = await cli(sb, "supervisely");
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('slyconv: dataset ds: item name: refusing the name "C:evil.png": it has a Windows drive letter [unsafe-path]');
    expect(fs.existsSync(sb.out)).toBe(false);
  });

  it("an archive entry ../evil.png (any format): exit 1, nothing written", async () => {
    const sb = new Sandbox();
    const zip = path.join(sb.input, "data.zip");
    fs.writeFileSync(zip, craftZip([{ name: "classes.txt", data: "cat\n" }, { name: "../evil.png", data: png() }]));
    const r = await cli(sb, "masks", zip);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`slyconv: ${zip}: refusing entry "../evil.png": it climbs out with '..' [archive-unsafe-entry]`);
    expect(fs.existsSync(sb.out)).toBe(false);
    expect(fs.readFileSync(path.join(sb.work, "evil.png")).equals(OUTSIDE_PNG)).toBe(true);
  });
});
