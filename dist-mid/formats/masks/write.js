/**
 * Project → PNG masks, in the layout of Supervisely's "Export as masks" (spec §6.5):
 *
 *   obj_class_to_machine_color.json     {class: [i, i, i]}   class index i in masks_machine
 *   obj_class_to_semantic_color.json    {class: [r, g, b]}   class colour in masks_semantic_rgb
 *   <dataset>/img/<image>                                    the image (copied unless --images says otherwise)
 *   <dataset>/masks_machine/<stem>.png                       8-bit gray, background 0, pixel = class index
 *   <dataset>/masks_semantic_rgb/<stem>.png                  the same pixels as a palette PNG in class colours
 *   <dataset>/masks_instances/<stem>/<class>_<n>.png         one 0/255 gray mask per object, n = 1, 2, … per class
 *                                                            (labels bound by `instance`, of one class, are one object)
 *   <dataset>/masks_human/<stem>.png                         with --overlay: image | 50 % colour overlay
 *   <dataset>/datasets/<child>/…                             nested datasets
 *
 * Rendering order of overlapping labels in masks_machine and masks_semantic_rgb: descending pixel area, so small
 * objects stay on top of large ones; equal areas by class index, then by label order within the class.
 * Drawing and encoding happen in render.ts (in the worker pool when there are enough images).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { loadSharp } from "../../src/io/sharp-lazy.js";
import { geometryTypeName, hexToRgb, iterateItems } from "../../src/model/index.js";
import { SlyconvError } from "../../src/errors.js";
import { readImageHeaderSize } from "../../src/io/image-header.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { canonicalJson } from "../../src/io/json-file.js";
import { assertPlainFileName, safeJoin } from "../../src/io/paths.js";
import { MACHINE_COLOR_FILE, SEMANTIC_COLOR_FILE, loadClassMapFile } from "./class-map.js";
import { parseMasksExportOptions } from "./options.js";
import { classFileStems } from "./names.js";
import { renderOverlay } from "./overlay.js";
import { SLY_DATASETS_DIR, SLY_HUMAN_DIR, SLY_IMG_DIR, SLY_INSTANCES_DIR, SLY_MACHINE_DIR, SLY_SEMANTIC_DIR, } from "./layout.js";
import { renderMaskLayersTask } from "./render.js";
import { CpuTaskRunner } from "../../src/workers/pool.js";
import { packGeometry, packPalette, packedBuffers } from "../../src/workers/packed.js";
import { RESERVED_DIRS } from "../../src/supervisely/layout.js";
import { imageLeftOutMessage, placeFile } from "../../src/io/place-file.js";
import { warnIfClipped } from "../../src/geometry/rasterize.js";
const WRITE_CONCURRENCY = 8;
const MAX_INDEX = 255;
/** Geometries with no area: drawn as 1-pixel strokes and counted, since their vector form is gone. */
const THIN = new Set(["point", "line"]);
function indexValue(v) {
    if (typeof v === "number" && Number.isInteger(v))
        return v;
    if (Array.isArray(v) && v.length === 3 && v.every((x) => x === v[0]) && typeof v[0] === "number" && Number.isInteger(v[0]))
        return v[0];
    return undefined;
}
/**
 * Class indices: from --class-map first, then the project's obj_class_to_machine_color.json side file (written by
 * the masks importer, so indices survive a round trip, gaps included), then 1, 2, … in meta order for the rest.
 */
async function planClasses(project, opts, ctx) {
    const titles = project.meta.classes.map((c) => c.title);
    const wanted = new Map();
    const colour = new Map();
    for (const c of project.meta.classes)
        colour.set(c.title, hexToRgb(c.color));
    if (opts.classMap) {
        const map = await loadClassMapFile(opts.classMap);
        for (const c of map.classes) {
            if (c.values[0] !== undefined)
                wanted.set(c.title, c.values[0]);
            if (c.displayColor)
                colour.set(c.title, c.displayColor);
        }
    }
    else {
        const side = project.sideFiles?.[MACHINE_COLOR_FILE];
        if (side && typeof side === "object" && !Array.isArray(side)) {
            for (const [t, v] of Object.entries(side)) {
                const i = indexValue(v);
                if (i !== undefined)
                    wanted.set(t, i);
            }
        }
    }
    const index = new Map();
    const taken = new Set();
    for (const t of titles) {
        const i = wanted.get(t);
        if (i === undefined)
            continue;
        if (i < 1 || i > MAX_INDEX || taken.has(i)) {
            ctx.report.warn("class-index-unusable", `class ${JSON.stringify(t)}: index ${i} is ${taken.has(i) ? "taken by another class" : "outside 1..255"}; it gets a free index`, { file: opts.classMap ?? MACHINE_COLOR_FILE });
            continue;
        }
        index.set(t, i);
        taken.add(i);
    }
    let next = 1;
    for (const t of titles) {
        if (index.has(t))
            continue;
        while (taken.has(next))
            next++;
        if (next > MAX_INDEX)
            break; // counted as lost when its labels are drawn
        index.set(t, next);
        taken.add(next);
    }
    const palette = Array.from({ length: 256 }, () => [0, 0, 0]);
    for (const [t, i] of index)
        palette[i] = colour.get(t) ?? [0, 0, 0];
    const order = titles.filter((t) => index.has(t));
    return { index, colour, stem: classFileStems(order), palette, packedPalette: packPalette(palette), order };
}
async function itemSize(item) {
    const { width, height } = item.annotation.size;
    if (typeof width === "number" && typeof height === "number" && width > 0 && height > 0)
        return { width, height };
    if (item.image?.kind === "file")
        return readImageHeaderSize(item.image.path);
    if (item.image?.kind === "bytes") {
        const sharp = await loadSharp();
        const m = await sharp(item.image.data).metadata().catch(() => null);
        return m?.width && m.height ? { width: m.width, height: m.height } : null;
    }
    return null;
}
/** Puts the item's image into img/; the reason when it is no readable file (the masks are written all the same). */
async function placeImage(item, dest, mode) {
    if (mode === "none" || !item.image || item.image.kind === "link")
        return null;
    if (item.image.kind === "bytes") {
        await fs.writeFile(dest, item.image.data, { flag: "wx" });
        return null;
    }
    const r = await placeFile(item.image.path, dest, mode);
    return "why" in r ? r.why : null;
}
function datasetWriter(dir) {
    // One mkdir promise per folder: items written concurrently all wait for the same one.
    const made = new Map();
    return {
        dir,
        async ensure(sub) {
            const d = path.join(dir, sub);
            let p = made.get(d);
            if (!p)
                made.set(d, (p = fs.mkdir(d, { recursive: true })));
            await p;
            return d;
        },
    };
}
async function writeItem(item, maskStem, dw, plan, cpu, opts, ctx, where) {
    const { report } = ctx;
    const ann = item.annotation;
    const size = await itemSize(item);
    if (item.image && item.image.kind !== "link") {
        try {
            const why = await placeImage(item, path.join(await dw.ensure(SLY_IMG_DIR), item.name), opts.images);
            if (why)
                report.warn("image-unreadable", imageLeftOutMessage(item.name, why), { file: where });
        }
        catch (e) {
            report.error("image-unreadable", `cannot copy the image into img/ (${e.code ?? e.message}); its masks are still written`, { file: where });
        }
    }
    if (!size) {
        report.warn("mask-size-unknown", "the image size is unknown (no size in the annotation, no readable image): no mask written", { file: where });
        for (const l of ann.labels)
            report.lose(l.classTitle, geometryTypeName(l.geometry), "the image size is unknown");
        return;
    }
    const { width, height } = size;
    // Labels are checked here, drawn and encoded in one job (inline or in a worker thread), and reported on in
    // label order once the job is done.
    const job = { width, height, labels: [], palette: plan.packedPalette, keepMachine: Boolean(opts.overlay && item.image) };
    const checked = [];
    // Labels bound by `instance` (of one class) are one object: one instance mask.
    const objectOfKey = new Map();
    let objects = 0;
    const objectOf = (l) => {
        const inst = l.extra?.instance;
        if (typeof inst !== "string" && typeof inst !== "number")
            return objects++;
        const key = `${inst}\u0000${l.classTitle}`;
        let o = objectOfKey.get(key);
        if (o === undefined)
            objectOfKey.set(key, (o = objects++));
        return o;
    };
    for (const label of ann.labels) {
        const type = geometryTypeName(label.geometry);
        const index = plan.index.get(label.classTitle);
        if (index === undefined) {
            checked.push({ label, type, lost: plan.order.length >= MAX_INDEX ? "more than 255 classes: no index left in an 8-bit mask" : "the class is not in meta.json" });
        }
        else if (label.geometry.type === "graph" || label.geometry.type === "other") {
            checked.push({ label, type, lost: "masks cannot hold it (no area to draw)" });
        }
        else {
            const object = objectOf(label);
            checked.push({ label, type, index, object });
            warnIfClipped(report, label.geometry, label.classTitle, width, height, { file: where });
            job.labels.push({ geometry: packGeometry(label.geometry), index, object });
        }
    }
    const layers = await cpu.run(renderMaskLayersTask, [job], job.labels.flatMap((l) => packedBuffers(l.geometry)));
    const drawn = [];
    const perClass = new Map();
    const pngOf = new Map(layers.instanceObjects.map((o, i) => [o, layers.instancePngs[i]]));
    const objectsWritten = new Set();
    let k = 0;
    for (const { label, type, index, lost, object } of checked) {
        if (lost !== undefined || index === undefined) {
            report.lose(label.classTitle, type, lost ?? "");
            continue;
        }
        const outcome = layers.outcomes[k++];
        if (typeof outcome === "object") {
            report.error("bitmap-unreadable", `a ${type} label of class ${JSON.stringify(label.classTitle)} cannot be drawn: ${outcome.error}`, { file: where });
            continue;
        }
        if (outcome === "empty") {
            report.lose(label.classTitle, type, "no pixel of it falls inside the image");
            continue;
        }
        if (THIN.has(type))
            report.change(label.classTitle, type, "drawn as 1-pixel strokes; the vertices are not kept");
        if (objectsWritten.has(object))
            continue;
        objectsWritten.add(object);
        const classOrder = (perClass.get(label.classTitle) ?? 0) + 1;
        perClass.set(label.classTitle, classOrder);
        drawn.push({ title: label.classTitle, classOrder, png: pngOf.get(object) });
    }
    await fs.writeFile(path.join(await dw.ensure(SLY_MACHINE_DIR), `${maskStem}.png`), layers.machinePng);
    await fs.writeFile(path.join(await dw.ensure(SLY_SEMANTIC_DIR), `${maskStem}.png`), layers.semanticPng);
    if (drawn.length) {
        const instDir = await dw.ensure(path.join(SLY_INSTANCES_DIR, maskStem));
        for (const d of drawn)
            await fs.writeFile(path.join(instDir, `${plan.stem.get(d.title)}_${d.classOrder}.png`), d.png);
    }
    if (opts.overlay) {
        if (!item.image) {
            report.info("overlay-skipped", "no overlay: the item has no image", { file: where });
        }
        else {
            const out = await renderOverlay(item.image, width, height, layers.machine, plan.palette);
            if (Buffer.isBuffer(out))
                await fs.writeFile(path.join(await dw.ensure(SLY_HUMAN_DIR), `${maskStem}.png`), out);
            else
                report.info("overlay-skipped", `no overlay: ${out.skipped}`, { file: where });
        }
    }
}
const stemOf = (name) => (name.lastIndexOf(".") > 0 ? name.slice(0, name.lastIndexOf(".")) : name);
async function writeDataset(ds, dir, fullName, plan, cpu, opts, ctx, record = null, relDir = ds.name) {
    const dw = datasetWriter(dir);
    await fs.mkdir(dir, { recursive: true });
    const names = new Set();
    const stems = new Set();
    let count = 0;
    // Mask names are image stems; when two images share a stem (a.jpg, a.png) the later one's mask is named after
    // its full name (a.png.png), which the reader pairs with the image by full name first.
    const named = async function* () {
        for await (const item of iterateItems(ds.items)) {
            assertPlainFileName(item.name);
            if (names.has(item.name))
                throw new SlyconvError("duplicate-item", `dataset ${fullName} has two items named ${JSON.stringify(item.name)}`);
            names.add(item.name);
            let stem = stemOf(item.name);
            if (stems.has(stem.toLowerCase())) {
                ctx.report.info("mask-name-collision", `another image has the stem ${JSON.stringify(stem)}: its masks are named ${JSON.stringify(item.name + ".png")}`, { file: `${fullName}/${item.name}` });
                stem = item.name;
            }
            stems.add(stem.toLowerCase());
            await record?.(item, relDir, stem);
            yield { item, stem };
        }
    };
    for await (const _ of mapConcurrent(named(), WRITE_CONCURRENCY, ({ item, stem }) => writeItem(item, stem, dw, plan, cpu, opts, ctx, `${fullName}/${item.name}`))) {
        count++;
        ctx.progress.increment();
    }
    for (const child of ds.datasets) {
        assertPlainFileName(child.name);
        count += await writeDataset(child, safeJoin(dir, SLY_DATASETS_DIR, child.name), `${fullName}/${child.name}`, plan, cpu, opts, ctx, record, `${relDir}/${SLY_DATASETS_DIR}/${child.name}`);
    }
    return count;
}
export async function writeMasksProject(project, outDir, options, ctx) {
    const opts = parseMasksExportOptions(options);
    const plan = await planClasses(project, opts, ctx);
    const machineJson = {};
    const semanticJson = {};
    for (const t of plan.order) {
        const i = plan.index.get(t);
        machineJson[t] = [i, i, i];
        semanticJson[t] = [...(plan.colour.get(t) ?? [0, 0, 0])];
    }
    await fs.writeFile(path.join(outDir, MACHINE_COLOR_FILE), canonicalJson(machineJson));
    await fs.writeFile(path.join(outDir, SEMANTIC_COLOR_FILE), canonicalJson(semanticJson));
    ctx.progress.start("writing masks");
    // Drawing and PNG encoding: inline for a few images, in the worker pool for more.
    const cpu = new CpuTaskRunner();
    let items = 0;
    const seen = new Set();
    // A shard records each item's mask stem: the single run may name one differently (formats/masks/merge.ts).
    const shardLines = ctx.shard ? await ctx.shard.sidecar(outDir, "masks.ndjson") : null;
    const record = shardLines ? (item, datasetDir, stem) => shardLines.add([ctx.shard.positionOf(item), datasetDir, item.name, stem]) : null;
    for (const ds of project.datasets) {
        assertPlainFileName(ds.name);
        if (seen.has(ds.name))
            throw new SlyconvError("duplicate-dataset", `two datasets are named ${JSON.stringify(ds.name)}`);
        if (RESERVED_DIRS.has(ds.name))
            throw new SlyconvError("reserved-dataset-name", `a dataset cannot be named ${JSON.stringify(ds.name)} in a masks export`);
        seen.add(ds.name);
        items += await writeDataset(ds, safeJoin(outDir, ds.name), ds.name, plan, cpu, opts, ctx, record);
    }
    await shardLines?.close();
    ctx.progress.stop();
    ctx.report.count("items", items);
    return { items };
}
//# sourceMappingURL=write.js.map