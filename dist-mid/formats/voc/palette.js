/**
 * VOC colours and the class tables that say which mask value is which class: `labelmap.txt` (CVAT / Datumaro),
 * `colors.txt` (Supervisely), `class_names.txt` (labelme) or, when none is present, the 21 standard VOC classes.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { readRegularFile } from "../../src/io/regular-file.js";
/** Mask value 0: no object. */
export const BACKGROUND_INDEX = 0;
/** Mask value 255: VOC's "void" (object boundaries and regions left unlabelled); never a class. */
export const VOID_INDEX = 255;
/**
 * The VOC devkit colour map (`VOClabelcolormap.m`): the bits of the index spread over the top bits of r, g and b.
 * Index 0 is black, 255 is (224, 224, 192); every index has its own colour.
 */
export function vocColor(index) {
    let r = 0, g = 0, b = 0, c = index;
    for (let bit = 7; bit >= 0; bit--) {
        r |= (c & 1) << bit;
        g |= ((c >> 1) & 1) << bit;
        b |= ((c >> 2) & 1) << bit;
        c >>= 3;
    }
    return [r, g, b];
}
export const VOC_COLORMAP = Array.from({ length: 256 }, (_, i) => vocColor(i));
export const packRgb = (r, g, b) => (r << 16) | (g << 8) | b;
const COLORMAP_INDEX = new Map(VOC_COLORMAP.map(([r, g, b], i) => [packRgb(r, g, b), i]));
/** The VOC colour-map index of a colour, or undefined. */
export function vocColormapIndex(rgb) {
    return COLORMAP_INDEX.get(packRgb(rgb[0], rgb[1], rgb[2]));
}
/** The 20 VOC classes, index 1..20 (index 0 is background). */
export const VOC_CLASSES = [
    "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
    "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor",
];
/** Standard VOC colour of a VOC class name (so a detection-only import still shows VOC colours). */
export function standardVocColor(name) {
    const i = VOC_CLASSES.indexOf(name);
    return i >= 0 ? vocColor(i + 1) : undefined;
}
/** Names that tools use for "no object" rather than for a class. */
const BACKGROUND_NAMES = new Set(["background", "_background_", "__background__"]);
/** Names that tools use for VOC's void value (labelme's __ignore__, Supervisely's neutral). */
const VOID_NAMES = new Set(["__ignore__", "_ignore_", "ignore", "void", "neutral"]);
export function isBackgroundName(name) {
    return BACKGROUND_NAMES.has(name.toLowerCase());
}
const BLACK = packRgb(0, 0, 0);
const VOID_COLOR = packRgb(...VOC_COLORMAP[VOID_INDEX]);
/**
 * The meaning of one mask value. `index` is the stored value (palette index or gray value; undefined for RGB masks),
 * `color` the colour it shows (the palette entry, or the pixel of an RGB mask; undefined for gray masks).
 */
export function meaningOf(table, index, color) {
    if (table.kind === "byColor") {
        const rgb = color ?? (index !== undefined ? VOC_COLORMAP[index] : undefined);
        if (!rgb)
            return { kind: "unknown" };
        const key = packRgb(...rgb);
        const name = table.colors.get(key);
        if (name !== undefined) {
            if (isBackgroundName(name))
                return { kind: "background" };
            if (VOID_NAMES.has(name.toLowerCase()))
                return { kind: "void" };
            return { kind: "class", name, color: rgb };
        }
        if (key === BLACK)
            return { kind: "background" };
        if (key === VOID_COLOR)
            return { kind: "void" };
        return { kind: "unknown" };
    }
    const i = index ?? (color ? vocColormapIndex(color) : undefined);
    if (i === undefined)
        return { kind: "unknown" };
    if (i === BACKGROUND_INDEX)
        return { kind: "background" };
    if (i === VOID_INDEX)
        return { kind: "void" };
    const name = table.names.get(i);
    if (name === undefined)
        return { kind: "unknown" };
    if (isBackgroundName(name))
        return { kind: "background" };
    if (VOID_NAMES.has(name.toLowerCase()))
        return { kind: "void" };
    return { kind: "class", name, color: color ?? VOC_COLORMAP[i] };
}
function emptyTable(source, kind) {
    return { source, kind, declared: [], colors: new Map(), names: new Map(), declaredColors: new Map() };
}
export function standardVocTable() {
    const t = emptyTable("standard VOC classes", "byIndex");
    VOC_CLASSES.forEach((name, i) => {
        t.names.set(i + 1, name);
        t.declared.push(name);
        t.declaredColors.set(name, vocColor(i + 1));
    });
    return t;
}
const byte = (s) => {
    const n = Number(s);
    return Number.isInteger(n) && n >= 0 && n <= 255 ? n : undefined;
};
/** `# label:color_rgb:parts:actions` then `name:r,g,b:part1,part2:action1,action2` (CVAT, Datumaro). */
export function parseLabelmap(text, file, issues) {
    const t = emptyTable(file, "byColor");
    text.split(/\r?\n/).forEach((line, i) => {
        if (!line.trim() || line.trimStart().startsWith("#"))
            return;
        const [name, color = ""] = line.split(":");
        const rgb = color.split(",").map((s) => byte(s.trim()));
        if (!name || rgb.length !== 3 || rgb.some((v) => v === undefined)) {
            issues.push({ file, line: i + 1, message: `cannot read ${JSON.stringify(line)}: expected name:r,g,b:parts:actions` });
            return;
        }
        const c = rgb;
        t.colors.set(packRgb(...c), name);
        if (!isBackgroundName(name)) {
            t.declared.push(name);
            t.declaredColors.set(name, c);
        }
    });
    return t;
}
/** Supervisely's VOC export: `<name (may contain spaces)> R G B` per line. */
export function parseColorsTxt(text, file, issues) {
    const t = emptyTable(file, "byColor");
    text.split(/\r?\n/).forEach((line, i) => {
        if (!line.trim() || line.trimStart().startsWith("#"))
            return;
        const m = /^(.*\S)\s+(\d+)\s+(\d+)\s+(\d+)\s*$/.exec(line);
        const rgb = m ? [byte(m[2]), byte(m[3]), byte(m[4])] : [];
        if (!m || rgb.some((v) => v === undefined)) {
            issues.push({ file, line: i + 1, message: `cannot read ${JSON.stringify(line)}: expected "name R G B"` });
            return;
        }
        const c = rgb;
        t.colors.set(packRgb(...c), m[1]);
        if (!isBackgroundName(m[1]) && !VOID_NAMES.has(m[1].toLowerCase())) {
            t.declared.push(m[1]);
            t.declaredColors.set(m[1], c);
        }
    });
    return t;
}
/** labelme's `class_names.txt`: the class of index i on line i + 1 (`_background_` first). */
export function parseClassNames(text, file) {
    const t = emptyTable(file, "byIndex");
    const lines = text.split(/\r?\n/);
    if (lines.length && lines[lines.length - 1] === "")
        lines.pop();
    lines.forEach((raw, i) => {
        const name = raw.trim();
        if (!name)
            return;
        t.names.set(i, name);
        if (!isBackgroundName(name) && !VOID_NAMES.has(name.toLowerCase()))
            t.declared.push(name);
    });
    return t;
}
export const CLASS_TABLE_FILES = ["labelmap.txt", "colors.txt", "class_names.txt"];
/** The class table of a VOC folder: the first of labelmap.txt, colors.txt, class_names.txt, else standard VOC. */
export async function readClassTable(vocDir, issues) {
    for (const name of CLASS_TABLE_FILES) {
        let text;
        try {
            // Regular files only: a symlink to /dev/zero or a FIFO would be read until memory runs out, or forever.
            if (!(await fs.stat(path.join(vocDir, name))).isFile())
                continue;
            text = await readRegularFile(path.join(vocDir, name), "utf8");
        }
        catch {
            continue;
        }
        if (name === "labelmap.txt")
            return parseLabelmap(text, name, issues);
        if (name === "colors.txt")
            return parseColorsTxt(text, name, issues);
        return parseClassNames(text, name);
    }
    return standardVocTable();
}
/** One line of labelmap.txt for a class. */
export function labelmapLine(name, rgb, parts, actions) {
    return `${name}:${rgb.join(",")}:${parts.join(",")}:${actions.join(",")}`;
}
//# sourceMappingURL=palette.js.map