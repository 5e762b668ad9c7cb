/**
 * Where the COCO reader keeps a file's annotations between its two passes, and how it gets them back: the fast path
 * behind one small interface (read.ts keeps only the mapping from COCO to the model). Like Datumaro's page mapper
 * (`get_item_dict` / `get_anns_dict` over noted byte offsets), annotations are kept as their byte range in the
 * file plus a few numbers in typed arrays (AnnotationTable), grouped by image by the reader. COCO's usual polygon
 * annotation is kept whole, as numbers (VertexStore), so that its item is built without reading it again; the
 * others are read back from their byte range (AnnotationStore.reread).
 *
 * In the first pass, the rows the scan located are parsed here: the usual polygon annotation straight from its
 * bytes (quick-polygon.ts), below 64 MB mostly by the scan itself as it locates it (ScannedRows), from 64 MB up with
 * a parse thread's help (parse-thread.ts: blocks claimed by the thread or by the reader); every other row is handed
 * to the mapping (RowMapping.addAnnotation), in file order, so that tables, warnings and classes are those of one
 * thread. For a writer that needs extents alone, the usual polygon annotation keeps its parts' extremes, not its
 * vertices (VertexStore.addBounds, rereadRings).
 */
import fs from "node:fs";
import { SlyconvError } from "../../src/errors.js";
import { openRegularFileSync } from "../../src/io/regular-file.js";
import type { Label, Tag, Vec2 } from "../../src/model/index.js";
import { lazyPolygon, type Extent, type RingSource } from "../../src/geometry/extent.js";
import { MAKES_POLYGON, buildLabels, type AnnotationPlan, type Bbox, type CategoryMapping } from "./annotation.js";
import type { CocoFile } from "./discover.js";
import { ElementReader, tryParseElement, type ParsedElement, type ScanValue } from "./json-scan.js";
import { BlockUnpacker, blockImageIds, keptBox, storeQuick, type AdoptedPolygon, type ParsedBlock } from "./kept-polygon.js";
import { EXTRA_COCO, TAG_COCO_ID, TAG_ISCROWD, isObject, type Json } from "./model.js";
import { ThreadedRows } from "./parse-thread.js";
import { QuickPolygon, quickPolygonEnd, readQuickPolygon } from "./quick-polygon.js";
import { OVERSIZED_ROW_BYTES } from "./row-vertices.js";
import { VertexStore } from "./vertex-store.js";

/**
 * Tuning, for tests: with `keepPolygons` off every annotation is read again from the file when its item is built
 * (the path annotations the vertex store cannot hold take); masks are encoded in worker threads from `workerMasks`
 * masks on (see BATCH_MASKS). The annotations of a file of `parallelBytes` or more (or of `parallelRows`
 * annotations or more) are parsed with a thread's help, in blocks of `threadBlock`, the reader claiming blocks back
 * from the end once its scan is over unless `claimBack` is off (see parse-thread.ts). On a file of hundreds of MB
 * the thread shortens the first pass by a third or more; on a small one its start-up and its code's warming up
 * cost what it saves. With `boundsOnly` off, a writer that needs extents alone still gets polygons kept with their
 * vertices (AnnotationStore.boundsOnly). With `scanQuick` off, the usual polygon annotation of a file no thread
 * helps with is read after the scan, not during it (ScannedRows); `scanChunk` is the scan's read size.
 * Tests check that every path gives the same items.
 */
export const readerTuning = { keepPolygons: true, workerMasks: 2000, parallelBytes: 64 * 2 ** 20, parallelRows: Infinity, threadBlock: 4096, claimBack: true, boundsOnly: true,
  scanQuick: true, scanChunk: 4 * 2 ** 20 };

/**
 * For tests: blocks of annotations added from their packed form so far (parsed by a ParseThread, or claimed back),
 * and annotations added as the scan read them (ScannedRows).
 */
export const readerStats = { threadBlocks: 0, claimedBlocks: 0, scannedRows: 0 };

/** Bits of AnnotationTable.flags, set and read through its methods (skip, markCaption, isSecondary, …). */
const F_SKIP = 1;
const F_SECONDARY = 2;
const F_CAPTION = 4;
const F_DUPLICATE_ID = 8;
/** A mask (RLE) annotation: its labels are built ahead of its item, to encode masks many at a time. */
const F_MASK = 16;

/** Bits of AnnotationTable.kept: what a polygon annotation kept in the vertex store had besides its vertices. */
export const K_AREA = 1;
export const K_CROWD = 2;

/** Per-annotation facts in typed arrays (a few dozen bytes each), grown by doubling. */
export class AnnotationTable {
  length = 0;
  file = new Uint16Array(1024);
  index = new Uint32Array(1024);
  offset = new Float64Array(1024);
  bytes = new Uint32Array(1024);
  image = new Int32Array(1024);
  annId = new Float64Array(1024);
  category = new Int32Array(1024);
  flags = new Uint8Array(1024);
  hash = new Uint32Array(1024);
  mergeInto = new Int32Array(1024);
  /** Position of the annotation's record in the vertex store, -1 when it is read again from the file. */
  record = new Int32Array(1024);
  area = new Float64Array(1024);
  kept = new Uint8Array(1024);
  /** Vertices of the annotation's polygons (what its labels will hold), against the vertex limit per image. */
  vertices = new Int32Array(1024);
  /** Some row is a second reading of an object (set by groupByImage). */
  hasSecondaries = false;

  add(): number {
    if (this.length === this.file.length) {
      const n = this.length * 2;
      const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(a: T, b: T): T => {
        b.set(a as never);
        return b;
      };
      this.file = grow(this.file, new Uint16Array(n));
      this.index = grow(this.index, new Uint32Array(n));
      this.offset = grow(this.offset, new Float64Array(n));
      this.bytes = grow(this.bytes, new Uint32Array(n));
      this.image = grow(this.image, new Int32Array(n));
      this.annId = grow(this.annId, new Float64Array(n));
      this.category = grow(this.category, new Int32Array(n));
      this.flags = grow(this.flags, new Uint8Array(n));
      this.hash = grow(this.hash, new Uint32Array(n));
      this.mergeInto = grow(this.mergeInto, new Int32Array(n));
      this.record = grow(this.record, new Int32Array(n));
      this.area = grow(this.area, new Float64Array(n));
      this.kept = grow(this.kept, new Uint8Array(n));
      this.vertices = grow(this.vertices, new Int32Array(n));
    }
    const i = this.length++;
    this.mergeInto[i] = -1;
    this.record[i] = -1;
    return i;
  }

  /** A row for element `index` of file `file` (its bytes at `offset`, `bytes` long); the mapping says the rest. */
  addRow(file: number, index: number, offset: number, bytes: number): number {
    const i = this.add();
    this.file[i] = file;
    this.index[i] = index;
    this.offset[i] = offset;
    this.bytes[i] = bytes;
    this.category[i] = -1;
    return i;
  }

  /** The mapping's reading of row i: its COCO id (null: none that is a number) and its image's key (imageKey). */
  setIdentity(i: number, id: number | null, imageKey?: number): void {
    this.annId[i] = id ?? NaN;
    if (imageKey !== undefined) this.image[i] = imageKey;
  }

  /** Row i is left out (a problem the mapping reported, or its image is over the labels limit). */
  skip(i: number): void {
    this.flags[i] |= F_SKIP;
  }

  /** Row i is a caption: a tag of its image, not an object. */
  markCaption(i: number): void {
    this.flags[i] |= F_CAPTION;
  }

  /** Row i is an object of category `category` (an index of the store's); a mask is built ahead of its item. */
  markObject(i: number, category: number, mask: boolean, hash?: number): void {
    this.category[i] = category;
    if (mask) this.flags[i] |= F_MASK;
    if (hash !== undefined) this.hash[i] = hash;
  }

  isCaption(i: number): boolean {
    return (this.flags[i] & F_CAPTION) !== 0;
  }

  /** A second reading of an object (COCO's instances and keypoints files share ids): merged into primaryOf(i). */
  isSecondary(i: number): boolean {
    return (this.flags[i] & F_SECONDARY) !== 0;
  }

  primaryOf(i: number): number {
    return this.mergeInto[i];
  }

  /** A mask annotation whose labels are built ahead of its item: not a caption, not a second reading. */
  isMaskBuiltAhead(i: number): boolean {
    return (this.flags[i] & (F_MASK | F_SECONDARY | F_CAPTION)) === F_MASK;
  }

  /** Row i's polygons hold `vertices` vertices (counted against the vertex limit of its image). */
  addVertices(i: number, vertices: number): void {
    this.vertices[i] += vertices;
  }

  /**
   * Per image, once grouped: the vertices of its objects' polygons (a second reading of an object, a caption and a
   * row left out do not count).
   */
  verticesByImage(images: number): Float64Array {
    const out = new Float64Array(images);
    for (let i = 0; i < this.length; i++) if (!(this.flags[i] & (F_SKIP | F_SECONDARY | F_CAPTION))) out[this.image[i]] += this.vertices[i];
    return out;
  }

  /** Its COCO id, when it has one that is a number and no earlier annotation has it (else NaN). */
  uniqueId(i: number): number {
    return this.flags[i] & F_DUPLICATE_ID ? NaN : this.annId[i];
  }

  /**
   * Links the rows once every file is read, and groups them by image: each row's image key becomes its image
   * (`keyToImage`; -1, no such image: `missingImage` is told and the row left out); the objects of an image over the
   * labels limit (`overLimit`, by key) are left out; an id seen before, in another file, on the same image, category
   * and content, is a second reading of that object (merged into the first), any other repeat a duplicate
   * (`duplicateId`). Image k's rows, in file order, are then order[start[k]] … order[start[k + 1] - 1].
   */
  groupByImage(images: number, keyToImage: Int32Array, overLimit: Uint8Array | null, tell: { missingImage(i: number, key: number): void; duplicateId(i: number, first: number): void }): { order: Int32Array; start: Int32Array } {
    const firstById = new Map<number, number>();
    for (let i = 0; i < this.length; i++) {
      if (overLimit && overLimit[this.image[i]] && !(this.flags[i] & F_CAPTION)) this.flags[i] |= F_SKIP;
      if (this.flags[i] & F_SKIP) continue;
      const img = keyToImage[this.image[i]];
      if (img < 0) {
        tell.missingImage(i, this.image[i]);
        this.flags[i] |= F_SKIP;
        continue;
      }
      this.image[i] = img;
      if (this.flags[i] & F_CAPTION || Number.isNaN(this.annId[i])) continue;
      const first = firstById.get(this.annId[i]);
      if (first === undefined) {
        firstById.set(this.annId[i], i);
        continue;
      }
      const sameObject = this.file[first] !== this.file[i] && this.image[first] === img && this.category[first] === this.category[i] && this.hash[first] === this.hash[i];
      if (sameObject && this.mergeInto[first] < 0) {
        this.flags[i] |= F_SECONDARY;
        this.hasSecondaries = true;
        this.mergeInto[i] = first;
      } else {
        this.flags[i] |= F_DUPLICATE_ID;
        tell.duplicateId(i, first);
      }
    }
    // Counting sort by image, stable (file order within an image).
    const counts = new Int32Array(images + 1);
    for (let i = 0; i < this.length; i++) if (!(this.flags[i] & F_SKIP)) counts[this.image[i] + 1]++;
    for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
    const start = Int32Array.from(counts);
    const order = new Int32Array(counts[counts.length - 1]);
    const fill = Int32Array.from(counts);
    for (let i = 0; i < this.length; i++) if (!(this.flags[i] & F_SKIP)) order[fill[this.image[i]]++] = i;
    return { order, start };
  }
}

/** Thrown from inside a scan callback; turned into a located SlyconvError once the scan has stopped. */
export class ElementSyntaxError extends Error {
  constructor(readonly value: ScanValue, readonly cause: Error) {
    super(cause.message);
  }
}

export function parseOrThrow(v: ScanValue): { value: unknown; nonFinite: boolean } {
  const r = tryParseElement(v.text);
  if (!r.ok) throw new ElementSyntaxError(v, r.error);
  return r;
}

/** What the mapping (read.ts) does with the rows the store reads for it. */
export interface RowMapping {
  /** A row JSON.parse read: checked, reported and entered in the table by the mapping, in file order. */
  addAnnotation(row: number, index: number, value: unknown, nonFinite: boolean): void;
  /** The table key of an image id, for a kept row (counted against the labels limit). */
  imageKey(imageId: unknown): number;
  /**
   * Whether an image already holds as many annotations as the labels limit: its further rows are not kept but
   * handed to addAnnotation, which skips them (read.ts).
   */
  imageFull(imageId: unknown): boolean;
  /** A usual polygon annotation kept from its numbers: what it says about the project. */
  noteKept(cat: CategoryMapping, crowd: boolean, hasId: boolean): void;
  /**
   * An oversized row (row-vertices.ts) offered before it is parsed: true when the mapping entered it from its bytes
   * alone (its vertices put its image past the vertex limit), false to have it parsed.
   */
  addOversized(row: number, bytes: Buffer, from: number, to: number): boolean;
}

/** The rows of one file: its table, its categories, and the mapping to hand the other rows to. */
interface FileRows {
  t: AnnotationTable;
  categories: Map<unknown, CategoryMapping>;
  /** The file group has more than one file of objects (a hash is kept to match one object read twice). */
  compareAcrossFiles: boolean;
  map: RowMapping;
}

/** An annotation kept in the first pass, as the mapping builds its labels: the plan, its extra fields, its category. */
export interface KeptAnnotation {
  plan: AnnotationPlan;
  fields: Json;
  category: CategoryMapping;
}

const SCANNED = 6;

/**
 * COCO's usual polygon annotations of one file read during its scan, while their ends are found (the scan's
 * readObject: one pass over their bytes instead of two, and no second read of the file), kept until readRows adds
 * them in file order with the others. Only where no thread parses the file's rows (then the thread reads them).
 * Memory: a few numbers per row (the vertices go to the store, as they would later); a row the reader then does not
 * keep (an unknown category, a full image) is parsed again, as any other.
 */
export class ScannedRows {
  private first = -1;
  /** Per row from `first`: id (NaN: none), image id, category id, area (NaN: none), crowd (1/0), record (-1: not read). */
  private nums = new Float64Array(SCANNED * 1024);
  private count = 0;

  constructor(private readonly store: VertexStore, private readonly q: QuickPolygon) {}

  /** The scan's readObject for an element of the annotations list (see ScanHandlers.readObject). */
  read(b: Buffer, start: number, n: number): number {
    return quickPolygonEnd(b, start, n, this.q);
  }

  /** The scan noted row `row` (rows of one file come one after another), `length` bytes; `read`: by read, just now. */
  note(row: number, length: number, read: boolean): void {
    if (this.first < 0) this.first = row;
    const k = row - this.first;
    if (SCANNED * (k + 1) > this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2);
      grown.set(this.nums);
      this.nums = grown;
    }
    const o = SCANNED * k, nums = this.nums, q = this.q;
    // An oversized row is left to parseRows, which counts its vertices from its bytes first (row-vertices.ts).
    const record = read && length <= OVERSIZED_ROW_BYTES ? storeQuick(this.store, q) : -1;
    nums[o + 5] = record;
    if (record >= 0) {
      nums[o] = q.id;
      nums[o + 1] = q.imageId;
      nums[o + 2] = q.categoryId;
      nums[o + 3] = q.area;
      nums[o + 4] = q.iscrowd ? 1 : 0;
    }
    this.count = k + 1;
  }

  /** Row `row`'s record in the store, or -1 when the scan did not read it. */
  record(row: number): number {
    const k = row - this.first;
    return this.first < 0 || k < 0 || k >= this.count ? -1 : this.nums[SCANNED * k + 5];
  }

  id(row: number): number {
    return this.nums[SCANNED * (row - this.first)];
  }

  imageId(row: number): number {
    return this.nums[SCANNED * (row - this.first) + 1];
  }

  categoryId(row: number): number {
    return this.nums[SCANNED * (row - this.first) + 2];
  }

  area(row: number): number {
    return this.nums[SCANNED * (row - this.first) + 3];
  }

  crowd(row: number): boolean {
    return this.nums[SCANNED * (row - this.first) + 4] === 1;
  }
}

export class AnnotationStore {
  /** Polygon annotations, kept from the first pass so that building items needs no second parse. */
  private readonly vertices = new VertexStore();
  /** Reused by parseRows for each annotation it reads from its bytes. */
  private readonly quick = new QuickPolygon();
  /** Categories by the index kept in AnnotationTable.category. */
  private readonly categoryList: CategoryMapping[] = [];
  private readonly categoryIndexes = new Map<CategoryMapping, number>();

  /** The index AnnotationTable.category keeps for `cat`. */
  categoryIndex(cat: CategoryMapping): number {
    let k = this.categoryIndexes.get(cat);
    if (k === undefined) {
      this.categoryIndexes.set(cat, (k = this.categoryIndexes.size));
      this.categoryList.push(cat);
    }
    return k;
  }

  /** Where the scan of a file of `size` bytes notes its annotation rows (handed to a parse thread where that pays). */
  rowsOf(file: string, size: number, t: AnnotationTable, compareAcrossFiles: boolean): ThreadedRows {
    const threadFrom = !readerTuning.keepPolygons ? Infinity : size >= readerTuning.parallelBytes ? 1 : readerTuning.parallelRows;
    return new ThreadedRows(file, compareAcrossFiles, this.boundsOnly, (row) => t.offset[row], (row) => t.bytes[row], threadFrom, readerTuning.threadBlock);
  }

  /**
   * Where the scan of a file reads COCO's usual polygon annotation while it finds its end (ScannedRows), or null:
   * when a thread may parse the rows, when polygons are not kept, and when an object may be read from two files
   * (the hash that matches them is made from parsed values).
   */
  scanReader(rows: ThreadedRows, compareAcrossFiles: boolean): ScannedRows | null {
    if (!readerTuning.keepPolygons || !readerTuning.scanQuick || compareAcrossFiles || rows.mayThread) return null;
    this.quick.boundsOnly = this.boundsOnly;
    return new ScannedRows(this.vertices, this.quick);
  }

  /**
   * Parses the annotation rows noted in the scan (the elements of the annotations list, in order) and adds them, in
   * order: blocks parsed by the thread or claimed back from it (parse-thread.ts) from their packed form, rows the
   * scan read (`scanned`) from their numbers, the others parsed here.
   */
  async readRows(file: string, rows: ThreadedRows, f: FileRows, signal?: AbortSignal, scanned: ScannedRows | null = null): Promise<void> {
    const reader = await ElementReader.open(file);
    try {
      if (readerTuning.claimBack) await rows.claimFromEnd(reader, signal);
      for (const b of rows.blocks) {
        signal?.throwIfAborted();
        const parsed = await rows.parsedBlock(b);
        if (parsed) {
          if (b.parsed) readerStats.claimedBlocks++;
          else readerStats.threadBlocks++;
          await this.addParsedBlock(reader, f, b.from, parsed);
        } else if (scanned) await this.addScannedRows(reader, f, b.from, b.to, scanned);
        else await this.parseRows(reader, f, b.from, b.to);
      }
    } finally {
      await reader.close();
    }
  }

  /**
   * Parses rows from .. to-1 (in runs) and adds them; a row that does not parse stops the reading. COCO's usual
   * annotation is read from its bytes (quick-polygon.ts) and kept, as addKept keeps one a thread read.
   */
  private async parseRows(reader: ElementReader, f: FileRows, from: number, to: number): Promise<void> {
    const { t, categories } = f;
    let failed: ElementSyntaxError | null = null;
    const q = this.quick;
    q.boundsOnly = this.boundsOnly;
    // The category of the row before, looked up once for a run of rows of one category.
    let lastId = NaN, lastCat: CategoryMapping | undefined, lastIndex = -1;
    // Not when an object may be read from two files: the hash that matches them is made from parsed values.
    const quick = readerTuning.keepPolygons && !f.compareAcrossFiles ? (bytes: Buffer, start: number, end: number, k: number): boolean => {
      if (!readQuickPolygon(bytes, start, end, q)) return false;
      if (q.categoryId !== lastId) {
        lastCat = categories.get(q.categoryId);
        if (!lastCat) return false;
        lastId = q.categoryId;
        lastIndex = this.categoryIndex(lastCat);
      }
      if (f.map.imageFull(q.imageId)) return false;
      const record = storeQuick(this.vertices, q);
      if (record < 0) return false;
      this.keepRow(f, from + k, lastCat!, lastIndex, q.id, q.imageId, q.iscrowd, q.area, 0, record);
      return true;
    } : undefined;
    const taken = (bytes: Buffer, start: number, end: number, k: number): boolean =>
      (end - start > OVERSIZED_ROW_BYTES && f.map.addOversized(from + k, bytes, start, end)) || (quick !== undefined && quick(bytes, start, end, k));
    await reader.parseRuns(to - from, (k) => t.offset[from + k], (k) => t.bytes[from + k], (k: number, r: ParsedElement, text: () => string) => {
      if (failed) return;
      const row = from + k;
      if (!r.ok) failed = new ElementSyntaxError({ key: "annotations", index: t.index[row], text: text(), offset: t.offset[row], length: t.bytes[row] }, r.error);
      else f.map.addAnnotation(row, t.index[row], r.value, r.nonFinite);
    }, taken);
    if (failed) throw failed;
  }

  /** Rows from .. to-1, in order: those the scan read added from their numbers, the others parsed (in runs). */
  private async addScannedRows(reader: ElementReader, f: FileRows, from: number, to: number, s: ScannedRows): Promise<void> {
    // The category of the row before, looked up once for a run of rows of one category.
    let lastId = NaN, lastCat: CategoryMapping | undefined, lastIndex = -1;
    for (let k = from; k < to;) {
      const record = s.record(k);
      if (record >= 0) {
        // What parseRows' quick reading does with the row, from the numbers the scan read.
        const categoryId = s.categoryId(k), imageId = s.imageId(k);
        if (categoryId !== lastId) {
          lastCat = f.categories.get(categoryId);
          lastId = lastCat ? categoryId : NaN;
          if (lastCat) lastIndex = this.categoryIndex(lastCat);
        }
        if (lastCat && !f.map.imageFull(imageId)) {
          this.keepRow(f, k, lastCat, lastIndex, s.id(k), imageId, s.crowd(k), s.area(k), 0, record);
          readerStats.scannedRows++;
        } else await this.parseRows(reader, f, k, k + 1);
        k++;
        continue;
      }
      let e = k + 1;
      while (e < to && s.record(e) < 0) e++;
      await this.parseRows(reader, f, k, e);
      k = e;
    }
  }

  /** A block the ParseThread parsed: its kept polygons are added from their numbers, the rest parsed here, in order. */
  private async addParsedBlock(reader: ElementReader, f: FileRows, from: number, p: ParsedBlock): Promise<void> {
    const n = p.kept.length;
    // A block holding rows of an image that is full is not kept: its rows are parsed (and those skipped) here.
    if (p.nums.length && blockImageIds(p).some((id) => f.map.imageFull(id))) return this.parseRows(reader, f, from, from + n);
    const kept = new BlockUnpacker(p, this.vertices);
    for (let k = 0; k < n;) {
      if (p.kept[k]) {
        const a = kept.row(k);
        // The thread does not know the categories: an unknown one is parsed again here, and reported.
        if (f.categories.has(a.categoryId)) this.addKept(f, from + k, a);
        else await this.parseRows(reader, f, from + k, from + k + 1);
        k++;
        continue;
      }
      // A run of rows the thread left to this one.
      let e = k + 1;
      while (e < n && !p.kept[e]) e++;
      await this.parseRows(reader, f, from + k, from + e);
      k = e;
    }
  }

  /** What the mapping's addAnnotation does for a kept polygon (see kept-polygon.ts): the same table entries. */
  private addKept(f: FileRows, i: number, a: AdoptedPolygon): void {
    const cat = f.categories.get(a.categoryId)!;
    this.keepRow(f, i, cat, this.categoryIndex(cat), a.id ?? NaN, a.imageId, a.iscrowd, a.area ?? NaN, a.hash, a.record);
  }

  /** A kept polygon's table entries; id and area NaN when it has none. */
  private keepRow(f: FileRows, i: number, cat: CategoryMapping, category: number, id: number, imageId: unknown, crowd: boolean, area: number, hash: number, record: number): void {
    const t = f.t;
    t.annId[i] = id;
    t.image[i] = f.map.imageKey(imageId);
    t.category[i] = category;
    f.map.noteKept(cat, crowd, !Number.isNaN(id));
    if (f.compareAcrossFiles) t.hash[i] = hash;
    t.record[i] = record;
    t.addVertices(i, this.vertices.vertexCount(record));
    t.kept[i] = (Number.isNaN(area) ? 0 : K_AREA) | (crowd ? K_CROWD : 0);
    if (!Number.isNaN(area)) t.area[i] = area;
  }

  /**
   * For a row the mapping parsed: a polygon annotation whose fields the labels and extra.coco.area say everything
   * about (COCO's usual annotation) goes to the vertex store, so its item is built without reading it again.
   */
  keep(t: AnnotationTable, i: number, plan: AnnotationPlan, raw: Json): void {
    if (!readerTuning.keepPolygons) return;
    const bbox = keptBox(plan, raw);
    if (bbox === undefined) return;
    const record = this.vertices.add(plan.flatParts, bbox);
    if (record < 0) return;
    t.record[i] = record;
    const area = raw.area as number | undefined;
    t.kept[i] = (area !== undefined ? K_AREA : 0) | (raw.iscrowd === 1 ? K_CROWD : 0);
    if (area !== undefined) t.area[i] = area;
  }

  /**
   * Kept annotations come back (keptLabels) with polygons whose points are built only when read
   * (src/geometry/extent.ts): set when the writer needs only extents (FormatContext.geometry).
   */
  extentOnly = false;
  /**
   * COCO's usual polygon annotation is kept as its parts' extremes alone (VertexStore.addBounds): set when the
   * writer needs nothing but extents (FormatContext.geometry "extent"). A polygon whose points are read anyway (a
   * far-outside check) gets them from its annotation read again (keptLabels' `rings`).
   */
  boundsOnly = false;
  private readonly extents = { ext: new Float64Array(5 * 16), bbox: null as Bbox | null, hasVertices: true };
  private readonly extent: Extent = { left: 0, top: 0, right: 0, bottom: 0, vertices: 0 };

  /** Annotation i as kept in the first pass (the plan and fields a second reading would give), or null. */
  kept(t: AnnotationTable, i: number): KeptAnnotation | null {
    const record = t.record[i];
    if (record < 0) return null;
    const plan: AnnotationPlan = {
      skip: false, id: Number.isNaN(t.annId[i]) ? null : t.annId[i], imageId: undefined, categoryId: undefined, caption: null,
      iscrowd: (t.kept[i] & K_CROWD) !== 0, polygons: [], flatParts: [], rle: null, rleForm: "string", bbox: null, keypoints: null,
      makes: MAKES_POLYGON, problems: [],
    };
    ({ polygons: plan.polygons, bbox: plan.bbox } = this.vertices.get(record));
    return { plan, fields: t.kept[i] & K_AREA ? { area: t.area[i] } : {}, category: this.categoryList[t.category[i]] };
  }

  /**
   * The labels of annotation i as kept in the first pass (what buildLabels makes of kept(t, i)), or null when it was
   * not kept. For a writer that needs extents alone they are made here directly: one lazy polygon per part, the
   * coco_id and iscrowd tags, extra.coco with the area and a bbox that differs from the parts' extremes. `rings`
   * gives the points of a polygon kept as its extremes alone (rereadRings of t's files).
   */
  keptLabels(t: AnnotationTable, i: number, rings?: RingSource): Label[] | null {
    const record = t.record[i];
    if (record < 0) return null;
    if (!this.extentOnly) {
      const kept = this.kept(t, i)!;
      return buildLabels(kept.plan, kept.fields, kept.category);
    }
    const out = this.extents;
    const n = this.vertices.extents(record, out);
    const ext = out.ext;
    const classTitle = this.categoryList[t.category[i]].classTitle;
    const id = t.annId[i], crowd = (t.kept[i] & K_CROWD) !== 0;
    const e = this.extent;
    const labels: Label[] = new Array(n);
    // A record of extremes alone: its points, if read, come from the annotation read again (by its row).
    const hasVertices = out.hasVertices;
    if (!hasVertices && !rings) throw new Error("keptLabels: a polygon kept as its extremes needs a ring source");
    const source = hasVertices ? this.vertices : rings!, sourceRecord = hasVertices ? record : i;
    for (let k = 0; k < n; k++) {
      e.left = ext[5 * k];
      e.top = ext[5 * k + 1];
      e.right = ext[5 * k + 2];
      e.bottom = ext[5 * k + 3];
      e.vertices = ext[5 * k + 4];
      const tags: Tag[] = Number.isNaN(id) ? (crowd ? [{ name: TAG_ISCROWD }] : [])
        : crowd ? [{ name: TAG_COCO_ID, value: id }, { name: TAG_ISCROWD }] : [{ name: TAG_COCO_ID, value: id }];
      labels[k] = { classTitle, geometry: lazyPolygon(e, source, sourceRecord, k), tags };
    }
    // overlayOf for a kept polygon: its area (finite, when it has one), its bbox when not the parts' extremes. A
    // record keeps a bbox only when it is not its parts' extremes (keptBox, quickKeptBox: the same test as
    // overlayOf's, on the same numbers), so a kept bbox is one that differs.
    const bbox = out.bbox;
    const hasArea = (t.kept[i] & K_AREA) !== 0;
    const otherBox = bbox !== null && n > 0;
    if (n > 0 && (hasArea || otherBox)) {
      const overlay: Json = {};
      if (hasArea) overlay.area = t.area[i];
      if (otherBox) overlay.bbox = bbox;
      const extra: Json = {};
      extra[EXTRA_COCO] = overlay;
      labels[0].extra = extra;
    }
    return labels;
  }



  /**
   * Where the points of t's polygons kept as their extremes alone come from (keptLabels): record = the row, read
   * again from its file (opened and closed for each: only a polygon whose points something reads needs them).
   */
  static rereadRings(files: CocoFile[], t: AnnotationTable): RingSource {
    const partOf = (row: number, k: number): unknown[] => {
      const n = t.bytes[row];
      const buf = Buffer.allocUnsafe(n);
      const fd = openRegularFileSync(files[t.file[row]].path);
      let got: number;
      try {
        got = fs.readSync(fd, buf, 0, n, t.offset[row]);
      } finally {
        fs.closeSync(fd);
      }
      const r = got === n ? tryParseElement(buf.toString("utf8")) : null;
      const segmentation = r?.ok && isObject(r.value) ? r.value.segmentation : undefined;
      const part = Array.isArray(segmentation) ? (segmentation[k] as unknown) : undefined;
      if (!Array.isArray(part)) throw new SlyconvError("coco-changed", "the COCO file changed while it was being read", { file: files[t.file[row]].display });
      return part;
    };
    return {
      ring(row, k) {
        const part = partOf(row, k);
        const ring: Vec2[] = new Array(part.length >> 1);
        for (let v = 0; v < ring.length; v++) ring[v] = [part[2 * v] as number, part[2 * v + 1] as number];
        return ring;
      },
      flatRing(row, k, into) {
        const part = partOf(row, k);
        if (into.coords.length < part.length) into.coords = new Float64Array(Math.max(part.length, 2 * into.coords.length));
        for (let v = 0; v < part.length; v++) into.coords[v] = part[v] as number;
        return part.length;
      },
    };
  }

  /**
   * Reads annotations of `files` back from their byte ranges, as JSON.parse gives them (files opened on first use);
   * `close` closes them.
   */
  static reread(files: CocoFile[], t: AnnotationTable): { read: (i: number) => { value: unknown; nonFinite: boolean }; close: () => void } {
    const fds: (number | undefined)[] = [];
    let scratch = Buffer.allocUnsafe(64 * 1024);
    return {
      read(i) {
        const n = t.bytes[i];
        if (n > scratch.length) scratch = Buffer.allocUnsafe(Math.max(n, scratch.length * 2));
        const fd = (fds[t.file[i]] ??= openRegularFileSync(files[t.file[i]].path));
        fs.readSync(fd, scratch, 0, n, t.offset[i]);
        const r = tryParseElement(scratch.toString("utf8", 0, n));
        if (!r.ok) throw new SlyconvError("coco-changed", "the COCO file changed while it was being read", { file: files[t.file[i]].display });
        return r;
      },
      close() {
        for (const fd of fds) if (fd !== undefined) fs.closeSync(fd);
      },
    };
  }
}
