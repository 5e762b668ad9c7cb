/**
 * Finding COCO JSON files in an input, naming the dataset each becomes, and finding the folder that holds the
 * images a file lists.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { RESERVED_DIRS } from "../../src/supervisely/layout.js";
import { readFileHead } from "../../src/io/file-head.js";
import { kindOfFile } from "../../src/io/regular-file.js";
/** How much of a file is read to tell whether it is COCO. */
const SNIFF_BYTES = 64 * 1024;
/** How deep below the input folder COCO files are looked for (COCO's own layout needs 1: annotations/). */
const MAX_DEPTH = 3;
/** Folders never searched: VCS, dependencies, Supervisely dataset parts (their JSON files are not COCO). */
const SKIP_DIRS = new Set(["node_modules", ".git", "ann", "img_info", "meta", "img"]);
/** Heuristic on the first bytes of a JSON file: a top-level object with COCO's arrays. */
export function looksLikeCocoHead(head) {
    const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
    if (!/^\s*\{/.test(text))
        return { coco: false, strong: false };
    const images = /"images"\s*:\s*\[/.test(text);
    const annotations = /"annotations"\s*:\s*\[/.test(text);
    const categories = /"categories"\s*:\s*\[/.test(text);
    const annFields = /"(image_id|category_id)"\s*:/.test(text);
    const imageFields = /"file_name"\s*:/.test(text);
    const keys = Number(images) + Number(annotations) + Number(categories);
    const coco = (images && (imageFields || keys >= 2)) || (annotations && annFields) || (categories && keys >= 2);
    return { coco, strong: coco && (keys >= 2 || (images && imageFields && annFields)) };
}
export function readHead(file, bytes = SNIFF_BYTES) {
    return readFileHead(file, bytes);
}
async function listJsonFiles(dir, depth, out, special) {
    let entries;
    try {
        entries = await fs.readdir(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
        if (e.name.startsWith("."))
            continue;
        const p = path.join(dir, e.name);
        const json = e.name.toLowerCase().endsWith(".json");
        // A .json that is a FIFO, socket or device (or a symlink to one) is never opened; the reader reports it.
        if (json && special && !e.isFile() && !e.isDirectory()) {
            const st = e.isSymbolicLink() ? await fs.stat(p).catch(() => null) : e;
            if (st && !st.isFile() && !st.isDirectory() && !st.isSymbolicLink())
                special.push({ path: p, kind: kindOfFile(st) });
        }
        if (e.isFile() && json)
            out.push(p);
        else if (e.isDirectory() && depth < MAX_DEPTH && !SKIP_DIRS.has(e.name))
            await listJsonFiles(p, depth + 1, out, special);
    }
}
const KIND_PREFIX = /^(instances|person_keypoints|keypoints|captions|image_info)_(.+)$/;
/** File stems that say nothing about the split: the folder name is used instead. */
const GENERIC_STEMS = new Set([
    "annotations", "_annotations", "annotation", "coco", "labels", "label", "instances", "keypoints", "captions", "data",
    "dataset", "result", "results", "output", "gt", "ground_truth",
]);
/** Folder names that only say "annotations live here": the folder above names the split. */
const GENERIC_DIRS = new Set(["annotations", "annotation", "labels", "json", "coco"]);
export function kindAndSplit(file) {
    let stem = path.basename(file).replace(/\.json$/i, "").replace(/\.coco$/i, "");
    let kind = "instances";
    const m = KIND_PREFIX.exec(stem);
    if (m) {
        kind = m[1] === "captions" ? "captions" : m[1].endsWith("keypoints") ? "keypoints" : "instances";
        stem = m[2];
    }
    if (!m && GENERIC_STEMS.has(stem.toLowerCase())) {
        let dir = path.dirname(path.resolve(file));
        if (GENERIC_DIRS.has(path.basename(dir).toLowerCase()))
            dir = path.dirname(dir);
        stem = path.basename(dir) || "coco";
    }
    return { kind, split: stem };
}
/** A dataset name safe as a folder name and not one Supervisely reserves. */
export function safeDatasetName(name) {
    // eslint-disable-next-line no-control-regex
    let s = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();
    if (!s || s === "." || s === "..")
        s = "coco";
    if (RESERVED_DIRS.has(s))
        s = `${s}_dataset`;
    return s;
}
/**
 * The COCO files of an input (a .json file, or a folder searched a few levels deep), sorted by path. `.json` files
 * that are FIFOs, sockets or devices go to `special`.
 */
export async function findCocoFiles(input, special) {
    const st = await fs.stat(input);
    const candidates = [];
    const root = st.isDirectory() ? input : path.dirname(input);
    if (st.isDirectory())
        await listJsonFiles(input, 0, candidates, special);
    else
        candidates.push(input);
    const out = [];
    for (const file of candidates) {
        let head;
        try {
            head = await readHead(file);
        }
        catch {
            continue;
        }
        // A file given by name is taken as COCO whatever its head says: its errors are worth reporting.
        if (st.isDirectory() && !looksLikeCocoHead(head).coco)
            continue;
        const display = path.relative(root, file).split(path.sep).join("/") || path.basename(file);
        out.push({ path: file, display, ...kindAndSplit(file) });
    }
    return out;
}
/**
 * Files of one split and different kinds share images (COCO's instances/person_keypoints/captions_val2017); two
 * files of the same kind and split are different datasets (`default`, `default_2`). `--dataset` puts every group into
 * one dataset.
 */
export function groupFiles(files, datasetOverride) {
    const groups = [];
    const bySplit = new Map();
    const used = new Set();
    for (const f of files) {
        const list = bySplit.get(f.split) ?? [];
        let g = list.find((x) => !x.files.some((y) => y.kind === f.kind));
        if (!g) {
            let name = safeDatasetName(f.split);
            for (let n = 2; used.has(name); n++)
                name = safeDatasetName(`${f.split}_${n}`);
            used.add(name);
            g = { dataset: name, files: [] };
            list.push(g);
            bySplit.set(f.split, list);
            groups.push(g);
        }
        g.files.push(f);
    }
    if (datasetOverride !== undefined) {
        const name = safeDatasetName(datasetOverride);
        for (const g of groups)
            g.dataset = name;
    }
    return groups;
}
/**
 * Folders where the images of an annotation file may be, most likely first: COCO's own layout
 * (annotations/instances_val2017.json beside val2017/), images/<split>, images/, FiftyOne's data/ (beside its
 * labels.json), the file's own folder (Roboflow), and the folder above.
 */
export function imageDirCandidates(annotationFile, split, imagesDir) {
    const dir = path.dirname(path.resolve(annotationFile));
    const parent = path.dirname(dir);
    const list = imagesDir !== undefined
        ? [path.resolve(imagesDir)]
        : [
            path.join(parent, split), path.join(dir, split),
            path.join(parent, "images", split), path.join(dir, "images", split),
            path.join(parent, "images"), path.join(dir, "images"),
            path.join(dir, "data"),
            dir, parent,
            path.join(parent, "JPEGImages"), path.join(dir, "JPEGImages"),
        ];
    return [...new Set(list)];
}
/** What stands where an image listed as `fileName` is looked for under `dir` when it is a FIFO, socket or device. */
export async function specialImageFile(dir, fileName) {
    const rel = fileName.replace(/\\/g, "/");
    for (const t of new Set([rel, rel.split("/").pop()])) {
        if (t.startsWith("/") || t.split("/").includes(".."))
            continue;
        const p = path.join(dir, t);
        const st = await fs.stat(p).catch(() => null);
        if (st && !st.isFile() && !st.isDirectory())
            return { path: p, kind: kindOfFile(st) };
    }
    return null;
}
/** Where an image listed as `fileName` is under `dir`: the path as written, else its base name; null if absent. */
export async function findImageFile(dir, fileName) {
    const rel = fileName.replace(/\\/g, "/");
    const tries = [rel];
    const base = rel.split("/").pop();
    if (base !== rel)
        tries.push(base);
    for (const t of tries) {
        if (t.startsWith("/") || t.split("/").includes(".."))
            continue; // never outside the folder
        const p = path.join(dir, t);
        try {
            if ((await fs.stat(p)).isFile())
                return p;
        }
        catch {
            /* try the next */
        }
    }
    return null;
}
//# sourceMappingURL=discover.js.map