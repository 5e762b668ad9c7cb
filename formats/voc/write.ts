/**
 * Project → VOC folder: Annotations/<id>.xml, JPEGImages/, SegmentationClass/ and SegmentationObject/ palette PNGs,
 * ImageSets/{Main,Segmentation,…}/<split>.txt with Main's per-class lists, and labelmap.txt.
 *
 * Labels that share a binding key (`instance`) are one VOC object: the rectangle is its bndbox, area labels are its
 * pixels in the masks, rectangles tagged part_of are its <part>s. Anything VOC cannot hold is counted with
 * report.lose (see docs/formats/voc.md for the list).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { loadSharp } from "../../src/io/sharp-lazy.js";
import type { Item, Label, Project, Vec2 } from "../../src/model/index.js";
import { geometryTypeName, iterateItems, walkDatasets } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { readImageHeaderSize } from "../../src/io/image-header.js";
import { placeFile } from "../../src/io/place-file.js";
import { assertPlainFileName, safeJoin, stemOf } from "../../src/io/paths.js";
import { geometryBounds, type Bounds } from "../../src/geometry/bounds.js";
import { flatExterior } from "../../src/geometry/extent.js";
import { bitmapMask, hasSourceMask, labelsWithReadableMasks } from "../../src/codecs/bitmap.js";
import type { Report } from "../../src/report.js";
import { optionSetting } from "../../src/errors.js";
import { ANNOTATIONS_DIR, IMAGES_DIR, LABELMAP_FILE, SEGMENTATION_CLASS_DIR, SEGMENTATION_OBJECT_DIR } from "./layout.js";
import { labelmapLine } from "./palette.js";
import { assignClassIndices, VocMaskJobBuilder, VocMaskQueue, type ClassIndexing } from "./write-masks.js";
import { CpuTaskRunner } from "../../src/workers/pool.js";
import { FileCreationProbe, FileWriterThread } from "../../src/io/file-writer.js";
import { grownCoords } from "../../src/io/canonical-json.js";
import { packPalette } from "../../src/workers/packed.js";
import { writeVocXml, isVocObjectElement, type VocObjectOut } from "./xml-write.js";
import type { VocBox, VocField } from "./xml-model.js";
import { ACTIONS_PREFIX, IMAGE_SETS_TAG, INSTANCE_TAG, PART_OF_TAG, STRUCTURE_TAGS, findTag, tagText } from "./tags.js";
import { defaultFolders, parseImageSetsTag, SplitListWriter, UNLISTED_DATASET, type ClassPresence } from "./image-sets.js";
import { storedVoids } from "./void-masks.js";
import { readImageFileSync, sameFileBytes } from "../../src/io/image-file.js";
import { warnIfClipped } from "../../src/geometry/rasterize.js";

export type ImageFormat = "keep" | "jpg";

/** One ImageSets entry of a VOC shard (sidecar voc.ndjson): position in the run, split, VOC id, list folders, classes. */
export type VocShardLine = [position: number, split: string, id: string, folders: string[], classes: [string, 0 | 1][]];

/**
 * Every item of a VOC shard (sidecar voc-ids.ndjson), for merge to give the ids the single run gives: its position, its
 * dataset path, its name, its annotation's fingerprint, the id the shard wrote it under, the extension of its image
 * file name, and what its image is (`file:<path>`, `link:<url>`, `bytes`, or "" for none).
 */
export type VocIdLine = [position: number, datasetPath: string[], name: string, fingerprint: string, id: string, ext: string, image: string];

/** What a VOC shard saw across its items (the manifest's `state.voc`): labelmap.txt is written from their union. */
export interface VocShardState {
  objectClasses: [name: string, parts: string[], actions: string[]][];
  maskClasses: string[];
  indexing: [name: string, index: number, rgb: [number, number, number]][];
}

export interface VocWriteOptions {
  /** keep: copy images as they are; jpg: re-encode non-JPEG images to .jpg (VOC's JPEGImages holds JPEGs). */
  imageFormat?: ImageFormat;
  /**
   * Boxes only (detection): the XML and ImageSets/Main as a full export writes them, with no SegmentationClass /
   * SegmentationObject masks (and `<segmented>` 0); polygons and masks are their objects' boxes.
   */
  boxesOnly?: boolean;
}

/** Items in flight: the file-writer thread takes files 8 at a time and the pool's threads a mask each; this keeps them busy. */
const WRITE_CONCURRENCY = 64;
/** Items written on the main thread before the file-writer thread is started: a small export never starts it. */
const THREAD_MIN_ITEMS = 64;
const MAX_INSTANCE = 254;

const AREA_TYPES = new Set(["bitmap", "polygon", "multipolygon", "alpha_mask"]);
const LOSS_NOT_HELD = "VOC holds boxes and masks only";
const LOSS_PART_OF_OBJECT = "VOC holds boxes and masks only (the object it is bound to is written without it)";
const BOXES_ONLY = optionSetting("boxesOnly", true);
const BOXES_ONLY_AREA = `written as its object's box only (${BOXES_ONLY}: no masks)`;
const BOXES_ONLY_LOST = `${BOXES_ONLY} writes no masks, and this region is no object with a box`;
const BOXES_ONLY_VOID = `${BOXES_ONLY} writes no masks`;

/** Everything the writer learns across items, for labelmap.txt. */
interface ExportState {
  indexing: ClassIndexing;
  /** indexing.palette packed for the mask jobs. */
  palette: Uint8Array;
  /** Mask drawing and PNG encoding: inline for small exports, in the worker pool for large ones. */
  masks: VocMaskQueue;
  /** Object classes (XML <name>s and mask classes), with their parts and actions. */
  objectClasses: Map<string, { parts: Set<string>; actions: Set<string> }>;
  /** Classes drawn into SegmentationClass. */
  maskClasses: Set<string>;
  /** The thread that creates the output files (src/io/file-writer.ts), once the export is big enough; null before. */
  files: FileWriterThread | null;
  /**
   * With boxes only, the XML files (a few KB each) are created on the main thread with synchronous calls, and from a
   * file-writer thread once that has cost as much as the thread's start (a slow file system, or a large export);
   * null when masks are drawn.
   */
  probe: FileCreationProbe | null;
}

/** Creates a new output file, from the file-writer thread when there is one. */
function createFile(state: ExportState, file: string, data: string | Uint8Array): Promise<void> {
  if (state.files) return state.files.write(file, data);
  if (!state.probe) return fs.writeFile(file, data, { flag: "wx" });
  try {
    if (state.probe.create(file, data)) state.files = FileWriterThread.start();
    return Promise.resolve();
  } catch (e) {
    return Promise.reject(e);
  }
}

interface VocObjectDraft {
  name: string;
  box?: VocBox;
  /** Labels whose tags become the object's fields (box first). */
  tagSources: Label[];
  /** Area labels of the object; drawn with the object's instance unless tagged voc_instance 0. */
  areas: Label[];
  parts: Label[];
}

const bindingKeyOf = (l: Label): string | undefined => {
  const v = l.extra?.instance;
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
};

const instanceTagOf = (l: Label): number | undefined => {
  const v = findTag(l.tags, INSTANCE_TAG)?.value;
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined;
};

const boxOfBounds = (b: Bounds): VocBox => ({ xmin: b.left, ymin: b.top, xmax: b.right, ymax: b.bottom });

function unionBounds(labels: Label[]): Bounds | null {
  let out: Bounds | null = null;
  for (const l of labels) {
    const b = geometryBounds(l.geometry);
    if (!b) continue;
    out = out ? { left: Math.min(out.left, b.left), top: Math.min(out.top, b.top), right: Math.max(out.right, b.right), bottom: Math.max(out.bottom, b.bottom) } : b;
  }
  return out;
}

/** Groups labels by binding key into VOC objects (and class-only mask regions, which are no object). */
function draftObjects(labels: Label[], itemName: string, report: Report): { objects: VocObjectDraft[]; classOnly: Label[] } {
  const groups = new Map<string, Label[]>();
  let unbound = 0;
  for (const l of labels) {
    const key = bindingKeyOf(l) ?? `\u0000${unbound++}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(l);
  }
  const objects: VocObjectDraft[] = [];
  const classOnly: Label[] = [];
  for (const group of groups.values()) {
    const parts: Label[] = [], boxes: Label[] = [], areas: Label[] = [], other: Label[] = [];
    for (const l of group) {
      const t = l.geometry.type;
      if (t === "rectangle" && findTag(l.tags, PART_OF_TAG)) parts.push(l);
      else if (t === "rectangle" || t === "oriented_bbox") boxes.push(l);
      else if (AREA_TYPES.has(t)) areas.push(l);
      else other.push(l);
    }
    // Lost whole, or lost from an object that is still written (keypoints bound to a person's box or mask).
    const objectWritten = boxes.length > 0 || areas.some((a) => instanceTagOf(a) !== 0);
    for (const l of other) report.lose(l.classTitle, geometryTypeName(l.geometry), objectWritten ? LOSS_PART_OF_OBJECT : LOSS_NOT_HELD);
    const objectAreas = areas.filter((a) => instanceTagOf(a) !== 0);
    classOnly.push(...areas.filter((a) => instanceTagOf(a) === 0));
    const [box, ...moreBoxes] = boxes;
    const main = box ?? objectAreas[0];
    if (main) {
      const nonParts = [...(box ? [box] : []), ...areas];
      objects.push({ name: main.classTitle, tagSources: nonParts, areas: objectAreas, parts, ...(box ? { box: boxOf(box, report) } : {}) });
    } else {
      for (const p of parts) {
        report.warn("voc-part-orphan", `${itemName}: a ${p.classTitle} part has no object box or mask to belong to; it is written as an object of its own`);
        objects.push({ name: p.classTitle, box: boxOf(p, report), tagSources: [], areas: [], parts: [] });
      }
    }
    // Further rectangles in one group are objects of their own (VOC has one bndbox per object).
    for (const b of moreBoxes) objects.push({ name: b.classTitle, box: boxOf(b, report), tagSources: [b], areas: [], parts: [] });
  }
  return { objects, classOnly };
}

/**
 * bndbox values are integers (readers call int() on them): each coordinate is rounded to the nearest whole pixel,
 * halves up, with no 1-based shift (the reader takes VOC's numbers as they are, spec §9), so integer boxes are
 * written unchanged and read back the same. A box that had to be rounded is counted as changed.
 */
function wholePixels(b: VocBox, className: string, what: string, report: Report): VocBox {
  const r = { xmin: Math.round(b.xmin), ymin: Math.round(b.ymin), xmax: Math.round(b.xmax), ymax: Math.round(b.ymax) };
  if (r.xmin !== b.xmin || r.ymin !== b.ymin || r.xmax !== b.xmax || r.ymax !== b.ymax) report.change(className, what, "rounded to whole pixels");
  return r;
}

function boxOf(l: Label, report: Report): VocBox {
  const g = l.geometry;
  if (g.type === "rectangle") return { xmin: g.left, ymin: g.top, xmax: g.right, ymax: g.bottom };
  report.change(l.classTitle, geometryTypeName(g), "written as its axis-aligned bounding box (the angle is dropped)");
  return boxOfBounds(geometryBounds(g)!);
}

const ZERO_ONE_FLAGS = new Set(["truncated", "difficult", "occluded"]);
const FALSE_WORDS = new Set(["0", "false", "no", "n", "off", ""]);

/**
 * The text of a VOC flag, which readers parse with int(): 0 or 1. A `none` tag is 1 (present); other values are
 * read as true or false, and counted as changed.
 */
function zeroOneText(t: Label["tags"][number], className: string, report: Report): string {
  if (t.value === undefined || t.value === null) return "1";
  const s = String(t.value).trim().toLowerCase();
  if (s === "0" || s === "1") return s;
  const n = Number(s);
  const value = FALSE_WORDS.has(s) || (s !== "" && Number.isFinite(n) && n === 0) ? "0" : "1";
  report.change(className, `tag ${t.name}`, `written as ${value} (VOC's <${t.name}> is 0 or 1)`);
  return value;
}

/**
 * Object tags → VOC's own object elements (pose, truncated, difficult, occluded, actions, point) and CVAT
 * attributes (the rest); structure tags are left out.
 */
function fieldsOf(sources: Label[], state: ExportState, className: string, report: Report): { fields: VocField[]; attributes: VocField[] } {
  const fields: VocField[] = [], attributes: VocField[] = [];
  const seen = new Set<string>();
  for (const l of sources) {
    for (const t of l.tags) {
      if (STRUCTURE_TAGS.has(t.name) || seen.has(t.name)) continue;
      seen.add(t.name);
      const f = { name: t.name, value: ZERO_ONE_FLAGS.has(t.name) ? zeroOneText(t, className, report) : tagText(t) };
      (isVocObjectElement(t.name) ? fields : attributes).push(f);
      if (t.name.startsWith(ACTIONS_PREFIX)) state.objectClasses.get(className)?.actions.add(t.name.slice(ACTIONS_PREFIX.length));
    }
  }
  return { fields, attributes };
}

interface ItemResult { classes: ClassPresence; hasMasks: boolean }

/** A number as its JSON text tells numbers apart: -0 as 0, anything not finite (JSON's null) as NaN. */
const jsonLike = (v: number) => (Number.isFinite(v) ? v + 0 : NaN);

/** Coordinates of the polygons of one item, for its fingerprint (kept between items). */
let fingerprintCoords = new Float64Array(1 << 12);
const fingerprintFlat = { coords: new Float64Array(256) };

/**
 * Same labels and size: with the same image, a repeated item (an image listed in several splits), written once. The
 * fingerprint hashes the labels as JSON but for their polygons' coordinates, hashed as numbers (their decimal text is
 * most of the cost of the JSON), and bitmaps a reader made from pixels it holds, hashed by those pixels (their PNG
 * string is not made for this). With `boxesOnly`, what the export writes of a label: its box (hashed as numbers too),
 * not its outline (whose points a reader may not even have built).
 */
function annotationFingerprint(item: Item, boxesOnly: boolean): string {
  const a = item.annotation;
  let n = 0;
  const room = (numbers: number) => {
    fingerprintCoords = grownCoords(fingerprintCoords, n, numbers);
  };
  const ring = (points: readonly Vec2[]): number => {
    room(2 * points.length);
    for (const p of points) {
      fingerprintCoords[n++] = p[0];
      fingerprintCoords[n++] = p[1];
    }
    return points.length;
  };
  const masks: Uint8Array[] = [];
  const labels = a.labels.map((l) => {
    const g = l.geometry;
    let shape: unknown = g;
    if (boxesOnly) {
      // The box's four numbers hashed as numbers, told apart as their JSON text tells them apart (-0 is 0, and
      // every number that is not finite is null).
      const b = geometryBounds(g);
      if (b) {
        room(4);
        fingerprintCoords[n++] = jsonLike(b.left);
        fingerprintCoords[n++] = jsonLike(b.top);
        fingerprintCoords[n++] = jsonLike(b.right);
        fingerprintCoords[n++] = jsonLike(b.bottom);
        shape = 4;
      } else shape = null;
    }
    else if (g.type === "polygon") {
      // A reader's lazy polygon (src/geometry/extent.ts) gives its exterior as numbers, its points never made.
      const flat = flatExterior(g, fingerprintFlat);
      if (flat >= 0) {
        room(flat);
        fingerprintCoords.set(fingerprintFlat.coords.subarray(0, flat), n);
        n += flat;
      }
      shape = [flat >= 0 ? flat >> 1 : ring(g.exterior), g.interior.map(ring)];
    } else if (g.type === "multipolygon") shape = g.parts.map((p) => [ring(p.exterior), p.interior.map(ring)]);
    else if (g.type === "bitmap" && hasSourceMask(g)) {
      const mask = bitmapMask(g);
      masks.push(mask.data);
      shape = [g.origin, mask.width, mask.height];
    }
    return [l.classTitle, g.type, shape, l.tags, l.extra ?? null, l.description ?? null];
  });
  const hash = createHash("sha1").update(JSON.stringify([a.size, a.customBigData ?? null, labels]));
  hash.update(new Uint8Array(fingerprintCoords.buffer, 0, n * 8));
  for (const m of masks) hash.update(m);
  return hash.digest("hex");
}

/** Whether two items show the same image: same file, or files with the same bytes (a project may hold copies). */
async function sameImage(a: Item["image"], b: Item["image"]): Promise<boolean> {
  if (!a || !b) return !a && !b;
  if (a.kind === "link" || b.kind === "link") return a.kind === "link" && b.kind === "link" && a.url === b.url;
  if (a.kind === "file" && b.kind === "file" && path.resolve(a.path) === path.resolve(b.path)) return true;
  if (a.kind === "file" && b.kind === "file") return sameFileBytes(a.path, b.path);
  // An image given as bytes is in memory already; a file compared with it is read whole, within the file-size limit.
  const bytes = (s: NonNullable<Item["image"]>) => {
    if (s.kind === "bytes") return s.data;
    try {
      return s.kind === "file" ? readImageFileSync(s.path, "the image") : null;
    } catch {
      return null;
    }
  };
  const [x, y] = [bytes(a), bytes(b)];
  return Boolean(x && y && Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(y));
}

/** The extension of an item's image file name in JPEGImages/ (and in its XML's <filename>). */
const imageExtOf = (item: Item, format: ImageFormat) => (format === "jpg" ? ".jpg" : path.extname(item.name) || ".jpg");

/** What an item's image is, for merge to tell whether two items show the same image (sameImage). */
function imageKeyOf(image: Item["image"]): string {
  if (!image) return "";
  if (image.kind === "link") return `link:${image.url}`;
  return image.kind === "file" ? `file:${path.resolve(image.path)}` : "bytes";
}

async function writeImage(item: Item, id: string, outDir: string, format: ImageFormat, ctx: FormatContext): Promise<string> {
  const ext = path.extname(item.name).toLowerCase() || ".jpg";
  const isJpeg = ext === ".jpg" || ext === ".jpeg";
  const fileName = assertPlainFileName(`${id}${imageExtOf(item, format)}`);
  const img = item.image;
  if (!img) return fileName;
  if (img.kind === "link") {
    ctx.report.lose("(image)", "linked image", "VOC needs the image file; only its annotation is written");
    return fileName;
  }
  const dest = path.join(outDir, IMAGES_DIR, fileName);
  try {
    if (format === "jpg" && !isJpeg) {
      const sharp = await loadSharp();
      await sharp(img.kind === "file" ? img.path : img.data).flatten({ background: "#000000" }).jpeg({ quality: 95 }).toFile(dest);
      ctx.report.count("vocImagesReencoded");
    } else if (img.kind === "file") {
      const r = await placeFile(img.path, dest, "copy");
      if ("why" in r) ctx.report.warn("voc-image-missing", `image ${item.name} could not be written (${r.why}); its annotation is written`, { file: img.path });
    } else {
      await fs.writeFile(dest, img.data);
    }
  } catch (e) {
    ctx.report.warn("voc-image-missing", `image ${item.name} could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); its annotation is written`, { file: img.kind === "file" ? img.path : item.name });
  }
  return fileName;
}

async function exportItem(item: Item, id: string, outDir: string, opts: Required<VocWriteOptions>, state: ExportState, ctx: FormatContext): Promise<ItemResult> {
  const { report } = ctx;
  const a = item.annotation;
  for (const l of a.labels) if (l.description) report.lose(l.classTitle, "description", "VOC objects have no description");

  let width = a.size.width, height = a.size.height;
  if ((!width || !height) && item.image?.kind === "file") {
    const s = await readImageHeaderSize(item.image.path);
    if (s) ({ width, height } = s);
  }
  const size = width && height ? { width, height } : undefined;

  // A bitmap whose data does not read (bad base64, not a PNG) has no box and no mask: lost, as in every export.
  const labels = labelsWithReadableMasks(a.labels, (l, why) => report.lose(l.classTitle, geometryTypeName(l.geometry), why));
  const { objects, classOnly } = draftObjects(labels, item.name, report);
  const classes: ClassPresence = new Map();
  const out: VocObjectOut[] = [];
  const usedInstances = new Set<number>();
  for (const o of objects) for (const l of o.areas) { const k = instanceTagOf(l); if (k) usedInstances.add(k); }
  // The masks are drawn once the labels are walked, in one job (inline or in a worker thread), and only for images
  // that have something to draw.
  let job: VocMaskJobBuilder | undefined;
  /** The label of each of job.draws. */
  const drawn: Label[] = [];
  const jobOrNone = () => (job ??= size ? new VocMaskJobBuilder(size.width, size.height, state.palette) : undefined);
  const draw = (l: Label, instance: number | null) => {
    const what = geometryTypeName(l.geometry);
    if (opts.boxesOnly) {
      if (instance === null) report.lose(l.classTitle, what, BOXES_ONLY_LOST);
      else report.change(l.classTitle, what, BOXES_ONLY_AREA);
      return;
    }
    const index = state.indexing.indexOf.get(l.classTitle);
    const job = jobOrNone();
    if (!job) return report.lose(l.classTitle, what, "image size unknown: the mask cannot be drawn");
    if (index === undefined) return report.lose(l.classTitle, what, "more than 254 mask classes");
    if (instance !== null && instance > MAX_INSTANCE) return report.lose(l.classTitle, what, "more than 254 objects in one image");
    warnIfClipped(report, l.geometry, l.classTitle, job.width, job.height, { file: `${ANNOTATIONS_DIR}/${id}.xml` });
    job.add(l.geometry, index, instance ?? -1);
    drawn.push(l);
    state.maskClasses.add(l.classTitle);
    if (what === "polygon" || what === "multipolygon") report.change(l.classTitle, what, "rasterized into the VOC masks (the outline is not kept)");
    if (what === "alpha_mask") report.change(l.classTitle, what, "thresholded to a binary mask");
  };

  let position = 0;
  for (const o of objects) {
    const box = o.box ?? (o.areas.length ? boxOfBounds(unionBounds(o.areas) ?? { left: 0, top: 0, right: 0, bottom: 0 }) : undefined);
    if (!box) continue;
    position++;
    if (!state.objectClasses.has(o.name)) state.objectClasses.set(o.name, { parts: new Set(), actions: new Set() });
    const { fields, attributes } = fieldsOf(o.tagSources, state, o.name, report);
    const parts = o.parts.map((p) => {
      state.objectClasses.get(o.name)!.parts.add(p.classTitle);
      return { name: p.classTitle, box: wholePixels(boxOf(p, report), p.classTitle, "part bndbox", report) };
    });
    out.push({ name: o.name, box: wholePixels(box, o.name, "bndbox", report), fields, attributes, parts });
    const difficult = fields.find((f) => f.name === "difficult")?.value === "1";
    classes.set(o.name, Math.max(classes.get(o.name) ?? 0, difficult ? 0 : 1) as 0 | 1);
    // VOC: object k of the file is value k in SegmentationObject; tagged instances keep their number.
    let assigned: number | undefined;
    for (const l of o.areas) {
      let k = instanceTagOf(l);
      if (!k) {
        if (assigned === undefined) {
          assigned = usedInstances.has(position) ? 1 : position;
          while (usedInstances.has(assigned)) assigned++;
          usedInstances.add(assigned);
        }
        k = assigned;
      }
      draw(l, k);
    }
  }
  for (const l of classOnly) draw(l, null);

  const voids = storedVoids(a);
  if (opts.boxesOnly) for (const _ of voids) report.lose("(void)", "void region", BOXES_ONLY_VOID);
  else if (voids.length && jobOrNone()) job!.voids.push(...voids);
  const built = job?.build();
  const pngs = built ? await state.masks.render(built) : {};
  for (const u of pngs.unreadable ?? []) {
    const l = drawn[u.draw];
    if (l) report.lose(l.classTitle, `${geometryTypeName(l.geometry)} mask`, `the bitmap data cannot be decoded (${u.message}); the object's box is written without its mask`);
    else report.lose("(void)", "void region", `the stored void mask cannot be decoded (${u.message})`);
  }
  const hasMasks = Boolean(pngs.classPng || pngs.objectPng);
  const written: Promise<void>[] = [];
  if (pngs.classPng) written.push(createFile(state, path.join(outDir, SEGMENTATION_CLASS_DIR, `${id}.png`), pngs.classPng));
  if (pngs.objectPng) written.push(createFile(state, path.join(outDir, SEGMENTATION_OBJECT_DIR, `${id}.png`), pngs.objectPng));

  const filename = await writeImage(item, id, outDir, opts.imageFormat, ctx);
  const header = (item.imageMeta?.voc && typeof item.imageMeta.voc === "object" ? item.imageMeta.voc : {}) as Record<string, unknown>;
  const keptSegmented = typeof header.segmented === "string" ? header.segmented : "0";
  const xml = writeVocXml({
    filename,
    header,
    ...(size ? { size: { ...size, depth: typeof header.depth === "string" ? header.depth : "3" } } : {}),
    // Boxes only: no image of this export is segmented, whatever the source said.
    segmented: opts.boxesOnly ? "0" : hasMasks ? "1" : keptSegmented,
    objects: out,
  });
  if (!size) report.warn("voc-size-unknown", `${item.name}: image size unknown; the XML has no <size> and no mask is drawn`, { file: `${ANNOTATIONS_DIR}/${id}.xml` });
  written.push(createFile(state, path.join(outDir, ANNOTATIONS_DIR, `${id}.xml`), xml));
  await Promise.all(written);
  return { classes, hasMasks };
}

/**
 * The VOC id of an item whose stem an earlier item already has: `<dataset path>_<stem>` (`_2`, `_3`… while taken),
 * warned. The writer and merge (which replays the single run's ids from the shards') both give ids by it.
 */
export function collisionId(dsPath: readonly string[], name: string, taken: { has(id: string): boolean }, report: Pick<Report, "warn">): string {
  const stem = stemOf(name);
  const base = `${dsPath.join("_")}_${stem}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  report.warn("voc-name-collision", `${dsPath.join("/")}/${name}: another image already has the VOC id ${JSON.stringify(stem)}; this one is written as ${JSON.stringify(id)}`);
  return id;
}

function foldersOf(item: Item, hasMasks: boolean): string[] {
  return parseImageSetsTag(findTag(item.annotation.tags, IMAGE_SETS_TAG)?.value) ?? defaultFolders(hasMasks);
}

export async function writeLabelmap(outDir: string, state: Pick<ExportState, "indexing" | "objectClasses" | "maskClasses">, report: Report): Promise<void> {
  const names = [...new Set([...state.objectClasses.keys(), ...state.maskClasses])];
  const rank = (n: string) => state.indexing.indexOf.get(n) ?? 1000;
  names.sort((p, q) => rank(p) - rank(q) || (p < q ? -1 : p > q ? 1 : 0));
  const lines = ["# label:color_rgb:parts:actions", "background:0,0,0::"];
  for (const n of names) {
    if (/[:\n]/.test(n)) report.warn("voc-labelmap-name", `class ${JSON.stringify(n)} has a ':' that labelmap.txt cannot hold; readers may split its line wrongly`, { file: LABELMAP_FILE });
    const info = state.objectClasses.get(n);
    const index = state.indexing.indexOf.get(n);
    const rgb = index !== undefined ? state.indexing.palette[index] : [0, 0, 0] as [number, number, number];
    lines.push(labelmapLine(n, rgb, [...(info?.parts ?? [])].sort(), [...(info?.actions ?? [])].sort()));
  }
  await fs.writeFile(path.join(outDir, LABELMAP_FILE), lines.join("\n") + "\n");
}

export async function writeVocProject(project: Project, outDir: string, options: VocWriteOptions, ctx: FormatContext): Promise<{ items: number }> {
  const opts: Required<VocWriteOptions> = { imageFormat: options.imageFormat === "jpg" ? "jpg" : "keep", boxesOnly: options.boxesOnly === true };
  for (const d of [ANNOTATIONS_DIR, IMAGES_DIR, SEGMENTATION_CLASS_DIR, SEGMENTATION_OBJECT_DIR]) await fs.mkdir(path.join(outDir, d), { recursive: true });
  const indexing = assignClassIndices(project.meta);
  const state: ExportState = { indexing, palette: packPalette(indexing.palette), masks: new VocMaskQueue(new CpuTaskRunner()), objectClasses: new Map(), maskClasses: new Set(), files: null, probe: opts.boxesOnly ? new FileCreationProbe() : null };
  const lists = new SplitListWriter();
  const writtenIds = new Map<string, { fingerprint: string; image: Item["image"]; result: Promise<ItemResult> }>();
  let items = 0, planned = 0, filesTried = false;
  // A shard records each list entry with its position in the run, and the classes it saw (formats/voc/merge.ts).
  const shardLines = ctx.shard ? await ctx.shard.sidecar(outDir, "voc.ndjson") : null;
  // And the id of every item: the single run's ids depend on the items of other shards, so merge gives them again.
  const idLines = ctx.shard ? await ctx.shard.sidecar(outDir, "voc-ids.ndjson") : null;
  ctx.progress.start("writing Pascal VOC");
  try {
  for (const { dataset, path: dsPath } of walkDatasets(project.datasets)) {
    const split = dataset.name === UNLISTED_DATASET ? null : dataset.name;
    const plan = async function* () {
      for await (const item of iterateItems(dataset.items)) {
        ctx.signal?.throwIfAborted();
        if (!filesTried && !state.probe && ++planned > THREAD_MIN_ITEMS) {
          filesTried = true;
          state.files = FileWriterThread.start();
        }
        const fp = annotationFingerprint(item, opts.boxesOnly);
        let id = stemOf(assertPlainFileName(item.name));
        const prev = writtenIds.get(id);
        // A shard writes every item under an id of its own: which repeated item the single run writes once, and
        // under which id, merge decides from every shard's items.
        if (!idLines && prev?.fingerprint === fp && (await sameImage(prev.image, item.image))) {
          yield { item, id, result: prev.result };
          continue;
        }
        if (prev) id = collisionId(dsPath, item.name, writtenIds, ctx.report);
        safeJoin(outDir, ANNOTATIONS_DIR, `${id}.xml`);
        await idLines?.add([ctx.shard!.positionOf(item), dsPath, item.name, fp, id, imageExtOf(item, opts.imageFormat), imageKeyOf(item.image)] satisfies VocIdLine);
        const entry = { fingerprint: fp, image: item.image, result: exportItem(item, id, outDir, opts, state, ctx) };
        entry.result.catch(() => {}); // awaited below, in order
        writtenIds.set(id, entry);
        yield { item, id, result: entry.result };
      }
    };
    for await (const r of mapConcurrent(plan(), WRITE_CONCURRENCY, async (p) => ({ ...p, result: await p.result }))) {
      if (split) {
        const folders = foldersOf(r.item, r.result.hasMasks);
        lists.add(split, r.id, folders, r.result.classes);
        if (shardLines) await shardLines.add([ctx.shard!.positionOf(r.item), split, r.id, folders, [...r.result.classes]] satisfies VocShardLine);
      }
      items++;
      ctx.progress.increment();
    }
  }
  } finally {
    await state.files?.close();
  }
  ctx.progress.stop();
  if (shardLines) {
    await shardLines.close();
    await idLines!.close();
    ctx.shard!.state.voc = {
      objectClasses: [...state.objectClasses].map(([name, { parts, actions }]) => [name, [...parts], [...actions]]),
      maskClasses: [...state.maskClasses],
      indexing: [...indexing.indexOf].map(([name, i]) => [name, i, indexing.palette[i]]),
    } satisfies VocShardState;
  }
  await lists.write(outDir, state.objectClasses.keys(), ctx.report);
  await writeLabelmap(outDir, state, ctx.report);
  // Empty mask folders say nothing; drop them (detection-only exports).
  for (const d of [SEGMENTATION_CLASS_DIR, SEGMENTATION_OBJECT_DIR]) {
    if (!(await fs.readdir(path.join(outDir, d))).length) await fs.rmdir(path.join(outDir, d));
  }
  ctx.report.count("items", items);
  return { items };
}
