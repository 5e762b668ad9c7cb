/**
 * ImageSets split lists ↔ datasets.
 *
 * Import: every one-column list `ImageSets/<Folder>/<split>.txt` (Main, Segmentation, and CVAT's Layout/Action
 * `default.txt`) names a split; each split becomes a dataset holding its images in list order, and an image listed in
 * several splits is an item of each of those datasets. `trainval` is not a dataset of its own when, in every folder,
 * it is exactly train ∪ val: export writes it back from train and val. Images in no list go to the dataset
 * `unlisted`. Multi-column lists (per-class `<class>_<split>.txt`, VOC2012's Layout/Action object lists) are derived
 * data: per-class lists are recomputed on export, object lists are reported and not kept.
 *
 * Which folders list an image by default: Main always, Segmentation when the image has masks. Where the source lists
 * it otherwise, the item gets the image tag voc_image_sets (e.g. "Main,Layout,Action") and export follows the tag.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { assertPlainFileName } from "../../src/io/paths.js";
import { MAX_CLASS_STEM_BYTES, classFileStem, classFileStems } from "../../src/io/class-file-names.js";
import { IMAGE_SETS_DIR, MAIN_SETS, SEGMENTATION_SETS, listDir } from "./layout.js";
import { reportSpecialFiles } from "../../src/io/list-dir.js";
import { readRegularFile } from "../../src/io/regular-file.js";
export const UNLISTED_DATASET = "unlisted";
export const TRAINVAL = "trainval";
const SPLIT_ORDER = ["train", "val", "test"];
function folderOrder(a, b) {
    const rank = (f) => (f === MAIN_SETS ? 0 : f === SEGMENTATION_SETS ? 1 : 2);
    return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
export async function readImageSets(vocDir, displayRoot, report) {
    const folders = new Map();
    const base = path.join(vocDir, IMAGE_SETS_DIR);
    const subdirs = (await listDir(base)).filter((d) => d.isDirectory()).map((d) => d.name).sort(folderOrder);
    for (const folder of subdirs) {
        let perClass = 0;
        const special = [];
        const listed = await listDir(path.join(base, folder), special);
        reportSpecialFiles(report, special, displayRoot);
        for (const d of listed.filter((e) => e.isFile() && e.name.endsWith(".txt")).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const file = path.join(base, folder, d.name);
            const rows = (await readRegularFile(file, "utf8")).split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => l.split(/\s+/));
            if (rows.some((r) => r.length !== 1)) {
                perClass++;
                continue;
            }
            const split = d.name.slice(0, -".txt".length);
            if (!folders.has(folder))
                folders.set(folder, new Map());
            folders.get(folder).set(split, rows.map((r) => r[0]));
        }
        if (perClass) {
            const rel = path.relative(displayRoot, path.join(base, folder)).split(path.sep).join("/");
            report.info(folder === MAIN_SETS ? "voc-class-lists-derived" : "voc-object-lists-skipped", folder === MAIN_SETS
                ? `${perClass} per-class lists (<class>_<split>.txt) are derived from the annotations and written again on export`
                : `${perClass} multi-column lists (image + object or label columns) are not kept; export writes one-column lists`, { file: rel });
        }
    }
    return { folders };
}
function isUnionOfTrainVal(lists) {
    const tv = lists.get(TRAINVAL);
    if (!tv || (!lists.has("train") && !lists.has("val")))
        return false;
    const union = new Set([...(lists.get("train") ?? []), ...(lists.get("val") ?? [])]);
    const tvSet = new Set(tv);
    return tvSet.size === union.size && [...union].every((id) => tvSet.has(id));
}
export function planSplits(lists) {
    const withTrainval = [...lists.folders.values()].filter((m) => m.has(TRAINVAL));
    const trainvalDerived = withTrainval.length > 0 && withTrainval.every(isUnionOfTrainVal);
    const members = new Map();
    const folders = new Map();
    const seen = new Map();
    for (const [folder, splits] of lists.folders) {
        for (const [split, ids] of splits) {
            if (trainvalDerived && split === TRAINVAL)
                continue;
            if (!members.has(split)) {
                members.set(split, []);
                seen.set(split, new Set());
            }
            for (const id of ids) {
                if (!seen.get(split).has(id)) {
                    seen.get(split).add(id);
                    members.get(split).push(id);
                }
                const byId = folders.get(id) ?? new Map();
                folders.set(id, byId);
                const listedIn = byId.get(split) ?? [];
                if (!listedIn.includes(folder))
                    listedIn.push(folder);
                byId.set(split, listedIn);
            }
        }
    }
    const rank = (s) => {
        const i = SPLIT_ORDER.indexOf(s);
        return i < 0 ? SPLIT_ORDER.length : i;
    };
    const splits = [...members.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return { splits, members, folders, trainvalDerived };
}
/** The folders an image is listed in by default (see the top of this file). */
export function defaultFolders(hasMasks) {
    return hasMasks ? [MAIN_SETS, SEGMENTATION_SETS] : [MAIN_SETS];
}
/** The voc_image_sets tag value for an item, or undefined when its folders are the default ones. */
export function imageSetsTagValue(listedIn, hasMasks) {
    const expected = defaultFolders(hasMasks);
    const actual = [...listedIn].sort(folderOrder);
    if (actual.length === expected.length && actual.every((f, i) => f === expected[i]))
        return undefined;
    return actual.join(",");
}
/** Parses a voc_image_sets value (folder names, comma separated). */
export function parseImageSetsTag(value) {
    if (typeof value !== "string")
        return undefined;
    const folders = value.split(",").map((s) => s.trim()).filter(Boolean);
    return folders.length ? folders : undefined;
}
/**
 * Collects list entries while items are written, then writes ImageSets: `<Folder>/<split>.txt`, Main's per-class
 * `<class>_<split>.txt` (VOC's " 1" / " 0" / "-1" column), and trainval = train ∪ val where both exist.
 */
export class SplitListWriter {
    entries = new Map();
    listed = new Map();
    add(split, id, folders, classes) {
        const seen = this.listed.get(split) ?? new Set();
        this.listed.set(split, seen);
        if (seen.has(id))
            return;
        seen.add(id);
        if (!this.entries.has(split))
            this.entries.set(split, []);
        this.entries.get(split).push({ id, folders, classes });
    }
    /** `objectClasses`: every class written as an XML object, each gets its per-class lists (VOC lists all 20). */
    async write(outDir, objectClasses, report) {
        if (!this.entries.size)
            return;
        const bySplit = new Map(this.entries);
        if (!bySplit.has(TRAINVAL) && bySplit.has("train") && bySplit.has("val")) {
            const merged = new Map();
            for (const e of [...bySplit.get("train"), ...bySplit.get("val")])
                if (!merged.has(e.id))
                    merged.set(e.id, e);
            bySplit.set(TRAINVAL, [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
        }
        const folderFiles = new Map();
        for (const [split, entries] of bySplit) {
            for (const e of entries) {
                for (const folder of e.folders) {
                    const m = folderFiles.get(folder) ?? new Map();
                    folderFiles.set(folder, m);
                    const ids = m.get(split);
                    if (ids)
                        ids.push(e.id);
                    else
                        m.set(split, [e.id]);
                }
            }
        }
        // trainval only where that folder has both halves (a Segmentation list may cover train alone).
        for (const m of folderFiles.values())
            if (!this.entries.has(TRAINVAL) && !(m.has("train") && m.has("val")))
                m.delete(TRAINVAL);
        for (const [folder, splits] of folderFiles) {
            const dir = path.join(outDir, "ImageSets", assertPlainFileName(folder));
            await fs.mkdir(dir, { recursive: true });
            for (const [split, ids] of splits)
                await fs.writeFile(path.join(dir, `${assertPlainFileName(split)}.txt`), ids.join("\n") + "\n");
        }
        const main = folderFiles.get(MAIN_SETS);
        if (!main)
            return;
        const mainEntries = new Map([...main.keys()].map((split) => {
            const inMain = new Set(main.get(split));
            return [split, bySplit.get(split).filter((e) => inMain.has(e.id))];
        }));
        const stems = classFileStems([...objectClasses].sort());
        for (const [cls, safe] of stems) {
            if (safe !== cls)
                report.warn("voc-class-file-name", `class ${JSON.stringify(cls)} is written to per-class lists as ${JSON.stringify(safe)} (${fileNameReason(cls, safe)})`);
        }
        for (const [split, entries] of mainEntries) {
            const lists = new ClassLists(entries);
            for (const [cls, safe] of stems)
                await fs.writeFile(path.join(outDir, "ImageSets", MAIN_SETS, `${assertPlainFileName(safe)}_${split}.txt`), lists.of(cls));
        }
    }
}
/**
 * The per-class lists of one split (`<id> -1` / `<id>  0` / `<id>  1` a line), as bytes: one template of every line
 * with -1, copied and patched where the class is present. With a hundred thousand images and 80 classes, a string
 * per line (millions of them, kept until each file's text is joined) took hundreds of MB at the end of an export.
 */
class ClassLists {
    template;
    /** Where each entry's two column bytes are. */
    column;
    /** Per class, the entries that have it and its value there (0: only difficult objects, 1: others). */
    present = new Map();
    constructor(entries) {
        let size = 0;
        for (const e of entries)
            size += Buffer.byteLength(e.id) + 4;
        this.template = Buffer.allocUnsafe(size);
        this.column = new Int32Array(entries.length);
        let at = 0;
        entries.forEach((e, k) => {
            at += this.template.write(e.id, at, "utf8");
            this.template[at++] = 0x20;
            this.column[k] = at;
            this.template[at++] = 0x2d; // "-1": absent
            this.template[at++] = 0x31;
            this.template[at++] = 0x0a;
            for (const [cls, v] of e.classes) {
                const list = this.present.get(cls);
                if (list)
                    list.push(k, v);
                else
                    this.present.set(cls, [k, v]);
            }
        });
    }
    /** The file of one class. */
    of(cls) {
        if (!this.column.length)
            return Buffer.from("\n");
        const out = Buffer.from(this.template);
        const list = this.present.get(cls) ?? [];
        for (let i = 0; i < list.length; i += 2) {
            out[this.column[list[i]]] = 0x20; // " 0" / " 1": present
            out[this.column[list[i]] + 1] = list[i + 1] ? 0x31 : 0x30;
        }
        return out;
    }
}
/** Why a class's per-class list is not named after the class itself. */
function fileNameReason(title, stem) {
    if (stem !== classFileStem(title))
        return "another class makes the same file name";
    if (title.startsWith("."))
        return "a name starting with a dot is a hidden file";
    if (Buffer.byteLength(title) > MAX_CLASS_STEM_BYTES)
        return "the class name is longer than a file name may be";
    return "a file name cannot hold slashes or control characters";
}
//# sourceMappingURL=image-sets.js.map