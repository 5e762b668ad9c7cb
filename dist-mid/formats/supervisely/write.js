import fs from "node:fs/promises";
import path from "node:path";
import { iterateItems } from "../../src/model/index.js";
import { assertPlainFileName, safeJoin } from "../../src/io/paths.js";
import { canonicalJson } from "../../src/io/json-file.js";
import { canonicalJsonBytes } from "../../src/io/canonical-json.js";
import { pythonJsonBytes } from "../../src/io/python-json.js";
import { FileWriterThread } from "../../src/io/file-writer.js";
import { imageLeftOutMessage, placeFile } from "../../src/io/place-file.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { SlyconvError } from "../../src/errors.js";
import { annotationToJson, metaToJson } from "./json-model.js";
import { ANN_DIR, DATASETS_DIR, DATASETS_NOTE_FILE, IMG_DIR, IMG_INFO_DIR, META_DIR, META_FILE, RESERVED_DIRS, sdkListsImage, sdkSkippedEnding } from "../../src/supervisely/layout.js";
const WRITE_CONCURRENCY = 16;
/** Items in flight when a file writer thread creates the files (it gets them 8 at a time; this keeps it busy). */
const THREAD_WRITE_CONCURRENCY = 64;
/** A dataset of fewer items (listed, or the first items of a streamed one) is written on the main thread: starting the thread would cost more. */
const THREAD_MIN_ITEMS = 64;
/** Longest file name (in UTF-8 bytes) most file systems accept; `<name>.json` must fit. */
const MAX_NAME_BYTES = 255;
/** Names as a case-insensitive file system (macOS, Windows) compares them: letter case and Unicode form ignored. */
export const foldName = (name) => name.normalize("NFC").toLowerCase();
/** Places an image; false (after a warning) when the source is no readable regular file. Never overwrites. */
async function placeImage(src, dest, mode, itemName, ctx) {
    const r = await placeFile(src, dest, mode);
    if ("why" in r)
        ctx.report.warn("image-unreadable", imageLeftOutMessage(itemName, r.why), { file: src });
    return !("why" in r);
}
/**
 * A file that already exists in the fresh output can only be another item's file that the output's file system
 * does not tell apart from this one (letter case, Unicode normalisation): refused, never overwritten.
 */
function clashError(e, dataset, name) {
    if (e.code !== "EEXIST")
        return e;
    return new SlyconvError("name-case-clash", `dataset ${dataset}: item ${JSON.stringify(name)} would overwrite another item whose name differs only by letter case (or Unicode form): the output's file system does not tell them apart; rename one of them, or write to a case-sensitive file system`);
}
/**
 * Where a dataset's items go. The SDK lists a dataset's items from the files in img/ as soon as it holds one (names
 * from ann/ only when img/ has none: `Dataset._read`), so an item without an image file there would be invisible next
 * to items with one. Such items go to a sibling dataset of their own, made on the first one; a dataset in which no
 * item has an image keeps them (its img/ stays empty and the SDK lists them from ann/).
 */
class DatasetTarget {
    dir;
    fullName;
    sideName;
    /** Items written into the dataset folder, and into the sibling one. */
    withImage = 0;
    withoutImage = 0;
    sideMade = null;
    constructor(dir, fullName, sideName) {
        this.dir = dir;
        this.fullName = fullName;
        this.sideName = sideName;
    }
    /** The sibling dataset folder for items without an image file (made on first use, with ann/ and an empty img/). */
    side() {
        return (this.sideMade ??= (async () => {
            const { dir } = this.sideName();
            await makeDatasetDir(dir, this.fullName);
            return dir;
        })());
    }
    get sideUsed() {
        return this.sideMade !== null;
    }
    get sideFullName() {
        return this.sideName().fullName;
    }
}
/** Whether an item gets an image file in img/ that the SDK lists (a supported extension). */
function getsListedImage(item, mode) {
    const kind = item.image?.kind;
    return (kind === "file" || kind === "bytes") && mode !== "none" && sdkListsImage(item.name);
}
async function writeItem(target, item, mode, made, ctx, files) {
    const { name, image, imageMeta } = item;
    const listed = getsListedImage(item, mode);
    let dsDir = listed ? target.dir : await target.side();
    // One mkdir per folder, shared by the concurrent writers that need it.
    const ensure = async (sub) => {
        const d = path.join(dsDir, sub);
        let p = made.get(d);
        if (!p)
            made.set(d, (p = fs.mkdir(d, { recursive: true })));
        await p;
        return d;
    };
    let info = item.imageInfo;
    // "wx": exclusive create, so two names one file system takes for the same file can never overwrite each other.
    const create = (file, data) => (files ? files.write(file, data) : fs.writeFile(file, data, { flag: "wx" }));
    // ann/ is made with the dataset folder. With a writer thread, the annotation is packed here and serialized there.
    const annFile = path.join(dsDir, ANN_DIR, `${name}.json`);
    const annotationWritten = files
        ? files.writeJson(annFile, (lists) => annotationToJson(item.annotation, lists), { python: true })
        : create(annFile, pythonJsonBytes(canonicalJsonBytes(annotationToJson(item.annotation))));
    // The labels (most of the heap in flight) are let go before waiting for the file, so that they die young instead
    // of being promoted and collected by a full GC.
    item = undefined;
    try {
        await annotationWritten;
        if (image?.kind === "link")
            info = { ...info, link: image.url };
        let placed = true;
        if (image?.kind === "file" && mode !== "none")
            placed = await placeImage(image.path, path.join(await ensure(IMG_DIR), name), mode, name, ctx);
        if (image?.kind === "bytes" && mode !== "none")
            await create(path.join(await ensure(IMG_DIR), name), image.data);
        if (listed && !placed) {
            // Its image could not be placed: among items with images the SDK would not see it.
            dsDir = await target.side();
            await fs.rename(annFile, path.join(dsDir, ANN_DIR, `${name}.json`));
        }
        if (listed && placed)
            target.withImage++;
        else
            target.withoutImage++;
        if (info)
            await create(path.join(await ensure(IMG_INFO_DIR), `${name}.json`), canonicalJson(info));
        if (imageMeta && Object.keys(imageMeta).length) {
            await create(path.join(await ensure(META_DIR), `${name}.json`), canonicalJson(imageMeta));
        }
    }
    catch (e) {
        throw clashError(e, target.fullName, name);
    }
}
/** Makes a dataset folder with ann/ and img/ (the SDK opens no dataset without img/, even an empty one). */
async function makeDatasetDir(dsDir, fullName) {
    // Not recursive: a dataset folder that already exists is another dataset's, by a name differing only by case.
    try {
        await fs.mkdir(dsDir);
    }
    catch (e) {
        if (e.code !== "EEXIST")
            throw e;
        throw new SlyconvError("name-case-clash", `dataset ${fullName} would be written into another dataset's folder whose name differs only by letter case (or Unicode form): the output's file system does not tell them apart; rename one of them, or write to a case-sensitive file system`);
    }
    await fs.mkdir(path.join(dsDir, ANN_DIR));
    await fs.mkdir(path.join(dsDir, IMG_DIR));
}
/**
 * Writes a dataset (and its children) into `dsDir`; `names` are its siblings' names, from which the dataset for its
 * items without an image takes a free one.
 */
async function writeDataset(dsDir, ds, opts, ctx, fullName, names) {
    await makeDatasetDir(dsDir, fullName);
    const parentDir = path.dirname(dsDir);
    let side = null;
    const target = new DatasetTarget(dsDir, fullName, () => {
        if (!side) {
            const name = names.free(`${path.basename(dsDir)}${NO_IMAGE_SUFFIX}`);
            side = { dir: path.join(parentDir, name), fullName: fullName.slice(0, fullName.length - path.basename(dsDir).length) + name };
        }
        return side;
    });
    const made = new Map([[path.join(dsDir, ANN_DIR), Promise.resolve()], [path.join(dsDir, IMG_DIR), Promise.resolve()]]);
    const seen = new Set();
    const folded = new Map();
    let count = 0;
    const checked = async function* () {
        for await (const item of iterateItems(ds.items)) {
            try {
                assertPlainFileName(item.name);
            }
            catch (e) {
                if (e instanceof SlyconvError)
                    e.message = `dataset ${fullName}: item name: ${e.message}`;
                throw e;
            }
            checkNameLength(item.name, `an item of dataset ${fullName}`);
            if (seen.has(item.name)) {
                throw new SlyconvError("duplicate-item", `dataset ${fullName} has two items named ${JSON.stringify(item.name)}`);
            }
            seen.add(item.name);
            const other = folded.get(foldName(item.name));
            if (other !== undefined) {
                ctx.report.warn("name-case-clash", `dataset ${fullName}: items ${JSON.stringify(other)} and ${JSON.stringify(item.name)} differ only by letter case; both are written, but they are one file on a case-insensitive file system (macOS, Windows), where the import stops instead`, { file: `${fullName}/${ANN_DIR}/${item.name}.json` });
            }
            else
                folded.set(foldName(item.name), item.name);
            yield item;
        }
    };
    const write = async (items, files) => {
        for await (const _ of mapConcurrent(items, files ? THREAD_WRITE_CONCURRENCY : WRITE_CONCURRENCY, (item) => writeItem(target, item, opts.images, made, ctx, files))) {
            count++;
            ctx.progress.increment();
        }
    };
    if (!opts.filesTried && Array.isArray(ds.items) && ds.items.length >= THREAD_MIN_ITEMS) {
        opts.filesTried = true;
        opts.files = FileWriterThread.start();
    }
    if (opts.files || opts.filesTried || Array.isArray(ds.items))
        await write(checked(), opts.files);
    else {
        // A streamed dataset of unknown size: its first items are written here, and the thread taken only when more come,
        // so that a small import does not wait for the thread to start.
        const items = checked()[Symbol.asyncIterator]();
        const first = [];
        let next = await items.next();
        for (; !next.done && first.length < THREAD_MIN_ITEMS; next = await items.next())
            first.push(next.value);
        await write(iterable(first), null);
        if (!next.done) {
            opts.filesTried = true;
            opts.files = FileWriterThread.start();
            const pending = next.value;
            await write((async function* () {
                yield pending;
                for (let r = await items.next(); !r.done; r = await items.next())
                    yield r.value;
            })(), opts.files);
        }
    }
    // A shard records where each dataset's items went, so that merge can place them as the single run does (src/merge.ts).
    if (ctx.shard) {
        const datasets = (ctx.shard.state.supervisely ??= { datasets: [] }).datasets;
        datasets.push({ name: fullName, withImage: target.withImage, withoutImage: target.withoutImage, side: target.sideUsed ? target.sideFullName : siblingName(fullName, names.peekFree(`${path.basename(dsDir)}${NO_IMAGE_SUFFIX}`)) });
    }
    if (target.sideUsed) {
        const sideDir = await target.side();
        if (target.withImage === 0) {
            // No item has an image: they all stay in the dataset itself (whose ann/ and img/ are still empty).
            await fs.rmdir(path.join(dsDir, ANN_DIR));
            await fs.rmdir(path.join(dsDir, IMG_DIR));
            await fs.rmdir(dsDir);
            await fs.rename(sideDir, dsDir);
            names.release(path.basename(sideDir));
        }
        else {
            opts.note.itemsWithoutImage[target.sideFullName] = fullName;
            // Said once: not again when the project read was written so (its note says the same).
            if (opts.known.itemsWithoutImage?.[target.sideFullName] !== fullName)
                ctx.report.info("items-without-image", `dataset ${fullName}: ${target.withoutImage} of its ${target.withImage + target.withoutImage} items ${target.withoutImage === 1 ? "has" : "have"} no image file the Supervisely SDK lists (a link, no image, or an image type the SDK does not open): the SDK takes a dataset's items from img/ and would not see such items beside items with images, so they go to the dataset ${JSON.stringify(target.sideFullName)}`);
        }
    }
    const siblings = new DatasetNames(fullName, ds.datasets.map((c) => c.name), opts.known);
    for (const child of ds.datasets) {
        const name = siblings.claim(child.name, ctx);
        if (name !== child.name)
            opts.note.renamed[`${fullName}/${name}`] = child.name;
        await fs.mkdir(path.join(dsDir, DATASETS_DIR), { recursive: true });
        count += await writeDataset(safeJoin(dsDir, DATASETS_DIR, name), child, opts, ctx, `${fullName}/${name}`, siblings);
    }
    return count;
}
/** The full name of a sibling of the dataset `fullName`. */
function siblingName(fullName, name) {
    const cut = fullName.lastIndexOf("/");
    return cut < 0 ? name : `${fullName.slice(0, cut)}/${name}`;
}
/** Added to a dataset's name to name the dataset of its items without an image. */
const NO_IMAGE_SUFFIX = "-no-image";
/** Added to a dataset name the SDK would skip (see sdkSkippedEnding). */
const RENAMED_SUFFIX = "-ds";
async function* iterable(values) {
    yield* values;
}
/** Names that must fit one path segment of most file systems once `.json` is added. */
function checkNameLength(name, what) {
    const bytes = Buffer.byteLength(name) + ".json".length;
    if (bytes > MAX_NAME_BYTES) {
        throw new SlyconvError("name-too-long", `${what} is named ${JSON.stringify(name.length > 60 ? `${name.slice(0, 40)}…${name.slice(-12)}` : name)} (${Buffer.byteLength(name)} bytes): file names are limited to ${MAX_NAME_BYTES - 5} bytes here (${MAX_NAME_BYTES} with ".json")`);
    }
}
/** Project root files a dataset folder must not take, whatever their letter case. */
const ROOT_FILES = new Set([META_FILE, "key_id_map.json"]);
function checkDatasetName(name) {
    try {
        assertPlainFileName(name);
    }
    catch (e) {
        if (e instanceof SlyconvError)
            e.message = `dataset name: ${e.message}`;
        throw e;
    }
    checkNameLength(name, "a dataset");
    if (RESERVED_DIRS.has(name))
        throw new SlyconvError("reserved-dataset-name", `a dataset cannot be named ${JSON.stringify(name)}: Supervisely reserves that folder name`);
    if (ROOT_FILES.has(foldName(name)))
        throw new SlyconvError("reserved-dataset-name", `a dataset cannot be named ${JSON.stringify(name)}: that is the name of a project file`);
}
/**
 * Sibling dataset names: exact repeats are refused; names differing only by case are warned about; a name the SDK
 * skips is renamed (with an info finding); `free` gives an unused name for a dataset slyconv adds.
 */
class DatasetNames {
    parent;
    known;
    exact = new Set();
    folded = new Map();
    /** Every name given or still to be given (folded), so that no renamed or added dataset takes a sibling's name. */
    taken = new Set();
    constructor(parent, all, known) {
        this.parent = parent;
        this.known = known;
        for (const n of all)
            this.taken.add(foldName(n));
    }
    /** Checks a dataset's name and returns the folder name it is written under. */
    claim(name, ctx) {
        checkDatasetName(name);
        if (this.exact.has(name))
            throw new SlyconvError("duplicate-dataset", `two datasets${this.parent ? ` in ${this.parent}` : ""} are named ${JSON.stringify(name)}`);
        this.exact.add(name);
        const other = this.folded.get(foldName(name));
        if (other !== undefined) {
            ctx.report.warn("name-case-clash", `datasets ${JSON.stringify(other)} and ${JSON.stringify(name)}${this.parent ? ` in ${this.parent}` : ""} differ only by letter case; both are written, but they are one folder on a case-insensitive file system (macOS, Windows), where the import stops instead`);
        }
        else
            this.folded.set(foldName(name), name);
        const ending = sdkSkippedEnding(name);
        if (ending === undefined)
            return name;
        const renamed = this.free(`${name}${RENAMED_SUFFIX}`);
        if (this.known.renamed?.[this.parent ? `${this.parent}/${renamed}` : renamed] !== name)
            ctx.report.info("dataset-renamed", `dataset ${JSON.stringify(this.parent ? `${this.parent}/${name}` : name)} is written as ${JSON.stringify(renamed)}: the Supervisely SDK skips every dataset folder whose name ends with "${ending}" (it takes such folders for a dataset's own ann/, img/, seg/… folders)`);
        return renamed;
    }
    /** `base`, or `base-2`, `base-3`…: the first one no sibling has (letter case aside), now taken. */
    free(base) {
        let name = base;
        for (let i = 2; this.taken.has(foldName(name)); i++)
            name = `${base}-${i}`;
        checkNameLength(name, "a dataset");
        this.taken.add(foldName(name));
        return name;
    }
    /** The name `free` would give now, not taken. */
    peekFree(base) {
        let name = base;
        for (let i = 2; this.taken.has(foldName(name)); i++)
            name = `${base}-${i}`;
        return name;
    }
    /** Gives back a name `free` gave that ended up unused. */
    release(name) {
        this.taken.delete(foldName(name));
    }
}
/** The note a project read from a slyconv output carries (see DATASETS_NOTE_FILE); empty when none. */
function knownNote(project) {
    const n = project.sideFiles?.[DATASETS_NOTE_FILE];
    return typeof n === "object" && n !== null ? n : {};
}
/** Writes a project canonically (spec §9) into an empty folder. meta.json is written last. */
export async function writeSuperviselyProject(project, outDir, options, ctx) {
    const opts = { images: options.images ?? "copy", files: null, filesTried: false, note: { renamed: {}, itemsWithoutImage: {} }, known: knownNote(project) };
    ctx.progress.start("writing Supervisely project");
    let items = 0;
    const names = new DatasetNames(null, project.datasets.map((d) => d.name), opts.known);
    try {
        for (const ds of project.datasets) {
            const name = names.claim(ds.name, ctx);
            if (name !== ds.name)
                opts.note.renamed[name] = ds.name;
            items += await writeDataset(safeJoin(outDir, name), ds, opts, ctx, name, names);
        }
    }
    finally {
        await opts.files?.close();
    }
    ctx.progress.stop();
    const sideFiles = { ...project.sideFiles };
    delete sideFiles[DATASETS_NOTE_FILE];
    if (Object.keys(opts.note.renamed).length || Object.keys(opts.note.itemsWithoutImage).length)
        sideFiles[DATASETS_NOTE_FILE] = opts.note;
    for (const [file, value] of Object.entries(sideFiles)) {
        if (ROOT_FILES.has(foldName(file))) {
            ctx.report.warn("side-file-skipped", `project side file ${JSON.stringify(file)} is left out: its name is that of a project file`, { file });
            continue;
        }
        try {
            await fs.writeFile(safeJoin(outDir, assertPlainFileName(file)), canonicalJson(value), { flag: "wx" });
        }
        catch (e) {
            if (e.code !== "EEXIST" && e.code !== "EISDIR")
                throw e;
            throw new SlyconvError("name-case-clash", `project side file ${JSON.stringify(file)} has the name of a dataset folder or of another side file (letter case aside)`);
        }
    }
    await fs.writeFile(path.join(outDir, META_FILE), canonicalJson(metaToJson(project.meta)));
    ctx.report.count("items", items);
    return { items };
}
//# sourceMappingURL=write.js.map