/**
 * COCO → project model: the mapping. Where annotations are kept between the passes and how they come back (typed
 * tables, kept polygons, the parse thread) is annotation-store.ts's business.
 *
 * First pass (readGroup): every file is scanned once with the streaming scanner; images and categories are kept,
 * each annotation is checked (warnings with file + JSON pointer, reported once) and entered in the store's table.
 * When a file lists its annotations before its images or categories (COCO's own files end with categories), the
 * scan only notes where each annotation is (reading COCO's usual polygon annotation as it goes), and the store
 * reads the others from those ranges once the scan is over.
 *
 * Second pass (when the items are iterated, possibly more than once): per image, its annotations come back from
 * the store (kept, or read again from their byte range) and are converted. Memory stays bounded by the tables, not
 * by the JSON (train2017: 448 MB).
 */
import fs from "node:fs";
import path from "node:path";
import type { Dataset, Item, ItemSelector, Label, Project, Tag } from "../../src/model/index.js";
import { emptyProjectMeta, ensureTagMeta } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
import type { RingSource } from "../../src/geometry/extent.js";
import { SlyconvError, jsonPointer, optionName } from "../../src/errors.js";
import { encodeBitmapTask } from "../../src/codecs/bitmap.js";
import { mapLimit } from "../../src/io/concurrency.js";
import { reportSpecialFiles, type SpecialFile } from "../../src/io/list-dir.js";
import { MAX_JSON_DEPTH, jsonNestsDeeperThan } from "../../src/io/json-file.js";
import { MAX_LABELS_ENV, maxLabels, maxVertices, vertexLimitError } from "../../src/limits.js";
import { readImageHeaderSize } from "../../src/io/image-header.js";
import { baseName, unsafeNameReason } from "../../src/io/paths.js";
import {
  buildLabels, overlayOf, planAnnotation, boxOf, MAKES_BITMAP, MAKES_GRAPH, MAKES_POLYGON,
  type AnnotationPlan, type CategoryMapping, type PendingBitmap,
} from "./annotation.js";
import {
  AnnotationStore, AnnotationTable, ElementSyntaxError,
  parseOrThrow, readerTuning, type RowMapping,
} from "./annotation-store.js";
import { CategoryCatalog } from "./categories.js";
import {
  findCocoFiles, findImageFile, groupFiles, imageDirCandidates, specialImageFile, type CocoFile, type FileGroup,
} from "./discover.js";
import { ElementReader, elementSyntaxError, scanTopLevel } from "./json-scan.js";
import { annotationHash } from "./kept-polygon.js";
import { rowVertices } from "./row-vertices.js";
import {
  COCO_INFO_FILE, COCO_INFO_FORMAT, EXTRA_COCO, EXTRA_INSTANCE, TAG_CAPTION, TAG_COCO_ID, TAG_ISCROWD,
  isFiniteNumber, isObject, type CocoInfo, type CocoInfoSource, type Json,
} from "./model.js";
import { importOptionsOf } from "./options.js";

/** Longest item name kept as is (bytes): file systems allow 255 per name, and the project adds `.json`. */
const MAX_ITEM_NAME_BYTES = 200;

/** A name cut to MAX_ITEM_NAME_BYTES, keeping its extension. */
function shortened(name: string): string {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  const chars = [...name.slice(0, name.length - ext.length)];
  while (chars.length && Buffer.byteLength(chars.join("") + ext) > MAX_ITEM_NAME_BYTES) chars.pop();
  return chars.join("") + ext;
}

/**
 * With many masks (RLE annotations), images go in batches whose masks are encoded together in worker threads while
 * the next batch's masks are read: a batch ends at this many masks, or images. With fewer masks than
 * readerTuning.workerMasks (2000), starting the workers costs more than it saves: masks are encoded as their items
 * are built.
 */
const BATCH_MASKS = 32;
const BATCH_ITEMS = 512;

/**
 * Values the reader keeps as written (an annotation's or image's extra fields, categories, `info`) are written back
 * with recursive serializers, which overflow the stack some thousands of levels down: refused here, with their
 * place. `keys`: check each field of an object (its pointer named), else the value as a whole.
 */
function refuseTooDeep(value: unknown, file: string, pointer: string, keys = false, skip?: ReadonlySet<string>): void {
  if (value === null || typeof value !== "object") return;
  if (!keys || Array.isArray(value)) {
    if (jsonNestsDeeperThan(value)) throw tooDeep(file, pointer);
    return;
  }
  // Called for every image and annotation: its fields looked at in place (no entries array), most are not objects.
  for (const k in value) {
    const v = (value as Json)[k];
    if (v === null || typeof v !== "object" || skip?.has(k) || !jsonNestsDeeperThan(v)) continue;
    throw tooDeep(file, k ? `${pointer}${jsonPointer(k)}` : pointer);
  }
}

function tooDeep(file: string, pointer: string): SlyconvError {
  return new SlyconvError("too-deep", `the value nests more than ${MAX_JSON_DEPTH} levels of arrays or objects, which cannot be written back out; flatten or remove it`, { file, pointer });
}

/** Fields of an annotation that are checked as numbers, never kept as written. */
const CHECKED_FIELDS = new Set(["segmentation", "bbox", "keypoints"]);

interface ImageRecord {
  /** The id as written (number, or a string for tools that use those). */
  id: unknown;
  fileName: string;
  width: number | null;
  height: number | null;
  /** The entry as read, for the images table of coco_info.json. */
  raw: Json;
  file: number;
  index: number;
  itemName: string;
  path?: string;
}

interface GroupState {
  dataset: string;
  files: CocoFile[];
  images: ImageRecord[];
  /** Image id → index in `images`. */
  imageById: Map<unknown, number>;
  /** Image ids that annotations use, before the image itself may be known: id → key; resolved at the end. */
  imageKeys: Map<unknown, number>;
  imageKeyIds: unknown[];
  /** Per image key: its annotations (captions left out) counted in the first pass, against the labels limit. */
  rowsOfKey: number[];
  annotations: AnnotationTable;
  /** Per file: category id → mapping. */
  categoryTables: Map<unknown, CategoryMapping>[];
  /** Per image (after finishing): the vertices of its polygon annotations, against the vertex limit. */
  verticesOfImage?: Float64Array;
  /** Annotation indices grouped by image (after finishing): order[start[i] .. start[i+1]). */
  order?: Int32Array;
  start?: Int32Array;
  /** Files that hold object annotations (a hash is kept to merge one object read from two files). */
  compareAcrossFiles: boolean;
}

// ------------------------------------------------------------------------------------------- reader

class CocoReader {
  readonly catalog: CategoryCatalog;
  readonly sources: CocoInfoSource[] = [];
  readonly groups: GroupState[] = [];
  /** The annotations between the two passes (the fast path: tables, kept polygons, the parse thread). */
  readonly store = new AnnotationStore();
  /** Caption annotation ids that are not finite numbers (AnnotationTable.annId holds the others), by row. */
  readonly otherCaptionIds = new Map<AnnotationTable, Map<number, unknown>>();
  /** Annotations that make a mask (RLE), over all files. */
  masks = 0;
  /** Masks are made only when their data is read (a writer that needs extents alone: see buildLabels). */
  masksOnRead = false;
  sawCrowd = false;
  sawCaption = false;
  sawCocoId = false;

  constructor(
    readonly ctx: FormatContext, readonly root: string, readonly imagesMode: string | undefined, readonly imagesDir: string | undefined,
  ) {
    this.catalog = new CategoryCatalog(ctx.report);
  }

  async readGroup(group: FileGroup): Promise<GroupState> {
    const g: GroupState = {
      dataset: group.dataset, files: group.files, images: [], imageById: new Map(), imageKeys: new Map(), imageKeyIds: [], rowsOfKey: [],
      annotations: new AnnotationTable(), categoryTables: [],
      compareAcrossFiles: group.files.filter((f) => f.kind !== "captions").length > 1,
    };
    const firstSource = this.sources.length;
    for (let fi = 0; fi < group.files.length; fi++) await this.scanFile(g, fi);
    this.finishAnnotations(g);
    let maxImage = 0, maxAnn = 0;
    for (const img of g.images) if (isFiniteNumber(img.id) && img.id > maxImage) maxImage = img.id;
    for (let i = 0; i < g.annotations.length; i++) if (g.annotations.annId[i] > maxAnn) maxAnn = g.annotations.annId[i];
    for (const s of this.sources.slice(firstSource)) {
      s.max_image_id = maxImage;
      s.max_annotation_id = maxAnn;
    }
    await this.locateImages(g);
    this.groups.push(g);
    return g;
  }

  private imageKey(g: GroupState, id: unknown): number {
    let k = g.imageKeys.get(id);
    if (k === undefined) {
      k = g.imageKeyIds.length;
      g.imageKeys.set(id, k);
      g.imageKeyIds.push(id);
      g.rowsOfKey.push(0);
    }
    return k;
  }

  /**
   * Counts an annotation of image key k; false once the image has more than the labels limit (src/limits.ts): its
   * annotations are then no longer kept, and none of them is converted (finishAnnotations reports it). A hostile
   * file put 2.6 million on one image; kept, they took gigabytes.
   */
  private countRow(g: GroupState, k: number): boolean {
    return ++g.rowsOfKey[k] <= this.labelsLimit;
  }

  private readonly labelsLimit = maxLabels();
  private readonly vertexLimit = maxVertices();

  private async scanFile(g: GroupState, fi: number): Promise<void> {
    const f = g.files[fi];
    const report = this.ctx.report;
    const top: Json = {};
    const categoryEntries: { value: unknown; index: number }[] = [];
    let categories: Map<unknown, CategoryMapping> | null = null;
    let sawAnnotations = false;
    let sawImages = false;
    const size = fs.statSync(f.path).size;
    this.ctx.progress.start(`reading ${f.display}`, Math.max(1, Math.round(size / 1e6)), "MB");
    let shownMB = 0;
    const onProgress = (bytes: number) => {
      const mb = Math.round(bytes / 1e6);
      if (mb > shownMB) {
        this.ctx.progress.increment(mb - shownMB);
        shownMB = mb;
      }
    };

    const finishCategories = () => {
      categories = this.catalog.registerFile(f.display, categoryEntries);
      g.categoryTables[fi] = categories;
    };
    // Rows of annotations read as ranges only: they are contiguous in the table, and go to a thread as they come.
    let deferredFrom = -1, deferredTo = -1;
    const t = g.annotations;
    const rows = this.store.rowsOf(f.path, size, t, g.compareAcrossFiles);
    // COCO's usual polygon annotation is read while the scan finds its end, where no thread parses the rows.
    const scanned = this.store.scanReader(rows, g.compareAcrossFiles);

    // Images are read after the scan too, in runs (one JSON.parse per element cost a tenth of the val2017 shape's first pass).
    const imageOffsets: number[] = [], imageLengths: number[] = [], imageIndexes: number[] = [];
    await scanTopLevel(f.path, f.display, {
      onKey: (k, isArray) => {
        if (k === "images") {
          sawImages = true;
          if (!isArray) throw new SlyconvError("coco-structure", "`images` must be a list", { file: f.display, pointer: "/images" });
          return "ranges";
        }
        if (k !== "annotations") return;
        sawAnnotations = true;
        if (!isArray) throw new SlyconvError("coco-structure", "`annotations` must be a list", { file: f.display, pointer: "/annotations" });
        // Annotations need the categories and are checked against the images, which may come later in the file
        // (COCO's own files end with categories): only where each annotation is gets noted now (COCO's usual polygon
        // annotation read as it is located, ScannedRows), and they are added once the scan is over, in file order,
        // the others read in runs, from 64 MB up on two threads (AnnotationStore.readRows).
        return "ranges";
      },
      readObject: scanned ? (k, b, start, n) => (k === "annotations" ? scanned.read(b, start, n) : -1) : undefined,
      onRange: (k, index, offset, length, read) => {
        if (k === "images") {
          imageOffsets.push(offset);
          imageLengths.push(length);
          imageIndexes.push(index);
          return;
        }
        const row = g.annotations.addRow(fi, index, offset, length);
        if (deferredFrom < 0) deferredFrom = row;
        deferredTo = row + 1;
        rows.add(row);
        scanned?.note(row, length, read);
      },
      onValue: (v) => {
        if (v.key === "categories" && v.index < 0) throw new SlyconvError("coco-structure", "`categories` must be a list", { file: f.display, pointer: "/categories" });
        const value = parseOrThrow(v).value;
        refuseTooDeep(value, f.display, v.index < 0 ? jsonPointer(v.key) : jsonPointer(v.key, v.index));
        if (v.key === "categories") {
          categoryEntries.push({ value, index: v.index });
        } else if (v.index < 0) top[v.key] = value;
        else ((top[v.key] ??= []) as unknown[]).push(value);
      },
      onArrayEnd: (k) => {
        if (k === "categories") finishCategories();
        else if (k !== "annotations" && k !== "images") top[k] ??= [];
      },
      onProgress,
    }, this.ctx.signal, readerTuning.scanChunk).then(async () => {
      if (!categories) finishCategories();
      rows.finish();
      if (imageOffsets.length) await this.readImageRows(g, fi, imageOffsets, imageLengths, imageIndexes);
      if (deferredFrom >= 0) {
        const cats = categories!;
        await this.store.readRows(f.path, rows, { t, categories: cats, compareAcrossFiles: g.compareAcrossFiles, map: this.rowMapping(g, fi, cats) }, this.ctx.signal, scanned);
      }
    }).catch(async (e) => {
      if (e instanceof ElementSyntaxError) throw await elementSyntaxError(e.value, f.path, f.display, e.cause);
      throw e;
    }).finally(() => rows.stop());
    this.ctx.progress.stop();
    if (!sawImages) report.warn("coco-no-images", "the file has no `images` list", { file: f.display });
    if (!sawAnnotations) report.info("coco-no-annotations", "the file has no `annotations` list: its images are read without labels", { file: f.display });
    this.sources.push({ file: f.display, dataset: g.dataset, kind: f.kind, top });
  }

  /** Parses the elements of the images list noted in the scan (offsets, lengths, indexes in the list) and adds them, in order. */
  private async readImageRows(g: GroupState, fi: number, offsets: number[], lengths: number[], indexes: number[]): Promise<void> {
    const reader = await ElementReader.open(g.files[fi].path);
    try {
      await reader.parseRuns(offsets.length, (k) => offsets[k], (k) => lengths[k], (k, r, text) => {
        if (!r.ok) throw new ElementSyntaxError({ key: "images", index: indexes[k], text: text(), offset: offsets[k], length: lengths[k] }, r.error);
        this.addImage(g, fi, indexes[k], r.value);
      });
    } finally {
      await reader.close();
    }
  }

  /** How the store hands this file's rows to the mapping (see RowMapping). */
  private rowMapping(g: GroupState, fi: number, categories: Map<unknown, CategoryMapping>): RowMapping {
    return {
      addAnnotation: (row, index, value, nonFinite) => this.addAnnotation(g, fi, row, index, value, nonFinite, categories),
      imageKey: (id) => {
        const k = this.imageKey(g, id);
        this.countRow(g, k);
        return k;
      },
      imageFull: (id) => {
        const k = g.imageKeys.get(id);
        return k !== undefined && g.rowsOfKey[k] >= this.labelsLimit;
      },
      noteKept: (cat, crowd, hasId) => {
        this.catalog.noteMakes(cat, MAKES_POLYGON);
        if (crowd) this.sawCrowd = true;
        if (hasId) this.sawCocoId = true;
      },
      addOversized: (row, bytes, from, to) => {
        const counted = rowVertices(bytes, from, to);
        if (!counted || counted.vertices <= this.vertexLimit) return false;
        // Its image is refused for it (buildItem), so nothing else of it is needed.
        const t = g.annotations;
        const imageKey = this.imageKey(g, counted.imageId);
        t.setIdentity(row, null, imageKey);
        if (!this.countRow(g, imageKey)) t.skip(row);
        t.addVertices(row, counted.vertices);
        return true;
      },
    };
  }

  private addImage(g: GroupState, fi: number, index: number, value: unknown): void {
    const file = g.files[fi].display;
    const pointer = jsonPointer("images", index);
    const report = this.ctx.report;
    if (!isObject(value)) {
      report.warn("coco-image-invalid", "an image entry must be an object; it is skipped", { file, pointer });
      return;
    }
    refuseTooDeep(value, file, pointer, true);
    const id = value.id;
    if (!(isFiniteNumber(id) || (typeof id === "string" && id !== ""))) {
      report.warn("coco-image-invalid", `image id ${JSON.stringify(id)} is not a number; the image is skipped`, { file, pointer: `${pointer}/id` });
      return;
    }
    if (typeof value.file_name !== "string" || value.file_name === "") {
      report.warn("coco-image-invalid", "an image needs a `file_name`; the image is skipped", { file, pointer: `${pointer}/file_name` });
      return;
    }
    const existing = g.imageById.get(id);
    if (existing !== undefined) {
      const prev = g.images[existing];
      if (prev.file === fi) {
        report.warn("coco-duplicate-image-id", `image id ${JSON.stringify(id)} is used again (first at ${jsonPointer("images", prev.index)}); this entry is skipped and its annotations go to the first`, { file, pointer });
      } else if (prev.fileName !== value.file_name) {
        report.warn("coco-image-conflict", `image id ${JSON.stringify(id)} is ${JSON.stringify(value.file_name)} here but ${JSON.stringify(prev.fileName)} in ${g.files[prev.file].display}; the first is used`, { file, pointer });
      }
      return;
    }
    const dim = (k: "width" | "height"): number | null => {
      const d = value[k];
      if (Number.isInteger(d) && (d as number) > 0) return d as number;
      if (d !== undefined) report.warn("coco-image-size", `image ${k} ${JSON.stringify(d)} is not a positive whole number; it is read from the image file when there is one`, { file, pointer: `${pointer}/${k}` });
      return null;
    };
    g.imageById.set(id, g.images.length);
    g.images.push({ id, fileName: value.file_name, width: dim("width"), height: dim("height"), raw: value, file: fi, index, itemName: "" });
  }

  private addAnnotation(g: GroupState, fi: number, i: number, index: number, value: unknown, nonFinite: boolean, categories: Map<unknown, CategoryMapping>): void {
    const t = g.annotations;
    const file = g.files[fi].display;
    const base = `/annotations/${index}`; // jsonPointer("annotations", index): nothing to escape
    if (isObject(value)) refuseTooDeep(value, file, base, true, CHECKED_FIELDS);
    if (isObject(value) && Array.isArray(value.keypoints) && value.category_id !== undefined) {
      const cat = categories.get(value.category_id);
      if (cat && !cat.nodeKeys) this.catalog.ensureKeypointsClass(cat);
    }
    const imageIdx = isObject(value) ? g.imageById.get(value.image_id) : undefined;
    const img = imageIdx !== undefined ? g.images[imageIdx] : null;
    const plan = planAnnotation(value, (id) => categories.get(id), img ? { width: img.width, height: img.height } : null, nonFinite, true);
    for (const p of plan.problems) this.ctx.report.warn(p.code, p.message, { file, pointer: base + p.pointer });
    if (plan.skip) {
      t.setIdentity(i, plan.id);
      t.skip(i);
      return;
    }
    if (plan.imageId === undefined || !(isFiniteNumber(plan.imageId) || typeof plan.imageId === "string")) {
      this.ctx.report.warn("coco-missing-image", `annotation has no valid image_id (${JSON.stringify(plan.imageId)}); it is skipped`, { file, pointer: `${base}/image_id` });
      t.setIdentity(i, plan.id);
      t.skip(i);
      return;
    }
    const imageKey = this.imageKey(g, plan.imageId);
    t.setIdentity(i, plan.id, imageKey);
    if (plan.caption !== null) {
      t.markCaption(i);
      this.sawCaption = true;
      const id = (value as Json).id;
      if (id !== undefined && !isFiniteNumber(id)) {
        let other = this.otherCaptionIds.get(t);
        if (!other) this.otherCaptionIds.set(t, (other = new Map()));
        other.set(i, id);
      }
      return;
    }
    if (!this.countRow(g, imageKey)) {
      t.skip(i);
      return;
    }
    const cat = categories.get(plan.categoryId)!;
    this.catalog.noteMakes(cat, plan.makes);
    const mask = (plan.makes & MAKES_BITMAP) !== 0;
    if (mask) this.masks++;
    t.markObject(i, this.store.categoryIndex(cat), mask, g.compareAcrossFiles && isObject(value) ? annotationHash(value) : undefined);
    if (plan.makes & MAKES_POLYGON) for (const part of plan.flatParts) t.addVertices(i, part.length >> 1);
    if (plan.iscrowd) this.sawCrowd = true;
    if (plan.id !== null) this.sawCocoId = true;
    if (isObject(value)) this.store.keep(t, i, plan, value);
  }

  /**
   * Resolves image ids, reports annotations of unknown images and repeated ids, merges an object read from two files
   * (COCO's instances and person_keypoints files share annotation ids), and groups annotations by image.
   */
  private finishAnnotations(g: GroupState): void {
    const t = g.annotations;
    const report = this.ctx.report;
    const keyToImage = new Int32Array(g.imageKeyIds.length).fill(-1);
    g.imageKeyIds.forEach((id, k) => {
      const idx = g.imageById.get(id);
      if (idx !== undefined) keyToImage[k] = idx;
    });
    const overLimit = this.reportImagesOverLimit(g, keyToImage);
    // Made only for a warning: one object and pointer per annotation cost a second on COCO train2017.
    const whereOf = (i: number) => ({ file: g.files[t.file[i]].display, pointer: jsonPointer("annotations", t.index[i]) });
    const { order, start } = t.groupByImage(g.images.length, keyToImage, overLimit, {
      missingImage: (i, key) => {
        const where = whereOf(i);
        report.warn("coco-missing-image", `image_id ${JSON.stringify(g.imageKeyIds[key])} is not among the images; the annotation is skipped`, { ...where, pointer: `${where.pointer}/image_id` });
      },
      duplicateId: (i, first) => report.warn("coco-duplicate-annotation-id", `annotation id ${t.annId[i]} is used again (first in ${g.files[t.file[first]].display} at ${jsonPointer("annotations", t.index[first])}); both are kept, export gives this one a new id`, whereOf(i)),
    });
    g.order = order;
    g.start = start;
    g.verticesOfImage = t.verticesByImage(g.images.length);
  }

  /**
   * The image keys whose annotations are over the labels limit (null when none), each reported as an error: its
   * annotations are skipped, and its item written without them (exit 1).
   */
  private reportImagesOverLimit(g: GroupState, keyToImage: Int32Array): Uint8Array | null {
    let over: Uint8Array | null = null;
    g.rowsOfKey.forEach((n, k) => {
      if (n <= this.labelsLimit || keyToImage[k] < 0) return;
      (over ??= new Uint8Array(g.rowsOfKey.length))[k] = 1;
      const img = g.images[keyToImage[k]];
      this.ctx.report.error("labels-limit", `image ${JSON.stringify(img.id)} (${JSON.stringify(img.fileName)}) has ${n} annotations, more than the limit of ${this.labelsLimit} labels per image; ` +
        `they are skipped and the item is written without them; if that is real, raise the limit with ${MAX_LABELS_ENV}=${n}`,
      { file: g.files[img.file].display, pointer: jsonPointer("images", img.index) });
      this.ctx.report.count("cocoAnnotationsOverLimit", n);
    });
    return over;
  }

  /** Finds each image's file beside the annotations (or under --images-dir) and fills missing sizes from headers. */
  private async locateImages(g: GroupState): Promise<void> {
    const report = this.ctx.report;
    const first = g.files[0];
    const lookup = this.imagesMode !== "none" && g.images.length > 0;
    let dir: string | null = null;
    if (lookup) {
      const candidates = imageDirCandidates(first.path, first.split, this.imagesDir);
      const step = Math.max(1, Math.floor(g.images.length / 16));
      const probe = g.images.filter((_, i) => i % step === 0).slice(0, 16);
      let best = 0;
      for (const c of candidates) {
        let hits = 0;
        for (const img of probe) if (await findImageFile(c, img.fileName)) hits++;
        if (hits > best) {
          best = hits;
          dir = c;
        }
        if (hits === probe.length) break;
      }
      if (!dir) {
        const tried = this.imagesDir !== undefined ? this.imagesDir : candidates.map((c) => path.relative(path.dirname(first.path), c) || ".").join(", ");
        report.warn("coco-images-not-found", `no folder holding the images of ${first.display} was found (looked in ${tried}); its ${g.images.length} items are annotation-only${this.imagesDir === undefined ? `; pass ${optionName("imagesDir")} to say where they are` : ""}`, { file: first.display });
      }
    }
    const shownDir = dir ? (path.relative(this.root, dir).split(path.sep).join("/") || ".") + "/" : "";
    // Images that are FIFOs, sockets or devices: the items are annotation-only, and each file is reported.
    const special: SpecialFile[] = [];
    await mapLimit(g.images, 32, async (img) => {
      if (dir) {
        const p = await findImageFile(dir, img.fileName);
        const notRegular = p ? null : await specialImageFile(dir, img.fileName);
        if (p) img.path = p;
        else if (notRegular) special.push(notRegular);
        else report.warn("coco-image-missing", `image file ${JSON.stringify(img.fileName)} is not in ${shownDir}; the item is annotation-only`, { file: g.files[img.file].display, pointer: `${jsonPointer("images", img.index)}/file_name` });
      }
      if ((img.width === null || img.height === null) && img.path) {
        const s = await readImageHeaderSize(img.path);
        if (s) {
          img.width = s.width;
          img.height = s.height;
        }
      }
    });
    reportSpecialFiles(report, special, this.root);
  }

  /** Item names: the image's base name, made safe and unique within the dataset (file_name as written is kept). */
  nameItems(groups: GroupState[]): void {
    const used = new Set<string>();
    for (const g of groups) {
      for (const img of g.images) {
        let name = baseName(img.fileName);
        // No base name ("dir/", ".."), NUL and control characters, a drive letter ("C:x.png", valid on Linux): not a
        // portable file name, so the item gets one (the image is still looked up by file_name as written).
        let safe = name === "" || name === "." || name === ".." ? `image_${String(img.id)}`
          : unsafeNameReason(name) ? name.replace(/[\u0000-\u001f\u007f:]/g, "_") : name;
        if (Buffer.byteLength(safe) > MAX_ITEM_NAME_BYTES) safe = shortened(safe);
        if (safe !== name) {
          const what = Buffer.byteLength(name) > MAX_ITEM_NAME_BYTES ? `is longer than ${MAX_ITEM_NAME_BYTES} bytes` : "is not a plain file name";
          this.ctx.report.warn("coco-unsafe-file-name", `file_name ${JSON.stringify(img.fileName)} ${what}; the item is named ${JSON.stringify(safe)} (file_name is kept for export)`, { file: g.files[img.file].display, pointer: `${jsonPointer("images", img.index)}/file_name` });
          name = safe;
        }
        if (used.has(name)) {
          const dot = name.lastIndexOf(".");
          const stem = dot > 0 ? name.slice(0, dot) : name, ext = dot > 0 ? name.slice(dot) : "";
          let alt = `${stem}__${String(img.id)}${ext}`;
          for (let n = 2; used.has(alt); n++) alt = `${stem}__${String(img.id)}_${n}${ext}`;
          this.ctx.report.warn("coco-duplicate-file-name", `${JSON.stringify(img.fileName)} names a file another image of this dataset also uses; the item is named ${JSON.stringify(alt)} (file_name is kept for export)`, { file: g.files[img.file].display, pointer: `${jsonPointer("images", img.index)}/file_name` });
          name = alt;
        }
        used.add(name);
        img.itemName = name;
      }
    }
  }

  /**
   * Streams a dataset's items: per image, its annotations are read back from the files and converted. With a shard's
   * selection (src/shard.ts), only the selected images' items are built.
   */
  items(groups: GroupState[]): (select?: ItemSelector) => AsyncIterable<Item> {
    const signal = this.ctx.signal;
    const store = this.store;
    // For a writer that needs extents alone, masks are made only if their data is read (see buildLabels).
    const masksOnRead = this.masksOnRead;
    const inWorkers = !masksOnRead && this.masks >= readerTuning.workerMasks;
    const vertexLimit = this.vertexLimit;
    return async function* (select?: ItemSelector) {
      for (const g of groups) {
        const chosen = select ? g.images.flatMap((img, k) => (select(img.itemName) ? [k] : [])) : null;
        const count = chosen ? chosen.length : g.images.length;
        const at = (j: number) => (chosen ? chosen[j] : j);
        // Files are opened when an annotation that was not kept has to be read again.
        const reread = AnnotationStore.reread(g.files, g.annotations);
        const readAnnotation = reread.read;
        const rings = AnnotationStore.rereadRings(g.files, g.annotations);
        try {
          if (!inWorkers) {
            for (let j = 0; j < count; j++) {
              signal?.throwIfAborted();
              yield buildItem(g, at(j), readAnnotation, store, vertexLimit, rings, undefined, masksOnRead);
            }
            continue;
          }
          // Two batches in flight: the masks of one are encoded while those of the next are read, then its items are
          // built and go out. Only the masks' labels are built ahead: whole items built ahead (a batch is hundreds of
          // them) outlive young-generation collections and are promoted, to die in the old generation.
          let previous: { from: number; to: number; masks: Map<number, Label[] | null>; encoded: Promise<void> } | null = null;
          for (let k = 0; ;) {
            const from = k;
            const masks = new Map<number, Label[] | null>();
            const pending: PendingBitmap[] = [];
            while (k < count && k - from < BATCH_ITEMS && pending.length < BATCH_MASKS) {
              signal?.throwIfAborted();
              buildMaskLabels(g, at(k++), readAnnotation, masks, pending);
            }
            const encoded = encodeMasks(pending);
            encoded.catch(() => {}); // awaited below
            if (previous) {
              await previous.encoded;
              for (let j = previous.from; j < previous.to; j++) {
                signal?.throwIfAborted();
                yield buildItem(g, at(j), readAnnotation, store, vertexLimit, rings, previous.masks);
              }
            }
            if (k === from) break; // nothing was left: the last batch went out above
            previous = { from, to: k, masks, encoded };
          }
        } finally {
          reread.close();
        }
      }
    };
  }

  /**
   * The images table of coco_info.json for one group: per item, what its COCO image entry says beyond the item
   * (file_name when it is not the item's name, width/height when they are not the annotation's size), with
   * `caption_ids` when captions were read.
   */
  imageEntries(g: GroupState, table: Record<string, Json>): void {
    const t = g.annotations;
    const otherIds = this.otherCaptionIds.get(t);
    for (let k = 0; k < g.images.length; k++) {
      const img = g.images[k];
      const entry: Json = Object.create(null);
      for (const key in img.raw) {
        const v = img.raw[key];
        if ((key === "file_name" && v === img.itemName) || (key === "width" && v === img.width) || (key === "height" && v === img.height)) continue;
        entry[key] = v;
      }
      if (this.sawCaption) {
        const captionIds: unknown[] = [];
        for (let p = g.start![k]; p < g.start![k + 1]; p++) {
          const i = g.order![p];
          if (t.isCaption(i)) captionIds.push(Number.isNaN(t.annId[i]) ? (otherIds?.get(i) ?? null) : t.annId[i]);
        }
        if (captionIds.length) entry.caption_ids = captionIds;
      }
      table[img.itemName] = entry;
    }
  }
}

/** Fills in the data of bitmaps built without it (see buildLabels). */
async function encodeMasks(pending: PendingBitmap[]): Promise<void> {
  if (!pending.length) return;
  // Loaded here: only imports with many masks use the pool.
  const { runCpuBatch } = await import("../../src/workers/pool.js");
  const data = await runCpuBatch(encodeBitmapTask, pending.map((p) => [p.mask] as [typeof p.mask]));
  pending.forEach((p, i) => {
    p.geometry.data = data[i];
  });
}

function instanceKey(g: GroupState, i: number): string {
  const t = g.annotations;
  const id = t.uniqueId(i);
  return !Number.isNaN(id) ? `coco-ann-${id}` : `coco-ann-${g.dataset}-${t.file[i]}-${t.index[i]}`;
}

type ReadAnnotation = (i: number) => { value: unknown; nonFinite: boolean };

/**
 * The labels of image k's mask annotations, built ahead of its item (see items): per annotation, its labels (the
 * masks' data added to `pending`), or null when it makes none. Second readings and captions are left to buildItem.
 */
function buildMaskLabels(g: GroupState, k: number, read: ReadAnnotation, out: Map<number, Label[] | null>, pending: PendingBitmap[]): void {
  const img = g.images[k];
  const t = g.annotations;
  for (let p = g.start![k]; p < g.start![k + 1]; p++) {
    const i = g.order![p];
    if (!t.isMaskBuiltAhead(i)) continue;
    const { raw, plan, categories } = readPlan(g, i, { width: img.width, height: img.height }, read);
    out.set(i, plan.skip ? null : buildLabels(plan, raw, categories.get(plan.categoryId)!, pending));
  }
}

/** Annotation i read again from its file and planned, as the first pass planned it. */
function readPlan(g: GroupState, i: number, size: { width: number | null; height: number | null }, read: ReadAnnotation): { raw: Json; plan: AnnotationPlan; categories: Map<unknown, CategoryMapping> } {
  const { value, nonFinite } = read(i);
  const categories = g.categoryTables[g.annotations.file[i]];
  return { raw: value as Json, plan: planAnnotation(value, (id) => categories.get(id), size, nonFinite), categories };
}

/** Image k's item. `masks`: labels of its mask annotations built ahead (see buildMaskLabels). */
function buildItem(g: GroupState, k: number, read: ReadAnnotation, store: AnnotationStore, vertexLimit: number, rings: RingSource, masks?: Map<number, Label[] | null>, masksOnRead = false): Item {
  const img = g.images[k];
  const t = g.annotations;
  const tags: Tag[] = [];
  /** Labels per annotation that made any, in order; secondaries add to their primary's entry. */
  const entries: { ann: number; labels: Label[] }[] = [];
  // Only a second reading looks an entry up (by its primary's row): most files have none.
  const entryOf = t.hasSecondaries ? new Map<number, { ann: number; labels: Label[] }>() : null;
  const size = { width: img.width, height: img.height };
  // Counted in the first pass: refused before any of its labels is built (13 million vertices on one image took 1.9 GB).
  const vertices = g.verticesOfImage![k];
  if (vertices > vertexLimit) {
    throw vertexLimitError(`image ${JSON.stringify(img.id)} (${JSON.stringify(img.fileName)}) has ${vertices} polygon vertices`, vertices,
      { file: g.files[img.file].display, pointer: jsonPointer("images", img.index) });
  }
  for (let p = g.start![k]; p < g.start![k + 1]; p++) {
    const i = g.order![p];
    const keptLabels = t.isSecondary(i) ? null : store.keptLabels(t, i, rings);
    if (keptLabels) {
      // Kept in the first pass: the labels a second reading would give.
      const entry = { ann: i, labels: keptLabels };
      entries.push(entry);
      entryOf?.set(i, entry);
      continue;
    }
    const ahead = masks?.get(i);
    if (ahead !== undefined) {
      if (ahead) {
        const entry = { ann: i, labels: ahead };
        entries.push(entry);
        entryOf?.set(i, entry);
      }
      continue;
    }
    const { raw, plan, categories } = readPlan(g, i, size, read);
    if (plan.skip) continue;
    if (t.isCaption(i)) {
      tags.push({ name: TAG_CAPTION, value: plan.caption! });
      continue;
    }
    const cat = categories.get(plan.categoryId)!;
    if (t.isSecondary(i)) {
      const primary = entryOf?.get(t.primaryOf(i));
      if (primary) {
        mergeSecondary(primary.labels, plan, raw, cat);
        continue;
      }
    }
    const entry = { ann: i, labels: buildLabels(plan, raw, cat, undefined, masksOnRead) };
    entries.push(entry);
    entryOf?.set(i, entry);
  }
  const labels: Label[] = [];
  for (const e of entries) {
    if (e.labels.length > 1) {
      const key = instanceKey(g, e.ann);
      // Every label's extra is its own object (made with the label), so the key is added in place.
      for (const l of e.labels) {
        if (l.extra) l.extra[EXTRA_INSTANCE] = key;
        else {
          const extra: Json = {};
          extra[EXTRA_INSTANCE] = key;
          l.extra = extra;
        }
      }
    }
    for (const l of e.labels) labels.push(l);
  }
  // The image entry is in the images table of coco_info.json.
  const item: Item = { name: img.itemName, annotation: { size, tags, labels } };
  if (img.path) item.image = { kind: "file", path: img.path };
  return item;
}

/**
 * The second reading of one object (COCO's person_keypoints file repeats the instances file's annotation with
 * keypoints added): its graph joins the first reading's labels, and the fields only it has join extra.coco.
 */
function mergeSecondary(labels: Label[], plan: AnnotationPlan, raw: Json, cat: CategoryMapping): void {
  const first = labels[0];
  const overlay = { ...((first.extra?.[EXTRA_COCO] as Json | undefined) ?? {}) };
  if (plan.makes & MAKES_GRAPH) {
    const tags = first.tags.filter((t) => t.name === TAG_COCO_ID || t.name === TAG_ISCROWD).map((t) => ({ ...t }));
    labels.push({ classTitle: cat.keypointsClass!, geometry: { type: "graph", nodes: plan.keypoints!.nodes }, tags });
  }
  const more = overlayOf(plan, raw, boxOf({ points: plan.keypoints ? Object.values(plan.keypoints.nodes).map((n) => n.loc) : [] }));
  delete more.bbox; // the box is the first reading's
  for (const [k, v] of Object.entries(more)) if (!(k in overlay)) overlay[k] = v;
  if (Object.keys(overlay).length) first.extra = { ...first.extra, [EXTRA_COCO]: overlay };
}

/** Reads COCO JSON files (a file, or a folder holding one or more) into the project model. */
export async function readCocoProject(input: string, options: FormatOptions, ctx: FormatContext): Promise<Project> {
  const opts = importOptionsOf(options);
  const special: SpecialFile[] = [];
  const files = await findCocoFiles(input, special);
  reportSpecialFiles(ctx.report, special, (await fs.promises.stat(input)).isDirectory() ? input : path.dirname(input));
  if (files.length === 0) {
    throw new SlyconvError("coco-not-found", `no COCO annotation file found in ${input} (looked for JSON files with "images", "annotations" and "categories")`, { file: input, inMessage: true });
  }
  const root = (await fs.promises.stat(input)).isDirectory() ? input : path.dirname(input);
  const reader = new CocoReader(ctx, root, opts.images, opts.imagesDir);
  reader.store.extentOnly = ctx.geometry === "extent" || ctx.geometry === "flat";
  reader.store.boundsOnly = ctx.geometry === "extent" && readerTuning.boundsOnly;
  reader.masksOnRead = ctx.geometry === "extent";
  const groups = groupFiles(files, opts.dataset);
  const byDataset = new Map<string, GroupState[]>();
  for (const group of groups) {
    const g = await reader.readGroup(group);
    byDataset.set(g.dataset, [...(byDataset.get(g.dataset) ?? []), g]);
  }
  const meta = emptyProjectMeta();
  const { categories, classes } = reader.catalog.finalize(meta);
  if (reader.sawCocoId) ensureTagMeta(meta, TAG_COCO_ID, "any_number", { applicableType: "objectsOnly" });
  if (reader.sawCrowd) ensureTagMeta(meta, TAG_ISCROWD, "none", { applicableType: "objectsOnly" });
  if (reader.sawCaption) ensureTagMeta(meta, TAG_CAPTION, "any_string", { applicableType: "imagesOnly" });
  const datasets: Dataset[] = [];
  const imageTables: Record<string, Record<string, Json>> = Object.create(null);
  let images = 0;
  for (const [name, gs] of byDataset) {
    reader.nameItems(gs);
    const table: Record<string, Json> = (imageTables[name] = Object.create(null));
    for (const g of gs) reader.imageEntries(g, table);
    images += gs.reduce((n, g) => n + g.images.length, 0);
    datasets.push({ name, items: reader.items(gs), itemCount: gs.reduce((n, g) => n + g.images.length, 0), datasets: [] });
  }
  ctx.report.count("cocoImages", images);
  ctx.report.count("cocoAnnotations", reader.groups.reduce((n, g) => n + g.annotations.length, 0));
  const info: CocoInfo = { format: COCO_INFO_FORMAT, categories, classes, sources: reader.sources, images: imageTables };
  return { meta, datasets, sideFiles: { [COCO_INFO_FILE]: info } };
}
