import { findClass, findTagMeta } from "./meta.js";
import { distinctColor } from "./colors.js";
/**
 * Adds a class when it is missing. When a class already exists with another shape, it becomes `any`
 * (each label then carries its own geometryType), so that no label is lost and the choice is visible in meta.json.
 */
export function ensureClass(meta, title, shape, init = {}) {
    const existing = findClass(meta, title);
    if (existing) {
        if (existing.shape !== shape && existing.shape !== "any")
            existing.shape = "any";
        return existing;
    }
    const cls = {
        title,
        shape,
        color: init.color ?? distinctColor(meta.classes.length),
        geometryConfig: init.geometryConfig ?? {},
        description: init.description ?? "",
        hotkey: init.hotkey ?? "",
        ...(init.id !== undefined ? { id: init.id } : {}),
        extra: init.extra ?? {},
    };
    meta.classes.push(cls);
    return cls;
}
/** Adds a tag meta when missing; returns the existing one otherwise (its type is not changed). */
export function ensureTagMeta(meta, name, valueType, init = {}) {
    const existing = findTagMeta(meta, name);
    if (existing) {
        if (existing.valueType === "oneof_string" && init.values) {
            for (const v of init.values)
                if (!existing.values.includes(v))
                    existing.values.push(v);
        }
        return existing;
    }
    const tm = {
        name,
        valueType,
        ...(valueType === "oneof_string" ? { values: [...(init.values ?? [])] } : {}),
        color: init.color ?? distinctColor(meta.tagMetas.length + 7),
        hotkey: init.hotkey ?? "",
        applicableType: init.applicableType ?? "all",
        classes: init.classes ?? [],
        extra: init.extra ?? {},
    };
    meta.tagMetas.push(tm);
    return tm;
}
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Value type a tag gets when an importer only has values to go by (spec §2.3 detect_tag_value_type). */
export function inferTagValueType(value) {
    if (value === null || value === undefined)
        return "none";
    if (typeof value === "number")
        return "any_number";
    if (typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)))
        return "date";
    return "any_string";
}
export function isIsoDate(value) {
    return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value.replace(" ", "T")));
}
//# sourceMappingURL=meta-builder.js.map