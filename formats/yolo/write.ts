/**
 * Project model → Ultralytics YOLO dataset:
 *
 *   images/<split>/[<nested dataset>/]<image>     labels/<split>/[<nested dataset>/]<stem>.txt     data.yaml
 *
 * Splits are the top-level datasets (nested datasets become sub-folders, which Ultralytics reads recursively), or,
 * with --split-tag, each image's tag; data.yaml lists each under train, val or test by its name (splitKeyOf), and
 * never one split under another's key. data.yaml has no `path`, so Ultralytics resolves the splits from the YAML's
 * own folder. Every image gets a label file (empty when it has nothing to write), as Supervisely's exporter does.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Document as YamlDocument } from "yaml";
import type { Item, Project } from "../../src/model/index.js";
import { iterateItems, walkDatasets } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
import { SlyconvError, UsageError, optionName } from "../../src/errors.js";
import { assertPlainFileName, safeJoin } from "../../src/io/paths.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { imageSizeFromBuffer, readImageHeaderSize } from "../../src/io/image-header.js";
import { YOLO_TASKS, type YoloTask } from "./options.js";
import { sideInfoOf } from "./side-file.js";
import { writeAnnotationLines, ExportClasses, ExportTally, keypointNamesOf, poseLayoutOf, type LineContext, type PoseLayout } from "./from-model.js";
import { flipIdxFromNames } from "./flip-idx.js";
import { LabelFileBytes } from "./lines.js";
import { placeholderClasses } from "./placeholders.js";
import type { CornerOrder } from "./obb.js";
import { imageLeftOutMessage, placeFile, type PlaceMode } from "../../src/io/place-file.js";
import { FileCreationProbe, FileWriterThread } from "../../src/io/file-writer.js";

export type ImageMode = "copy" | "hardlink" | "symlink" | "none";

export interface YoloWriteOptions {
  task?: YoloTask;
  splitTag?: string;
  obbOrder?: CornerOrder;
  images?: ImageMode;
  /** Keep classes such as `_background_` in `names` (left out by default: no object is of them). */
  keepPlaceholderClasses?: boolean;
}

export function yoloWriteOptions(o: FormatOptions): YoloWriteOptions {
  const task = (o.task as string | undefined) ?? "detect";
  if (!(YOLO_TASKS as readonly string[]).includes(task)) throw new UsageError(`${optionName("task")} must be one of ${YOLO_TASKS.join(", ")}; got ${JSON.stringify(task)}`);
  const images = o.images as ImageMode | undefined;
  if (images && !["copy", "hardlink", "symlink", "none"].includes(images)) throw new UsageError(`${optionName("images")} must be hardlink, copy, symlink or none`);
  const order = o.obbOrder as string | undefined;
  if (order && order !== "cw" && order !== "ccw") throw new UsageError(`${optionName("obbOrder")} must be cw or ccw`);
  return {
    task: task as YoloTask, splitTag: (o.splitTag as string | undefined) || undefined, obbOrder: order as CornerOrder | undefined, images,
    keepPlaceholderClasses: Boolean(o.keepPlaceholderClasses),
  };
}

const WRITE_CONCURRENCY = 16;
/** Label files sent to the file-writer thread and not written yet, at most (it takes them 8 at a time). */
const THREAD_WRITES_IN_FLIGHT = 256;

type SplitKey = "train" | "val" | "test";

/** Words that name a split, as datasets are named: COCO's val2017 and test-dev, Roboflow's valid, … */
const SPLIT_WORDS: Record<string, SplitKey> = {
  train: "train", training: "train", trainval: "train",
  val: "val", valid: "val", validation: "val", dev: "val", minival: "val",
  test: "test", testing: "test", testdev: "test",
};

/**
 * data.yaml key of a split folder: the first word of its name (letters only, so `val2017` is `val`, `test-dev` is
 * `test`, `instances_val2017` is `val`) that names a split; a name with none (`default`, `unlisted`) trains.
 */
export function splitKeyOf(name: string): { key: SplitKey; named: boolean } {
  for (const word of name.toLowerCase().split(/[^a-z]+/)) {
    const key = SPLIT_WORDS[word];
    if (key) return { key, named: true };
  }
  return { key: "train", named: false };
}

/** The dataset that a VOC folder without ImageSets lists gives (formats/voc): written as the training split. */
const UNLISTED = "unlisted";

const stemOf = (name: string) => {
  const i = name.lastIndexOf(".");
  return i > 0 ? name.slice(0, i) : name;
};

interface Placed { item: Item; split: string; subdirs: string[] }

/** One item of a YOLO shard (sidecar yolo.ndjson): position, folder under images/ and labels/, the prefix a renamed item gets, its name, the name written. */
export type YoloShardLine = [position: number, folder: string, prefix: string, name: string, written: string];

/** The name an item gets in a folder whose items so far have `stems` (lower case, `folder/stem`): its own, or one with a prefix. */
export function yoloFileName(stems: Set<string>, folder: string, prefix: string, name: string): string {
  if (!stems.has(`${folder}/${stemOf(name).toLowerCase()}`)) return name;
  let alt = `${prefix}_${name}`;
  for (let k = 2; stems.has(`${folder}/${stemOf(alt).toLowerCase()}`); k++) alt = `${prefix}${k}_${name}`;
  return alt;
}

export async function writeYolo(project: Project, outDir: string, options: YoloWriteOptions, ctx: FormatContext): Promise<{ items: number }> {
  const task = options.task ?? "detect";
  const mode = options.images ?? "copy";
  const side = sideInfoOf(project);
  const classes = new ExportClasses(project.meta, task, ctx.report, options.keepPlaceholderClasses ? [] : placeholderClasses(project));
  if (classes.placeholders.length) {
    ctx.report.info("yolo-placeholder-classes", `${classes.placeholders.map((c) => JSON.stringify(c)).join(", ")} left out of names: placeholder classes, not object classes (${optionName("keepPlaceholderClasses")} keeps them)`);
  }
  const tally = new ExportTally(ctx.report);
  const pose = task === "pose" ? poseLayoutOf(project.meta, side.kpt_shape, ctx.report) : undefined;
  if (pose && pose.count === 0) {
    throw new SlyconvError("yolo-no-keypoints", `${optionName("task")} pose needs at least one graph (keypoints) class in meta.json`);
  }
  const obbOrder: CornerOrder = options.obbOrder ?? side.obb_corner_order ?? "cw";

  const splits = new Set<string>();
  // A shard records where each split first appears, so that merge lists the splits in the single run's order.
  const firstOfSplit: [string, number][] = [];
  // Images in no VOC list (dataset `unlisted`) are what a plain VOC folder holds: they train, in images/train.
  const unlistedTrains = !options.splitTag && !project.datasets.some((d) => d.name === "train");
  // One mkdir per folder (images/ and labels/ of a split); items written concurrently wait for the same promise.
  const folders = new Map<string, { images: string; labels: string; made: Promise<unknown>; ready: boolean }>();
  const foldersOf = (split: string, subdirs: string[]) => {
    const key = subdirs.length ? [split, ...subdirs].join("/") : split;
    let f = folders.get(key);
    if (!f) {
      const images = safeJoin(outDir, "images", split, ...subdirs), labels = safeJoin(outDir, "labels", split, ...subdirs);
      const made: Promise<unknown> = Promise.all([fs.mkdir(images, { recursive: true }), fs.mkdir(labels, { recursive: true })]);
      f = { images, labels, made, ready: false };
      const entry = f;
      made.then(() => { entry.ready = true; }, () => {});
      folders.set(key, f);
    }
    return f;
  };
  /**
   * Label files (a few hundred bytes each) are created here with synchronous calls, and from a file-writer thread
   * only once creating them here has cost as much as the thread's start (FileCreationProbe, src/io/file-writer.ts): a
   * slow file system, or a large export.
   */
  let files: FileWriterThread | null = null;
  const probe = new FileCreationProbe();
  /** Label files the thread has not written yet, oldest first: their items are done as far as the main thread goes. */
  const inFlight: Promise<void>[] = [];
  /** Creates a label file (exclusively: the folder is new, and stems are unique in it) with `text`'s bytes. */
  const writeLabelFile = async (file: string, text: LabelFileBytes): Promise<void> => {
    if (!files) {
      if (probe.create(file, text.view())) files = FileWriterThread.start();
      return;
    }
    // Not waited for one by one (see below): sent when a batch is full, or when the thread is closed. The bytes are
    // copied: `text` is written again for the next item.
    const written = files.write(file, Uint8Array.prototype.slice.call(text.view()), false);
    written.catch(() => {}); // awaited below or at the end
    inFlight.push(written);
    if (inFlight.length > THREAD_WRITES_IN_FLIGHT) await inFlight.shift();
  };
  /** Label files are found by stem: two images with one stem in a folder would share one label file. */
  const stems = new Set<string>();
  // A shard records each item's folder and name, so that merge names them as the single run does (formats/yolo/merge.ts).
  const shardLines = ctx.shard ? await ctx.shard.sidecar(outDir, "yolo.ndjson") : null;

  async function* placed(): AsyncIterable<Placed> {
    for (const { dataset, path: dsPath } of walkDatasets(project.datasets)) {
      // Without --split-tag, every item of the dataset goes to one folder.
      const datasetSplit = options.splitTag ? null : dsPath[0] === UNLISTED && unlistedTrains ? "train" : dsPath[0];
      for await (const item of iterateItems(dataset.items)) {
        let split: string, subdirs: string[];
        if (datasetSplit === null) {
          const tag = item.annotation.tags.find((t) => t.name === options.splitTag);
          split = tag ? (tag.value === undefined || tag.value === null || tag.value === "" ? tag.name : String(tag.value)) : "train";
          subdirs = [];
        } else {
          split = datasetSplit;
          subdirs = dsPath.slice(1);
        }
        assertPlainFileName(split);
        for (const d of subdirs) assertPlainFileName(d);
        assertPlainFileName(item.name);
        const folder = subdirs.length ? [split, ...subdirs].join("/") : split;
        // Another image here may already have this stem (same name from another dataset, or a.jpg next to a.png).
        const key = `${folder}/${stemOf(item.name).toLowerCase()}`;
        let name = item.name;
        if (stems.has(key)) {
          name = yoloFileName(stems, folder, options.splitTag ? dsPath.join("_") : "dup", item.name);
          ctx.report.warn("yolo-name-collision", `${folder}/${item.name}: another image in this folder has the stem ${JSON.stringify(stemOf(item.name))}; written as ${name}`, { file: `${dsPath.join("/")}/${item.name}` });
          stems.add(`${folder}/${stemOf(name).toLowerCase()}`);
        } else stems.add(key);
        await shardLines?.add([ctx.shard!.positionOf(item), folder, options.splitTag ? dsPath.join("_") : "dup", item.name, name] satisfies YoloShardLine);
        if (ctx.shard && !splits.has(split)) firstOfSplit.push([split, ctx.shard.positionOf(item)]);
        splits.add(split);
        yield { item: name === item.name ? item : { ...item, name }, split, subdirs };
      }
    }
  }

  /** The label file being made (one at a time: made and handed to writeLabelFile with nothing awaited between). */
  const labelText = new LabelFileBytes();
  const writeOne = async ({ item, split, subdirs }: Placed): Promise<void> => {
    const dirs = foldersOf(split, subdirs);
    if (!dirs.ready) await dirs.made;
    const src = item.image;
    if (src?.kind === "file" && mode !== "none") {
      const r = await placeFile(src.path, path.join(dirs.images, item.name), mode as PlaceMode);
      if ("why" in r) ctx.report.warn("image-unreadable", imageLeftOutMessage(item.name, r.why), { file: src.path });
    }
    else if (src?.kind === "bytes" && mode !== "none") await fs.writeFile(path.join(dirs.images, item.name), src.data);
    else if (src?.kind === "link") ctx.report.warn("yolo-image-link", `the image is a remote link (${src.url}); only its label file is written`, { file: item.name });

    const labels = item.annotation.labels;
    let lc: LineContext | null = null;
    if (labels.length) {
      let { width, height } = item.annotation.size;
      if (!width || !height) {
        const probed = src?.kind === "file" ? await readImageHeaderSize(src.path) : src?.kind === "bytes" ? await imageSizeFromBuffer(src.data) : null;
        width = probed?.width ?? null;
        height = probed?.height ?? null;
      }
      if (!width || !height) {
        ctx.report.error("yolo-size-unknown", "the annotation has no image size and the image is not readable: its labels cannot be normalised", { file: `${split}/${item.name}` });
        for (const l of labels) tally.lose(l.classTitle, l.geometry.type, "image size unknown");
      } else lc = { width, height, task, classes, pose, obbOrder, obbOrderForced: Boolean(options.obbOrder), tally };
    }
    // From here to the file's creation nothing is awaited: no other item writes labelText meanwhile.
    labelText.reset();
    if (lc) writeAnnotationLines(item.annotation, lc, labelText);
    // (dirs.labels is a joined path and the name a plain file name: path.join would give the same)
    await writeLabelFile(`${dirs.labels}${path.sep}${stemOf(item.name)}.txt`, labelText);
  };

  ctx.progress.start(`writing YOLO (${task})`);
  let count = 0;
  try {
    for await (const _ of mapConcurrent(placed(), WRITE_CONCURRENCY, writeOne)) {
      count++;
      ctx.progress.increment();
    }
    // Closing sends the last batch and waits for it; then every file's own outcome is looked at.
    const thread = files as FileWriterThread | null;
    files = null;
    await thread?.close();
    for (const written of inFlight.splice(0)) await written;
  } finally {
    await (files as FileWriterThread | null)?.close();
  }
  ctx.progress.stop();
  await shardLines?.close();
  tally.flush();

  const note = unlistedTrains && project.datasets.some((d) => d.name === UNLISTED) ? "; the dataset unlisted (images in no VOC list) is written as train" : "";
  await fs.writeFile(path.join(outDir, "data.yaml"), await dataYaml(task, [...splits], classes, pose, side.flip_idx, note, ctx));
  if (ctx.shard) ctx.shard.state.yolo = { splits: firstOfSplit };
  ctx.report.count("items", count);
  return { items: count };
}

/** The first lines of data.yaml: train, val and test with their folders (what merge writes again for all shards). */
export function splitEntries(splits: string[]): [string, unknown][] {
  const byKey: Record<SplitKey, string[]> = { train: [], val: [], test: [] };
  for (const s of splits) byKey[splitKeyOf(s).key].push(s);
  const value = (list: string[]) => (list.length === 1 ? `images/${list[0]}` : list.map((s) => `images/${s}`));
  // Never another split's images: Ultralytics validates on `test` when `val` is empty, and cannot train without either.
  const entries: [string, unknown][] = [["train", byKey.train.length ? value(byKey.train) : ""], ["val", byKey.val.length ? value(byKey.val) : null]];
  if (byKey.test.length) entries.push(["test", value(byKey.test)]);
  return entries;
}

/**
 * A string the YAML library writes as it is (a plain scalar), by a rule narrower than YAML's own: letters, digits and
 * `_ . / -`, single spaces between words, starting with a letter or `_`, and no word YAML (or YAML 1.1) reads as a
 * boolean, null or number.
 */
const PLAIN_YAML = /^[A-Za-z_][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*$/;
const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n|nan|inf|infinity)$/i;
const plainYaml = (s: unknown): s is string => typeof s === "string" && PLAIN_YAML.test(s) && !YAML_WORDS.test(s);

/**
 * The text the YAML library gives for data.yaml's usual entries (keys with a plain string, "", null, a whole number,
 * a list of plain strings, or a map of whole numbers to plain strings), made here: loading the library costs a
 * conversion about 20 ms. Null for anything else, which the library writes (test/yolo/data-yaml.test.ts holds the two
 * to the same bytes).
 */
export function simpleYamlText(entries: [string, unknown][]): string | null {
  let out = "";
  for (const [key, v] of entries) {
    if (!plainYaml(key)) return null;
    if (v === null) out += `${key}:\n`;
    else if (v === "") out += `${key}: ""\n`;
    else if (plainYaml(v)) out += `${key}: ${v}\n`;
    else if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) out += `${key}: ${v}\n`;
    else if (Array.isArray(v) && v.length && v.every(plainYaml)) out += `${key}:\n${v.map((s) => `  - ${s}\n`).join("")}`;
    else if (v instanceof Map && v.size && [...v].every(([k, s]) => typeof k === "number" && Number.isSafeInteger(k) && k >= 0 && plainYaml(s))) {
      out += `${key}:\n${[...v].map(([k, s]) => `  ${k}: ${s}\n`).join("")}`;
    } else return null;
  }
  return out;
}

/** YAML text of the given top-level entries, written as data.yaml is. */
export async function yamlText(entries: [string, unknown][]): Promise<string> {
  const simple = simpleYamlText(entries);
  if (simple !== null) return simple;
  const { default: YAML } = await import("yaml");
  const doc = new YAML.Document({});
  doc.contents = doc.createNode(new Map(entries)) as never;
  return doc.toString({ lineWidth: 0, nullStr: "" });
}

async function dataYaml(task: YoloTask, splits: string[], classes: ExportClasses, pose: PoseLayout | undefined, keptFlipIdx: number[] | undefined, splitNote: string, ctx: FormatContext): Promise<string> {
  const byKey: Record<SplitKey, string[]> = { train: [], val: [], test: [] };
  for (const s of splits) byKey[splitKeyOf(s).key].push(s);
  const shown = (k: SplitKey) => `${k}: ${byKey[k].length ? byKey[k].join(", ") : "none"}`;
  ctx.report.info("yolo-splits", `splits by folder name: ${shown("train")}; ${shown("val")}; ${shown("test")}${splits.some((s) => !splitKeyOf(s).named) ? " (names that say no split train)" : ""}${splitNote}`);
  const map = new Map<string, unknown>(splitEntries(splits));
  if (!byKey.train.length) ctx.report.info("yolo-no-train", "no training split: train is left empty");
  if (!byKey.val.length) {
    if (byKey.test.length) ctx.report.info("yolo-no-val", "no validation split (a dataset named val, valid, validation, dev, val2017…): val is empty, so Ultralytics validates on the test split");
    else ctx.report.warn("yolo-no-val", `no validation split (a dataset named val, valid, validation, dev, val2017…, or ${optionName("splitTag")}): val is empty, and Ultralytics needs a val or test split to train`);
  }
  map.set("nc", classes.names.length);
  map.set("names", new Map(classes.names.map((n, i) => [i, n])));
  if (pose) {
    map.set("kpt_shape", [pose.count, pose.dims]);
    const names = keypointNamesOf(classes, pose);
    const flipIdx = keptFlipIdx && keptFlipIdx.length === pose.count ? keptFlipIdx : derivedFlipIdx(names, ctx);
    if (flipIdx) map.set("flip_idx", flipIdx);
    if ([...names.values()].some((list) => list.some((n, j) => n !== String(j)))) map.set("kpt_names", names);
  }
  const header = `# YOLO ${task} dataset written by slyconv; paths are relative to this file's folder\n`;
  // (pose's lists are written in flow style, below: by the library)
  const simple = pose ? null : simpleYamlText([...map]);
  if (simple !== null) return header + simple;
  const { default: YAML } = await import("yaml");
  const doc = new YAML.Document({}) as YamlDocument.Parsed | YamlDocument;
  doc.contents = doc.createNode(map) as never;
  // Short number lists read best on one line, as Ultralytics writes them.
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = YAML.isScalar(pair.key) ? pair.key.value : pair.key;
      if ((key === "kpt_shape" || key === "flip_idx") && YAML.isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return header + doc.toString({ lineWidth: 0, nullStr: "" });
}

/** flip_idx from the keypoint names (flip-idx.ts), when every keypoint class pairs its keypoints the same way. */
function derivedFlipIdx(names: Map<number, string[]>, ctx: FormatContext): number[] | null {
  const flips = [...names.values()].map(flipIdxFromNames);
  const first = flips[0];
  if (first && flips.every((f) => f && f.join() === first.join())) {
    ctx.report.info("yolo-flip-idx", "flip_idx derived from the keypoint names (left_… ↔ right_…)");
    return first;
  }
  ctx.report.info("yolo-no-flip-idx", "no flip_idx: the keypoint names do not pair up as left/right the same way in every class (Ultralytics then does not flip images left-right)");
  return null;
}
