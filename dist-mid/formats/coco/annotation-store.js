/**
 * Where the COCO reader keeps a file's annotations between its two passes, and how it gets them back: the fast path
 * behind one small interface (read.ts keeps only the mapping from COCO to the model). Like Datumaro's page mapper
 * (`get_item_dict` / `get_anns_dict` over noted byte offsets), annotations are kept as their byte range in the
 * file plus a few numbers in typed arrays (AnnotationTable), grouped by image by the reader. COCO's usual polygon
 * annotation is kept whole, as numbers (VertexStore), so that its item is built without reading it again; the
 * others are read back from their byte range (AnnotationStore.reread).
 *
 * In the first pass, the rows the scan located are parsed here: the usual polygon annotation straight from its
 * bytes (quick-polygon.ts), from 64 MB up with a parse thread's help (parse-thread.ts: blocks claimed by the thread
 * or by the reader); every other row is handed to the mapping (RowMapping.addAnnotation), in file order, so that
 * tables, warnings and classes are those of one thread.
 */
import fs from "node:fs";
import { SlyconvError } from "../../src/errors.js";
import { openRegularFileSync } from "../../src/io/regular-file.js";
import { lazyPolygon } from "../../src/geometry/extent.js";
import { MAKES_POLYGON, buildLabels } from "./annotation.js";
import { ElementReader, tryParseElement } from "./json-scan.js";
import { BlockUnpacker, blockImageIds, keptBox, storeQuick } from "./kept-polygon.js";
import { EXTRA_COCO, TAG_COCO_ID, TAG_ISCROWD, cleanFloat, isObject } from "./model.js";
import { ThreadedRows } from "./parse-thread.js";
import { QuickPolygon, readQuickPolygon } from "./quick-polygon.js";
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
 * vertices (AnnotationStore.boundsOnly).
 * Tests check that every path gives the same items.
 */
export const readerTuning = { keepPolygons: true, workerMasks: 2000, parallelBytes: 64 * 2 ** 20, parallelRows: Infinity, threadBlock: 4096, claimBack: true, boundsOnly: true };
/** For tests: blocks of annotations added from their packed form so far: parsed by a ParseThread, or claimed back. */
export const readerStats = { threadBlocks: 0, claimedBlocks: 0 };
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
    add() {
        if (this.length === this.file.length) {
            const n = this.length * 2;
            const grow = (a, b) => {
                b.set(a);
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
    addRow(file, index, offset, bytes) {
        const i = this.add();
        this.file[i] = file;
        this.index[i] = index;
        this.offset[i] = offset;
        this.bytes[i] = bytes;
        this.category[i] = -1;
        return i;
    }
    /** The mapping's reading of row i: its COCO id (null: none that is a number) and its image's key (imageKey). */
    setIdentity(i, id, imageKey) {
        this.annId[i] = id ?? NaN;
        if (imageKey !== undefined)
            this.image[i] = imageKey;
    }
    /** Row i is left out (a problem the mapping reported, or its image is over the labels limit). */
    skip(i) {
        this.flags[i] |= F_SKIP;
    }
    /** Row i is a caption: a tag of its image, not an object. */
    markCaption(i) {
        this.flags[i] |= F_CAPTION;
    }
    /** Row i is an object of category `category` (an index of the store's); a mask is built ahead of its item. */
    markObject(i, category, mask, hash) {
        this.category[i] = category;
        if (mask)
            this.flags[i] |= F_MASK;
        if (hash !== undefined)
            this.hash[i] = hash;
    }
    isCaption(i) {
        return (this.flags[i] & F_CAPTION) !== 0;
    }
    /** A second reading of an object (COCO's instances and keypoints files share ids): merged into primaryOf(i). */
    isSecondary(i) {
        return (this.flags[i] & F_SECONDARY) !== 0;
    }
    primaryOf(i) {
        return this.mergeInto[i];
    }
    /** A mask annotation whose labels are built ahead of its item: not a caption, not a second reading. */
    isMaskBuiltAhead(i) {
        return (this.flags[i] & (F_MASK | F_SECONDARY | F_CAPTION)) === F_MASK;
    }
    /** Row i's polygons hold `vertices` vertices (counted against the vertex limit of its image). */
    addVertices(i, vertices) {
        this.vertices[i] += vertices;
    }
    /**
     * Per image, once grouped: the vertices of its objects' polygons (a second reading of an object, a caption and a
     * row left out do not count).
     */
    verticesByImage(images) {
        const out = new Float64Array(images);
        for (let i = 0; i < this.length; i++)
            if (!(this.flags[i] & (F_SKIP | F_SECONDARY | F_CAPTION)))
                out[this.image[i]] += this.vertices[i];
        return out;
    }
    /** Its COCO id, when it has one that is a number and no earlier annotation has it (else NaN). */
    uniqueId(i) {
        return this.flags[i] & F_DUPLICATE_ID ? NaN : this.annId[i];
    }
    /**
     * Links the rows once every file is read, and groups them by image: each row's image key becomes its image
     * (`keyToImage`; -1, no such image: `missingImage` is told and the row left out); the objects of an image over the
     * labels limit (`overLimit`, by key) are left out; an id seen before, in another file, on the same image, category
     * and content, is a second reading of that object (merged into the first), any other repeat a duplicate
     * (`duplicateId`). Image k's rows, in file order, are then order[start[k]] … order[start[k + 1] - 1].
     */
    groupByImage(images, keyToImage, overLimit, tell) {
        const firstById = new Map();
        for (let i = 0; i < this.length; i++) {
            if (overLimit && overLimit[this.image[i]] && !(this.flags[i] & F_CAPTION))
                this.flags[i] |= F_SKIP;
            if (this.flags[i] & F_SKIP)
                continue;
            const img = keyToImage[this.image[i]];
            if (img < 0) {
                tell.missingImage(i, this.image[i]);
                this.flags[i] |= F_SKIP;
                continue;
            }
            this.image[i] = img;
            if (this.flags[i] & F_CAPTION || Number.isNaN(this.annId[i]))
                continue;
            const first = firstById.get(this.annId[i]);
            if (first === undefined) {
                firstById.set(this.annId[i], i);
                continue;
            }
            const sameObject = this.file[first] !== this.file[i] && this.image[first] === img && this.category[first] === this.category[i] && this.hash[first] === this.hash[i];
            if (sameObject && this.mergeInto[first] < 0) {
                this.flags[i] |= F_SECONDARY;
                this.mergeInto[i] = first;
            }
            else {
                this.flags[i] |= F_DUPLICATE_ID;
                tell.duplicateId(i, first);
            }
        }
        // Counting sort by image, stable (file order within an image).
        const counts = new Int32Array(images + 1);
        for (let i = 0; i < this.length; i++)
            if (!(this.flags[i] & F_SKIP))
                counts[this.image[i] + 1]++;
        for (let k = 1; k < counts.length; k++)
            counts[k] += counts[k - 1];
        const start = Int32Array.from(counts);
        const order = new Int32Array(counts[counts.length - 1]);
        const fill = Int32Array.from(counts);
        for (let i = 0; i < this.length; i++)
            if (!(this.flags[i] & F_SKIP))
                order[fill[this.image[i]]++] = i;
        return { order, start };
    }
}
/** Thrown from inside a scan callback; turned into a located SlyconvError once the scan has stopped. */
export class ElementSyntaxError extends Error {
    value;
    cause;
    constructor(value, cause) {
        super(cause.message);
        this.value = value;
        this.cause = cause;
    }
}
export function parseOrThrow(v) {
    const r = tryParseElement(v.text);
    if (!r.ok)
        throw new ElementSyntaxError(v, r.error);
    return r;
}
export class AnnotationStore {
    /** Polygon annotations, kept from the first pass so that building items needs no second parse. */
    vertices = new VertexStore();
    /** Reused by parseRows for each annotation it reads from its bytes. */
    quick = new QuickPolygon();
    /** Categories by the index kept in AnnotationTable.category. */
    categoryList = [];
    categoryIndexes = new Map();
    /** The index AnnotationTable.category keeps for `cat`. */
    categoryIndex(cat) {
        let k = this.categoryIndexes.get(cat);
        if (k === undefined) {
            this.categoryIndexes.set(cat, (k = this.categoryIndexes.size));
            this.categoryList.push(cat);
        }
        return k;
    }
    /** Where the scan of a file of `size` bytes notes its annotation rows (handed to a parse thread where that pays). */
    rowsOf(file, size, t, compareAcrossFiles) {
        const threadFrom = !readerTuning.keepPolygons ? Infinity : size >= readerTuning.parallelBytes ? 1 : readerTuning.parallelRows;
        return new ThreadedRows(file, compareAcrossFiles, this.boundsOnly, (row) => t.offset[row], (row) => t.bytes[row], threadFrom, readerTuning.threadBlock);
    }
    /**
     * Parses the annotation rows noted in the scan (the elements of the annotations list, in order) and adds them, in
     * order: blocks parsed by the thread or claimed back from it (parse-thread.ts) from their packed form, the others
     * parsed here.
     */
    async readRows(file, rows, f, signal) {
        const reader = await ElementReader.open(file);
        try {
            if (readerTuning.claimBack)
                await rows.claimFromEnd(reader, signal);
            for (const b of rows.blocks) {
                signal?.throwIfAborted();
                const parsed = await rows.parsedBlock(b);
                if (parsed) {
                    if (b.parsed)
                        readerStats.claimedBlocks++;
                    else
                        readerStats.threadBlocks++;
                    await this.addParsedBlock(reader, f, b.from, parsed);
                }
                else
                    await this.parseRows(reader, f, b.from, b.to);
            }
        }
        finally {
            await reader.close();
        }
    }
    /**
     * Parses rows from .. to-1 (in runs) and adds them; a row that does not parse stops the reading. COCO's usual
     * annotation is read from its bytes (quick-polygon.ts) and kept, as addKept keeps one a thread read.
     */
    async parseRows(reader, f, from, to) {
        const { t, categories } = f;
        let failed = null;
        const q = this.quick;
        q.boundsOnly = this.boundsOnly;
        // The category of the row before, looked up once for a run of rows of one category.
        let lastId = NaN, lastCat, lastIndex = -1;
        // Not when an object may be read from two files: the hash that matches them is made from parsed values.
        const quick = readerTuning.keepPolygons && !f.compareAcrossFiles ? (bytes, start, end, k) => {
            if (!readQuickPolygon(bytes, start, end, q))
                return false;
            if (q.categoryId !== lastId) {
                lastCat = categories.get(q.categoryId);
                if (!lastCat)
                    return false;
                lastId = q.categoryId;
                lastIndex = this.categoryIndex(lastCat);
            }
            if (f.map.imageFull(q.imageId))
                return false;
            const record = storeQuick(this.vertices, q);
            if (record < 0)
                return false;
            this.keepRow(f, from + k, lastCat, lastIndex, q.id, q.imageId, q.iscrowd, q.area, 0, record);
            return true;
        } : undefined;
        const taken = (bytes, start, end, k) => (end - start > OVERSIZED_ROW_BYTES && f.map.addOversized(from + k, bytes, start, end)) || (quick !== undefined && quick(bytes, start, end, k));
        await reader.parseRuns(to - from, (k) => t.offset[from + k], (k) => t.bytes[from + k], (k, r, text) => {
            if (failed)
                return;
            const row = from + k;
            if (!r.ok)
                failed = new ElementSyntaxError({ key: "annotations", index: t.index[row], text: text(), offset: t.offset[row], length: t.bytes[row] }, r.error);
            else
                f.map.addAnnotation(row, t.index[row], r.value, r.nonFinite);
        }, taken);
        if (failed)
            throw failed;
    }
    /** A block the ParseThread parsed: its kept polygons are added from their numbers, the rest parsed here, in order. */
    async addParsedBlock(reader, f, from, p) {
        const n = p.kept.length;
        // A block holding rows of an image that is full is not kept: its rows are parsed (and those skipped) here.
        if (p.nums.length && blockImageIds(p).some((id) => f.map.imageFull(id)))
            return this.parseRows(reader, f, from, from + n);
        const kept = new BlockUnpacker(p, this.vertices);
        for (let k = 0; k < n;) {
            if (p.kept[k]) {
                const a = kept.row(k);
                // The thread does not know the categories: an unknown one is parsed again here, and reported.
                if (f.categories.has(a.categoryId))
                    this.addKept(f, from + k, a);
                else
                    await this.parseRows(reader, f, from + k, from + k + 1);
                k++;
                continue;
            }
            // A run of rows the thread left to this one.
            let e = k + 1;
            while (e < n && !p.kept[e])
                e++;
            await this.parseRows(reader, f, from + k, from + e);
            k = e;
        }
    }
    /** What the mapping's addAnnotation does for a kept polygon (see kept-polygon.ts): the same table entries. */
    addKept(f, i, a) {
        const cat = f.categories.get(a.categoryId);
        this.keepRow(f, i, cat, this.categoryIndex(cat), a.id ?? NaN, a.imageId, a.iscrowd, a.area ?? NaN, a.hash, a.record);
    }
    /** A kept polygon's table entries; id and area NaN when it has none. */
    keepRow(f, i, cat, category, id, imageId, crowd, area, hash, record) {
        const t = f.t;
        t.annId[i] = id;
        t.image[i] = f.map.imageKey(imageId);
        t.category[i] = category;
        f.map.noteKept(cat, crowd, !Number.isNaN(id));
        if (f.compareAcrossFiles)
            t.hash[i] = hash;
        t.record[i] = record;
        t.addVertices(i, this.vertices.vertexCount(record));
        t.kept[i] = (Number.isNaN(area) ? 0 : K_AREA) | (crowd ? K_CROWD : 0);
        if (!Number.isNaN(area))
            t.area[i] = area;
    }
    /**
     * For a row the mapping parsed: a polygon annotation whose fields the labels and extra.coco.area say everything
     * about (COCO's usual annotation) goes to the vertex store, so its item is built without reading it again.
     */
    keep(t, i, plan, raw) {
        if (!readerTuning.keepPolygons)
            return;
        const bbox = keptBox(plan, raw);
        if (bbox === undefined)
            return;
        const record = this.vertices.add(plan.flatParts, bbox);
        if (record < 0)
            return;
        t.record[i] = record;
        const area = raw.area;
        t.kept[i] = (area !== undefined ? K_AREA : 0) | (raw.iscrowd === 1 ? K_CROWD : 0);
        if (area !== undefined)
            t.area[i] = area;
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
    extents = { ext: new Float64Array(5 * 16), bbox: null };
    extent = { left: 0, top: 0, right: 0, bottom: 0, vertices: 0 };
    /** Annotation i as kept in the first pass (the plan and fields a second reading would give), or null. */
    kept(t, i) {
        const record = t.record[i];
        if (record < 0)
            return null;
        const plan = {
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
    keptLabels(t, i, rings) {
        const record = t.record[i];
        if (record < 0)
            return null;
        if (!this.extentOnly) {
            const kept = this.kept(t, i);
            return buildLabels(kept.plan, kept.fields, kept.category);
        }
        const out = this.extents;
        const n = this.vertices.extents(record, out);
        const ext = out.ext;
        const classTitle = this.categoryList[t.category[i]].classTitle;
        const id = t.annId[i], crowd = (t.kept[i] & K_CROWD) !== 0;
        const e = this.extent;
        const labels = new Array(n);
        // A record of extremes alone: its points, if read, come from the annotation read again (by its row).
        const hasVertices = this.vertices.hasVertices(record);
        if (!hasVertices && !rings)
            throw new Error("keptLabels: a polygon kept as its extremes needs a ring source");
        const source = hasVertices ? this.vertices : rings, sourceRecord = hasVertices ? record : i;
        let l = Infinity, tp = Infinity, r = -Infinity, b = -Infinity;
        for (let k = 0; k < n; k++) {
            e.left = ext[5 * k];
            e.top = ext[5 * k + 1];
            e.right = ext[5 * k + 2];
            e.bottom = ext[5 * k + 3];
            e.vertices = ext[5 * k + 4];
            if (e.left < l)
                l = e.left;
            if (e.top < tp)
                tp = e.top;
            if (e.right > r)
                r = e.right;
            if (e.bottom > b)
                b = e.bottom;
            const tags = [];
            if (!Number.isNaN(id))
                tags.push({ name: TAG_COCO_ID, value: id });
            if (crowd)
                tags.push({ name: TAG_ISCROWD });
            labels[k] = { classTitle, geometry: lazyPolygon(e, source, sourceRecord, k), tags };
        }
        // overlayOf for a kept polygon: its area (finite, when it has one), its bbox when not the parts' extremes.
        const bbox = out.bbox;
        const hasArea = (t.kept[i] & K_AREA) !== 0;
        const otherBox = bbox !== null && n > 0 && !(bbox[0] === l && bbox[1] === tp && bbox[2] === cleanFloat(r - l) && bbox[3] === cleanFloat(b - tp));
        if (n > 0 && (hasArea || otherBox)) {
            const overlay = {};
            if (hasArea)
                overlay.area = t.area[i];
            if (otherBox)
                overlay.bbox = bbox;
            labels[0].extra = { [EXTRA_COCO]: overlay };
        }
        return labels;
    }
    /**
     * Where the points of t's polygons kept as their extremes alone come from (keptLabels): record = the row, read
     * again from its file (opened and closed for each: only a polygon whose points something reads needs them).
     */
    static rereadRings(files, t) {
        const partOf = (row, k) => {
            const n = t.bytes[row];
            const buf = Buffer.allocUnsafe(n);
            const fd = openRegularFileSync(files[t.file[row]].path);
            let got;
            try {
                got = fs.readSync(fd, buf, 0, n, t.offset[row]);
            }
            finally {
                fs.closeSync(fd);
            }
            const r = got === n ? tryParseElement(buf.toString("utf8")) : null;
            const segmentation = r?.ok && isObject(r.value) ? r.value.segmentation : undefined;
            const part = Array.isArray(segmentation) ? segmentation[k] : undefined;
            if (!Array.isArray(part))
                throw new SlyconvError("coco-changed", "the COCO file changed while it was being read", { file: files[t.file[row]].display });
            return part;
        };
        return {
            ring(row, k) {
                const part = partOf(row, k);
                const ring = new Array(part.length >> 1);
                for (let v = 0; v < ring.length; v++)
                    ring[v] = [part[2 * v], part[2 * v + 1]];
                return ring;
            },
            flatRing(row, k, into) {
                const part = partOf(row, k);
                if (into.coords.length < part.length)
                    into.coords = new Float64Array(Math.max(part.length, 2 * into.coords.length));
                for (let v = 0; v < part.length; v++)
                    into.coords[v] = part[v];
                return part.length;
            },
        };
    }
    /**
     * Reads annotations of `files` back from their byte ranges, as JSON.parse gives them (files opened on first use);
     * `close` closes them.
     */
    static reread(files, t) {
        const fds = [];
        let scratch = Buffer.allocUnsafe(64 * 1024);
        return {
            read(i) {
                const n = t.bytes[i];
                if (n > scratch.length)
                    scratch = Buffer.allocUnsafe(Math.max(n, scratch.length * 2));
                const fd = (fds[t.file[i]] ??= openRegularFileSync(files[t.file[i]].path));
                fs.readSync(fd, scratch, 0, n, t.offset[i]);
                const r = tryParseElement(scratch.toString("utf8", 0, n));
                if (!r.ok)
                    throw new SlyconvError("coco-changed", "the COCO file changed while it was being read", { file: files[t.file[i]].display });
                return r;
            },
            close() {
                for (const fd of fds)
                    if (fd !== undefined)
                        fs.closeSync(fd);
            },
        };
    }
}
//# sourceMappingURL=annotation-store.js.map