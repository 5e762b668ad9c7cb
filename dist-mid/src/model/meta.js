export const TAG_VALUE_TYPES = ["none", "any_number", "any_string", "oneof_string", "date"];
export const TAG_APPLICABLE_TYPES = ["all", "imagesOnly", "objectsOnly"];
export function emptyProjectMeta() {
    return { classes: [], tagMetas: [], projectType: "images", extra: {} };
}
export function graphTemplateOf(cls) {
    const cfg = cls.geometryConfig;
    return { nodes: cfg.nodes ?? {}, edges: cfg.edges ?? [] };
}
export function findClass(meta, title) {
    return meta.classes.find((c) => c.title === title);
}
export function findTagMeta(meta, name) {
    return meta.tagMetas.find((t) => t.name === name);
}
//# sourceMappingURL=meta.js.map