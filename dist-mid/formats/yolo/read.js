/**
 * YOLO dataset → project model. Layout discovery pairs images with label files up front (paths only); items are
 * then built while the writer consumes them, with label reads and image-header reads in flight together up to a
 * bound, so memory stays flat however many images there are.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { emptyProjectMeta } from "../../src/model/index.js";
import { SlyconvError, optionName } from "../../src/errors.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { openDirTree } from "./source-tree.js";
import { discoverLayout, MAX_CLASSES } from "./layout.js";
import { recordsNotNormalised } from "./lines.js";
import { maxClassIdOf, readLabelFile } from "./label-file.js";
import { ClassTable, recordsToLabels } from "./to-model.js";
import { sizeSourceFromOptions } from "./sizes.js";
import { SIDE_FILE } from "./side-file.js";
import { cornersToOrientedBox } from "./obb.js";
const posix = path.posix;
/** Label reads and image-header reads in flight per dataset. */
const ITEM_CONCURRENCY = 32;
/** Label files read up front to choose the shape of classes that no label uses (and the OBB corner order). */
const SHAPE_SAMPLE_FILES = 20;
/** At most this many label files are read up front looking for the first OBB rectangle. */
const OBB_ORDER_SAMPLE_FILES = 1000;
export function yoloReadOptions(o) {
    return { obb: Boolean(o.obb), sizesFrom: o.sizesFrom, imageSize: o.imageSize, skipBadLines: Boolean(o.skipBadLines) };
}
/** The tree and the place to start from for an input: a folder, a data YAML or an obj.data file. */
export async function openInput(input) {
    const st = await fs.stat(input).catch(() => null);
    if (!st)
        throw new SlyconvError("input-missing", `input ${input} does not exist`, { file: input });
    if (st.isDirectory()) {
        const tree = await openDirTree(input);
        return { tree, start: tree.root };
    }
    if (/\.ya?ml$/i.test(input)) {
        const tree = await openDirTree(path.dirname(input));
        return { tree, start: tree.root, configFile: posix.join(tree.root, path.basename(input)) };
    }
    if (/\.(data|names|txt)$/i.test(input)) {
        const tree = await openDirTree(path.dirname(input));
        return { tree, start: tree.root };
    }
    throw new SlyconvError("yolo-input", "a YOLO input is a dataset folder, its data YAML, or its obj.data (archives are extracted by the caller)", { file: input });
}
/** When no file names the classes, the largest class id used decides how many there are. */
async function classCountFromLabels(tree, layout) {
    let max = -1;
    const files = layout.splits.flatMap((s) => s.refs.map((r) => r.label).filter((l) => Boolean(l)));
    for await (const fileMax of mapConcurrent(files, ITEM_CONCURRENCY, (f) => maxClassIdOf(f, tree.display(f))))
        max = Math.max(max, fileMax);
    return max + 1;
}
/**
 * What the first label files say about the whole dataset: the geometry most of their lines have (the shape given to
 * classes no label uses) and, for OBBs, the corner order of the first rectangle. Read up front, in file order, so the
 * result does not depend on which items of the concurrent stream happen to finish first.
 */
async function sampleLabels(tree, layout, parse) {
    const counts = new Map();
    let files = 0;
    let obbOrder;
    outer: for (const s of layout.splits)
        for (const r of s.refs) {
            if (!r.label)
                continue;
            const records = await readLabelFile(r.label, tree.display(r.label), parse);
            if (!records.length)
                continue;
            for (const rec of records) {
                const shape = rec.kind === "box" ? "rectangle" : rec.kind === "obb" ? "oriented_bbox" : rec.kind === "pose" ? "graph" : "polygon";
                counts.set(shape, (counts.get(shape) ?? 0) + 1);
                if (rec.kind === "obb" && !obbOrder) {
                    // Any size will do to tell the listing direction; the rectangle test is what needs the real one.
                    const corners = [0, 2, 4, 6].map((k) => [rec.coords[k] * 1000, rec.coords[k + 1] * 1000]);
                    obbOrder = cornersToOrientedBox(corners, 1000, 1000)?.order;
                }
            }
            // With --obb, read on until a rectangle shows the corner order (a dataset of quads only would need them all).
            if (++files >= SHAPE_SAMPLE_FILES && (obbOrder || !parse.obb || files >= OBB_ORDER_SAMPLE_FILES))
                break outer;
        }
    let shape = parse.keypoints ? "graph" : "rectangle", best = 0;
    if (!parse.keypoints)
        for (const [k, n] of counts)
            if (n > best) {
                shape = k;
                best = n;
            }
    return { shape, obbOrder };
}
/** Item names (image file names) per dataset, unique within it. */
function nameRefs(refs, tree, sizes, ctx) {
    const used = new Set();
    const out = [];
    let guessed = 0;
    for (const r of refs) {
        let name;
        if (r.image ?? r.listedImage)
            name = posix.basename((r.image ?? r.listedImage));
        else {
            const stem = posix.basename(r.label).replace(/\.txt$/i, "");
            const known = sizes?.fileNameFor(stem);
            if (known)
                name = known;
            else {
                // No image and no list naming it: the item still needs an image file name.
                name = `${stem}.jpg`;
                guessed++;
            }
        }
        if (used.has(name)) {
            const from = r.image ?? r.listedImage ?? r.label;
            const parent = posix.basename(posix.dirname(from));
            let alt = `${parent}_${name}`;
            for (let k = 2; used.has(alt); k++)
                alt = `${parent}_${k}_${name}`;
            ctx.report.warn("yolo-duplicate-name", `two images of one dataset are named ${name}; this one is renamed ${alt}`, { file: tree.display(from) });
            name = alt;
        }
        used.add(name);
        out.push({ ...r, name });
    }
    if (guessed)
        ctx.report.info("yolo-name-guessed", `${guessed} label files have no image; their items are named <stem>.jpg`);
    return out;
}
export async function readYolo(input, options, ctx) {
    const { tree, start, configFile } = await openInput(input);
    const layout = await discoverLayout(tree, start, ctx, configFile);
    for (const link of tree.linksOutside) {
        ctx.report.warn("yolo-link-outside", "a symlink to a folder outside the dataset folder is not followed; the files it leads to are not read", { file: tree.display(link) });
    }
    // A FIFO would block a read forever; a data.yaml or label file that is one is said to be skipped, not lost quietly.
    for (const f of tree.notRegular)
        ctx.report.warn("not-a-regular-file", `it is ${f.kind}, not a regular file, so it is not read`, { file: tree.display(f.path) });
    const sizes = await sizeSourceFromOptions(options.sizesFrom, options.imageSize);
    const configShown = layout.configFile ? tree.display(layout.configFile) : undefined;
    let names = layout.names;
    if (!names) {
        const n = await classCountFromLabels(tree, layout);
        if (n > MAX_CLASSES) {
            throw new SlyconvError("yolo-names", `no file names the classes and the labels use class ids up to ${n - 1}; at most ${MAX_CLASSES} classes are supported`, { file: tree.display(layout.root) });
        }
        names = Array.from({ length: n }, (_, i) => String(i));
        ctx.report.warn("yolo-no-names", `no class names (data.yaml, obj.names or classes.txt); the ${n} classes are named by their index`, { file: tree.display(layout.root) });
    }
    if (!layout.splits.length || layout.splits.every((s) => !s.refs.length)) {
        throw new SlyconvError("yolo-empty", "no images and no label files found", { file: tree.display(layout.root) });
    }
    if (options.obb && layout.keypoints)
        throw new SlyconvError("yolo-obb-pose", `${optionName("obb")} was given but data.yaml has kpt_shape (a pose dataset)`, { file: configShown });
    const parse = { classCount: names.length, keypoints: layout.keypoints?.shape, obb: Boolean(options.obb), skipBadLines: Boolean(options.skipBadLines) };
    const meta = emptyProjectMeta();
    // The sample reads lines that are read again below: their bad lines are reported there, once.
    const sample = await sampleLabels(tree, layout, parse);
    parse.onBadLine = (e) => {
        ctx.report.warn("yolo-label-skipped", `${e.message}; the line is skipped`, e.location);
        ctx.report.count("yoloLinesSkipped");
    };
    const classes = new ClassTable(meta, names, sample.shape, layout.keypoints, ctx, configShown);
    // The side file object is created now and filled in place: callers copy the project (not its side files) before
    // the items stream, and the corner order of OBBs is only known once the first one is read.
    const side = {};
    const project = { meta, datasets: [] };
    if (layout.keypoints) {
        side.kpt_shape = [layout.keypoints.shape.count, layout.keypoints.shape.dims];
        if (layout.keypoints.flipIdx)
            side.flip_idx = layout.keypoints.flipIdx;
    }
    if (layout.keypoints || options.obb)
        project.sideFiles = { [SIDE_FILE]: side };
    const state = {
        onObbOrder(order) {
            state.obbOrder = order;
            side.obb_corner_order = order;
        },
    };
    if (sample.obbOrder)
        state.onObbOrder(sample.obbOrder);
    const buildItem = async (ref) => {
        const labelShown = ref.label ? tree.display(ref.label) : undefined;
        const records = ref.label ? await readLabelFile(ref.label, labelShown, parse) : [];
        const pixels = recordsNotNormalised(records, layout.keypoints?.shape.dims);
        if (pixels) {
            ctx.report.warn("yolo-not-normalised", `${pixels.count} of ${records.length} labels hold coordinates above 1 (${pixels.value} on line ${pixels.line}): YOLO coordinates are fractions of the image size, these look like pixels; they are read as fractions, so they lie outside the image`, { file: labelShown, line: pixels.line });
        }
        let size = undefined;
        const item = { name: ref.name, annotation: { size: { width: null, height: null }, tags: [], labels: [] } };
        if (ref.image) {
            const loaded = await tree.loadImage(ref.image);
            item.image = loaded.source;
            size = loaded.size;
            if (!size)
                ctx.report.warn("yolo-image-unreadable", "cannot read the image size from its header", { file: tree.display(ref.image) });
        }
        size ??= sizes?.lookup(ref.name) ?? (ref.label ? sizes?.lookup(posix.basename(ref.label)) : undefined);
        if (size)
            item.annotation.size = { width: size.width, height: size.height };
        if (records.length) {
            if (!size) {
                throw new SlyconvError("yolo-no-size", `the image of ${ref.name} is ${ref.image ? "unreadable" : "not there"}, so its normalised coordinates cannot become pixels; pass ${optionName("sizesFrom")} <VOC folder | JSON> or ${optionName("imageSize")} <W>x<H>`, { file: labelShown });
            }
            item.annotation.labels = recordsToLabels(records, size.width, size.height, classes, layout.keypoints, state, labelShown, ctx);
        }
        else if (!size) {
            ctx.report.info("yolo-size-unknown", "no image and no known size: the item's size is left null", { file: labelShown ?? ref.name });
        }
        return item;
    };
    // Each split is a dataset; sub-folders of a split folder are nested datasets.
    for (const split of layout.splits) {
        const byPath = new Map();
        for (const r of split.refs) {
            const key = r.subdirs.join("/");
            if (!byPath.has(key))
                byPath.set(key, []);
            byPath.get(key).push(r);
        }
        const datasetAt = new Map();
        const ensure = (key) => {
            let ds = datasetAt.get(key);
            if (ds)
                return ds;
            const parts = key ? key.split("/") : [];
            ds = { name: parts.length ? parts[parts.length - 1] : split.name, items: [], datasets: [] };
            datasetAt.set(key, ds);
            if (parts.length)
                ensure(parts.slice(0, -1).join("/")).datasets.push(ds);
            return ds;
        };
        const top = ensure("");
        for (const [key, refs] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            const named = nameRefs(refs, tree, sizes, ctx);
            const ds = ensure(key);
            // A shard's selection (src/shard.ts) is made from the listing: other shards' label files are never read.
            ds.items = (select) => mapConcurrent(select ? named.filter((r) => select(r.name)) : named, ITEM_CONCURRENCY, buildItem);
            ds.itemCount = named.length;
        }
        project.datasets.push(top);
    }
    ctx.report.info("yolo-layout", `${layout.kind} layout: ${layout.splits.map((s) => `${s.name} (${s.refs.length})`).join(", ")}; ${names.length} classes`, { file: configShown ?? tree.display(layout.root) });
    return project;
}
//# sourceMappingURL=read.js.map