/**
 * Where the images and masks of a masks dataset are. Two layouts:
 *
 * Supervisely "export as masks" (spec §6.5): `obj_class_to_machine_color.json` at the root, datasets with `img/`,
 * `masks_machine/<stem>.png`, `masks_instances/<stem>/<class>_N.png` (or the older `ann/<stem>.png` and
 * `ann/<stem>/`), nested datasets under `<dataset>/datasets/`. `masks_human/` and `masks_semantic_rgb/` are views
 * and are not read.
 *
 * Generic: an images folder (`images/`, `img/`, `JPEGImages/`) and a masks folder (`masks/`, `labels/`,
 * `SegmentationClass/`, `annotations/`) paired by file stem, optionally an instance-id folder (`SegmentationObject/`,
 * `instances/`) and a class file at the root. Sub-folders of the images folder (`images/train/…`) are datasets,
 * with their masks in the same sub-folder of the masks folder.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { hasImageExtension } from "../../src/supervisely/layout.js";
import { CLASS_LIST_FILES, MACHINE_COLOR_FILE } from "./class-map.js";
import { listDir } from "../../src/io/list-dir.js";
import { kindOfFile } from "../../src/io/regular-file.js";
export const SLY_IMG_DIR = "img";
export const SLY_MACHINE_DIR = "masks_machine";
export const SLY_INSTANCES_DIR = "masks_instances";
export const SLY_HUMAN_DIR = "masks_human";
export const SLY_SEMANTIC_DIR = "masks_semantic_rgb";
export const SLY_ANN_DIR = "ann";
export const SLY_DATASETS_DIR = "datasets";
export const GENERIC_IMAGE_DIRS = ["images", "img", "imgs", "JPEGImages"];
export const GENERIC_MASK_DIRS = ["masks", "labels", "SegmentationClass", "annotations", "gt"];
export const GENERIC_INSTANCE_DIRS = ["SegmentationObject", "instances"];
export async function isDir(p) {
    return (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;
}
/** Whether a class file is at `p`; one that is a FIFO, socket or device goes to `special` instead. */
async function classFileAt(p, special) {
    const st = await fs.stat(p).catch(() => null);
    if (st && !st.isFile() && !st.isDirectory())
        special.push({ path: p, kind: kindOfFile(st) });
    return st?.isFile() ?? false;
}
async function isFile(p) {
    return (await fs.stat(p).catch(() => null))?.isFile() ?? false;
}
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Sorts `car_2` before `car_10`. */
export const naturalCompare = (a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "variant" });
const stemOf = (name) => (name.lastIndexOf(".") > 0 ? name.slice(0, name.lastIndexOf(".")) : name);
const isPng = (name) => name.toLowerCase().endsWith(".png");
/** Finds a child folder by any of `names`, case-insensitively, in that order of preference. */
async function findChildDir(parent, names, accept) {
    const entries = (await listDir(parent)).filter((d) => d.isDirectory());
    for (const want of names) {
        const hit = entries.find((d) => d.name === want) ?? entries.find((d) => d.name.toLowerCase() === want.toLowerCase());
        if (hit && (!accept || (await accept(path.join(parent, hit.name)))))
            return path.join(parent, hit.name);
    }
    return undefined;
}
async function hasPngFiles(dir, depth = 1) {
    for (const d of await listDir(dir)) {
        if (d.isFile() && isPng(d.name))
            return true;
        if (d.isDirectory() && depth > 0 && (await hasPngFiles(path.join(dir, d.name), depth - 1)))
            return true;
    }
    return false;
}
/**
 * Pairs images with mask keys. A mask key is the image's full name (`a.jpg.png` → `a.jpg`, used when stems
 * collide) or its stem (`a.png` → `a`); full names are matched first, then stems among the images not taken.
 */
function pairByKey(imageNames, masks) {
    const byImage = new Map();
    const used = new Set();
    for (const name of imageNames) {
        if (masks.has(name)) {
            byImage.set(name, masks.get(name));
            used.add(name);
        }
    }
    const stems = new Map();
    for (const name of imageNames) {
        if (byImage.has(name))
            continue;
        const s = stemOf(name);
        stems.set(s, [...(stems.get(s) ?? []), name]);
    }
    const ambiguous = [];
    for (const [key, value] of masks) {
        if (used.has(key))
            continue;
        const candidates = stems.get(key);
        if (!candidates)
            continue;
        used.add(key);
        byImage.set(candidates[0], value);
        if (candidates.length > 1)
            ambiguous.push({ mask: key, images: candidates });
    }
    const orphans = [...masks.keys()].filter((k) => !used.has(k));
    return { byImage, orphans, ambiguous };
}
async function imageFiles(dir, special) {
    if (!dir)
        return [];
    return (await listDir(dir, special)).filter((d) => d.isFile() && hasImageExtension(d.name)).map((d) => d.name).sort(byName);
}
async function pngFilesByStem(dir, special) {
    const out = new Map();
    if (!dir)
        return out;
    for (const d of (await listDir(dir, special)).sort((a, b) => byName(a.name, b.name))) {
        if (d.isFile() && isPng(d.name))
            out.set(stemOf(d.name), path.join(dir, d.name));
    }
    return out;
}
async function instanceFolders(dir, special) {
    const out = new Map();
    if (!dir)
        return out;
    for (const d of (await listDir(dir)).sort((a, b) => byName(a.name, b.name))) {
        if (!d.isDirectory())
            continue;
        const files = (await listDir(path.join(dir, d.name), special)).filter((f) => f.isFile() && isPng(f.name)).map((f) => f.name).sort(naturalCompare);
        out.set(d.name, files.map((f) => path.join(dir, d.name, f)));
    }
    return out;
}
function buildEntries(images, imageDir, semantic, instances, instanceIds) {
    const sem = pairByKey(images, semantic);
    const inst = pairByKey(images, instances);
    const ids = pairByKey(images, instanceIds);
    const entries = images.map((name) => ({
        name,
        imagePath: imageDir ? path.join(imageDir, name) : undefined,
        semanticPath: sem.byImage.get(name),
        instanceFiles: inst.byImage.get(name),
        instanceIdPath: ids.byImage.get(name),
    }));
    const orphans = [
        ...sem.orphans.map((k) => semantic.get(k)),
        ...inst.orphans.map((k) => (instances.get(k)[0] ? path.dirname(instances.get(k)[0]) : k)),
        ...ids.orphans.map((k) => instanceIds.get(k)),
    ];
    return { entries, orphans, ambiguous: [...sem.ambiguous, ...inst.ambiguous, ...ids.ambiguous] };
}
// -------------------------------------------------------------------------------------- Supervisely layout
/** The folder holding obj_class_to_machine_color.json: the input itself or its single sub-folder that has one. */
export async function findSuperviselyMasksRoot(input) {
    if (await isFile(path.join(input, MACHINE_COLOR_FILE)))
        return input;
    const withFile = [];
    for (const d of await listDir(input)) {
        if (d.isDirectory() && !d.name.startsWith(".") && (await isFile(path.join(input, d.name, MACHINE_COLOR_FILE))))
            withFile.push(d.name);
    }
    return withFile.length === 1 ? path.join(input, withFile[0]) : null;
}
export async function isSuperviselyMasksDataset(dir) {
    if ((await isDir(path.join(dir, SLY_MACHINE_DIR))) || (await isDir(path.join(dir, SLY_INSTANCES_DIR))))
        return true;
    return (await isDir(path.join(dir, SLY_ANN_DIR))) && (await hasPngFiles(path.join(dir, SLY_ANN_DIR)));
}
async function superviselyDataset(dir, name, special) {
    const imgDir = path.join(dir, SLY_IMG_DIR);
    const images = await imageFiles(imgDir, special);
    let semantic = await pngFilesByStem((await isDir(path.join(dir, SLY_MACHINE_DIR))) ? path.join(dir, SLY_MACHINE_DIR) : undefined, special);
    let instances = await instanceFolders((await isDir(path.join(dir, SLY_INSTANCES_DIR))) ? path.join(dir, SLY_INSTANCES_DIR) : undefined, special);
    // The SDK's alternative: masks in ann/ (files are semantic, sub-folders instance).
    if (!semantic.size && !instances.size && (await isDir(path.join(dir, SLY_ANN_DIR)))) {
        semantic = await pngFilesByStem(path.join(dir, SLY_ANN_DIR), special);
        instances = await instanceFolders(path.join(dir, SLY_ANN_DIR), special);
    }
    const children = [];
    for (const d of (await listDir(path.join(dir, SLY_DATASETS_DIR))).sort((a, b) => byName(a.name, b.name))) {
        const child = path.join(dir, SLY_DATASETS_DIR, d.name);
        if (d.isDirectory() && ((await isSuperviselyMasksDataset(child)) || (await isDir(path.join(child, SLY_IMG_DIR))))) {
            children.push(await superviselyDataset(child, d.name, special));
        }
    }
    return { name, dir, ...buildEntries(images, imgDir, semantic, instances, new Map()), children };
}
async function superviselyLayout(root, special) {
    const datasets = [];
    for (const d of (await listDir(root)).sort((a, b) => byName(a.name, b.name))) {
        if (!d.isDirectory() || d.name.startsWith("."))
            continue;
        const dir = path.join(root, d.name);
        if ((await isSuperviselyMasksDataset(dir)) || (await isDir(path.join(dir, SLY_IMG_DIR))))
            datasets.push(await superviselyDataset(dir, d.name, special));
    }
    const classFile = (await classFileAt(path.join(root, MACHINE_COLOR_FILE), special)) ? path.join(root, MACHINE_COLOR_FILE) : undefined;
    return { kind: "supervisely", root, datasets, classFile, special };
}
export async function findGenericDirs(root) {
    const images = await findChildDir(root, GENERIC_IMAGE_DIRS);
    const masks = await findChildDir(root, GENERIC_MASK_DIRS, (d) => hasPngFiles(d));
    if (!images || !masks)
        return null;
    const instances = await findChildDir(root, GENERIC_INSTANCE_DIRS, (d) => hasPngFiles(d));
    return { images, masks, instances };
}
async function genericDataset(dirs, rel, name, special) {
    const imageDir = path.join(dirs.images, rel);
    const maskDir = path.join(dirs.masks, rel);
    const instDir = dirs.instances ? path.join(dirs.instances, rel) : undefined;
    const images = await imageFiles(imageDir, special);
    const semantic = await pngFilesByStem((await isDir(maskDir)) ? maskDir : undefined, special);
    const ids = await pngFilesByStem(instDir && (await isDir(instDir)) ? instDir : undefined, special);
    return { name, dir: imageDir, ...buildEntries(images, imageDir, semantic, new Map(), ids), children: [] };
}
async function genericLayout(root, dirs, special) {
    const datasets = [];
    const top = await genericDataset(dirs, "", path.basename(path.resolve(root)), special);
    if (top.entries.length || top.orphans.length)
        datasets.push(top);
    for (const d of (await listDir(dirs.images)).sort((a, b) => byName(a.name, b.name))) {
        if (d.isDirectory() && !d.name.startsWith(".")) {
            const plan = await genericDataset(dirs, d.name, d.name, special);
            if (plan.entries.length)
                datasets.push(plan);
        }
    }
    let classFile;
    for (const f of [MACHINE_COLOR_FILE, ...CLASS_LIST_FILES]) {
        if (await classFileAt(path.join(root, f), special)) {
            classFile = path.join(root, f);
            break;
        }
    }
    return { kind: "generic", root, datasets, classFile, special };
}
/** The layout of an input folder, or null when it is neither. */
export async function discoverMasksLayout(input) {
    const special = [];
    const slyRoot = await findSuperviselyMasksRoot(input);
    if (slyRoot)
        return superviselyLayout(slyRoot, special);
    const dirs = await findGenericDirs(input);
    if (dirs)
        return genericLayout(input, dirs, special);
    // Supervisely mask datasets without the colour file (masks_instances only: classes come from file names).
    const subdirs = (await listDir(input)).filter((d) => d.isDirectory() && !d.name.startsWith("."));
    for (const d of subdirs)
        if (await isSuperviselyMasksDataset(path.join(input, d.name)))
            return superviselyLayout(input, special);
    return null;
}
//# sourceMappingURL=layout.js.map