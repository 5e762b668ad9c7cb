/**
 * PNG masks → project. Every image becomes an item, with or without a mask (Supervisely's importer drops images
 * that have none). Each class present in a semantic mask becomes one bitmap label (or one per connected component
 * with --split-instances); each instance mask or instance id becomes one bitmap label.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Dataset, Item, ItemSelector, Label, Project } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass, rgbToHex } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
import { SlyconvError, optionName } from "../../src/errors.js";
import { bitmapEncodedOnRead } from "../../src/codecs/bitmap.js";
import { readImageHeaderSize } from "../../src/io/image-header.js";
import { readJsonFile } from "../../src/io/json-file.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { assertPlainFileName, displayPath } from "../../src/io/paths.js";
import {
  MACHINE_COLOR_FILE, MaskClassifier, SEMANTIC_COLOR_FILE, loadClassMapFile, packRgb, semanticColorsFromJson, unpackRgb,
  type ClassMap, type MapClass, type Rgb,
} from "./class-map.js";
import { COLOUR_FLAG, MaskReadError, TRANSPARENT_KEY, pngPalette, readBinaryMask, readMaskKeys, type MaskKeys } from "./mask-png.js";
import { discoverMasksLayout, type DatasetPlan, type MaskEntry, type MasksLayout } from "./layout.js";
import { connectedComponents, regionsByValue, type PlacedMask } from "./regions.js";
import { instanceClassOf, knownClassNames } from "./names.js";
import { parseMasksImportOptions, type MasksImportOptions } from "./options.js";
import { RESERVED_DIRS } from "../../src/supervisely/layout.js";
import { readRegularFile, readRegularFileSync } from "../../src/io/regular-file.js";
import { reportSpecialFiles } from "../../src/io/list-dir.js";
import { PixelLimitError } from "../../src/limits.js";

/**
 * Items built at once. Mask decoding is CPU work, and mask files are read with synchronous calls (a small file's
 * thread-pool round trips cost the main thread more than its read); a little overlap hides the rest.
 */
const DECODE_CONCURRENCY = 4;
/** Without a class map, more distinct colours than this means the masks are not label masks (JPEG artefacts, …). */
const MAX_DISCOVERED_CLASSES = 256;
/** How many unknown values one finding lists. */
const UNKNOWN_LISTED = 5;

const stemOf = (name: string) => (name.lastIndexOf(".") > 0 ? name.slice(0, name.lastIndexOf(".")) : name);

interface ReadState {
  input: string;
  opts: MasksImportOptions;
  classifier: MaskClassifier;
  mode: "index" | "colour";
  /** Class titles by 1-based class number (index 0 unused). */
  titles: string[];
  numberOf: Map<string, number>;
  known: Map<string, string>;
  mapSource: string;
  ctx: FormatContext;
}

function bitmapLabel(title: string, p: PlacedMask): Label {
  return { classTitle: title, geometry: bitmapEncodedOnRead([p.x, p.y], p.mask), tags: [] };
}

function describeKey(key: number, mode: "index" | "colour"): string {
  if (mode === "colour" || key & COLOUR_FLAG) return `(${unpackRgb(key & 0xffffff).join(", ")})`;
  return String(key);
}

async function readKeys(file: string, mode: "index" | "colour", st: ReadState): Promise<MaskKeys | null> {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file);
    return readMaskKeys(bytes, mode);
  } catch (e) {
    const why = e instanceof MaskReadError || e instanceof PixelLimitError ? e.message : `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    st.ctx.report.error("mask-unreadable", `cannot read the mask: ${why}; the image is kept without it`, { file: displayPath(st.input, file) });
    return null;
  }
}

function sizeMatches(kind: string, mask: { width: number; height: number }, size: { width: number; height: number } | null, file: string, imageName: string, st: ReadState): boolean {
  if (!size || (mask.width === size.width && mask.height === size.height)) return true;
  st.ctx.report.error(
    "mask-size-mismatch",
    `${kind} is ${mask.width}×${mask.height} but its image ${imageName} is ${size.width}×${size.height}; the mask is skipped`,
    { file: displayPath(st.input, file) },
  );
  return false;
}

function semanticLabels(classOf: Uint16Array, width: number, height: number, st: ReadState): Label[] {
  const labels: Label[] = [];
  for (const [cls, region] of regionsByValue(classOf, width, height)) {
    const parts = st.opts.splitInstances ? connectedComponents(region, st.opts.connectivity) : [region];
    for (const p of parts) labels.push(bitmapLabel(st.titles[cls], p));
  }
  return labels;
}

async function readItem(entry: MaskEntry, st: ReadState): Promise<Item> {
  const { report } = st.ctx;
  let size: { width: number; height: number } | null = null;
  if (entry.imagePath) {
    size = await readImageHeaderSize(entry.imagePath);
    if (!size) report.warn("image-unreadable", "cannot read the image size from its header; the size comes from its mask", { file: displayPath(st.input, entry.imagePath) });
  }
  const labels: Label[] = [];
  let classOf: Uint16Array | undefined;
  /** The pixels of each instance, with its class: semantic pixels of that class under them are the instance's. */
  const covers: { area: PlacedMask; cls: number }[] = [];

  if (entry.semanticPath) {
    const keys = await readKeys(entry.semanticPath, st.mode, st);
    if (keys && sizeMatches("mask", keys, size, entry.semanticPath, entry.name, st)) {
      size ??= { width: keys.width, height: keys.height };
      classOf = new Uint16Array(keys.keys.length);
      const unknown = new Map<number, number>();
      st.classifier.classifyAll(keys.keys, classOf, unknown, TRANSPARENT_KEY);
      if (unknown.size) reportUnknown(unknown, entry.semanticPath, st);
    }
  }

  if (entry.instanceFiles?.length) {
    for (const file of entry.instanceFiles) {
      let bin;
      try {
        bin = readBinaryMask(readRegularFileSync(file));
      } catch (e) {
        report.error("mask-unreadable", `cannot read the instance mask: ${(e as Error).message}; the image is kept without it`, { file: displayPath(st.input, file) });
        continue;
      }
      if (!sizeMatches("instance mask", bin, size, file, entry.name, st)) continue;
      size ??= { width: bin.width, height: bin.height };
      const title = instanceClassOf(stemOf(path.basename(file)), st.known);
      const cls = st.numberOf.get(title)!;
      const region = regionsByValue(bin.data, bin.width, bin.height).get(1);
      if (!region) {
        report.warn("instance-empty", "instance mask has no pixel; skipped", { file: displayPath(st.input, file) });
        continue;
      }
      if (classOf) covers.push({ area: { x: 0, y: 0, mask: bin, area: 0 }, cls });
      labels.push(bitmapLabel(title, region));
    }
  }

  if (entry.instanceIdPath) {
    const ids = await readKeys(entry.instanceIdPath, "index", st);
    if (ids && sizeMatches("instance mask", ids, size, entry.instanceIdPath, entry.name, st)) {
      size ??= { width: ids.width, height: ids.height };
      let values: Uint8Array | Uint32Array;
      if (ids.keys instanceof Uint8Array) {
        // Byte keys are never transparent or colours; they are this item's own, so the ignore value is cleared in place.
        values = ids.keys;
        const ignore = st.opts.ignoreValue;
        if (ignore !== null && ignore >= 0 && ignore < 256) for (let i = 0; i < values.length; i++) if (values[i] === ignore) values[i] = 0;
      } else {
        values = new Uint32Array(ids.keys.length);
        for (let i = 0; i < values.length; i++) {
          const v = ids.keys[i];
          values[i] = v === TRANSPARENT_KEY || v & COLOUR_FLAG || v === st.opts.ignoreValue ? 0 : v;
        }
      }
      for (const [id, region] of regionsByValue(values, ids.width, ids.height)) {
        const cls = majorityClass(region, classOf, ids.width, Math.max(st.titles.length - 1, st.classifier.classes.length));
        if (!cls) {
          report.warn("instance-without-class", `instance ${id} covers no class pixel of the semantic mask; skipped`, { file: displayPath(st.input, entry.instanceIdPath) });
          continue;
        }
        if (classOf) covers.push({ area: region, cls });
        labels.push(bitmapLabel(st.titles[cls], region));
      }
    }
  }

  if (classOf && size) {
    // Semantic pixels no instance of their class covers still become labels: no pixel is dropped.
    // (Cleared only now: the majority class of each instance is counted on the semantic mask as read.)
    for (const { area, cls } of covers) {
      const { width: w, height: h, data } = area.mask;
      for (let y = 0; y < h; y++) {
        const row = (y + area.y) * size.width + area.x;
        for (let x = 0; x < w; x++) if (data[y * w + x] && classOf[row + x] === cls) classOf[row + x] = 0;
      }
    }
    labels.push(...semanticLabels(classOf, size.width, size.height, st));
  }

  const item: Item = {
    name: entry.name,
    annotation: { size: { width: size?.width ?? null, height: size?.height ?? null }, tags: [], labels },
  };
  if (entry.imagePath) item.image = { kind: "file", path: entry.imagePath };
  return item;
}

/** The semantic class most of an instance's pixels have (background and ignore aside); 0 when none. */
function majorityClass(region: PlacedMask, classOf: Uint16Array | undefined, width: number, classCount: number): number {
  if (!classOf) return 0;
  const counts = new Uint32Array(classCount + 1);
  const { width: w, height: h, data } = region.mask;
  for (let y = 0; y < h; y++) {
    const row = (y + region.y) * width + region.x;
    for (let x = 0; x < w; x++) if (data[y * w + x]) counts[classOf[row + x]]++;
  }
  let best = 0, bestCount = 0;
  for (let c = 1; c < counts.length; c++) if (counts[c] > bestCount) [best, bestCount] = [c, counts[c]];
  return best;
}

function reportUnknown(unknown: Map<number, number>, file: string, st: ReadState): void {
  const sorted = [...unknown].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const colours = st.mode === "colour" || sorted.every(([k]) => k & COLOUR_FLAG);
  const list = sorted.slice(0, UNKNOWN_LISTED).map(([k, n]) => `${describeKey(k, st.mode)} in ${n} pixel${n === 1 ? "" : "s"}`);
  if (sorted.length > UNKNOWN_LISTED) list.push(`${sorted.length - UNKNOWN_LISTED} more`);
  st.ctx.report.warn(
    colours ? "mask-unknown-colour" : "mask-unknown-value",
    `${colours ? "colours" : "values"} not in the class map ${st.mapSource}: ${list.join(", ")}; those pixels are left unlabelled`,
    { file: displayPath(st.input, file) },
  );
}

// ---------------------------------------------------------------------------------------------- classes

function* allEntries(plans: DatasetPlan[]): Iterable<MaskEntry> {
  for (const p of plans) {
    yield* p.entries;
    yield* allEntries(p.children);
  }
}

/**
 * Without a class file every distinct mask value (or colour) is a class: `class_<value>` for index masks,
 * `color_<rrggbb>` (in that colour) for colour masks. This reads every semantic mask once more.
 */
async function discoverClassMap(layout: MasksLayout, opts: MasksImportOptions, input: string, ctx: FormatContext): Promise<ClassMap> {
  const seen = new Set<number>();
  let colour = false;
  for (const e of allEntries(layout.datasets)) {
    if (!e.semanticPath) continue;
    let keys: MaskKeys;
    try {
      keys = readMaskKeys(readRegularFileSync(e.semanticPath), "index");
    } catch {
      continue; // reported when the item is read
    }
    for (const k of keys.keys) {
      if (k === TRANSPARENT_KEY || seen.has(k)) continue;
      seen.add(k);
      if (k & COLOUR_FLAG) colour = true;
      if (seen.size > MAX_DISCOVERED_CLASSES + 2) {
        throw new SlyconvError("too-many-mask-values", `more than ${MAX_DISCOVERED_CLASSES} distinct values in the masks and no class map: pass ${optionName("classMap")}`, { file: displayPath(input, e.semanticPath) });
      }
    }
  }
  const map: ClassMap = { source: "(none: classes from mask values)", classes: [], backgroundValues: [], backgroundColors: [], ignoreValues: [], ignoreColors: [], colourMode: colour };
  const sorted = [...seen].sort((a, b) => a - b);
  if (colour) {
    const colours = [...new Set(sorted.map((k) => (k & COLOUR_FLAG ? k & 0xffffff : packRgb([k, k, k]))))].filter((k) => k !== 0).sort((a, b) => a - b);
    for (const k of colours) {
      const rgb = unpackRgb(k);
      map.classes.push({ title: `color_${rgbToHex(rgb).slice(1).toLowerCase()}`, values: [], colors: [rgb], all: false, displayColor: rgb });
    }
  } else {
    for (const v of sorted) {
      if (v === 0 || v === opts.ignoreValue) continue;
      map.classes.push({ title: `class_${v}`, values: [v], colors: [], all: false });
    }
  }
  if (map.classes.length) ctx.report.info("classes-from-values", `no class map: ${map.classes.length} classes were named after their mask ${colour ? "colours" : "values"}`, { file: "." });
  return map;
}

async function findClassMap(layout: MasksLayout, opts: MasksImportOptions, input: string, ctx: FormatContext): Promise<ClassMap> {
  if (opts.classMap) return loadClassMapFile(opts.classMap);
  if (layout.classFile) return loadClassMapFile(layout.classFile, displayPath(input, layout.classFile));
  return discoverClassMap(layout, opts, input, ctx);
}

async function firstPalette(layout: MasksLayout): Promise<Rgb[] | null> {
  for (const e of allEntries(layout.datasets)) {
    if (!e.semanticPath) continue;
    const palette = pngPalette(await readRegularFile(e.semanticPath).catch(() => Buffer.alloc(0)));
    // A palette whose used part is all one colour says nothing about classes.
    return palette && new Set(palette.slice(0, 16).map((c) => c.join(","))).size > 2 ? palette : null;
  }
  return null;
}

function datasetName(name: string): string {
  let n = name.trim() || "ds0";
  try {
    assertPlainFileName(n);
  } catch {
    n = n.replace(/[\\/\0]/g, "_");
  }
  return RESERVED_DIRS.has(n) ? `${n}_ds` : n;
}

export async function readMasksProject(input: string, options: FormatOptions, ctx: FormatContext): Promise<Project> {
  const opts = parseMasksImportOptions(options);
  const layout = await discoverMasksLayout(input);
  if (!layout || !layout.datasets.length) {
    throw new SlyconvError(
      "masks-layout-unknown",
      `no masks dataset in ${input}: expected ${MACHINE_COLOR_FILE} with <dataset>/img/ and <dataset>/masks_machine/, or images/ and masks/ folders paired by file stem`,
      { file: input, inMessage: true },
    );
  }
  reportSpecialFiles(ctx.report, layout.special, input);
  const classMap = await findClassMap(layout, opts, input, ctx);
  const classifier = new MaskClassifier(classMap, opts.ignoreValue);
  let semanticColors = new Map<string, Rgb>();
  const semanticFile = path.join(layout.root, SEMANTIC_COLOR_FILE);
  if (await fs.stat(semanticFile).catch(() => null)) semanticColors = semanticColorsFromJson(await readJsonFile(semanticFile, displayPath(input, semanticFile)));

  // Index masks stored as palette PNGs (VOC) carry the dataset's class colours: meta.json uses them.
  const paletteColors = classifier.colourMode ? null : await firstPalette(layout);

  const meta = emptyProjectMeta();
  const titles: string[] = [""];
  const numberOf = new Map<string, number>();
  const addClass = (c: Pick<MapClass, "title" | "displayColor">) => {
    if (numberOf.has(c.title)) return;
    const index = classMap.classes.find((m) => m.title === c.title)?.values[0];
    const fromPalette = paletteColors && index !== undefined ? paletteColors[index] : undefined;
    const rgb = c.displayColor ?? semanticColors.get(c.title) ?? fromPalette;
    ensureClass(meta, c.title, "bitmap", rgb ? { color: rgbToHex(rgb) } : {});
    numberOf.set(c.title, titles.length);
    titles.push(c.title);
  };
  for (const c of classMap.classes) addClass(c);
  // Instance mask files name their class: classes missing from the map are added after the map's.
  const known = knownClassNames(titles.slice(1));
  for (const e of allEntries(layout.datasets)) {
    for (const f of e.instanceFiles ?? []) {
      const title = instanceClassOf(stemOf(path.basename(f)), known);
      if (!numberOf.has(title)) {
        addClass({ title });
        known.set(title, title);
      }
    }
  }

  const st: ReadState = {
    input, opts, classifier, mode: classifier.colourMode ? "colour" : "index", titles, numberOf, known,
    mapSource: classMap.source, ctx,
  };

  const reportPlan = (plan: DatasetPlan) => {
    for (const o of plan.orphans) ctx.report.warn("mask-without-image", "mask has no image of the same stem; skipped", { file: displayPath(input, o) });
    for (const a of plan.ambiguous) {
      ctx.report.warn("mask-ambiguous", `mask ${JSON.stringify(a.mask)} matches the images ${a.images.join(", ")} by stem; it is paired with ${a.images[0]}`, { file: displayPath(input, plan.dir) });
    }
    plan.children.forEach(reportPlan);
  };
  layout.datasets.forEach(reportPlan);

  const toDataset = (plan: DatasetPlan): Dataset => ({
    name: datasetName(plan.name),
    datasets: plan.children.map(toDataset),
    itemCount: plan.entries.length,
    // A shard's selection (src/shard.ts) is made from the listing: other shards' masks are never decoded.
    items: async function* (select?: ItemSelector) {
      yield* mapConcurrent(select ? plan.entries.filter((e) => select(e.name)) : plan.entries, DECODE_CONCURRENCY, (entry) => {
        ctx.signal?.throwIfAborted();
        return readItem(entry, st);
      });
    },
  });

  const project: Project = { meta, datasets: layout.datasets.map(toDataset) };
  if (!classifier.colourMode) {
    // Class indices travel with the project so that an export to masks writes the same values (gaps included).
    const machine: Record<string, unknown> = {};
    for (const c of classMap.classes) {
      const v = c.values[0];
      if (v !== undefined && v >= 0) machine[c.title] = v <= 255 ? [v, v, v] : v;
    }
    if (Object.keys(machine).length) project.sideFiles = { [MACHINE_COLOR_FILE]: machine };
  }
  return project;
}
