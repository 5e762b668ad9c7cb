import fs from "node:fs/promises";
import path from "node:path";
import type { Dataset, Item, Project, ProjectMeta } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass, ensureTagMeta, inferTagValueType, geometryTypeName, iterateItems } from "../../src/model/index.js";
import { readCheckedJsonFile, readJsonFile } from "../../src/io/json-file.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { SlyconvError } from "../../src/errors.js";
import type { FormatContext } from "../../src/format.js";
import { annotationFromJson, metaFromJson, type MetaReadIssue } from "./json-model.js";
import { annotationFromPacked, readWorker, type PackedFile } from "./packed-reader.js";
import { checkAnnotationBytes } from "../../src/supervisely/annotation-counts.js";
import { ANN_DIR, DATASETS_DIR, DATASETS_NOTE_FILE, IMG_DIR, IMG_INFO_DIR, META_DIR, META_FILE, RESERVED_DIRS, findProjectRoot, hasImageExtension, looksLikeDataset, type DatasetsNote } from "../../src/supervisely/layout.js";

import { SHARD_MANIFEST_FILE } from "../../src/shard.js";

const READ_CONCURRENCY = 16;

async function listDir(dir: string): Promise<import("node:fs").Dirent[]> {
  try {
    return await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** One entry of a dataset listing: the item name and the files that belong to it. */
export interface DatasetEntry {
  name: string;
  imageFile?: string;
  annFile?: string;
  /** Other annotation files of the item (a legacy `<stem>.json` beside `<image name>.json`): reported, not read. */
  ignoredAnnFiles?: string[];
  infoFile?: string;
  metaFile?: string;
}

/**
 * Pairs img/, ann/, img_info/ and meta/ files by item name. Annotation names are `<image name>.json`, or the legacy
 * `<stem>.json` (spec §1.2). Files that are not JSON (e.g. Windows `:Zone.Identifier` streams) are ignored.
 */
export async function listDatasetEntries(dsDir: string): Promise<DatasetEntry[]> {
  const entries = new Map<string, DatasetEntry>();
  const get = (name: string) => {
    let e = entries.get(name);
    if (!e) entries.set(name, (e = { name }));
    return e;
  };
  // A folder's path and an entry's name, joined (names from a listing hold no separator: path.join gives the same).
  const imgDir = path.join(dsDir, IMG_DIR) + path.sep, annDir = path.join(dsDir, ANN_DIR) + path.sep;
  const images = (await listDir(path.join(dsDir, IMG_DIR))).filter((d) => !d.isDirectory() && hasImageExtension(d.name));
  const byStem = new Map<string, string[]>();
  for (const d of images) {
    get(d.name).imageFile = imgDir + d.name;
    const stem = d.name.slice(0, d.name.lastIndexOf("."));
    const same = byStem.get(stem);
    if (same) same.push(d.name);
    else byStem.set(stem, [d.name]);
  }
  const resolveName = (jsonName: string): string => {
    const base = jsonName.slice(0, -".json".length);
    if (entries.has(base) && entries.get(base)!.imageFile) return base;
    const viaStem = byStem.get(base);
    if (viaStem && viaStem.length === 1) return viaStem[0];
    return base;
  };
  for (const d of await listDir(path.join(dsDir, ANN_DIR))) {
    if (d.isDirectory() || !d.name.endsWith(".json")) continue;
    const e = get(resolveName(d.name));
    const file = annDir + d.name;
    if (!e.annFile) e.annFile = file;
    else {
      // `<image name>.json` wins over the legacy `<stem>.json` (spec §1.2), whichever the listing gives first.
      const current = d.name === `${e.name}.json`;
      (e.ignoredAnnFiles ??= []).push(current ? e.annFile : file);
      if (current) e.annFile = file;
    }
  }
  for (const [dir, key] of [[IMG_INFO_DIR, "infoFile"], [META_DIR, "metaFile"]] as const) {
    for (const d of await listDir(path.join(dsDir, dir))) {
      if (d.isDirectory() || !d.name.endsWith(".json")) continue;
      const e = entries.get(d.name.slice(0, -5)) ?? entries.get(resolveName(d.name));
      // A side file with no image and no annotation is still an item (e.g. a link-only item with only img_info).
      (e ?? get(resolveName(d.name)))[key] = path.join(dsDir, dir, d.name);
    }
  }
  return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface SuperviselyReadOptions {
  /** Report and skip unreadable annotations instead of stopping (validate uses its own path). */
  lenient?: boolean;
}

function rel(root: string, p: string) {
  // A project's files are path.join(root, …), normalized: when root is their literal prefix (a normalized root),
  // cutting it off is what path.relative gives, without its cost (it is asked for every file read).
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const r = root && p.startsWith(prefix) ? p.slice(prefix.length) : path.relative(root, p);
  return path.sep === "/" ? r : r.split(path.sep).join("/");
}

/** img_info/ and meta/ files hold one JSON object each. */
async function readSideObject(root: string, file: string | undefined): Promise<Record<string, unknown> | undefined> {
  if (!file) return undefined;
  const v = await readJsonFile(file, rel(root, file));
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new SlyconvError("sly-json", "expected a JSON object", { file: rel(root, file), pointer: "" });
  }
  return v as Record<string, unknown>;
}

async function readItem(root: string, e: DatasetEntry, meta: ProjectMeta | undefined, ctx?: FormatContext, packed?: PackedFile | null): Promise<Item> {
  const imageInfo = await readSideObject(root, e.infoFile);
  const imageMeta = await readSideObject(root, e.metaFile);
  let annotation;
  if (e.annFile) {
    const file = rel(root, e.annFile);
    annotation = (packed ? annotationFromPacked(packed, meta, file) : null) ??
      annotationFromJson(await readCheckedJsonFile(e.annFile, file, (bytes) => checkAnnotationBytes(bytes, file)), meta, file);
  } else {
    ctx?.report.warn("annotation-missing", "image has no annotation file; an empty annotation is used", { file: rel(root, e.imageFile ?? e.infoFile ?? e.name) });
    const w = imageInfo?.width, h = imageInfo?.height;
    annotation = { size: { width: typeof w === "number" ? w : null, height: typeof h === "number" ? h : null }, tags: [], labels: [] };
  }
  const item: Item = { name: e.name, annotation };
  if (e.imageFile) item.image = { kind: "file", path: e.imageFile };
  else if (typeof imageInfo?.link === "string") item.image = { kind: "link", url: imageInfo.link };
  if (imageInfo) item.imageInfo = imageInfo;
  if (imageMeta) item.imageMeta = imageMeta;
  return item;
}

async function readDataset(root: string, dir: string, name: string, meta: () => ProjectMeta | undefined, ctx?: FormatContext): Promise<Dataset> {
  const entries = await listDatasetEntries(dir);
  for (const e of entries) {
    for (const ignored of e.ignoredAnnFiles ?? []) {
      ctx?.report.warn("annotation-duplicate", `${path.basename(ignored)} and ${path.basename(e.annFile!)} both annotate item ${JSON.stringify(e.name)}; ${path.basename(e.annFile!)} is read and ${path.basename(ignored)} is not: merge them, or remove one`, { file: rel(root, ignored) });
    }
  }
  const children: Dataset[] = [];
  for (const d of await listDir(path.join(dir, DATASETS_DIR))) {
    const childDir = path.join(dir, DATASETS_DIR, d.name);
    if (d.isDirectory() && (await looksLikeDataset(childDir))) children.push(await readDataset(root, childDir, d.name, meta, ctx));
  }
  children.sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    name,
    datasets: children,
    // A shard's selection (src/shard.ts) is made from the listing: other shards' files are never opened.
    items: (select) => readItems(root, select ? entries.filter((e) => select(e.name)) : entries, meta, ctx),
    itemCount: entries.length,
  };
}

/** Annotation files a reading thread takes at a time, and batches it is given ahead of the consumer. */
const WORKER_BATCH = 128;
const WORKER_BATCHES_AHEAD = 3;
/** Datasets smaller than this are read on the main thread (starting the thread would cost more). */
const WORKER_MIN_ITEMS = 256;

async function* readItems(root: string, entries: DatasetEntry[], meta: () => ProjectMeta | undefined, ctx?: FormatContext): AsyncIterable<Item> {
  const worker = entries.length >= WORKER_MIN_ITEMS ? readWorker() : null;
  if (!worker) {
    // Reads run READ_CONCURRENCY ahead of the consumer: file reads overlap, order stays the listing's.
    yield* mapConcurrent(entries, READ_CONCURRENCY, (e) => {
      ctx?.signal?.throwIfAborted();
      return readItem(root, e, meta(), ctx);
    });
    return;
  }
  // Annotation files are read and packed by the reading thread, a few batches ahead; items come out in order.
  const batches: Promise<(PackedFile | null)[]>[] = [];
  let sent = 0;
  for (let base = 0; base < entries.length; base += WORKER_BATCH) {
    while (batches.length < WORKER_BATCHES_AHEAD && sent < entries.length) {
      const slice = entries.slice(sent, sent + WORKER_BATCH);
      sent += slice.length;
      batches.push(worker.read(slice.map((e) => e.annFile ?? "")));
    }
    const packed = await batches.shift()!;
    for (let i = 0; i < packed.length; i++) {
      ctx?.signal?.throwIfAborted();
      const e = entries[base + i], p = packed[i];
      // The common item (an annotation file the thread packed, no side files) is made without waiting.
      const annotation = p && e.annFile && !e.infoFile && !e.metaFile ? annotationFromPacked(p, meta(), rel(root, e.annFile)) : null;
      if (annotation) {
        const item: Item = { name: e.name, annotation };
        if (e.imageFile) item.image = { kind: "file", path: e.imageFile };
        yield item;
      } else yield await readItem(root, e, meta(), ctx, p);
    }
  }
}

/** Spec §6.1: classes from classTitle + geometryType, tag metas from values, when a project has no meta.json. */
async function inferMeta(project: Project): Promise<ProjectMeta> {
  const meta = emptyProjectMeta();
  const visit = async (ds: Dataset) => {
    for await (const item of (ds.items as () => AsyncIterable<Item>)()) {
      for (const t of item.annotation.tags) ensureTagMeta(meta, t.name, inferTagValueType(t.value), { applicableType: "all" });
      for (const l of item.annotation.labels) {
        const cls = ensureClass(meta, l.classTitle, geometryTypeName(l.geometry));
        if (l.geometry.type === "graph" && cls.shape === "graph") {
          const nodes = (cls.geometryConfig.nodes ??= {}) as Record<string, unknown>;
          for (const key of Object.keys(l.geometry.nodes)) nodes[key] ??= { label: key, loc: [0, 0], color: "#0000FF" };
          cls.geometryConfig.edges ??= [];
        }
        for (const t of l.tags) ensureTagMeta(meta, t.name, inferTagValueType(t.value));
      }
    }
    for (const c of ds.datasets) await visit(c);
  };
  for (const ds of project.datasets) await visit(ds);
  return meta;
}

const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");

/** The dataset of this full name (`parent/child`) and the list holding it. */
function findDataset(datasets: Dataset[], fullName: string): { list: Dataset[]; dataset: Dataset } | null {
  let list = datasets;
  const parts = fullName.split("/");
  for (let i = 0; i < parts.length; i++) {
    const dataset = list.find((d) => d.name === parts[i]);
    if (!dataset) return null;
    if (i === parts.length - 1) return { list, dataset };
    list = dataset.datasets;
  }
  return null;
}

/** Two item streams in name order (as a dataset folder is read) as one. */
async function* mergeByName(a: AsyncIterable<Item>, b: AsyncIterable<Item>): AsyncIterable<Item> {
  const ia = a[Symbol.asyncIterator](), ib = b[Symbol.asyncIterator]();
  let x = await ia.next(), y = await ib.next();
  while (!x.done || !y.done) {
    if (!x.done && (y.done || x.value.name < y.value.name)) {
      yield x.value;
      x = await ia.next();
    } else {
      yield y.value as Item;
      y = await ib.next();
    }
  }
}

/**
 * Gives back the datasets the writer was given (see DATASETS_NOTE_FILE): items it put in a dataset of their own
 * (no image) rejoin theirs, renamed datasets get their names back. Entries naming no dataset are left alone.
 */
function applyDatasetsNote(project: Project, note: unknown, ctx?: FormatContext): void {
  const n = note as Partial<DatasetsNote> | null;
  if (typeof n !== "object" || n === null || !isStringRecord(n.renamed ?? {}) || !isStringRecord(n.itemsWithoutImage ?? {})) {
    ctx?.report.warn("datasets-note-invalid", `${DATASETS_NOTE_FILE} is not {renamed: {…}, itemsWithoutImage: {…}} of dataset names; datasets are read as they are`, { file: DATASETS_NOTE_FILE });
    return;
  }
  for (const [sideName, mainName] of Object.entries(n.itemsWithoutImage ?? {})) {
    const side = findDataset(project.datasets, sideName), main = findDataset(project.datasets, mainName);
    if (!side || !main || side.list !== main.list || side.dataset === main.dataset) continue;
    const [a, b] = [main.dataset.items, side.dataset.items];
    main.dataset.items = () => mergeByName(iterateItems(a), iterateItems(b));
    main.dataset.datasets.push(...side.dataset.datasets);
    side.list.splice(side.list.indexOf(side.dataset), 1);
  }
  // Found first, renamed after: the note names datasets by their names as written.
  const renames = Object.entries(n.renamed ?? {}).map(([written, own]) => [findDataset(project.datasets, written)?.dataset, own] as const);
  for (const [dataset, own] of renames) if (dataset && own !== "") dataset.name = own;
}

/** Reads a Supervisely project folder. Items stream from disk when iterated. */
export async function readSuperviselyProject(input: string, ctx?: FormatContext): Promise<Project> {
  const root = await findProjectRoot(input);
  if (!root) {
    throw new SlyconvError("not-a-project", `${input} is not a Supervisely project: no meta.json and no dataset folders (ann/, img/) found`, { file: input, inMessage: true });
  }
  const metaPath = path.join(root, META_FILE);
  let meta: ProjectMeta | undefined;
  if (await fs.stat(metaPath).catch(() => null)) {
    const issues: MetaReadIssue[] = [];
    meta = metaFromJson(await readJsonFile(metaPath, META_FILE), META_FILE, issues);
    for (const i of issues) ctx?.report.warn("meta-color", i.message, { file: META_FILE, pointer: i.pointer });
  }
  const datasets: Dataset[] = [];
  for (const d of await listDir(root)) {
    if (!d.isDirectory() || RESERVED_DIRS.has(d.name) || d.name.startsWith(".")) continue;
    const dir = path.join(root, d.name);
    if (await looksLikeDataset(dir)) datasets.push(await readDataset(root, dir, d.name, () => meta, ctx));
  }
  datasets.sort((a, b) => (a.name < b.name ? -1 : 1));
  const project: Project = { meta: meta ?? emptyProjectMeta(), datasets };
  // Project-level JSON side files (obj_class_to_machine_color.json, coco_info.json, …) travel with the project.
  for (const d of await listDir(root)) {
    if (d.isFile() && d.name.endsWith(".json") && d.name !== META_FILE && d.name !== "key_id_map.json" && d.name !== SHARD_MANIFEST_FILE) {
      (project.sideFiles ??= {})[d.name] = await readJsonFile(path.join(root, d.name), d.name);
    }
  }
  // The note stays a side file: a writer rewrites it, and knows from it what was already reported.
  if (project.sideFiles && Object.hasOwn(project.sideFiles, DATASETS_NOTE_FILE)) applyDatasetsNote(project, project.sideFiles[DATASETS_NOTE_FILE], ctx);
  if (!meta) {
    ctx?.report.info("meta-inferred", "no meta.json: classes and tags were inferred from the annotations", { file: rel(input, root) || "." });
    project.meta = await inferMeta(project);
    meta = project.meta;
  }
  return project;
}
