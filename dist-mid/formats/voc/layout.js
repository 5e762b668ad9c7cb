import path from "node:path";
import { readFileHead } from "../../src/io/file-head.js";
import { listDir } from "../../src/io/list-dir.js";
export { listDir };
export const ANNOTATIONS_DIR = "Annotations";
export const IMAGES_DIR = "JPEGImages";
export const IMAGE_SETS_DIR = "ImageSets";
export const SEGMENTATION_CLASS_DIR = "SegmentationClass";
export const SEGMENTATION_OBJECT_DIR = "SegmentationObject";
export const MAIN_SETS = "Main";
export const SEGMENTATION_SETS = "Segmentation";
export const LABELMAP_FILE = "labelmap.txt";
const VOC_SUBDIRS = [ANNOTATIONS_DIR, IMAGES_DIR, SEGMENTATION_CLASS_DIR, SEGMENTATION_OBJECT_DIR];
export const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff", ".gif", ".jfif", ".avif", ".heic", ".heif"]);
export function hasImageExtension(name) {
    const i = name.lastIndexOf(".");
    return i > 0 && IMAGE_EXTENSIONS.has(name.slice(i).toLowerCase());
}
/** Split folder names, in the order their datasets are listed; other flat folders follow by name. */
const SPLIT_ORDER = ["train", "training", "trainval", "valid", "val", "validation", "test", "testing"];
const splitRank = (name) => {
    const i = SPLIT_ORDER.indexOf(name.toLowerCase());
    return i < 0 ? SPLIT_ORDER.length : i;
};
const isXml = (d) => d.isFile() && d.name.toLowerCase().endsWith(".xml");
async function isStandardRoot(dir, entries) {
    const names = new Set((entries ?? (await listDir(dir))).filter((d) => d.isDirectory()).map((d) => d.name));
    return VOC_SUBDIRS.some((s) => names.has(s));
}
/** True when an XML file starts like a VOC annotation (root element `annotation`). */
export async function looksLikeVocXml(file) {
    try {
        const head = await readFileHead(file);
        const root = /<([A-Za-z_][\w.-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ""));
        return root?.[1] === "annotation";
    }
    catch {
        return false;
    }
}
/**
 * The VOC roots under an input folder, or [] when there is none. `depth` bounds the look through wrapper folders.
 */
export async function findVocRoots(input, depth = 2) {
    const entries = await listDir(input);
    if (!entries.length)
        return [];
    const dirs = entries.filter((d) => d.isDirectory() && !d.name.startsWith("."));
    const devkit = path.basename(input) === "VOCdevkit" ? input : dirs.some((d) => d.name === "VOCdevkit") ? path.join(input, "VOCdevkit") : null;
    if (devkit) {
        const years = [];
        for (const d of (await listDir(devkit)).filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            if (await isStandardRoot(path.join(devkit, d.name)))
                years.push({ dir: path.join(devkit, d.name), name: d.name, flat: false });
        }
        if (years.length)
            return years.length === 1 ? [{ ...years[0], name: "" }] : years;
    }
    if (await isStandardRoot(input, entries))
        return [{ dir: input, name: "", flat: false }];
    // Several year folders side by side (the inside of a VOCdevkit under another name).
    const years = [];
    for (const d of dirs.filter((e) => /^VOC\d{4}/.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (await isStandardRoot(path.join(input, d.name)))
            years.push({ dir: path.join(input, d.name), name: d.name, flat: false });
    }
    if (years.length)
        return years.length === 1 ? [{ ...years[0], name: "" }] : years;
    const xml = entries.filter(isXml).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (xml.length && (await looksLikeVocXml(path.join(input, xml[0].name))))
        return [{ dir: input, name: "", flat: true }];
    // Split folders of flat VOC files (Roboflow): two or more, or one named like a split.
    const splits = [];
    for (const d of dirs) {
        const dir = path.join(input, d.name);
        const first = (await listDir(dir)).filter(isXml).sort((a, b) => (a.name < b.name ? -1 : 1))[0];
        if (first && (await looksLikeVocXml(path.join(dir, first.name))))
            splits.push({ dir, name: d.name, flat: true, split: true });
    }
    if (splits.length >= 2 || (splits.length === 1 && splitRank(splits[0].name) < SPLIT_ORDER.length)) {
        return splits.sort((a, b) => splitRank(a.name) - splitRank(b.name) || (a.name < b.name ? -1 : 1));
    }
    if (depth > 0 && dirs.length === 1)
        return findVocRoots(path.join(input, dirs[0].name), depth - 1);
    return [];
}
function stem(name) {
    const i = name.lastIndexOf(".");
    return i > 0 ? name.slice(0, i) : name;
}
async function filesByStem(dir, accept, special) {
    const out = new Map();
    for (const d of await listDir(dir, special))
        if (d.isFile() && accept(d.name))
            out.set(stem(d.name), path.join(dir, d.name));
    return out;
}
/** The files of a root; FIFOs, sockets and devices among them go to `special` (read.ts reports them). */
export async function catalogRoot(root, special) {
    const annDir = root.flat ? root.dir : path.join(root.dir, ANNOTATIONS_DIR);
    const xml = await filesByStem(annDir, (n) => n.toLowerCase().endsWith(".xml"), special);
    const imageDir = root.flat ? root.dir : path.join(root.dir, IMAGES_DIR);
    const images = new Map();
    for (const d of await listDir(imageDir, root.flat ? undefined : special)) {
        if (!d.isFile() || !hasImageExtension(d.name))
            continue;
        const id = stem(d.name);
        images.set(id, [...(images.get(id) ?? []), path.join(imageDir, d.name)]);
    }
    const isPng = (n) => n.toLowerCase().endsWith(".png");
    const classMasks = root.flat ? new Map() : await filesByStem(path.join(root.dir, SEGMENTATION_CLASS_DIR), isPng, special);
    const objectMasks = root.flat ? new Map() : await filesByStem(path.join(root.dir, SEGMENTATION_OBJECT_DIR), isPng, special);
    return { root, xml, images, classMasks, objectMasks };
}
/** The image of an id: the file the XML names if present, else a .jpg, else any. */
export function pickImage(candidates, xmlFileName) {
    if (!candidates?.length)
        return undefined;
    if (xmlFileName) {
        const named = candidates.find((c) => path.basename(c) === xmlFileName);
        if (named)
            return named;
    }
    return candidates.find((c) => /\.jpe?g$/i.test(c)) ?? [...candidates].sort()[0];
}
//# sourceMappingURL=layout.js.map