/**
 * The Supervisely project layout, shared by the whole project: the Supervisely reader and writer
 * (formats/supervisely), `slyconv validate` (src/validate), the library (src/api.ts) and the formats that skip a
 * project's folders when they look for their own files. Its geometry rules are in geometry-rules.ts.
 */
import fs from "node:fs/promises";
import path from "node:path";
/** Folder names of a Supervisely project (spec §1.1). */
export const IMG_DIR = "img";
export const ANN_DIR = "ann";
export const IMG_INFO_DIR = "img_info";
export const META_DIR = "meta";
export const DATASETS_DIR = "datasets";
export const META_FILE = "meta.json";
/** Folder names inside a dataset that are never datasets themselves. */
export const RESERVED_DIRS = new Set([IMG_DIR, ANN_DIR, IMG_INFO_DIR, META_DIR, DATASETS_DIR, "seg", "blob",
    "masks_human", "masks_machine", "masks_instances"]);
/** Image extensions Supervisely recognises in img/ (spec §1.2), lower case. */
export const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".mpo", ".bmp", ".png", ".webp", ".tiff", ".tif", ".nrrd", ".jfif",
    ".gif", ".avif", ".heic", ".heif"]);
export function hasImageExtension(name) {
    const i = name.lastIndexOf(".");
    return i >= 0 && IMAGE_EXTENSIONS.has(name.slice(i).toLowerCase());
}
// looksLikeDataset and findProjectRoot live here rather than in read.ts so that detect and validate find a project
// without loading the reader.
async function isDir(p) {
    try {
        return (await fs.stat(p)).isDirectory();
    }
    catch {
        return false;
    }
}
/** A folder is a dataset when it has ann/ or img/. */
export async function looksLikeDataset(dir) {
    return (await isDir(path.join(dir, ANN_DIR))) || (await isDir(path.join(dir, IMG_DIR)));
}
/** Finds the project root: the folder holding meta.json, the input itself, or its single sub-folder. */
export async function findProjectRoot(input) {
    const st = await fs.stat(input).catch(() => null);
    if (!st)
        return null;
    if (st.isFile())
        return path.basename(input) === META_FILE ? path.dirname(input) : null;
    if (await fs.stat(path.join(input, META_FILE)).catch(() => null))
        return input;
    const entries = await fs.readdir(input, { withFileTypes: true }).catch(() => []);
    const subdirs = entries.filter((d) => d.isDirectory() && !d.name.startsWith("."));
    const withMeta = [];
    for (const d of subdirs)
        if (await fs.stat(path.join(input, d.name, META_FILE)).catch(() => null))
            withMeta.push(d.name);
    if (withMeta.length === 1)
        return path.join(input, withMeta[0]);
    // No meta.json anywhere: a folder of datasets still reads (meta inferred from annotations, spec §6.1).
    for (const d of subdirs)
        if (await looksLikeDataset(path.join(input, d.name)))
            return input;
    return null;
}
// ------------------------------------------------------------------------------------------------------------------
// What the Supervisely Python SDK (sly.Project in READ mode) opens. slyconv's reader is more lenient; the writer
// writes only what the SDK reads completely, and validate reports the rest (test/conformance/ guards each rule).
/**
 * Folder-name endings the SDK never opens as a dataset: `Project._read` walks the folders with `fs.subdirs_tree`,
 * which skips every path that *ends with* one of `Dataset.ignorable_dirs()` (the `*_dir_name` folder names), matched
 * as text, so `instanceseg` is skipped like `seg`. Python's str.endswith: letter case counts.
 */
export const SDK_SKIPPED_DATASET_ENDINGS = ["ann", "blob", "datasets", "img", "img_info", "meta", "seg"];
/** The ending for which the SDK skips a dataset folder of this name, if any. */
export function sdkSkippedEnding(name) {
    return SDK_SKIPPED_DATASET_ENDINGS.find((e) => name.endsWith(e));
}
/**
 * Extensions the SDK lists in img/ (`imaging/image.py` SUPPORTED_IMG_EXTS through `Dataset._has_valid_ext`, letter case
 * ignored). A file of any other extension is no item to the SDK.
 */
export const SDK_IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".mpo", ".bmp", ".png", ".webp", ".tiff", ".tif", ".nrrd", ".jfif"]);
/** Whether the SDK lists a file of this name in img/ as an item. */
export function sdkListsImage(name) {
    // os.path.splitext: the leading dots of a name start no extension (".png" has none).
    const i = name.lastIndexOf(".");
    return i > 0 && /[^.]/.test(name.slice(0, i)) && SDK_IMAGE_EXTENSIONS.has(name.slice(i).toLowerCase());
}
/**
 * A project file (beside meta.json; the SDK ignores it) in which the writer notes how it changed datasets for the
 * SDK, so that reading the project gives back the datasets it was given: exports and round trips are not changed by
 * the SDK's rules.
 */
export const DATASETS_NOTE_FILE = "slyconv_datasets.json";
//# sourceMappingURL=layout.js.map