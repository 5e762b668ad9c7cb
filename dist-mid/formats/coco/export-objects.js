import { graphTemplateOf } from "../../src/model/index.js";
import { packRing } from "../../src/workers/packed.js";
import { bitmapMask, hasSourceMask } from "../../src/codecs/bitmap.js";
import { boxOf } from "./annotation.js";
import { computeSegmentation, replayEvents, segmentationIsHeavy, } from "./segmentation.js";
import { EXTRA_COCO, EXTRA_INSTANCE, EXTRA_RLE_COUNTS, TAG_COCO_ID, TAG_ISCROWD, cleanFloat, isFiniteNumber, isObject, } from "./model.js";
/** Shapes COCO has no place for. */
const UNWRITABLE = {
    point: "COCO has no point annotations",
    line: "COCO has no polylines",
    alpha_mask: "COCO masks are binary; an alpha matte has no COCO form",
    cuboid: "COCO has no cuboids",
    cuboid_2d: "COCO has no cuboids",
    oriented_bbox: "COCO boxes are axis-aligned",
};
/**
 * Categories from the project's classes: a class that came from a COCO category (coco_info.json) gets that category
 * back with its id and fields; other classes get new categories (ids after the largest one in use), in meta order.
 */
export function planCategories(meta, info, report) {
    const byClass = new Map();
    const categories = [];
    const original = new Map();
    for (const c of info?.categories ?? [])
        if (isFiniteNumber(c.id) && typeof c.name === "string")
            original.set(`${c.id}\u0000${c.name}`, { obj: c });
    // First the COCO categories still represented by a class, in their original order.
    const mappedClass = (cls) => {
        const m = info?.classes[cls.title];
        if (!m || !original.has(`${m.category_id}\u0000${m.name}`))
            return null;
        if (m.role === "keypoints" && cls.shape !== "graph")
            return null;
        return m;
    };
    const wanted = new Set();
    for (const cls of meta.classes) {
        const m = mappedClass(cls);
        if (m)
            wanted.add(`${m.category_id}\u0000${m.name}`);
    }
    const usedIds = new Set();
    const skipped = new Map();
    let maxId = 0;
    for (const [key, rec] of original) {
        if (!wanted.has(key))
            continue;
        const id = rec.obj.id;
        const object = {};
        for (const [k, v] of Object.entries(rec.obj))
            if (k !== "keypoints" && k !== "skeleton")
                object[k] = v;
        rec.out = { id, object };
        if (usedIds.has(id))
            rec.out.id = -1; // renumbered below
        else
            usedIds.add(id);
        maxId = Math.max(maxId, id);
        categories.push(rec.out);
    }
    for (const cat of categories) {
        if (cat.id === -1) {
            cat.id = ++maxId;
            report.warn("coco-category-renumbered", `two categories had id ${String(cat.object.id)}; ${JSON.stringify(cat.object.name)} is written with id ${cat.id}`);
            cat.object = { ...cat.object, id: cat.id };
        }
    }
    for (const cls of meta.classes) {
        const m = mappedClass(cls);
        if (m) {
            const out = original.get(`${m.category_id}\u0000${m.name}`).out;
            byClass.set(cls.title, { category: out, role: m.role });
            if (m.role === "keypoints")
                out.keypointsClass ??= cls;
            continue;
        }
        if (UNWRITABLE[cls.shape]) {
            skipped.set(cls.title, cls.shape);
            continue;
        }
        const out = { id: ++maxId, object: { id: maxId, name: cls.title, supercategory: cls.title } };
        if (cls.shape === "graph")
            out.keypointsClass = cls;
        categories.push(out);
        byClass.set(cls.title, { category: out, role: cls.shape === "graph" ? "keypoints" : "objects" });
    }
    return { categories, byClass, byId: new Map(categories.map((c) => [c.id, c])), skipped };
}
/** Category objects of a keypoints file: keypoint names and skeleton from the graph class's template. */
export function keypointCategory(cat) {
    const { nodes, edges } = graphTemplateOf(cat.keypointsClass);
    const keys = Object.keys(nodes);
    const index = new Map(keys.map((k, i) => [k, i + 1]));
    return {
        ...cat.object,
        keypoints: keys.map((k) => (typeof nodes[k].label === "string" ? nodes[k].label : k)),
        skeleton: edges.filter((e) => index.has(e.src) && index.has(e.dst)).map((e) => [index.get(e.src), index.get(e.dst)]),
    };
}
function tagValue(l, name) {
    const t = l.tags.find((x) => x.name === name);
    return { found: !!t, value: t?.value };
}
/**
 * The COCO annotations of one image, planned (see ObjectDraft). Labels are grouped by (binding key, category); what
 * COCO cannot hold is counted in the report's losses.
 */
export function planImageObjects(labels, size, plan, settings, report, where) {
    const groups = new Map();
    labels.forEach((l, i) => {
        const g = l.geometry;
        const type = g.type === "other" ? g.geometryType : g.type;
        if (UNWRITABLE[type] || g.type === "other") {
            report.lose(l.classTitle, type, UNWRITABLE[type] ?? "COCO has no such geometry");
            return;
        }
        // COCO polygons are flat lists of 3 or more points; fewer would be written as `[[]]` or a line no reader takes.
        if (g.type === "polygon" && g.exterior.length < 3) {
            report.lose(l.classTitle, type, `a polygon of ${g.exterior.length} point${g.exterior.length === 1 ? "" : "s"} has no area (COCO polygons need 3 or more)`);
            return;
        }
        const m = plan.byClass.get(l.classTitle);
        if (!m) {
            const shape = plan.skipped.get(l.classTitle);
            report.lose(l.classTitle, type, shape ? `the class's shape (${shape}) has no COCO category` : "the class is not in meta.json");
            return;
        }
        const instance = l.extra?.[EXTRA_INSTANCE];
        const key = `${typeof instance === "string" || typeof instance === "number" ? `k${instance}` : `#${i}`}\u0000${m.category.id}`;
        let grp = groups.get(key);
        if (!grp)
            groups.set(key, (grp = { category: m, labels: [] }));
        grp.labels.push(l);
    });
    const out = [];
    for (const grp of groups.values()) {
        // One graph and one box per annotation: any more become annotations of their own.
        const graphs = grp.labels.filter((l) => l.geometry.type === "graph");
        const rects = grp.labels.filter((l) => l.geometry.type === "rectangle");
        const segs = grp.labels.filter((l) => l.geometry.type !== "graph" && l.geometry.type !== "rectangle");
        const main = [...segs, ...rects.slice(0, 1), ...graphs.slice(0, 1)];
        const rest = [...rects.slice(1), ...graphs.slice(1)];
        const ordered = grp.labels.filter((l) => main.includes(l));
        out.push(draftOf(ordered, grp.category.category.id, size, settings, where, false));
        for (const l of rest)
            out.push(draftOf([l], grp.category.category.id, size, settings, where, true));
    }
    return out;
}
function draftOf(labels, categoryId, size, settings, where, split) {
    const overlay = { ...(labels.find((l) => isObject(l.extra?.[EXTRA_COCO]))?.extra?.[EXTRA_COCO] ?? {}) };
    const rect = labels.find((l) => l.geometry.type === "rectangle");
    // Segmentation: polygon parts when every part is hole-free (or --polygons), else one RLE of their union.
    const job = {
        width: size.width, height: size.height, rings: [], bitmaps: [], polygons: settings.polygons,
        boxFromPolygons: !rect && !Array.isArray(overlay.bbox), areaFromPolygons: overlay.area === undefined, where,
    };
    let holes = false;
    for (const l of labels) {
        const g = l.geometry;
        if (g.type === "polygon") {
            job.rings.push({ cls: l.classTitle, ring: g });
            holes ||= g.interior.length > 0;
        }
        else if (g.type === "multipolygon") {
            for (const p of g.parts) {
                job.rings.push({ cls: l.classTitle, ring: p });
                holes ||= p.interior.length > 0;
            }
        }
        else if (g.type === "bitmap") {
            const source = hasSourceMask(g) ? { mask: bitmapMask(g) } : { data: g.data };
            job.bitmaps.push({ cls: l.classTitle, ...source, x: Math.round(g.origin[0]), y: Math.round(g.origin[1]), listCounts: l.extra?.[EXTRA_RLE_COUNTS] === "list" });
        }
    }
    const draft = { labels, categoryId, overlay, split };
    if (segmentationIsHeavy(job, holes))
        draft.job = job;
    else
        draft.segmentation = computeSegmentation(job);
    return draft;
}
/** A draft's job as sent to a worker: rings packed into typed arrays, with the buffers to transfer. */
export function packedSegmentationJob(job) {
    const rings = job.rings.map((r) => ({ cls: r.cls, ring: packRing(r.ring) }));
    const transfer = [];
    for (const r of rings) {
        transfer.push(r.ring.exterior.buffer);
        for (const h of r.ring.interior)
            transfer.push(h.buffer);
    }
    return { job: { ...job, rings }, transfer };
}
/**
 * The COCO annotations of planned drafts, once the segmentations of those with a job are computed (`computed`, in
 * the drafts' order); reports what the segmentation and the rest of each annotation lose.
 */
export function finishImageObjects(drafts, computed, settings, report) {
    const out = [];
    let k = 0;
    for (const d of drafts) {
        const seg = d.segmentation ?? computed[k++];
        const o = objectOf(d, seg, settings, report);
        if (o)
            out.push(d.split ? { ...o, cocoId: null } : o);
    }
    return out;
}
/** planImageObjects and finishImageObjects with every segmentation computed here (no worker). */
export function imageObjects(labels, size, plan, settings, report, where) {
    const drafts = planImageObjects(labels, size, plan, settings, report, where);
    return finishImageObjects(drafts, drafts.filter((d) => d.job).map((d) => computeSegmentation(d.job)), settings, report);
}
function objectOf(draft, seg, settings, report) {
    const { labels, categoryId, overlay } = draft;
    const rect = labels.find((l) => l.geometry.type === "rectangle");
    const graph = labels.find((l) => l.geometry.type === "graph");
    replayEvents(seg.events, report);
    const { segmentation } = seg;
    let { box, area } = seg;
    const hasSegmentation = Array.isArray(segmentation) ? segmentation.length > 0 : true;
    const rectBox = rect ? boxOf({ rect: rect.geometry }) : null;
    let keypoints;
    if (graph)
        keypoints = keypointsOf(graph, overlay, settings.templateKeys.get(graph.classTitle), report);
    if (!hasSegmentation && !rect && !graph)
        return null; // everything was reported lost above
    // The box: as read (extra.coco.bbox), else a rectangle bound to the object, else what the geometry covers.
    if (rectBox)
        box = rectBox;
    if (!box && graph)
        box = boxOf({ points: Object.values(graph.geometry.nodes).map((n) => n.loc) });
    if (Array.isArray(overlay.bbox))
        box = overlay.bbox;
    if (area === null)
        area = box ? cleanFloat(box[2] * box[3]) : 0;
    if (overlay.area !== undefined)
        area = overlay.area;
    if (!keypoints && Array.isArray(overlay.keypoints)) {
        const raw = overlay.keypoints;
        keypoints = { keypoints: raw, num_keypoints: raw.filter((v, i) => i % 3 === 2 && v > 0).length };
    }
    if (keypoints && overlay.num_keypoints !== undefined)
        keypoints.num_keypoints = overlay.num_keypoints;
    const crowd = labels.some((l) => tagValue(l, TAG_ISCROWD).found);
    const idTag = labels.map((l) => tagValue(l, TAG_COCO_ID)).find((t) => t.found);
    const fields = {
        segmentation,
        area,
        bbox: box ?? [0, 0, 0, 0],
        iscrowd: crowd ? 1 : 0,
    };
    // Other object tags travel as CVAT-style `attributes` (name → value); descriptions have no COCO place.
    const attributes = isObject(overlay.attributes) ? { ...overlay.attributes } : {};
    let extraAttributes = false;
    for (const l of labels) {
        for (const t of l.tags) {
            if (t.name === TAG_COCO_ID || t.name === TAG_ISCROWD)
                continue;
            if (!(t.name in attributes)) {
                attributes[t.name] = t.value ?? true;
                extraAttributes = true;
            }
        }
        if (l.description)
            report.lose(l.classTitle, "label description", "COCO annotations have no description");
    }
    for (const [k, v] of Object.entries(overlay)) {
        if (k === "area" || k === "bbox" || k === "keypoints" || k === "num_keypoints")
            continue;
        fields[k] = v;
    }
    if (extraAttributes)
        fields.attributes = attributes;
    return { cocoId: idTag?.value ?? null, categoryId, fields, keypoints };
}
/** Keypoints in template order: v=2 for a node, 1 for a disabled node, 0 (with coordinates kept on import) else. */
function keypointsOf(graph, overlay, templateKeys, report) {
    const g = graph.geometry;
    const keys = templateKeys ?? Object.keys(g.nodes);
    const raw = Array.isArray(overlay.keypoints) ? overlay.keypoints : null;
    const out = [];
    let labelled = 0;
    keys.forEach((k, i) => {
        const n = g.nodes[k];
        if (n) {
            out.push(n.loc[0], n.loc[1], n.disabled ? 1 : 2);
            labelled++;
        }
        else if (raw && raw.length === keys.length * 3 && raw[3 * i + 2] === 0)
            out.push(raw[3 * i], raw[3 * i + 1], 0);
        else
            out.push(0, 0, 0);
    });
    const unknown = Object.keys(g.nodes).filter((k) => !keys.includes(k)).length;
    if (unknown)
        report.lose(graph.classTitle, "graph node", "the node is not in the class template, so it has no keypoint index", unknown);
    return { keypoints: out, num_keypoints: labelled };
}
//# sourceMappingURL=export-objects.js.map