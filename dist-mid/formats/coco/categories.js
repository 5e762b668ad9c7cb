import { ensureClass } from "../../src/model/index.js";
import { jsonPointer } from "../../src/errors.js";
import { MAKES_BITMAP, MAKES_POLYGON, MAKES_RECTANGLE } from "./annotation.js";
import { KEYPOINTS_CLASS_SUFFIX, isFiniteNumber, isObject } from "./model.js";
export class CategoryCatalog {
    report;
    byName = new Map();
    titles = new Set();
    order = [];
    constructor(report) {
        this.report = report;
    }
    /**
     * Reads one file's `categories`; returns the file's id → mapping table. Problems are warnings with pointers:
     * entries without a numeric id or a name are skipped, a repeated id keeps its first entry.
     */
    registerFile(file, entries) {
        const table = new Map();
        for (const { value, index } of entries) {
            const pointer = jsonPointer("categories", index);
            if (!isObject(value) || !isFiniteNumber(value.id) || typeof value.name !== "string" || value.name === "") {
                this.report.warn("coco-category-invalid", "a category needs a numeric `id` and a non-empty `name`; it is skipped", { file, pointer });
                continue;
            }
            if (table.has(value.id)) {
                this.report.warn("coco-duplicate-category-id", `category id ${value.id} is used again (by ${JSON.stringify(value.name)}); the first entry (${JSON.stringify(table.get(value.id).name)}) is used`, { file, pointer });
                continue;
            }
            let rec = this.byName.get(value.name);
            if (!rec) {
                rec = this.addName(value, file, pointer);
            }
            else {
                if (rec.mapping.id !== value.id) {
                    this.report.warn("coco-category-id-conflict", `category ${JSON.stringify(value.name)} has id ${value.id} here but ${rec.mapping.id} in an earlier file; export uses ${rec.mapping.id}`, { file, pointer });
                }
                for (const [k, v] of Object.entries(value))
                    if (!(k in rec.info))
                        rec.info[k] = v;
                if (Array.isArray(value.keypoints) && !rec.mapping.nodeKeys)
                    this.setKeypointNames(rec, value.keypoints, value.skeleton);
            }
            table.set(value.id, rec.mapping);
        }
        return table;
    }
    /** A class title no other class has; a title other than the one wanted is counted as a renamed class. */
    uniqueTitle(wanted) {
        let t = wanted;
        for (let n = 2; this.titles.has(t); n++)
            t = `${wanted}_${n}`;
        this.titles.add(t);
        if (t !== wanted)
            this.report.change(t, "class", `renamed from ${JSON.stringify(wanted)}, which another class already has (a category, or a category's keypoints class)`);
        return t;
    }
    addName(value, file, pointer) {
        const name = value.name;
        const rec = {
            mapping: { id: value.id, name, classTitle: this.uniqueTitle(name) },
            info: { ...value },
            skeleton: undefined,
            makes: 0,
            file,
            pointer,
        };
        this.byName.set(name, rec);
        this.order.push(rec);
        if (Array.isArray(value.keypoints))
            this.setKeypointNames(rec, value.keypoints, value.skeleton);
        return rec;
    }
    setKeypointNames(rec, names, skeleton) {
        const labels = names.map((n, i) => (typeof n === "string" && n !== "" ? n : String(i)));
        // Node keys are the keypoint names when they are unique (readable), their indices otherwise.
        const unique = new Set(labels).size === labels.length;
        rec.mapping.nodeKeys = unique ? labels : labels.map((_, i) => String(i));
        rec.mapping.keypointsClass ??= this.uniqueTitle(rec.mapping.name + KEYPOINTS_CLASS_SUFFIX);
        rec.skeleton = skeleton;
    }
    /** An annotation with keypoints in a category that names none: the category gets a graph class keyed "0".."n-1". */
    ensureKeypointsClass(mapping) {
        mapping.keypointsClass ??= this.uniqueTitle(mapping.name + KEYPOINTS_CLASS_SUFFIX);
    }
    noteMakes(mapping, makes) {
        this.byName.get(mapping.name).makes |= makes;
    }
    get size() {
        return this.order.length;
    }
    /** Classes into meta (in category order), and the coco_info.json parts: categories and class → category. */
    finalize(meta) {
        const shapeOf = (makes) => {
            const kinds = [];
            if (makes & MAKES_POLYGON)
                kinds.push("polygon");
            if (makes & MAKES_BITMAP)
                kinds.push("bitmap");
            if (makes & MAKES_RECTANGLE)
                kinds.push("rectangle");
            return kinds.length === 0 ? null : kinds.length === 1 ? kinds[0] : "any";
        };
        // An unused category takes the shape most used categories have (boxes in a detection set), polygon by default.
        const tally = new Map();
        for (const r of this.order) {
            const s = shapeOf(r.makes);
            if (s && s !== "any")
                tally.set(s, (tally.get(s) ?? 0) + 1);
        }
        const common = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "polygon";
        const classes = {};
        for (const r of this.order) {
            const m = r.mapping;
            ensureClass(meta, m.classTitle, shapeOf(r.makes) ?? common, { description: "" });
            classes[m.classTitle] = { category_id: m.id, name: m.name, role: "objects" };
            if (m.keypointsClass) {
                ensureClass(meta, m.keypointsClass, "graph", { geometryConfig: this.template(r) });
                classes[m.keypointsClass] = { category_id: m.id, name: m.name, role: "keypoints" };
            }
        }
        return { categories: this.order.map((r) => r.info), classes };
    }
    template(r) {
        const m = r.mapping;
        const names = Array.isArray(r.info.keypoints) ? r.info.keypoints : [];
        const keys = m.nodeKeys ?? Array.from({ length: m.maxKeypoints ?? 0 }, (_, i) => String(i));
        const nodes = {};
        // Template positions only matter for display in the editor: a grid, five nodes a row.
        keys.forEach((k, i) => {
            const label = typeof names[i] === "string" && names[i] !== "" ? names[i] : k;
            nodes[k] = { label, loc: [20 + (i % 5) * 40, 20 + Math.floor(i / 5) * 40], color: "#0000FF" };
        });
        const edges = [];
        if (r.skeleton !== undefined) {
            const ok = Array.isArray(r.skeleton) && r.skeleton.every((e) => Array.isArray(e) && e.length === 2 && e.every((i) => Number.isInteger(i) && i >= 1 && i <= keys.length));
            if (!ok) {
                this.report.warn("coco-skeleton-invalid", `the skeleton of ${JSON.stringify(m.name)} must be pairs of 1-based keypoint numbers (1..${keys.length}); invalid edges are skipped`, { file: r.file, pointer: `${r.pointer}/skeleton` });
            }
            if (Array.isArray(r.skeleton)) {
                for (const e of r.skeleton) {
                    if (Array.isArray(e) && e.length === 2 && e.every((i) => Number.isInteger(i) && i >= 1 && i <= keys.length)) {
                        edges.push({ src: keys[e[0] - 1], dst: keys[e[1] - 1], color: "#00FF00" });
                    }
                }
            }
        }
        return { nodes, edges };
    }
}
//# sourceMappingURL=categories.js.map