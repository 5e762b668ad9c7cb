/**
 * Finding what a YOLO dataset consists of: its class names, keypoint settings and splits, and for every image the
 * label file that goes with it. Three layouts are understood:
 *
 * - Ultralytics: a YAML file (data.yaml or any name) with `names` (list or index map), optional `path`, and
 *   `train`/`val`/`test` given as folders, list files, or lists of either. Labels are found the Ultralytics way
 *   (the last `/images/` of the image path replaced by `/labels/`, extension `.txt`), or next to the image.
 * - Darknet (CVAT "YOLO 1.1"): `obj.data` naming `obj.names` and the list files `train.txt`/`valid.txt`, whose
 *   entries (`data/obj_train_data/x.jpg`) are relative to Darknet's working folder; labels sit next to the images.
 * - Plain folders: class names from classes.txt / obj.names / *.names, images and labels found by walking the tree
 *   (`images/<split>/…` ↔ `labels/<split>/…`, `<split>/images` ↔ `<split>/labels`, `obj_<split>_data/`).
 *
 * Each split becomes a dataset; sub-folders of a split folder become nested datasets.
 */
import path from "node:path";
import YAML from "yaml";
import type { FormatContext } from "../../src/format.js";
import { SlyconvError } from "../../src/errors.js";
import { relativePath, type SourceTree } from "./source-tree.js";
import type { KeypointShape } from "./lines.js";

const posix = path.posix;

export const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".jfif", ".png", ".bmp", ".webp", ".tif", ".tiff", ".gif", ".mpo",
  ".dng", ".pfm", ".heic", ".heif", ".avif"]);

export function isImageFile(p: string): boolean {
  return IMAGE_EXTENSIONS.has(posix.extname(p).toLowerCase());
}

/** One image (or label file without an image) of a split. */
export interface ItemRef {
  /** The image file, when it exists. */
  image?: string;
  /** The image path a list file names, when that file does not exist. */
  listedImage?: string;
  label?: string;
  /** Folders between the split folder and the file: the nested dataset the item goes to. */
  subdirs: string[];
}

export interface SplitPlan { name: string; refs: ItemRef[] }

export interface KeypointConfig {
  shape: KeypointShape;
  flipIdx?: number[];
  /** Keypoint names per class index (undefined = none given for that class). */
  names: (string[] | undefined)[];
}

export interface YoloLayout {
  kind: "ultralytics" | "darknet" | "folders";
  /** The dataset folder (where the config file is, or the input). */
  root: string;
  configFile?: string;
  /** Class names by index; null when the dataset names none (classes are then named by their index). */
  names: string[] | null;
  keypoints?: KeypointConfig;
  splits: SplitPlan[];
}

const CONFIG_YAML = /\.(ya?ml)$/i;
const NAMES_FILES = ["classes.txt", "obj.names", "classes.names", "names.txt"];
const LIST_FILE_NAMES = new Set(["train.txt", "val.txt", "valid.txt", "test.txt", "classes.txt", "obj.names", "names.txt", "labelmap.txt", "readme.txt"]);

/** Ultralytics' rule: the last /images/ becomes /labels/ and the extension .txt. */
export function ultralyticsLabelPath(image: string): string | null {
  const i = image.lastIndexOf("/images/");
  if (i < 0) return null;
  const swapped = image.slice(0, i) + "/labels/" + image.slice(i + "/images/".length);
  return swapped.slice(0, swapped.length - posix.extname(swapped).length) + ".txt";
}

function sameDirLabelPath(image: string): string {
  return image.slice(0, image.length - posix.extname(image).length) + ".txt";
}

/** The label file of an image: the Ultralytics location first, then next to the image. */
async function findLabel(tree: SourceTree, image: string): Promise<string | undefined> {
  const u = ultralyticsLabelPath(image);
  if (u && (await tree.isFile(u))) return u;
  const s = sameDirLabelPath(image);
  if (await tree.isFile(s)) return s;
  return undefined;
}

function stripDotDot(p: string): string {
  let s = p;
  while (s.startsWith("../") || s.startsWith("./")) s = s.slice(s.indexOf("/") + 1);
  return s;
}

function stripFirstSegment(p: string): string | null {
  const s = p.replace(/^\.\//, "");
  const i = s.indexOf("/");
  return i > 0 ? s.slice(i + 1) : null;
}

function normalizeRef(p: string): string {
  return p.trim().replace(/\\/g, "/");
}

/**
 * Whether a path (absolute, normalised by posix.join) lies inside the input folder. Paths that data.yaml, obj.data
 * or a list file gives are only followed inside it: a dataset (an extracted archive above all) must not make the
 * import read, and copy into the output, files from elsewhere on the machine (`train: /`, `../../home/me/x.jpg`).
 */
export function insideInput(tree: SourceTree, p: string): boolean {
  const root = tree.root.endsWith("/") ? tree.root : tree.root + "/";
  return p === tree.root || p.startsWith(root);
}

async function firstExisting(tree: SourceTree, candidates: (string | null)[]): Promise<{ path: string; isDir: boolean } | null> {
  const seen = new Set<string>();
  for (const c of candidates) {
    if (!c || seen.has(c) || !insideInput(tree, c)) continue;
    seen.add(c);
    if (await tree.isDir(c)) return { path: c, isDir: true };
    if (await tree.isFile(c)) return { path: c, isDir: false };
  }
  return null;
}

// ------------------------------------------------------------------------------------------- class names

function yamlError(e: { message: string; linePos?: { line: number; col: number }[] }, file: string): SlyconvError {
  const first = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return new SlyconvError("yolo-yaml", `malformed YAML: ${first}`, { file, line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col });
}

/**
 * Most classes a dataset may name (V3Det, the largest detection vocabulary, has 13,204). Class tables are built
 * densely, so a hostile `names: {99999999: a}`, `nc: 1e9` or class id would otherwise ask for billions of classes.
 */
export const MAX_CLASSES = 65_536;
/** Most keypoints per object `kpt_shape` may ask for (face meshes have 478). */
export const MAX_KEYPOINTS = 10_000;
/** Most keypoint template nodes over all classes (classes × keypoints). */
const MAX_TEMPLATE_NODES = 1_000_000;

/** Parses a YAML config; null when it is not a mapping. */
export function parseYaml(text: string, file: string): Record<string, unknown> | null {
  const doc = YAML.parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) throw yamlError(doc.errors[0], file);
  let v: unknown;
  try {
    v = doc.toJS();
  } catch (e) {
    // The yaml package refuses alias bombs ("Excessive alias count …") while building the value.
    throw new SlyconvError("yolo-yaml", `unusable YAML: ${(e as Error).message}`, { file });
  }
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** `names` as a list or an {index: name} map, into a dense list (gaps get their index as the name). */
function namesFromYaml(v: unknown, file: string, ctx: FormatContext): string[] | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) {
    if (v.length > MAX_CLASSES) throw new SlyconvError("yolo-names", `names lists ${v.length} classes; at most ${MAX_CLASSES} are supported`, { file });
    return v.map((n, i) => nameOf(n, i, file, ctx));
  }
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>);
    const out: string[] = [];
    let max = -1;
    for (const [k, n] of entries) {
      if (!/^\d+$/.test(k)) throw new SlyconvError("yolo-names", `names: key ${JSON.stringify(k)} is not a class index`, { file });
      const idx = Number(k);
      if (idx >= MAX_CLASSES) throw new SlyconvError("yolo-names", `names: class index ${k} is too large (at most ${MAX_CLASSES} classes are supported)`, { file });
      out[idx] = nameOf(n, idx, file, ctx);
      max = Math.max(max, idx);
    }
    for (let i = 0; i <= max; i++) {
      if (out[i] === undefined) {
        out[i] = String(i);
        ctx.report.warn("yolo-names-gap", `names has no entry for class ${i}; it is named "${i}"`, { file });
      }
    }
    return out;
  }
  throw new SlyconvError("yolo-names", "names must be a list or a map of class index to name", { file });
}

function nameOf(n: unknown, i: number, file: string, ctx: FormatContext): string {
  const s = n === null || n === undefined ? "" : String(n).trim();
  if (s) return s;
  ctx.report.warn("yolo-names-empty", `class ${i} has an empty name; it is named "${i}"`, { file });
  return String(i);
}

/** classes.txt / obj.names: one name per line (CRLF accepted, trailing blank lines ignored). */
function namesFromText(text: string, file: string, ctx: FormatContext): string[] {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/).map((l) => l.trim());
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  if (lines.length > MAX_CLASSES) throw new SlyconvError("yolo-names", `${lines.length} class names; at most ${MAX_CLASSES} are supported`, { file });
  return lines.map((l, i) => nameOf(l, i, file, ctx));
}

function keypointConfig(cfg: Record<string, unknown>, classCount: number, file: string, ctx: FormatContext): KeypointConfig | undefined {
  const ks = cfg.kpt_shape;
  if (ks === undefined || ks === null) return undefined;
  if (!Array.isArray(ks) || ks.length !== 2 || !Number.isInteger(ks[0]) || (ks[0] as number) < 1 || (ks[1] !== 2 && ks[1] !== 3)) {
    throw new SlyconvError("yolo-kpt-shape", `kpt_shape must be [K, 2] or [K, 3] with K ≥ 1, found ${JSON.stringify(ks)}`, { file });
  }
  const count = ks[0] as number;
  if (count > MAX_KEYPOINTS) throw new SlyconvError("yolo-kpt-shape", `kpt_shape asks for ${count} keypoints per object; at most ${MAX_KEYPOINTS} are supported`, { file });
  // Every class gets a template of `count` nodes.
  if (count * classCount > MAX_TEMPLATE_NODES) {
    throw new SlyconvError("yolo-kpt-shape", `kpt_shape [${count}, ${ks[1]}] for ${classCount} classes makes ${count * classCount} template nodes; at most ${MAX_TEMPLATE_NODES} are supported`, { file });
  }
  const out: KeypointConfig = { shape: { count, dims: ks[1] as 2 | 3 }, names: [] };
  const flip = cfg.flip_idx;
  if (flip !== undefined && flip !== null) {
    if (!Array.isArray(flip) || flip.length !== count || !flip.every((v) => Number.isInteger(v) && v >= 0 && v < count)) {
      ctx.report.warn("yolo-flip-idx", `flip_idx must list ${count} keypoint indices; it is ignored`, { file });
    } else out.flipIdx = flip as number[];
  }
  // kpt_names: {class index: [names]} (Ultralytics), a list of such lists, or one list for every class.
  const kn = cfg.kpt_names;
  const checkList = (v: unknown, where: string): string[] | undefined => {
    if (!Array.isArray(v)) return undefined;
    if (v.length !== count) {
      ctx.report.warn("yolo-kpt-names", `kpt_names${where} has ${v.length} names for ${count} keypoints; they are ignored`, { file });
      return undefined;
    }
    return v.map((n, i) => (n === null || n === undefined || String(n).trim() === "" ? String(i) : String(n)));
  };
  if (Array.isArray(kn) && kn.every((v) => !Array.isArray(v) && (typeof v !== "object" || v === null))) {
    const all = checkList(kn, "");
    for (let c = 0; c < classCount; c++) out.names[c] = all;
  } else if (Array.isArray(kn)) {
    kn.forEach((v, c) => (out.names[c] = checkList(v, `[${c}]`)));
  } else if (kn && typeof kn === "object") {
    for (const [k, v] of Object.entries(kn)) if (/^\d+$/.test(k)) out.names[Number(k)] = checkList(v, `.${k}`);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ splits

/** Split name from a path below the root: images/<split>/…, <split>/images/…, obj_<split>_data/…, <split>/…. */
function splitOfPath(rel: string, dirName: "images" | "labels"): { split: string; subdirs: string[] } {
  const dirs = rel.split("/").slice(0, -1);
  const i = dirs.indexOf(dirName);
  if (i > 0) return { split: dirs[i - 1], subdirs: dirs.slice(i + 1) };
  if (i === 0) return dirs.length > 1 ? { split: dirs[1], subdirs: dirs.slice(2) } : { split: "train", subdirs: [] };
  const cvat = dirs.findIndex((d) => /^obj_.+_data$/.test(d));
  if (cvat >= 0) return { split: /^obj_(.+)_data$/.exec(dirs[cvat])![1], subdirs: dirs.slice(cvat + 1) };
  if (dirs.length === 0) return { split: "train", subdirs: [] };
  return { split: dirs[0], subdirs: dirs.slice(1) };
}

/** Darknet and Ultralytics name the validation split differently; datasets use Ultralytics' `val`. */
function canonicalSplit(name: string): string {
  return name === "valid" || name === "validation" ? "val" : name;
}

class SplitCollector {
  private readonly splits = new Map<string, { refs: ItemRef[]; images: Set<string>; labels: Set<string> }>();
  add(split: string, ref: ItemRef): void {
    let s = this.splits.get(split);
    if (!s) this.splits.set(split, (s = { refs: [], images: new Set(), labels: new Set() }));
    if (ref.image) {
      if (s.images.has(ref.image)) return;
      s.images.add(ref.image);
    } else if (ref.label) {
      if (s.labels.has(ref.label)) return;
    }
    if (ref.label) s.labels.add(ref.label);
    s.refs.push(ref);
  }
  has(split: string): boolean {
    return this.splits.has(split);
  }
  result(): SplitPlan[] {
    return [...this.splits].map(([name, s]) => ({ name, refs: s.refs }));
  }
}

/** Marks a label file as an image's; two images with one stem (a.jpg, a.png) share it, as in Ultralytics: said once. */
function claim(tree: SourceTree, label: string, image: string, used: Set<string>, ctx: FormatContext): void {
  if (used.has(label)) ctx.report.warn("yolo-label-shared", `${posix.basename(image)} shares its label file with another image of the same stem`, { file: tree.display(label) });
  used.add(label);
}

/** Images under a split folder, each with its label; then label files under the matching labels folder that no image claimed. */
async function collectFolder(tree: SourceTree, dir: string, split: string, out: SplitCollector, ctx: FormatContext): Promise<void> {
  const files = await tree.listFiles(dir);
  const used = new Set<string>();
  for (const f of files) {
    if (!isImageFile(f)) continue;
    const label = await findLabel(tree, f);
    if (label) claim(tree, label, f, used, ctx);
    out.add(split, { image: f, label, subdirs: relativePath(dir, posix.dirname(f)).split("/").filter(Boolean) });
  }
  const labelsDir = ultralyticsLabelPath(dir + "/x.jpg");
  const labelDir = labelsDir ? posix.dirname(labelsDir) : dir;
  const labelFiles = labelDir === dir ? files : await tree.listFiles(labelDir);
  let orphans = 0;
  for (const f of labelFiles) {
    if (!f.toLowerCase().endsWith(".txt") || used.has(f) || LIST_FILE_NAMES.has(posix.basename(f).toLowerCase())) continue;
    orphans++;
    out.add(split, { label: f, subdirs: relativePath(labelDir, posix.dirname(f)).split("/").filter(Boolean) });
  }
  if (orphans) ctx.report.info("yolo-label-without-image", `${orphans} label files in ${tree.display(labelDir)} have no image`, { file: tree.display(labelDir) });
}

/** Entries of a list file (train.txt): image paths, resolved the ways Ultralytics and Darknet do. */
async function collectList(tree: SourceTree, listFile: string, root: string, split: string, out: SplitCollector, ctx: FormatContext): Promise<void> {
  const text = await tree.readText(listFile);
  const listDir = posix.dirname(listFile);
  let missing = 0, firstMissing = 0;
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const entry = normalizeRef(lines[i]);
    if (!entry || entry.startsWith("#")) continue;
    let candidates: string[] = [];
    if (posix.isAbsolute(entry)) candidates.push(entry);
    const rel = entry.replace(/^\/+/, "");
    if (entry.startsWith("./")) candidates.push(posix.join(listDir, entry));
    candidates.push(posix.join(root, rel), posix.join(listDir, rel));
    const stripped = stripFirstSegment(rel);
    if (stripped) candidates.push(posix.join(root, stripped), posix.join(listDir, stripped));
    candidates.push(posix.join(root, stripDotDot(rel)));
    // Never a file outside the input (the last candidate, with leading '../' dropped, always stays inside).
    candidates = entry.includes("\0") ? [] : candidates.filter((c) => insideInput(tree, c));
    let ref: ItemRef | null = null;
    for (const c of candidates) if (await tree.isFile(c)) { ref = { image: c, label: await findLabel(tree, c), subdirs: [] }; break; }
    if (!ref) {
      // The image is absent (annotation-only exports): keep the item when its label file is there.
      for (const c of candidates) {
        const label = await findLabel(tree, c);
        if (label) { ref = { listedImage: c, label, subdirs: [] }; break; }
      }
    }
    if (ref) out.add(split, ref);
    else if (!missing++) firstMissing = i + 1;
  }
  if (missing) {
    ctx.report.warn("yolo-listed-image-missing", `${missing} listed images exist neither as an image nor as a label file; they are skipped`, { file: tree.display(listFile), line: firstMissing });
  }
}

/** Where a split value of data.yaml / obj.data (a folder of images or a list file) is; null when nowhere. */
async function resolveSource(tree: SourceTree, value: string, bases: string[]): Promise<{ path: string; isDir: boolean } | null> {
  const v = normalizeRef(value);
  const candidates: (string | null)[] = [];
  if (posix.isAbsolute(v)) candidates.push(v);
  const rel = v.replace(/^\/+/, "");
  for (const b of bases) candidates.push(posix.join(b, rel));
  // Configs written elsewhere: Roboflow's "../train/images" from the dataset root, Darknet's "data/…".
  const stripped = stripFirstSegment(rel);
  for (const b of bases) candidates.push(posix.join(b, stripDotDot(rel)), stripped ? posix.join(b, stripped) : null);
  return firstExisting(tree, candidates);
}

/** The same path with its validation folder named the other ways (`valid` ↔ `val` ↔ `validation`). */
function validationSpellings(value: string): string[] {
  const parts = value.split("/");
  const i = parts.findIndex((p) => VALIDATION_NAMES.includes(p.toLowerCase()));
  if (i < 0) return [];
  return VALIDATION_NAMES.filter((n) => n !== parts[i].toLowerCase()).map((n) => [...parts.slice(0, i), n, ...parts.slice(i + 1)].join("/"));
}
const VALIDATION_NAMES = ["valid", "val", "validation"];

/** Images and label files of `root` that no split source of the config named, added by their folders; how many. */
async function collectUnlisted(tree: SourceTree, root: string, out: SplitCollector, ctx: FormatContext): Promise<number> {
  const listedLabels = new Set<string>(), listedImages = new Set<string>();
  for (const s of out.result()) for (const r of s.refs) {
    if (r.label) listedLabels.add(r.label);
    if (r.image) listedImages.add(r.image);
  }
  const rest = new SplitCollector();
  await collectByWalking(tree, root, rest, ctx, false, labelsOfImages(out));
  let unlisted = 0;
  for (const s of rest.result()) for (const r of s.refs) {
    if ((r.label && listedLabels.has(r.label)) || (r.image && listedImages.has(r.image))) continue;
    out.add(s.name, r);
    unlisted++;
  }
  return unlisted;
}

async function collectSource(tree: SourceTree, found: { path: string; isDir: boolean }, root: string, split: string, out: SplitCollector, ctx: FormatContext): Promise<void> {
  if (found.isDir) await collectFolder(tree, found.path, split, out, ctx);
  else await collectList(tree, found.path, root, split, out, ctx);
}

/** The label file findLabel gave each image the collector holds (undefined: none). */
function labelsOfImages(out: SplitCollector): Map<string, string | undefined> {
  const known = new Map<string, string | undefined>();
  for (const s of out.result()) for (const r of s.refs) if (r.image) known.set(r.image, r.label);
  return known;
}

/**
 * Walks the tree and groups images and label files into splits by their folders. `knownLabels`: images whose label
 * file findLabel has given already (it would give the same again).
 */
async function collectByWalking(tree: SourceTree, root: string, out: SplitCollector, ctx: FormatContext, reportOrphans = true, knownLabels?: Map<string, string | undefined>): Promise<void> {
  const files = await tree.listFiles(root);
  const used = new Set<string>();
  for (const f of files) {
    if (!isImageFile(f)) continue;
    const label = knownLabels?.has(f) ? knownLabels.get(f) : await findLabel(tree, f);
    if (label) claim(tree, label, f, used, ctx);
    const { split, subdirs } = splitOfPath(relativePath(root, f), "images");
    out.add(canonicalSplit(split), { image: f, label, subdirs });
  }
  let orphans = 0;
  for (const f of files) {
    if (!f.toLowerCase().endsWith(".txt") || used.has(f)) continue;
    const rel = relativePath(root, f);
    const dirs = rel.split("/").slice(0, -1);
    // Only label folders hold label files without images; other .txt files (lists, class names, readmes) are not labels.
    const inLabels = dirs.includes("labels") || dirs.some((d) => /^obj_.+_data$/.test(d));
    if (!inLabels || LIST_FILE_NAMES.has(posix.basename(f).toLowerCase())) continue;
    orphans++;
    const { split, subdirs } = dirs.includes("labels") ? splitOfPath(rel, "labels") : splitOfPath(rel, "images");
    out.add(canonicalSplit(split), { label: f, subdirs });
  }
  if (orphans && reportOrphans) ctx.report.info("yolo-label-without-image", `${orphans} label files have no image`, { file: tree.display(root) || "." });
}

// ---------------------------------------------------------------------------------------------- discovery

async function findNamesFile(tree: SourceTree, dir: string): Promise<string | null> {
  for (const n of NAMES_FILES) if (await tree.isFile(posix.join(dir, n))) return posix.join(dir, n);
  const other = (await tree.readDir(dir)).find((e) => !e.isDir && e.name.toLowerCase().endsWith(".names"));
  return other ? posix.join(dir, other.name) : null;
}

/** YAML files directly in `dir` that have a `names` key (the cheap test is textual, the parse comes later). */
async function findConfigYaml(tree: SourceTree, dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const e of await tree.readDir(dir)) {
    if (e.isDir || !CONFIG_YAML.test(e.name)) continue;
    const p = posix.join(dir, e.name);
    // An unreadable YAML is not the config; one over the file-size limit stops the run rather than vanish.
    const text = await tree.readText(p).catch((e) => {
      if ((e as { code?: string }).code === "file-too-large") throw e;
      return "";
    });
    if (/^(names|nc|train|kpt_shape)\s*:/m.test(text)) found.push(p);
  }
  // data.yaml first, the others in name order.
  return found.sort((a, b) => Number(posix.basename(b).startsWith("data.")) - Number(posix.basename(a).startsWith("data.")) || (a < b ? -1 : 1));
}

/** Whether a folder has anything that marks a YOLO dataset root. */
async function hasDatasetMarkers(tree: SourceTree, dir: string): Promise<boolean> {
  const entries = await tree.readDir(dir);
  return entries.some((e) =>
    (e.isDir && (e.name === "images" || e.name === "labels" || /^obj_.+_data$/.test(e.name))) ||
    (!e.isDir && (CONFIG_YAML.test(e.name) || e.name === "obj.data" || NAMES_FILES.includes(e.name) || e.name.endsWith(".names"))));
}

/** The folder that holds the dataset: the input, or its only sub-folder (archives and downloads often wrap one). */
export async function findDatasetRoot(tree: SourceTree, start: string): Promise<string> {
  let dir = start;
  for (let depth = 0; depth < 3; depth++) {
    if (await hasDatasetMarkers(tree, dir)) return dir;
    const entries = (await tree.readDir(dir)).filter((e) => !e.name.startsWith(".") && e.name !== "__MACOSX");
    const subdirs = entries.filter((e) => e.isDir);
    if (subdirs.length !== 1 || entries.some((e) => !e.isDir && isImageFile(e.name))) return dir;
    dir = posix.join(dir, subdirs[0].name);
  }
  return dir;
}

function parseObjData(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trim().startsWith("#")) out[m[1]] = m[2];
  }
  return out;
}

const SPLIT_KEYS = ["train", "val", "test"] as const;

/**
 * Reads the dataset's configuration and pairs every image with its label file. `configFile` is a YAML file the
 * user named as the input.
 */
export async function discoverLayout(tree: SourceTree, start: string, ctx: FormatContext, configFile?: string): Promise<YoloLayout> {
  const root = configFile ? posix.dirname(configFile) : await findDatasetRoot(tree, start);
  const yamls = configFile ? [configFile] : await findConfigYaml(tree, root);
  const out = new SplitCollector();

  for (const yamlFile of yamls) {
    const shown = tree.display(yamlFile);
    const cfg = parseYaml(await tree.readText(yamlFile), shown);
    if (!cfg || (!("names" in cfg) && !SPLIT_KEYS.some((k) => k in cfg))) {
      if (configFile) throw new SlyconvError("yolo-yaml", "not a YOLO data config: no `names` and no train/val/test", { file: shown });
      continue;
    }
    if (yamls.length > 1) ctx.report.info("yolo-config-choice", `several YAML files; using ${posix.basename(yamlFile)}`, { file: shown });
    let names = namesFromYaml(cfg.names, shown, ctx);
    const nc = cfg.nc;
    if (names && typeof nc === "number" && nc !== names.length) {
      ctx.report.warn("yolo-nc-mismatch", `nc is ${nc} but names lists ${names.length} classes; names win`, { file: shown });
    }
    if (!names && typeof nc === "number" && Number.isInteger(nc) && nc > MAX_CLASSES) {
      throw new SlyconvError("yolo-names", `nc is ${nc}; at most ${MAX_CLASSES} classes are supported`, { file: shown });
    }
    if (!names && typeof nc === "number" && Number.isInteger(nc) && nc > 0) {
      names = Array.from({ length: nc }, (_, i) => String(i));
      ctx.report.warn("yolo-no-names", `no names; the ${nc} classes are named by their index`, { file: shown });
    }
    // `path` is the dataset root; relative values are resolved from the YAML's folder, and a path that does not
    // exist here (written on another machine) falls back to that folder.
    const yamlDir = posix.dirname(yamlFile);
    let base = yamlDir;
    if (typeof cfg.path === "string" && cfg.path.trim()) {
      const p = normalizeRef(cfg.path);
      const cand = posix.isAbsolute(p) ? p : posix.join(yamlDir, p.replace(/^\/+/, ""));
      if (!(await tree.isDir(cand))) ctx.report.info("yolo-path-missing", `path ${JSON.stringify(cfg.path)} does not exist here; paths are resolved from the YAML's folder`, { file: shown });
      else if (!insideInput(tree, cand)) ctx.report.warn("yolo-path-outside", `path ${JSON.stringify(cfg.path)} is outside the dataset folder, which is not read; paths are resolved from the YAML's folder`, { file: shown });
      else base = cand;
    }
    const seenSources = new Map<string, string>();
    for (const key of SPLIT_KEYS) {
      const v = cfg[key];
      if (v === undefined || v === null || v === "") continue;
      for (const value of Array.isArray(v) ? v.map(String) : [String(v)]) {
        let found = await resolveSource(tree, value, [base, yamlDir]);
        if (!found) {
          // Roboflow writes val: ../valid/images; a folder renamed to val/ (or the other way round) is the same split.
          for (const other of validationSpellings(normalizeRef(value))) if (!found) found = await resolveSource(tree, other, [base, yamlDir]);
          if (found) ctx.report.info("yolo-split-folder", `${key}: ${JSON.stringify(value)} was not found; ${tree.display(found.path)}, which exists, is read as ${key}`, { file: shown });
        }
        if (!found) {
          ctx.report.warn("yolo-split-missing", `${key}: ${JSON.stringify(value)} was not found; its images are read only if they are in the dataset's folders`, { file: shown });
          continue;
        }
        const earlier = seenSources.get(found.path);
        if (earlier) {
          if (earlier !== key) ctx.report.info("yolo-split-shared", `${key} uses the same images as ${earlier}; they are read once, as ${earlier}`, { file: shown });
          continue;
        }
        seenSources.set(found.path, key);
        await collectSource(tree, found, base, key, out, ctx);
      }
    }
    if (!out.result().length) await collectByWalking(tree, base, out, ctx);
    else {
      // data.yaml and the folders disagree: images the YAML names no folder of are still read, by their folders.
      const unlisted = await collectUnlisted(tree, base, out, ctx);
      if (unlisted) ctx.report.info("yolo-unlisted", `${unlisted} images or label files are in no folder or list the YAML names; they are read by their folders`, { file: shown });
    }
    if (!names) {
      const nf = await findNamesFile(tree, root);
      if (nf) names = namesFromText(await tree.readText(nf), tree.display(nf), ctx);
    }
    const keypoints = keypointConfig(cfg, names?.length ?? 0, shown, ctx);
    return { kind: "ultralytics", root: base, configFile: yamlFile, names, keypoints, splits: out.result() };
  }

  const objData = posix.join(root, "obj.data");
  if (await tree.isFile(objData)) {
    const shown = tree.display(objData);
    const cfg = parseObjData(await tree.readText(objData));
    // Darknet paths are relative to its working folder, where `data/` is usually this folder.
    const bases = [root, posix.dirname(root)];
    let names: string[] | null = null;
    if (cfg.names) {
      const v = normalizeRef(cfg.names);
      const nf = await firstExisting(tree, [posix.join(root, v), stripFirstSegment(v) ? posix.join(root, stripFirstSegment(v)!) : null, posix.join(root, posix.basename(v))]);
      if (nf && !nf.isDir) names = namesFromText(await tree.readText(nf.path), tree.display(nf.path), ctx);
    }
    if (!names) {
      const nf = await findNamesFile(tree, root);
      if (nf) names = namesFromText(await tree.readText(nf), tree.display(nf), ctx);
    }
    if (names && cfg.classes && Number(cfg.classes) !== names.length) {
      ctx.report.warn("yolo-nc-mismatch", `classes = ${cfg.classes} but the names file lists ${names.length}; the names file wins`, { file: shown });
    }
    for (const [key, split] of [["train", "train"], ["valid", "val"], ["val", "val"], ["test", "test"]] as const) {
      if (!cfg[key] || out.has(split)) continue;
      const found = await resolveSource(tree, cfg[key], bases);
      if (found) await collectSource(tree, found, root, split, out, ctx);
      else ctx.report.warn("yolo-split-missing", `${key} = ${cfg[key]} was not found; it is skipped`, { file: shown });
    }
    // Label files the lists do not mention (or no lists at all) are still read.
    const unlisted = await collectUnlisted(tree, root, out, ctx);
    if (unlisted) ctx.report.info("yolo-unlisted", `${unlisted} images or label files are in no list file; they are read by their folders`, { file: shown });
    return { kind: "darknet", root, configFile: objData, names, splits: out.result() };
  }

  await collectByWalking(tree, root, out, ctx);
  const nf = await findNamesFile(tree, root);
  const names = nf ? namesFromText(await tree.readText(nf), tree.display(nf), ctx) : null;
  return { kind: "folders", root, names, splits: out.result() };
}
