/**
 * Project model → COCO: per dataset `annotations/instances_<dataset>.json` (plus `person_keypoints_<dataset>.json`
 * when objects have keypoints and `captions_<dataset>.json` when images have caption tags) and the images under
 * `images/<dataset>/<file_name>`. Items stream through; each array is written to a part file as it grows and the
 * parts are joined at the end, so memory does not grow with the dataset.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { graphTemplateOf, iterateItems, walkDatasets } from "../../src/model/index.js";
import { safeJoin, assertPlainFileName, unsafeNameReason } from "../../src/io/paths.js";
import { readImageHeaderSize } from "../../src/io/image-header.js";
import { imageLeftOutMessage, placeFile } from "../../src/io/place-file.js";
import { exportOptionsOf } from "./options.js";
import { JsonArrayPart, assembleJson } from "./json-out.js";
import { finishImageObjects, keypointCategory, packedSegmentationJob, planCategories, planImageObjects, } from "./export-objects.js";
import { cocoSegmentationsTask, ReportRecorder, replayEvents } from "./segmentation.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { CpuTaskRunner } from "../../src/workers/pool.js";
import { IMAGE_META_KEY, cocoImageEntry, cocoInfoOf, isFiniteNumber, isObject, } from "./model.js";
/** Items planned ahead of the one being written (see writeDataset). */
const LOOKAHEAD = 32;
/** Gives ids: the one read on import when it is still free, else the next free one after the largest known. */
export class IdAllocator {
    used = new Set();
    next;
    constructor(start) {
        this.next = Math.max(1, Math.floor(start));
    }
    /** The wanted id when valid and unused, else a fresh one; `reassigned` says a wanted id had to change. */
    take(wanted) {
        const valid = isFiniteNumber(wanted) || (typeof wanted === "string" && wanted !== "");
        if (valid && !this.used.has(wanted)) {
            this.used.add(wanted);
            return { id: wanted, reassigned: false };
        }
        while (this.used.has(this.next))
            this.next++;
        this.used.add(this.next);
        return { id: this.next++, reassigned: valid };
    }
}
/** At most `limit` image copies in flight while items keep streaming; a failure surfaces at the next call. */
class InFlight {
    limit;
    pending = new Set();
    failure = null;
    constructor(limit) {
        this.limit = limit;
    }
    async run(task) {
        if (this.failure)
            throw this.failure;
        while (this.pending.size >= this.limit)
            await Promise.race(this.pending);
        if (this.failure)
            throw this.failure;
        const p = task()
            .catch((e) => {
            this.failure ??= e;
        })
            .finally(() => this.pending.delete(p));
        this.pending.add(p);
    }
    async drain() {
        await Promise.all(this.pending);
        if (this.failure)
            throw this.failure;
    }
}
/**
 * Top-level keys (info, licenses, type, …) of the source file a dataset came from, for a given file kind, exactly as
 * read; a dataset that did not come from COCO gets a minimal info and an empty licenses list.
 */
function topOf(info, dataset, kind) {
    const sources = info?.sources ?? [];
    const src = sources.find((s) => s.dataset === dataset && s.kind === kind)
        ?? sources.find((s) => s.dataset === dataset)
        ?? sources.find((s) => s.kind === kind)
        ?? sources[0];
    if (src && isObject(src.top))
        return { ...src.top };
    return { info: { description: "exported from a Supervisely project by slyconv" }, licenses: [] };
}
function maxKnownId(info, key) {
    let m = 0;
    for (const s of info?.sources ?? []) {
        const v = s[key];
        if (isFiniteNumber(v) && v > m)
            m = v;
    }
    return m;
}
export async function writeCocoProject(project, outDir, options, ctx) {
    const opts = exportOptionsOf(options);
    const report = ctx.report;
    const info = cocoInfoOf(project.sideFiles);
    const plan = planCategories(project.meta, info, report);
    const settings = { polygons: opts.polygons, templateKeys: new Map() };
    for (const cls of project.meta.classes)
        if (cls.shape === "graph")
            settings.templateKeys.set(cls.title, Object.keys(graphTemplateOf(cls).nodes));
    const captionTag = project.meta.tagMetas.find((t) => t.name === opts.captionTag);
    const annDir = path.join(outDir, "annotations");
    await fs.mkdir(annDir, { recursive: true });
    const names = new Set();
    // Mask segmentations: inline for a few, in the worker pool for more.
    const cpu = new CpuTaskRunner();
    let total = 0;
    // A shard records what merge needs to give every id as the single run does (formats/coco/merge.ts).
    const shardDatasets = [];
    if (ctx.shard)
        ctx.shard.state.coco = { datasets: shardDatasets };
    ctx.progress.start("writing COCO");
    for (const { dataset, path: dsPath } of walkDatasets(project.datasets)) {
        let name = dsPath.join("_");
        for (let n = 2; names.has(name); n++)
            name = `${dsPath.join("_")}_${n}`;
        names.add(name);
        assertPlainFileName(`instances_${name}.json`);
        shardDatasets.push({ name, imageStart: maxKnownId(info, "max_image_id") + 1, annotationStart: maxKnownId(info, "max_annotation_id") + 1 });
        total += await writeDataset(name, dsPath.join("/"), iterateItems(dataset.items), outDir, annDir, plan, settings, info, opts, captionTag ? opts.captionTag : null, cpu, ctx);
    }
    ctx.progress.stop();
    report.count("items", total);
}
async function writeDataset(name, fullName, items, outDir, annDir, plan, settings, info, opts, captionTag, cpu, ctx) {
    const report = ctx.report;
    const parts = {
        images: await JsonArrayPart.create(path.join(annDir, `.${name}.images.part`)),
        instances: await JsonArrayPart.create(path.join(annDir, `.${name}.instances.part`)),
        keypoints: await JsonArrayPart.create(path.join(annDir, `.${name}.keypoints.part`)),
        captions: await JsonArrayPart.create(path.join(annDir, `.${name}.captions.part`)),
    };
    const imageIds = new IdAllocator(maxKnownId(info, "max_image_id") + 1);
    const annIds = new IdAllocator(maxKnownId(info, "max_annotation_id") + 1);
    const captionIds = new IdAllocator(maxKnownId(info, "max_annotation_id") + 1);
    const imagesRoot = path.join(outDir, "images", name);
    const writtenFiles = new Set();
    const shardLines = ctx.shard ? await ctx.shard.sidecar(outDir, `coco/${name}.ndjson`) : null;
    let shardFileName = "";
    const copies = new InFlight(16);
    /**
     * file_name as read (it may hold a folder, e.g. JPEGImages/x.jpg), else the item name; one that would leave the
     * images folder, or that another image already took, becomes `<stem>__<image id><ext>`.
     */
    const uniqueFileName = (wanted, itemName, imageId) => {
        let f = typeof wanted === "string" && wanted !== "" ? wanted : itemName;
        // What safeJoin(imagesRoot, f) refuses (a relative name without '..' cannot resolve outside the folder).
        if (unsafeNameReason(f) !== null)
            f = itemName;
        shardFileName = f;
        if (writtenFiles.has(f)) {
            const dot = itemName.lastIndexOf(".");
            const alt = dot > 0 ? `${itemName.slice(0, dot)}__${String(imageId)}${itemName.slice(dot)}` : `${itemName}__${String(imageId)}`;
            report.warn("coco-duplicate-file-name", `two images of dataset ${fullName} would be written as ${JSON.stringify(f)}; this one is ${JSON.stringify(alt)}`, { file: `${fullName}/${itemName}` });
            f = alt;
        }
        writtenFiles.add(f);
        return f;
    };
    let count = 0;
    // Items are planned up to LOOKAHEAD ahead of the writing, so that the segmentations worth a worker (masks to
    // decode and run-length encode, polygons with holes to fill, --polygons traces) are computed in the pool while
    // earlier items are written. What planning reports is recorded and replayed in item order.
    const planned = mapConcurrent(items, LOOKAHEAD, async (item) => {
        const where = { file: `${fullName}/${item.name}` };
        let { width, height } = item.annotation.size;
        if ((width === null || height === null) && item.image?.kind === "file") {
            const s = await readImageHeaderSize(item.image.path);
            if (s)
                ({ width, height } = s);
        }
        const recorder = new ReportRecorder();
        const drafts = planImageObjects(item.annotation.labels, { width, height }, plan, settings, recorder, where);
        const jobs = drafts.filter((d) => d.job).map((d) => packedSegmentationJob(d.job));
        const computed = jobs.length ? await cpu.run(cocoSegmentationsTask, [jobs.map((j) => j.job)], jobs.flatMap((j) => j.transfer)) : [];
        return { item, where, width, height, recorded: recorder.events, drafts, computed };
    });
    try {
        for await (const { item, where, width, height, recorded, drafts, computed } of planned) {
            ctx.signal?.throwIfAborted();
            // The image entry: meta/<image>.json's `coco` (projects imported by earlier versions), else coco_info.json's table.
            const coco = isObject(item.imageMeta?.[IMAGE_META_KEY]) ? item.imageMeta[IMAGE_META_KEY] : (cocoImageEntry(info, fullName, item.name) ?? {});
            const { id: imageId, reassigned } = imageIds.take(coco.id);
            if (reassigned)
                report.warn("coco-id-reassigned", `image id ${JSON.stringify(coco.id)} is used by another image of this dataset; written as ${String(imageId)}`, where);
            const fileName = uniqueFileName(coco.file_name, item.name, imageId);
            if (width === null || height === null)
                report.warn("coco-size-unknown", "the image size is unknown (no size in the annotation and no readable image); width and height are written as 0", where);
            const image = { id: imageId, width: width ?? 0, height: height ?? 0, file_name: fileName };
            for (const [k, v] of Object.entries(coco))
                if (!(k in image) && k !== "caption_ids")
                    image[k] = v;
            if (item.image?.kind === "link" && image.coco_url === undefined)
                image.coco_url = item.image.url;
            await parts.images.add(image);
            if (opts.images !== "none" && item.image && item.image.kind !== "link") {
                const dest = safeJoin(imagesRoot, fileName);
                const source = item.image;
                const itemName = item.name;
                await copies.run(async () => {
                    await fs.mkdir(path.dirname(dest), { recursive: true });
                    if (source.kind === "bytes")
                        return fs.writeFile(dest, source.data, { flag: "wx" });
                    const r = await placeFile(source.path, dest, opts.images);
                    if ("why" in r)
                        report.warn("image-unreadable", imageLeftOutMessage(itemName, r.why), where);
                });
            }
            replayEvents(recorded, report);
            const objects = finishImageObjects(drafts, computed, settings, report);
            const ids = Array.isArray(coco.caption_ids) ? coco.caption_ids : [];
            if (shardLines) {
                const captions = captionTag === null ? [] : item.annotation.tags.filter((t) => t.name === captionTag && typeof t.value === "string").map((_, k) => ids[k] ?? null);
                const line = [ctx.shard.positionOf(item), coco.id ?? null, shardFileName, item.name === shardFileName ? 0 : item.name, fileName === shardFileName ? 0 : fileName, objects.map((o) => o.cocoId ?? null), captions];
                await shardLines.add(line);
            }
            for (const o of objects) {
                const { id, reassigned: changed } = annIds.take(o.cocoId);
                if (changed)
                    report.warn("coco-id-reassigned", `annotation id ${JSON.stringify(o.cocoId)} is used twice in this dataset; written as ${String(id)}`, where);
                const base = { id, image_id: imageId, category_id: o.categoryId, ...o.fields };
                await parts.instances.add(base);
                const cat = plan.byId.get(o.categoryId);
                if (o.keypoints && cat?.keypointsClass) {
                    const { segmentation, area, bbox, iscrowd, ...rest } = o.fields;
                    await parts.keypoints.add({
                        id, image_id: imageId, category_id: o.categoryId, segmentation, area, bbox, iscrowd,
                        num_keypoints: o.keypoints.num_keypoints, keypoints: o.keypoints.keypoints, ...rest,
                    });
                }
            }
            let k = 0;
            for (const t of item.annotation.tags) {
                if (captionTag !== null && t.name === captionTag && typeof t.value === "string") {
                    const { id } = captionIds.take(ids[k++]);
                    await parts.captions.add({ id, image_id: imageId, caption: t.value });
                } // other image tags: counted as lost by the export pipeline (cocoTagsWritten)
            }
            count++;
            ctx.progress.increment();
        }
        await copies.drain();
    }
    finally {
        for (const p of Object.values(parts))
            await p.close();
        await shardLines?.close();
    }
    const categories = plan.categories.map((c) => c.object);
    const write = async (kind, file, annotations, cats) => {
        const top = topOf(info, fullName, kind);
        const entries = [];
        for (const k of ["info", "licenses"])
            if (k in top)
                entries.push([k, top[k]]);
        for (const [k, v] of Object.entries(top))
            if (k !== "info" && k !== "licenses" && k !== "images" && k !== "annotations" && k !== "categories")
                entries.push([k, v]);
        entries.push(["images", parts.images], ["annotations", annotations]);
        if (cats)
            entries.push(["categories", cats]);
        await assembleJson(path.join(annDir, file), entries);
    };
    await write("instances", `instances_${name}.json`, parts.instances, categories);
    if (parts.keypoints.count) {
        await write("keypoints", `person_keypoints_${name}.json`, parts.keypoints, plan.categories.filter((c) => c.keypointsClass).map(keypointCategory));
    }
    if (parts.captions.count)
        await write("captions", `captions_${name}.json`, parts.captions, null);
    for (const p of Object.values(parts))
        await fs.rm(p.path, { force: true });
    return count;
}
//# sourceMappingURL=write.js.map