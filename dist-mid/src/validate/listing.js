/**
 * Names-only view of a project's datasets for validation. Unlike the reader (formats/supervisely/read.ts), which
 * quietly picks one file when two claim the same item, this pairing reports duplicates and ambiguous legacy names.
 * Only file names are held, never file contents, so a 100,000-item dataset costs a few MB here.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { ANN_DIR, DATASETS_DIR, IMG_DIR, IMG_INFO_DIR, META_DIR, RESERVED_DIRS, hasImageExtension } from "../supervisely/layout.js";
import { finding } from "./codes.js";
async function listFiles(dir) {
    let dirents;
    try {
        dirents = await fs.readdir(dir, { withFileTypes: true });
    }
    catch {
        return [];
    }
    return dirents.filter((d) => !d.isDirectory()).map((d) => d.name).sort(compareNames);
}
async function listDirs(dir) {
    try {
        return (await fs.readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort(compareNames);
    }
    catch {
        return [];
    }
}
export function compareNames(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
async function isDir(p) {
    return (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;
}
/** A folder is a dataset when it has ann/ or img/ (as the reader decides). */
export async function isDatasetDir(dir) {
    return (await isDir(path.join(dir, ANN_DIR))) || (await isDir(path.join(dir, IMG_DIR)));
}
/** Datasets of a project root, depth first, parents before their children, siblings by name. */
export async function* walkDatasetDirs(root) {
    async function* visit(dir, rel) {
        yield { dir, rel };
        const childrenDir = path.join(dir, DATASETS_DIR);
        for (const name of await listDirs(childrenDir)) {
            const child = path.join(childrenDir, name);
            if (await isDatasetDir(child))
                yield* visit(child, `${rel}/${DATASETS_DIR}/${name}`);
        }
    }
    for (const name of await listDirs(root)) {
        if (RESERVED_DIRS.has(name) || name.startsWith("."))
            continue;
        const dir = path.join(root, name);
        if (await isDatasetDir(dir))
            yield* visit(dir, name);
    }
}
const JSON_EXT = ".json";
/**
 * Pairs the files of one dataset by item name (spec §1.2): `ann/<image name>.json`, or the legacy `<stem>.json` when
 * exactly one image has that stem. Side files (img_info/, meta/) pair the same way. Anything not ending in `.json`
 * in ann/, img_info/ and meta/ (e.g. Windows `x.json:Zone.Identifier` streams) and non-image files in img/ are ignored.
 */
export async function listDataset(ds) {
    const findings = [];
    const entries = new Map();
    const entry = (name) => {
        let e = entries.get(name);
        if (!e)
            entries.set(name, (e = { name }));
        return e;
    };
    const imagesByStem = new Map();
    for (const image of (await listFiles(path.join(ds.dir, IMG_DIR))).filter(hasImageExtension)) {
        entry(image).image = image;
        const dot = image.lastIndexOf(".");
        const stem = dot > 0 ? image.slice(0, dot) : image;
        imagesByStem.set(stem, [...(imagesByStem.get(stem) ?? []), image]);
    }
    const jsonNames = async (sub) => (await listFiles(path.join(ds.dir, sub))).filter((n) => n.endsWith(JSON_EXT));
    // Canonical `<image name>.json` first, so that a legacy `<stem>.json` for the same item is the one reported.
    const annFiles = await jsonNames(ANN_DIR);
    const canonicalFirst = [
        ...annFiles.filter((f) => entries.get(f.slice(0, -JSON_EXT.length))?.image),
        ...annFiles.filter((f) => !entries.get(f.slice(0, -JSON_EXT.length))?.image),
    ];
    for (const file of canonicalFirst) {
        const base = file.slice(0, -JSON_EXT.length);
        const rel = `${ds.rel}/${ANN_DIR}/${file}`;
        let name = base;
        if (!entries.get(base)?.image) {
            const sameStem = imagesByStem.get(base);
            if (sameStem && sameStem.length > 1) {
                findings.push(finding("annotation-ambiguous", rel, "", `legacy annotation name ${file} matches ${sameStem.length} images (${sameStem.join(", ")}); rename it to <image name>.json`));
                continue;
            }
            if (sameStem)
                name = sameStem[0];
        }
        const e = entry(name);
        if (e.ann) {
            findings.push(finding("duplicate-item", rel, "", `${file} and ${e.ann} both annotate item ${JSON.stringify(name)}; only ${e.ann} is checked`));
            continue;
        }
        e.ann = file;
    }
    for (const [sub, key] of [[IMG_INFO_DIR, "info"], [META_DIR, "meta"]]) {
        const files = await jsonNames(sub);
        const isItemName = (f) => entries.has(f.slice(0, -JSON_EXT.length));
        for (const file of [...files.filter(isItemName), ...files.filter((f) => !isItemName(f))]) {
            const base = file.slice(0, -JSON_EXT.length);
            const sameStem = imagesByStem.get(base);
            const name = entries.has(base) || !sameStem || sameStem.length !== 1 ? base : sameStem[0];
            const e = entry(name);
            if (e[key]) {
                findings.push(finding("duplicate-item", `${ds.rel}/${sub}/${file}`, "", `${file} and ${e[key]} both belong to item ${JSON.stringify(name)}; only ${e[key]} is checked`));
                continue;
            }
            e[key] = file;
        }
    }
    const sorted = [...entries.values()].sort((a, b) => compareNames(a.name, b.name));
    const byLowerCase = new Map();
    for (const e of sorted) {
        const lower = e.name.toLowerCase();
        const other = byLowerCase.get(lower);
        if (other !== undefined) {
            findings.push(finding("duplicate-item-case", entryFile(ds, e), "", `item ${JSON.stringify(e.name)} differs from ${JSON.stringify(other)} only in letter case; the two collide on case-insensitive file systems`));
        }
        else
            byLowerCase.set(lower, e.name);
    }
    return { entries: sorted, findings };
}
/** The file that best stands for an item in a finding: its annotation, else its image, else a side file. */
export function entryFile(ds, e) {
    if (e.ann)
        return `${ds.rel}/${ANN_DIR}/${e.ann}`;
    if (e.image)
        return `${ds.rel}/${IMG_DIR}/${e.image}`;
    if (e.info)
        return `${ds.rel}/${IMG_INFO_DIR}/${e.info}`;
    return `${ds.rel}/${META_DIR}/${e.meta}`;
}
//# sourceMappingURL=listing.js.map