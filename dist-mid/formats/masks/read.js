/**
 * PNG masks → project. Every image becomes an item, with or without a mask (Supervisely's importer drops images
 * that have none). Each class present in a semantic mask becomes one bitmap label (or one per connected component
 * with --split-instances); each instance mask or instance id becomes one bitmap label.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { emptyProjectMeta, ensureClass, rgbToHex } from "../../src/model/index.js";
import { SlyconvError, optionName } from "../../src/errors.js";
import { bitmapEncodedOnRead } from "../../src/codecs/bitmap.js";
import { CpuTaskRunner } from "../../src/workers/pool.js";
import { readMaskItemTask } from "./read-item.js";
import { readImageHeaderSize } from "../../src/io/image-header.js";
import { readJsonFile } from "../../src/io/json-file.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { assertPlainFileName, displayPath } from "../../src/io/paths.js";
import { MACHINE_COLOR_FILE, MaskClassifier, SEMANTIC_COLOR_FILE, loadClassMapFile, packRgb, semanticColorsFromJson, unpackRgb, } from "./class-map.js";
import { COLOUR_FLAG, TRANSPARENT_KEY, pngPalette, readMaskKeys } from "./mask-png.js";
import { discoverMasksLayout } from "./layout.js";
import { instanceClassOf, knownClassNames } from "./names.js";
import { parseMasksImportOptions } from "./options.js";
import { RESERVED_DIRS } from "../../src/supervisely/layout.js";
import { readImageFileSync } from "../../src/io/image-file.js";
import { reportSpecialFiles } from "../../src/io/list-dir.js";
/** Items in flight: enough to keep the worker pool's threads decoding while the main thread writes. */
const DECODE_CONCURRENCY = 8;
/** Without a class map, more distinct colours than this means the masks are not label masks (JPEG artefacts, …). */
const MAX_DISCOVERED_CLASSES = 256;
const stemOf = (name) => (name.lastIndexOf(".") > 0 ? name.slice(0, name.lastIndexOf(".")) : name);
async function readItem(entry, st) {
    const events = [];
    let size = null;
    if (entry.imagePath) {
        size = await readImageHeaderSize(entry.imagePath);
        if (!size)
            events.push({ level: "warn", code: "image-unreadable", message: "cannot read the image size from its header; the size comes from its mask", file: displayPath(st.input, entry.imagePath) });
    }
    const instanceFiles = entry.instanceFiles?.map((file) => {
        const title = instanceClassOf(stemOf(path.basename(file)), st.known);
        return { file, title, cls: st.numberOf.get(title) };
    });
    const job = {
        name: entry.name, input: st.input, size, semanticPath: entry.semanticPath, instanceFiles, instanceIdPath: entry.instanceIdPath,
        mode: st.mode, classMap: st.classMap, ignoreValue: st.opts.ignoreValue, titles: st.titles,
        splitInstances: st.opts.splitInstances, connectivity: st.opts.connectivity,
    };
    const out = await st.cpu.run(readMaskItemTask, [job]);
    events.push(...out.events);
    const labels = out.labels.map((l) => ({ classTitle: l.title, geometry: bitmapEncodedOnRead([l.x, l.y], l.mask), tags: [] }));
    const item = {
        name: entry.name,
        annotation: { size: { width: out.size?.width ?? null, height: out.size?.height ?? null }, tags: [], labels },
    };
    if (entry.imagePath)
        item.image = { kind: "file", path: entry.imagePath };
    return { item, events };
}
// ---------------------------------------------------------------------------------------------- classes
function* allEntries(plans) {
    for (const p of plans) {
        yield* p.entries;
        yield* allEntries(p.children);
    }
}
/**
 * Without a class file every distinct mask value (or colour) is a class: `class_<value>` for index masks,
 * `color_<rrggbb>` (in that colour) for colour masks. This reads every semantic mask once more.
 */
async function discoverClassMap(layout, opts, input, ctx) {
    const seen = new Set();
    let colour = false;
    for (const e of allEntries(layout.datasets)) {
        if (!e.semanticPath)
            continue;
        let keys;
        try {
            keys = readMaskKeys(readImageFileSync(e.semanticPath, "the mask"), "index");
        }
        catch {
            continue; // reported when the item is read
        }
        for (const k of keys.keys) {
            if (k === TRANSPARENT_KEY || seen.has(k))
                continue;
            seen.add(k);
            if (k & COLOUR_FLAG)
                colour = true;
            if (seen.size > MAX_DISCOVERED_CLASSES + 2) {
                throw new SlyconvError("too-many-mask-values", `more than ${MAX_DISCOVERED_CLASSES} distinct values in the masks and no class map: pass ${optionName("classMap")}`, { file: displayPath(input, e.semanticPath) });
            }
        }
    }
    const map = { source: "(none: classes from mask values)", classes: [], backgroundValues: [], backgroundColors: [], ignoreValues: [], ignoreColors: [], colourMode: colour };
    const sorted = [...seen].sort((a, b) => a - b);
    if (colour) {
        const colours = [...new Set(sorted.map((k) => (k & COLOUR_FLAG ? k & 0xffffff : packRgb([k, k, k]))))].filter((k) => k !== 0).sort((a, b) => a - b);
        for (const k of colours) {
            const rgb = unpackRgb(k);
            map.classes.push({ title: `color_${rgbToHex(rgb).slice(1).toLowerCase()}`, values: [], colors: [rgb], all: false, displayColor: rgb });
        }
    }
    else {
        for (const v of sorted) {
            if (v === 0 || v === opts.ignoreValue)
                continue;
            map.classes.push({ title: `class_${v}`, values: [v], colors: [], all: false });
        }
    }
    if (map.classes.length)
        ctx.report.info("classes-from-values", `no class map: ${map.classes.length} classes were named after their mask ${colour ? "colours" : "values"}`, { file: "." });
    return map;
}
async function findClassMap(layout, opts, input, ctx) {
    if (opts.classMap)
        return loadClassMapFile(opts.classMap);
    if (layout.classFile)
        return loadClassMapFile(layout.classFile, displayPath(input, layout.classFile));
    return discoverClassMap(layout, opts, input, ctx);
}
async function firstPalette(layout) {
    for (const e of allEntries(layout.datasets)) {
        if (!e.semanticPath)
            continue;
        let bytes;
        try {
            bytes = readImageFileSync(e.semanticPath, "the mask");
        }
        catch {
            bytes = Buffer.alloc(0); // reported when the item is read
        }
        const palette = pngPalette(bytes);
        // A palette whose used part is all one colour says nothing about classes.
        return palette && new Set(palette.slice(0, 16).map((c) => c.join(","))).size > 2 ? palette : null;
    }
    return null;
}
function datasetName(name) {
    let n = name.trim() || "ds0";
    try {
        assertPlainFileName(n);
    }
    catch {
        n = n.replace(/[\\/\0]/g, "_");
    }
    return RESERVED_DIRS.has(n) ? `${n}_ds` : n;
}
export async function readMasksProject(input, options, ctx) {
    const opts = parseMasksImportOptions(options);
    const layout = await discoverMasksLayout(input);
    if (!layout || !layout.datasets.length) {
        throw new SlyconvError("masks-layout-unknown", `no masks dataset in ${input}: expected ${MACHINE_COLOR_FILE} with <dataset>/img/ and <dataset>/masks_machine/, or images/ and masks/ folders paired by file stem`, { file: input, inMessage: true });
    }
    reportSpecialFiles(ctx.report, layout.special, input);
    const classMap = await findClassMap(layout, opts, input, ctx);
    const classifier = new MaskClassifier(classMap, opts.ignoreValue);
    let semanticColors = new Map();
    const semanticFile = path.join(layout.root, SEMANTIC_COLOR_FILE);
    if (await fs.stat(semanticFile).catch(() => null))
        semanticColors = semanticColorsFromJson(await readJsonFile(semanticFile, displayPath(input, semanticFile)));
    // Index masks stored as palette PNGs (VOC) carry the dataset's class colours: meta.json uses them.
    const paletteColors = classifier.colourMode ? null : await firstPalette(layout);
    const meta = emptyProjectMeta();
    const titles = [""];
    const numberOf = new Map();
    const addClass = (c) => {
        if (numberOf.has(c.title))
            return;
        const index = classMap.classes.find((m) => m.title === c.title)?.values[0];
        const fromPalette = paletteColors && index !== undefined ? paletteColors[index] : undefined;
        const rgb = c.displayColor ?? semanticColors.get(c.title) ?? fromPalette;
        ensureClass(meta, c.title, "bitmap", rgb ? { color: rgbToHex(rgb) } : {});
        numberOf.set(c.title, titles.length);
        titles.push(c.title);
    };
    for (const c of classMap.classes)
        addClass(c);
    // Instance mask files name their class: classes missing from the map are added after the map's.
    const known = knownClassNames(titles.slice(1));
    for (const e of allEntries(layout.datasets)) {
        for (const f of e.instanceFiles ?? []) {
            const title = instanceClassOf(stemOf(path.basename(f)), known);
            if (!numberOf.has(title)) {
                addClass({ title });
                known.set(title, title);
            }
        }
    }
    const st = {
        input, opts, classifier, mode: classifier.colourMode ? "colour" : "index", titles, numberOf, known,
        classMap, cpu: new CpuTaskRunner(), ctx,
    };
    const reportPlan = (plan) => {
        for (const o of plan.orphans)
            ctx.report.warn("mask-without-image", "mask has no image of the same stem; skipped", { file: displayPath(input, o) });
        for (const a of plan.ambiguous) {
            ctx.report.warn("mask-ambiguous", `mask ${JSON.stringify(a.mask)} matches the images ${a.images.join(", ")} by stem; it is paired with ${a.images[0]}`, { file: displayPath(input, plan.dir) });
        }
        plan.children.forEach(reportPlan);
    };
    layout.datasets.forEach(reportPlan);
    const toDataset = (plan) => ({
        name: datasetName(plan.name),
        datasets: plan.children.map(toDataset),
        itemCount: plan.entries.length,
        // A shard's selection (src/shard.ts) is made from the listing: other shards' masks are never decoded.
        items: async function* (select) {
            const read = mapConcurrent(select ? plan.entries.filter((e) => select(e.name)) : plan.entries, DECODE_CONCURRENCY, (entry) => {
                ctx.signal?.throwIfAborted();
                return readItem(entry, st);
            });
            for await (const { item, events } of read) {
                for (const e of events) {
                    if (e.level === "error")
                        ctx.report.error(e.code, e.message, { file: e.file });
                    else
                        ctx.report.warn(e.code, e.message, { file: e.file });
                }
                yield item;
            }
        },
    });
    const project = { meta, datasets: layout.datasets.map(toDataset) };
    if (!classifier.colourMode) {
        // Class indices travel with the project so that an export to masks writes the same values (gaps included).
        const machine = {};
        for (const c of classMap.classes) {
            const v = c.values[0];
            if (v !== undefined && v >= 0)
                machine[c.title] = v <= 255 ? [v, v, v] : v;
        }
        if (Object.keys(machine).length)
            project.sideFiles = { [MACHINE_COLOR_FILE]: machine };
    }
    return project;
}
//# sourceMappingURL=read.js.map