import path from "node:path";
import { SlyconvError, jsonPointer } from "../../src/errors.js";
import { parseJsonText } from "../../src/io/json-file.js";
import { hexToRgb, isHexColor } from "../../src/model/index.js";
import { readRegularFile } from "../../src/io/regular-file.js";
/** Class list files found at the root of a generic layout, in order of preference. */
export const CLASS_LIST_FILES = ["labelmap.txt", "class_names.txt", "classes.txt", "labels.txt"];
export const MACHINE_COLOR_FILE = "obj_class_to_machine_color.json";
export const SEMANTIC_COLOR_FILE = "obj_class_to_semantic_color.json";
const BACKGROUND_NAME = /^_*(background|bg)_*$/i;
const IGNORE_NAME = /^_*(ignore|void)_*$/i;
export const isBackgroundName = (s) => BACKGROUND_NAME.test(s.trim());
export const isIgnoreName = (s) => IGNORE_NAME.test(s.trim());
export const packRgb = ([r, g, b]) => ((r << 16) | (g << 8) | b) >>> 0;
export const unpackRgb = (k) => [(k >>> 16) & 255, (k >>> 8) & 255, k & 255];
const isGray = ([r, g, b]) => r === g && g === b;
function emptyMap(source) {
    return { source, classes: [], backgroundValues: [], backgroundColors: [], ignoreValues: [], ignoreColors: [], colourMode: false };
}
/** Adds a value or colour to the class of that title (created on first use; duplicate titles merge). */
function addEntry(map, title, entry, machine = false) {
    if (isBackgroundName(title) || isIgnoreName(title)) {
        const bg = isBackgroundName(title);
        if (entry.value !== undefined)
            (bg ? map.backgroundValues : map.ignoreValues).push(entry.value);
        if (entry.color) {
            (bg ? map.backgroundColors : map.ignoreColors).push(entry.color);
            if (isGray(entry.color))
                (bg ? map.backgroundValues : map.ignoreValues).push(entry.color[0]);
        }
        return;
    }
    let cls = map.classes.find((c) => c.title === title);
    if (!cls)
        map.classes.push((cls = { title, values: [], colors: [], all: false }));
    if (entry.value !== undefined)
        cls.values.push(entry.value);
    if (entry.all)
        cls.all = true;
    if (entry.color) {
        cls.colors.push(entry.color);
        // In obj_class_to_machine_color.json, [i, i, i] is a mask value, not how the class looks.
        if (!(machine && isGray(entry.color)))
            cls.displayColor ??= entry.color;
        if (isGray(entry.color))
            cls.values.push(entry.color[0]);
        else
            map.colourMode = true;
    }
}
const isByte = (v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 255;
/** A JSON class map: `{class: int | [ints] | [r,g,b] | "#RRGGBB" | "__all__"}`, or a list of names (index = position). */
export function classMapFromJson(raw, source, machine = path.basename(source) === MACHINE_COLOR_FILE) {
    const map = emptyMap(source);
    const fail = (pointer, message) => {
        throw new SlyconvError("class-map-invalid", message, { file: source, pointer });
    };
    if (Array.isArray(raw)) {
        raw.forEach((name, i) => {
            if (typeof name !== "string")
                fail(jsonPointer(i), "a class list must hold strings");
            if (name.trim())
                addEntry(map, name.trim(), { value: i });
        });
        return map;
    }
    if (typeof raw !== "object" || raw === null)
        fail("", "a class map must be a JSON object {class: value} or a list of class names");
    for (const [title, v] of Object.entries(raw)) {
        const ptr = jsonPointer(title);
        if (!title.trim())
            fail(ptr, "a class name is empty");
        if (v === "__all__")
            addEntry(map, title, { all: true });
        else if (isHexColor(v))
            addEntry(map, title, { color: hexToRgb(v) });
        else if (typeof v === "number") {
            if (!Number.isInteger(v) || v < 0 || v > 65535)
                fail(ptr, `class ${JSON.stringify(title)}: ${v} is not a mask value (an integer 0..65535)`);
            addEntry(map, title, { value: v });
        }
        else if (Array.isArray(v) && v.length === 3 && v.every(isByte)) {
            // Three bytes are an RGB triple; Supervisely's own [i,i,i] is then the gray level i.
            addEntry(map, title, { color: [v[0], v[1], v[2]] }, machine);
        }
        else if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 65535)) {
            for (const x of v)
                addEntry(map, title, { value: x });
        }
        else {
            fail(ptr, `class ${JSON.stringify(title)}: expected a mask value, a list of values, [r, g, b], "#RRGGBB" or "__all__"`);
        }
    }
    return map;
}
const LABELMAP_LINE = /^([^:]*):\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?::.*)?$/;
/**
 * A text class file: CVAT labelmap lines (`name:r,g,b:parts:actions`) give colours; otherwise line i (comments
 * and trailing blank lines aside) names class index i. A first line `__ignore__` is labelme's labels.txt
 * convention (index -1), so the next line is index 0.
 */
export function classMapFromText(text, source) {
    const map = emptyMap(source);
    const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
    while (lines.length && !lines[lines.length - 1].trim())
        lines.pop();
    const content = lines.map((l, i) => ({ text: l.trim(), line: i + 1 })).filter((l) => !l.text.startsWith("#"));
    const isLabelmap = content.some((l) => LABELMAP_LINE.test(l.text));
    if (isLabelmap) {
        for (const l of content) {
            if (!l.text)
                continue;
            const m = LABELMAP_LINE.exec(l.text);
            if (!m)
                throw new SlyconvError("class-map-invalid", `expected name:r,g,b in a labelmap, found ${JSON.stringify(l.text)}`, { file: source, line: l.line });
            const rgb = [Number(m[2]), Number(m[3]), Number(m[4])];
            if (rgb.some((v) => v > 255))
                throw new SlyconvError("class-map-invalid", `colour ${rgb.join(",")} has a channel above 255`, { file: source, line: l.line });
            const name = m[1].trim();
            if (!name)
                throw new SlyconvError("class-map-invalid", "a class name is empty", { file: source, line: l.line });
            addEntry(map, name, { color: rgb });
        }
        return map;
    }
    let index = content.length && isIgnoreName(content[0].text) ? -1 : 0;
    for (const l of content) {
        if (l.text && index >= 0)
            addEntry(map, l.text, { value: index });
        else if (l.text)
            map.ignoreValues.push(-1);
        index++;
    }
    return map;
}
export async function loadClassMapFile(file, display = file) {
    let text;
    try {
        text = await readRegularFile(file, "utf8");
    }
    catch (e) {
        if (e instanceof SlyconvError)
            throw new SlyconvError(e.code, e.message, { file: display }); // over the file-size limit
        throw new SlyconvError("file-unreadable", `cannot read the class map (${e.code ?? e.message})`, { file: display });
    }
    if (path.extname(file).toLowerCase() === ".json")
        return classMapFromJson(parseJsonText(text, display), display);
    return classMapFromText(text, display);
}
/** `{class: [r,g,b]}` colours (obj_class_to_semantic_color.json) for meta.json; unreadable entries are skipped. */
export function semanticColorsFromJson(raw) {
    const out = new Map();
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
        return out;
    for (const [k, v] of Object.entries(raw)) {
        if (Array.isArray(v) && v.length === 3 && v.every(isByte))
            out.set(k, [v[0], v[1], v[2]]);
        else if (isHexColor(v))
            out.set(k, hexToRgb(v));
    }
    return out;
}
/**
 * Mask value → class lookup built from a class map and the background/ignore rules:
 * index masks: background 0 unless a class claims 0; `ignoreValue` (255 by default) unless a class claims it.
 * Colour masks: background black unless a class claims black.
 */
export class MaskClassifier {
    /** Class number (1-based into `classes`) per key; 0 = background or ignore. */
    byKey = new Map();
    silent = new Set();
    allClass;
    classes;
    colourMode;
    constructor(map, ignoreValue) {
        this.classes = map.classes;
        this.colourMode = map.colourMode;
        map.classes.forEach((c, i) => {
            const keys = this.colourMode ? [...c.colors.map(packRgb), ...c.values.filter(isByte).map((v) => packRgb([v, v, v]))] : c.values;
            for (const k of keys)
                if (!this.byKey.has(k))
                    this.byKey.set(k, i + 1);
        });
        const quiet = this.colourMode
            ? [...map.backgroundColors.map(packRgb), ...map.ignoreColors.map(packRgb), ...map.backgroundValues.filter(isByte).map((v) => packRgb([v, v, v]))]
            : [...map.backgroundValues, ...map.ignoreValues];
        quiet.push(this.colourMode ? packRgb([0, 0, 0]) : 0);
        if (!this.colourMode && ignoreValue !== null)
            quiet.push(ignoreValue);
        for (const k of quiet)
            if (!this.byKey.has(k))
                this.silent.add(k);
        this.allClass = map.classes.findIndex((c) => c.all) + 1;
    }
    /**
     * Classifies a whole mask into `out` (1-based class numbers, 0 for background/ignore), counting unclaimed keys
     * in `unknown`. Masks are long runs of one value, so the last key's answer is reused.
     */
    classifyAll(keys, out, unknown, skip) {
        if (keys instanceof Uint8Array) {
            // One answer per byte value, looked up per pixel.
            const classOf = new Int32Array(256);
            for (let k = 0; k < 256; k++)
                classOf[k] = k === skip ? 0 : this.classify(k);
            const counts = new Uint32Array(256);
            for (let i = 0; i < keys.length; i++) {
                const c = classOf[keys[i]];
                if (c > 0)
                    out[i] = c;
                else if (c < 0)
                    counts[keys[i]]++;
            }
            for (let k = 0; k < 256; k++)
                if (counts[k])
                    unknown.set(k, (unknown.get(k) ?? 0) + counts[k]);
            return;
        }
        let lastKey = -1, lastClass = 0;
        for (let i = 0; i < keys.length; i++) {
            const k = keys[i];
            if (k !== lastKey) {
                lastKey = k;
                lastClass = k === skip ? 0 : this.classify(k);
            }
            if (lastClass > 0)
                out[i] = lastClass;
            else if (lastClass < 0)
                unknown.set(k, (unknown.get(k) ?? 0) + 1);
        }
    }
    /** 1-based class number, 0 for background/ignore, -1 for a value no class claims. */
    classify(key) {
        const c = this.byKey.get(key);
        if (c !== undefined)
            return c;
        if (this.silent.has(key))
            return 0;
        return this.allClass > 0 ? this.allClass : -1;
    }
}
//# sourceMappingURL=class-map.js.map