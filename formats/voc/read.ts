/**
 * VOC → project. All annotation files are parsed first (so that each tag has one value type and the meta is complete
 * before any item is written), then each image is built: size from the XML checked against the image header, boxes,
 * parts, masks (read-masks.ts). Annotations are small and held in memory (VOC2012: ~17k XML, 2.9k masks → tens of
 * MB); images are never read beyond their header.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Annotation, Dataset, Item, ItemSource, Label, Project, Tag } from "../../src/model/index.js";
import { emptyProjectMeta } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
import { SlyconvError } from "../../src/errors.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { readImageHeaderSize } from "../../src/io/image-header.js";
import { displayPath } from "../../src/io/paths.js";
import { catalogRoot, findVocRoots, hasImageExtension, pickImage, type VocCatalog, type VocRoot } from "./layout.js";
import { readClassTable, type ClassTable, type TableIssue } from "./palette.js";
import { parseVocXml, parseVocXmlFilesTask, xmlParseLimits, type ParseCounters } from "./xml-read.js";
import type { VocObject, VocXml } from "./xml-model.js";
import { maskOfRuns, readVocMasksTask, type MaskRegion, type VocMaskJob, type VocMaskOut } from "./read-masks.js";
import { bitmapEncodedOnRead, encodeBitmapData } from "../../src/codecs/bitmap.js";
import { CpuTaskRunner } from "../../src/workers/pool.js";
import type { Location } from "../../src/errors.js";
import { geometryBounds } from "../../src/geometry/bounds.js";
import { FieldTypeCollector, fieldsToTags, IMAGE_SETS_TAG, INSTANCE_TAG, PART_OF_TAG } from "./tags.js";
import { ClassCollector, vocMeta, vocReadState, type UsedTags } from "./read-meta.js";
import { shardOf, type ShardSpec } from "../../src/shard.js";
import { imageSetsTagValue, planSplits, readImageSets, UNLISTED_DATASET, type SplitLists } from "./image-sets.js";
import { VOID_MASKS_KEY, type StoredVoid } from "./void-masks.js";
import { FileTooLargeError, readRegularFileSync } from "../../src/io/regular-file.js";
import { readImageFileSync } from "../../src/io/image-file.js";
import { PixelLimitError } from "../../src/limits.js";
import { reportSpecialFiles, type SpecialFile } from "../../src/io/list-dir.js";
import { Report, type Finding as ReportFinding } from "../../src/report.js";

/**
 * Annotation files are read and parsed in the worker pool, this many a task (with synchronous calls: a few KB each,
 * where the thread-pool round trips of an asynchronous read cost more than the read), and this many tasks in flight;
 * the main thread reports their findings in file order.
 */
const XML_BATCH = 64;
const XML_BATCHES_IN_FLIGHT = 4;
/** Images prepared at once (header read, the two mask PNGs decoded in the worker pool), then built in id order. */
const BUILD_CONCURRENCY = 8;

/** Binding key shared by the labels of one XML object (its box, its parts, its mask): Supervisely's `instance`. */
export const objectBindingKey = (index: number) => `voc-object-${index}`;

/** Class of a label made from a SegmentationObject instance that has no class anywhere. */
const UNKNOWN_INSTANCE_CLASS = "object";

interface RootData {
  root: VocRoot;
  catalog: VocCatalog;
  table: ClassTable;
  lists: SplitLists;
  xml: Map<string, VocXml>;
  /** A shard's: what parsing each annotation file found, reported once the ids of the shard are known. */
  xmlFindings: [id: string, findings: ReportFinding[]][];
}

interface BuiltItem {
  id: string;
  item: Item;
  hasMasks: boolean;
}

const rectangleOf = (b: { xmin: number; ymin: number; xmax: number; ymax: number }) =>
  ({ type: "rectangle" as const, left: b.xmin, top: b.ymin, right: b.xmax, bottom: b.ymax });

/**
 * Parsed kept values without the parser's position symbols: what a JSON round trip of them gives (the parser makes
 * only strings, objects and arrays), copied directly, which costs a tenth of the round trip.
 */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined || typeof x === "function" || typeof x === "symbol" ? null : plain(x)));
  if (typeof v !== "object" || v === null) return typeof v === "number" && !Number.isFinite(v) ? null : v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
    // An element named __proto__ is an own key, as JSON.parse makes it, not the object's prototype.
    if (k === "__proto__") Object.defineProperty(out, k, { value: plain(x), enumerable: true, writable: true, configurable: true });
    else out[k] = plain(x);
  }
  return out;
}

async function readRoot(root: VocRoot, input: string, ctx: FormatContext, counters: ParseCounters, types: FieldTypeCollector, cpu: CpuTaskRunner): Promise<RootData> {
  // A shard parses every annotation file (their fields and <filename>s are the whole run's) but reports what it
  // finds only in its own items' (a broken file of another shard's item is that shard's error).
  const deferred = ctx.shardRead !== undefined;
  const xmlFindings: RootData["xmlFindings"] = [];
  const special: SpecialFile[] = [];
  const catalog = await catalogRoot(root, special);
  reportSpecialFiles(ctx.report, special, input);
  const issues: TableIssue[] = [];
  const table = await readClassTable(root.dir, issues);
  for (const i of issues) ctx.report.warn("voc-class-table", i.message, { file: displayPath(input, path.join(root.dir, i.file)), line: i.line });
  const lists = await readImageSets(root.dir, input, ctx.report);
  const xml = new Map<string, VocXml>();
  const files = [...catalog.xml.entries()];
  ctx.progress.start("reading VOC annotations", files.length, "files");
  const batches: [string, string][][] = [];
  for (let i = 0; i < files.length; i += XML_BATCH) batches.push(files.slice(i, i + XML_BATCH));
  const limits = xmlParseLimits();
  const parsedBatches = mapConcurrent(batches, XML_BATCHES_IN_FLIGHT, async (batch) =>
    ({ batch, parsed: await cpu.run(parseVocXmlFilesTask, [batch.map(([, file]) => ({ file, shown: displayPath(input, file) })), limits]) }));
  for await (const { batch, parsed } of parsedBatches) {
    batch.forEach(([id, file], k) => {
      ctx.signal?.throwIfAborted();
      const p = parsed[k];
      let result: VocXml | null;
      if ("failed" in p) {
        const report = deferred ? new Report(Number.MAX_SAFE_INTEGER) : ctx.report;
        result = parseVocXml(readRegularFileSync(file, "utf8"), displayPath(input, file), report, counters);
        if (deferred && report.findings.length) xmlFindings.push([id, report.findings]);
      } else {
        if (deferred) {
          if (p.findings.length) xmlFindings.push([id, p.findings]);
        } else for (const f of p.findings) ctx.report.add(f);
        counters.emptyElements += p.emptyElements;
        result = p.json === null ? null : (JSON.parse(p.json) as VocXml);
      }
      if (result) xml.set(id, result);
      ctx.progress.increment();
    });
  }
  ctx.progress.stop();
  for (const id of [...xml.keys()].sort()) for (const o of xml.get(id)!.objects) types.observe(o.fields);
  return { root, catalog, table, lists, xml, xmlFindings };
}

interface BuildContext {
  input: string;
  ctx: FormatContext;
  types: FieldTypeCollector;
  classes: ClassCollector;
  used: UsedTags;
  /** Mask reading: inline for a few images, in the worker pool for more. */
  cpu: CpuTaskRunner;
}

/**
 * Which XML object each SegmentationObject instance belongs to: object k for instance k (VOC's rule). An instance
 * whose object k is missing is matched to an unmatched object of its class whose box is exactly the instance's pixel
 * bounds: that is how this writer exports masks whose instance numbers have gaps (labelme skips numbers), so such
 * exports read back joined.
 */
function joinInstances(regions: MaskRegion[], objects: VocObject[]): Map<number, VocObject> {
  const byIndex = new Map(objects.filter((o) => o.name).map((o) => [o.index, o]));
  const out = new Map<number, VocObject>();
  const taken = new Set<number>();
  const instances = [...new Set(regions.map((r) => r.instance).filter((k): k is number => !!k))].sort((a, b) => a - b);
  for (const k of instances) {
    const o = byIndex.get(k);
    if (o) {
      out.set(k, o);
      taken.add(o.index);
    }
  }
  for (const k of instances) {
    if (out.has(k)) continue;
    const own = regions.filter((r) => r.instance === k);
    const bounds = own.map((r) => geometryBounds(r.geometry)!).reduce((a, b) => ({
      left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom),
    }));
    const match = objects.find((o) => o.name && o.box && !taken.has(o.index) && (!own[0].className || o.name === own[0].className) &&
      o.box.xmin === bounds.left && o.box.ymin === bounds.top && o.box.xmax === bounds.right && o.box.ymax === bounds.bottom);
    if (match) {
      out.set(k, match);
      taken.add(match.index);
    }
  }
  return out;
}

type Size = { width: number; height: number };

/** The image file of an id and the item name. */
function imageOf(id: string, data: RootData): { imageFile?: string; name: string } {
  const xml = data.xml.get(id);
  const xmlImageName = xml?.filename ? path.basename(xml.filename.replace(/\\/g, "/")) : undefined;
  const candidates = data.catalog.images.get(id) ?? (xmlImageName ? data.catalog.images.get(xmlImageName.slice(0, xmlImageName.length - path.extname(xmlImageName).length)) : undefined);
  const imageFile = pickImage(candidates, xmlImageName);
  const name = imageFile ? path.basename(imageFile) : `${id}${xmlImageName && hasImageExtension(xmlImageName) ? path.extname(xmlImageName) : ".jpg"}`;
  return { imageFile, name };
}

/** The image file of an id, the item name, and the size: `<size>` checked against the image header. */
async function imageAndSize(id: string, data: RootData, b: BuildContext, warnings: Finding[]): Promise<{ imageFile?: string; name: string; size?: Size }> {
  const { input } = b;
  const xml = data.xml.get(id);
  const { imageFile, name } = imageOf(id, data);
  let size = xml?.size;
  if (imageFile) {
    const header = await readImageHeaderSize(imageFile);
    if (!header) {
      warnings.push({ code: "voc-image-unreadable", message: "image header cannot be read; the size comes from the XML", where: { file: displayPath(input, imageFile) } });
    } else if (size && (size.width !== header.width || size.height !== header.height)) {
      warnings.push({ code: "voc-size-mismatch", message: `<size> says ${size.width}×${size.height} but ${displayPath(input, imageFile)} is ${header.width}×${header.height}; the image's size is used`, where: { file: xml!.file, line: xml!.sizeLine } });
      size = header;
    } else if (!size) size = header;
  }
  return { imageFile, name, size };
}

/** Box and part labels of the XML objects. Attributes of a box-less object joined to a mask wait for that mask. */
function xmlLabels(xml: VocXml | undefined, size: Size | undefined, joined: Set<number>, b: BuildContext): { labels: Label[]; fieldsOfBoxless: Map<number, Tag[]> } {
  const labels: Label[] = [];
  const fieldsOfBoxless = new Map<number, Tag[]>();
  for (const o of xml?.objects ?? []) {
    if (!o.name) continue;
    const bound = o.parts.length > 0 || joined.has(o.index);
    const tags = fieldsToTags(o.fields, b.types);
    if (o.box) {
      if (size && (o.box.xmin < 0 || o.box.ymin < 0 || o.box.xmax > size.width || o.box.ymax > size.height)) {
        b.ctx.report.warn("voc-bndbox-outside", `object ${o.index} (${o.name}) box ${o.box.xmin},${o.box.ymin},${o.box.xmax},${o.box.ymax} reaches outside the ${size.width}×${size.height} image; kept as is`, { file: xml!.file, line: o.boxLine });
      }
      labels.push({ classTitle: o.name, geometry: rectangleOf(o.box), tags, ...(bound ? { extra: { instance: objectBindingKey(o.index) } } : {}) });
      b.classes.add(o.name, "rectangle");
    } else if (joined.has(o.index)) {
      fieldsOfBoxless.set(o.index, tags);
    }
    for (const p of o.parts) {
      if (!p.box) continue;
      labels.push({ classTitle: p.name, geometry: rectangleOf(p.box), tags: [{ name: PART_OF_TAG, value: o.name }], extra: { instance: objectBindingKey(o.index) } });
      b.classes.add(p.name, "rectangle");
      b.used.partOf = true;
    }
  }
  return { labels, fieldsOfBoxless };
}

/** Bitmap labels of the mask regions, each with its voc_instance tag and, when joined, its object's binding key. */
function maskLabels(regions: MaskRegion[], objectOfInstance: Map<number, VocObject>, fieldsOfBoxless: Map<number, Tag[]>, hasClassMask: boolean, maskFile: string, b: BuildContext): Label[] {
  const { report } = b.ctx;
  return regions.map((r) => {
    const xmlObject = r.instance ? objectOfInstance.get(r.instance) : undefined;
    let classTitle = r.className;
    if (!classTitle) {
      classTitle = xmlObject?.name;
      if (hasClassMask) {
        report.warn("voc-instance-without-class", `instance ${r.instance} has ${r.pixels} pixels that SegmentationClass marks as background or void; they take the class ${classTitle ? JSON.stringify(classTitle) : "of no object"}`, { file: maskFile });
      }
      if (!classTitle) {
        report.warn("voc-instance-unknown-class", `instance ${r.instance} has no class (no class mask value, no XML object ${r.instance}); its class is "${UNKNOWN_INSTANCE_CLASS}"`, { file: maskFile });
        classTitle = UNKNOWN_INSTANCE_CLASS;
      }
    } else if (xmlObject?.name && xmlObject.name !== classTitle) {
      report.warn("voc-instance-class-mismatch", `instance ${r.instance} is ${JSON.stringify(classTitle)} in SegmentationClass but XML object ${xmlObject.index} is ${JSON.stringify(xmlObject.name)}`, { file: maskFile });
    }
    const tags: Tag[] = [{ name: INSTANCE_TAG, value: r.instance ?? 0 }, ...(xmlObject ? fieldsOfBoxless.get(xmlObject.index) ?? [] : [])];
    if (xmlObject) fieldsOfBoxless.delete(xmlObject.index);
    b.classes.add(classTitle, "bitmap", r.color);
    b.used.instance = true;
    return { classTitle, geometry: r.geometry, tags, ...(xmlObject ? { extra: { instance: objectBindingKey(xmlObject.index) } } : {}) };
  });
}

/** A warning found while an item is prepared, reported when the item is built (in id order). */
interface Finding { code: string; message: string; where: Location }

/** What building an item waits for: the image size (a header read) and its masks read in the worker pool. */
interface Prepared {
  id: string;
  image: { imageFile?: string; name: string; size?: Size };
  warnings: Finding[];
  masks: VocMaskOut;
}

async function prepareItem(id: string, data: RootData, b: BuildContext): Promise<Prepared> {
  const warnings: Finding[] = [];
  const image = await imageAndSize(id, data, b, warnings);
  const classFile = data.catalog.classMasks.get(id), objectFile = data.catalog.objectMasks.get(id);
  let masks: VocMaskOut = { warnings: [], hasClass: false, regions: [], voids: [] };
  // A mask over the file-size or pixel limit is not read; like an unreadable one, it is skipped with a warning.
  const maskBytes = (file: string | undefined): Buffer | undefined => {
    if (!file) return undefined;
    try {
      return readImageFileSync(file, "the PNG");
    } catch (e) {
      if (!(e instanceof FileTooLargeError || e instanceof PixelLimitError)) throw e;
      const why = e instanceof PixelLimitError ? `mask is not a readable PNG (${e.message})` : `mask is not read (${e.message})`;
      warnings.push({ code: "voc-mask-unreadable", message: `${why}; it is skipped`, where: { file: displayPath(b.input, file) } });
      return undefined;
    }
  };
  const classBytes = maskBytes(classFile), objectBytes = maskBytes(objectFile);
  if (classBytes || objectBytes) {
    const job: VocMaskJob = {
      table: data.table, size: image.size,
      ...(classBytes ? { classBytes, classShown: displayPath(b.input, classFile!) } : {}),
      ...(objectBytes ? { objectBytes, objectShown: displayPath(b.input, objectFile!) } : {}),
    };
    masks = await b.cpu.run(readVocMasksTask, [job]);
  }
  return { id, image, warnings, masks };
}

function buildItem(p: Prepared, data: RootData, b: BuildContext): BuiltItem {
  const { id, masks } = p;
  for (const w of p.warnings) b.ctx.report.warn(w.code, w.message, w.where);
  for (const w of masks.warnings) b.ctx.report.warn(w.code, w.message, { file: w.file });
  const xml = data.xml.get(id);
  const { imageFile, name } = p.image;
  let size = p.image.size ?? masks.size;
  if (!size && xml) b.ctx.report.warn("voc-size-unknown", "no usable <size> and no image: the image size is unknown", { file: xml.file, line: xml.sizeLine });

  const regions: MaskRegion[] = masks.regions.map((r) => ({ ...r, geometry: bitmapEncodedOnRead([r.geometry.x, r.geometry.y], r.geometry.mask) }));
  const objectOfInstance = joinInstances(regions, xml?.objects ?? []);
  const joined = new Set([...objectOfInstance.values()].map((o) => o.index));
  const { labels, fieldsOfBoxless } = xmlLabels(xml, size, joined, b);
  const maskFile = displayPath(b.input, data.catalog.objectMasks.get(id) ?? data.catalog.classMasks.get(id) ?? id);
  labels.push(...maskLabels(regions, objectOfInstance, fieldsOfBoxless, masks.hasClass, maskFile, b));

  const annotation: Annotation = { size: { width: size?.width ?? null, height: size?.height ?? null }, tags: [], labels };
  if (masks.voids.length) {
    // Kept as runs and encoded when first read, as bitmap labels are (bitmapEncodedOnRead): a COCO or YOLO writer
    // never reads it.
    const stored: StoredVoid[] = masks.voids.map((v) => {
      let data: string | null = null;
      return {
        masks: v.masks, origin: [v.geometry.x, v.geometry.y],
        get data(): string {
          return (data ??= encodeBitmapData(maskOfRuns(v.geometry)));
        },
        set data(value: string) {
          data = value;
        },
      };
    });
    annotation.customBigData = { [VOID_MASKS_KEY]: stored };
  }
  const item: Item = { name, annotation };
  if (imageFile) item.image = { kind: "file", path: imageFile };
  if (xml && Object.keys(xml.header).length) item.imageMeta = { voc: plain(xml.header) as Record<string, unknown> };
  return { id, item, hasMasks: regions.length > 0 };
}

/** The ids of a root: annotation files, images not named by an annotation, and masks. */
function idsOf(data: RootData): string[] {
  const ids = new Set<string>(data.catalog.xml.keys());
  const claimed = new Set<string>();
  for (const x of data.xml.values()) if (x.filename) claimed.add(path.basename(x.filename.replace(/\\/g, "/")));
  for (const [id, files] of data.catalog.images) if (!ids.has(id) && !files.some((f) => claimed.has(path.basename(f)))) ids.add(id);
  for (const id of data.catalog.classMasks.keys()) ids.add(id);
  for (const id of data.catalog.objectMasks.keys()) ids.add(id);
  return [...ids].sort();
}

/** A dataset of a root as listed: its name (inside the root's own, if any), its split list, its ids. */
interface ListedDataset { name: string; split: string | null; ids: string[]; missing: string[] }

/** The root's datasets: one per split list (its ids that have a file), then the ids that no list names. */
function listDatasets(data: RootData, ids: readonly string[]): { plan: ReturnType<typeof planSplits>; datasets: ListedDataset[] } {
  const plan = planSplits(data.lists);
  const known = new Set(ids);
  const datasets: ListedDataset[] = plan.splits.map((split) => {
    const members = plan.members.get(split)!;
    return { name: split, split, ids: members.filter((id) => known.has(id)), missing: members.filter((id) => !known.has(id)) };
  });
  datasets.push({ name: UNLISTED_DATASET, split: null, ids: ids.filter((id) => !plan.folders.has(id)), missing: [] });
  return { plan, datasets };
}

/** A dataset's full name in the project (`VOC2012/train`), which the shard filter keys its items by. */
function datasetPathOf(root: VocRoot, name: string): string {
  if (root.split) return name === UNLISTED_DATASET ? root.name : name;
  return root.name ? `${root.name}/${name}` : name;
}

/** The ids a shard reads: those with an item of the shard in some dataset (an id in two splits may be two shards'). */
function ownIds(data: RootData, datasets: readonly ListedDataset[], spec: ShardSpec): Set<string> {
  const own = new Set<string>();
  for (const d of datasets) {
    const full = datasetPathOf(data.root, d.name);
    for (const id of d.ids) if (!own.has(id) && shardOf(full, imageOf(id, data).name, spec.count) === spec.index) own.add(id);
  }
  return own;
}

/**
 * A shard's dataset: every item is listed (the shard filter keys them all, in order), and only the shard's, which
 * are the ones read, are given.
 */
function onlySelected(names: readonly string[], items: readonly (Item | undefined)[]): ItemSource {
  return (select) => (async function* () {
    for (const [i, item] of items.entries()) {
      if (select && !select(names[i])) continue;
      if (!item) throw new Error(`internal: VOC item ${JSON.stringify(names[i])} was selected but not read for this shard`);
      yield item;
    }
  })();
}

function datasetsOf(data: RootData, listed: ReturnType<typeof listDatasets>, built: Map<string, BuiltItem>, b: BuildContext, shardOnly: boolean): Dataset[] {
  const { plan } = listed;
  const datasets: Dataset[] = [];
  for (const d of listed.datasets) {
    if (d.missing.length) {
      b.ctx.report.warn("voc-listed-missing", `${d.missing.length} ids listed in split ${JSON.stringify(d.name)} have no annotation, image or mask (e.g. ${d.missing.slice(0, 3).join(", ")})`, { file: displayPath(b.input, path.join(data.root.dir, "ImageSets")) });
    }
    if (!d.ids.length) continue;
    const items = d.ids.map((id) => {
      const x = built.get(id);
      if (!x || d.split === null) return x?.item;
      const tagValue = imageSetsTagValue(plan.folders.get(id)!.get(d.split)!, x.hasMasks);
      if (tagValue === undefined) return x.item;
      b.used.imageSets = true;
      return { ...x.item, annotation: { ...x.item.annotation, tags: [...x.item.annotation.tags, { name: IMAGE_SETS_TAG, value: tagValue }] } };
    });
    datasets.push({ name: d.name, items: shardOnly ? onlySelected(d.ids.map((id) => imageOf(id, data).name), items) : (items as Item[]), datasets: [] });
  }
  return datasets;
}

export async function readVocProject(input: string, _options: FormatOptions, ctx: FormatContext): Promise<Project> {
  const roots = await findVocRoots(input);
  if (!roots.length) {
    throw new SlyconvError("voc-not-found", `${input} holds no Pascal VOC data: no Annotations/, JPEGImages/, SegmentationClass/ or SegmentationObject/ folder and no VOC *.xml files`, { file: input, inMessage: true });
  }
  const counters: ParseCounters = { emptyElements: 0 };
  const types = new FieldTypeCollector();
  const rootData: RootData[] = [];
  const cpu = new CpuTaskRunner();
  for (const root of roots) rootData.push(await readRoot(root, input, ctx, counters, types, cpu));
  if (counters.emptyElements) {
    ctx.report.info("voc-empty-elements", `${counters.emptyElements} empty elements (such as <pose/> or <difficult/>) carry no value and made no tag`);
  }

  const classes = new ClassCollector();
  const used: UsedTags = { instance: false, partOf: false, imageSets: false };
  const build: BuildContext = { input, ctx, types, classes, used, cpu };
  const project: Project = { meta: emptyProjectMeta(), datasets: [] };
  // A shard of an import reads the image headers and masks of its own items only (src/shard.ts ShardReading): the
  // classes, their colours and shapes, come from those, and merge makes meta.json from every shard's.
  const shardRead = ctx.shardRead;
  for (const [rootIndex, data] of rootData.entries()) {
    const ids = idsOf(data);
    const listed = listDatasets(data, ids);
    const own = shardRead ? ownIds(data, listed.datasets, shardRead.spec) : null;
    const order = own ? ids.flatMap((id, i) => (own.has(id) ? [i] : [])) : ids.map((_, i) => i);
    for (const [id, findings] of data.xmlFindings) if (own?.has(id)) for (const f of findings) ctx.report.add(f);
    ctx.progress.start("reading VOC images and masks", order.length);
    const builtList: BuiltItem[] = [];
    const prepared = mapConcurrent(order, BUILD_CONCURRENCY, (i) => {
      ctx.signal?.throwIfAborted();
      return prepareItem(ids[i], data, build);
    });
    let next = 0;
    for await (const p of prepared) {
      // Where the item stands in the run's build order: a class's colour is that of the first mask showing it.
      classes.at = rootIndex * 2 ** 32 + order[next++];
      builtList.push(buildItem(p, data, build));
      ctx.progress.increment();
    }
    ctx.progress.stop();
    const built = new Map(builtList.map((x) => [x.id, x]));
    const datasets = datasetsOf(data, listed, built, build, own !== null);
    // A split folder has no ImageSets: its images (all "unlisted") are the split's dataset.
    if (data.root.split) project.datasets.push(...datasets.map((d) => (d.name === UNLISTED_DATASET ? { ...d, name: data.root.name } : d)));
    else if (data.root.name) project.datasets.push({ name: data.root.name, items: [], datasets });
    else project.datasets.push(...datasets);
    ctx.report.count("vocXmlFiles", data.xml.size);
    ctx.report.count("vocMaskFiles", new Set([...data.catalog.classMasks.keys(), ...data.catalog.objectMasks.keys()]).size);
  }

  const tables = rootData.map((d) => d.table);
  project.meta = vocMeta(classes, tables, types.fields(), used);
  if (shardRead) shardRead.state.voc = vocReadState(classes, tables, types.fields(), used);
  return project;
}
