import { SHAPES_2D, TAG_VALUE_TYPES, isHexColor } from "../model/index.js";
import { finding } from "./codes.js";
export const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/** Shapes a class may have in an image project. multichannelBitmap is real but only carries scores, so it is not drawn. */
const IMAGE_SHAPES = new Set([...SHAPES_2D, "multichannelBitmap"]);
function tagInfoOf(raw) {
    if (typeof raw === "string")
        return { name: raw, valueType: "none", values: [], applicableType: "all", classes: [] };
    if (!isObject(raw) || typeof raw.name !== "string")
        return undefined;
    const vt = TAG_VALUE_TYPES.includes(raw.value_type) ? raw.value_type : "none";
    const at = raw.applicable_type === "imagesOnly" || raw.applicable_type === "objectsOnly" ? raw.applicable_type : "all";
    return {
        name: raw.name,
        valueType: vt,
        values: Array.isArray(raw.values) ? raw.values.filter((v) => typeof v === "string") : [],
        applicableType: at,
        classes: Array.isArray(raw.classes) ? raw.classes.filter((c) => typeof c === "string") : [],
    };
}
const sameDefinition = (a, b) => a.valueType === b.valueType && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
/** Checks meta.json beyond its schema and indexes classes and tag metas (the first of duplicates wins). */
export function checkMeta(meta, file) {
    const out = [];
    const index = { classes: new Map(), tags: new Map() };
    if (!isObject(meta))
        return { index, findings: out };
    const classes = Array.isArray(meta.classes) ? meta.classes : [];
    classes.forEach((c, i) => {
        const ptr = `/classes/${i}`;
        if (!isObject(c) || typeof c.title !== "string")
            return;
        if (index.classes.has(c.title)) {
            out.push(finding("class-duplicate", file, `${ptr}/title`, `class ${JSON.stringify(c.title)} is defined twice (the first definition is used)`));
            return;
        }
        let shape = typeof c.shape === "string" ? c.shape : "any";
        if (typeof c.shape === "string" && !IMAGE_SHAPES.has(c.shape)) {
            out.push(finding("class-shape-unknown", file, `${ptr}/shape`, `class ${JSON.stringify(c.title)} has shape ${JSON.stringify(c.shape)}, which is not an image shape; it is treated as "any"`));
            shape = "any";
        }
        if (c.color !== undefined && !isHexColor(c.color)) {
            out.push(finding("color-invalid", file, `${ptr}/color`, `colour ${JSON.stringify(c.color)} of class ${JSON.stringify(c.title)} is not #RRGGBB`));
        }
        const info = { title: c.title, shape };
        const config = c.geometry_config;
        if (shape === "graph" && isObject(config) && isObject(config.nodes)) {
            const nodes = new Set(Object.keys(config.nodes));
            info.templateNodes = nodes;
            if (Array.isArray(config.edges)) {
                config.edges.forEach((edge, j) => {
                    if (!isObject(edge))
                        return;
                    for (const end of ["src", "dst"]) {
                        if (typeof edge[end] === "string" && !nodes.has(edge[end])) {
                            out.push(finding("graph-template-invalid", file, `${ptr}/geometry_config/edges/${j}/${end}`, `edge ${end} ${JSON.stringify(edge[end])} of class ${JSON.stringify(c.title)} is not a node of its template`));
                        }
                    }
                });
            }
        }
        index.classes.set(c.title, info);
    });
    // New `tags`, or the legacy pair whose lists may repeat a tag as long as both copies agree (spec §2.3).
    const lists = "tags" in meta ? ["tags"] : ["tags_images", "tags_objects"];
    const firstPointer = new Map();
    for (const key of lists) {
        const list = meta[key];
        if (!Array.isArray(list))
            continue;
        const namesHere = new Set();
        list.forEach((raw, i) => {
            const ptr = `/${key}/${i}`;
            const tag = tagInfoOf(raw);
            if (!tag)
                return;
            const namePtr = typeof raw === "string" ? ptr : `${ptr}/name`;
            const existing = index.tags.get(tag.name);
            if (existing && (namesHere.has(tag.name) || !sameDefinition(existing, tag))) {
                out.push(finding("tag-meta-duplicate", file, namePtr, `tag ${JSON.stringify(tag.name)} is already defined at ${firstPointer.get(tag.name)}${namesHere.has(tag.name) ? "" : " with another value type or values"}`));
            }
            namesHere.add(tag.name);
            if (existing)
                return;
            index.tags.set(tag.name, tag);
            firstPointer.set(tag.name, namePtr);
            if (isObject(raw)) {
                if (raw.color !== undefined && !isHexColor(raw.color)) {
                    out.push(finding("color-invalid", file, `${ptr}/color`, `colour ${JSON.stringify(raw.color)} of tag ${JSON.stringify(tag.name)} is not #RRGGBB`));
                }
            }
        });
    }
    // Class restrictions are checked once every class is known.
    for (const key of lists) {
        const list = meta[key];
        if (!Array.isArray(list))
            continue;
        list.forEach((raw, i) => {
            if (!isObject(raw) || !Array.isArray(raw.classes))
                return;
            raw.classes.forEach((title, j) => {
                if (typeof title === "string" && !index.classes.has(title)) {
                    out.push(finding("tag-meta-class-unknown", file, `/${key}/${i}/classes/${j}`, `tag ${JSON.stringify(raw.name)} is restricted to class ${JSON.stringify(title)}, which is not defined`));
                }
            });
        });
    }
    const multiView = isObject(meta.projectSettings) ? meta.projectSettings.multiView : undefined;
    if (isObject(multiView) && multiView.enabled === true) {
        const byName = typeof multiView.tagName === "string" ? index.tags.get(multiView.tagName) : undefined;
        const byId = typeof multiView.tagId === "number" && Array.isArray(meta.tags)
            ? tagInfoOf(meta.tags.find((t) => isObject(t) && t.id === multiView.tagId)) : undefined;
        const tag = byName ?? byId;
        const ptr = typeof multiView.tagName === "string" || typeof multiView.tagId !== "number"
            ? "/projectSettings/multiView/tagName" : "/projectSettings/multiView/tagId";
        if (!tag) {
            out.push(finding("multiview-tag-invalid", file, ptr, "multiView is enabled but its group tag is not a tag meta"));
        }
        else if (tag.valueType !== "any_string") {
            out.push(finding("multiview-tag-invalid", file, ptr, `multiView group tag ${JSON.stringify(tag.name)} must have value_type any_string, not ${tag.valueType}`));
        }
    }
    return { index, findings: out };
}
//# sourceMappingURL=meta-checks.js.map