const PLACEHOLDER_NAME = /^_+(background|ignore)_+$/i;
/** Titles of the project's placeholder classes, in meta order. */
export function placeholderClasses(project) {
    const out = new Set();
    for (const c of project.meta.classes)
        if (PLACEHOLDER_NAME.test(c.title))
            out.add(c.title);
    const info = project.sideFiles?.["coco_info.json"];
    const categories = Array.isArray(info?.categories) ? info.categories : [];
    const roots = categories.filter((c) => c.supercategory === "none" && typeof c.name === "string");
    if (roots.length === 1 && categories.length > 1) {
        const root = roots[0];
        if (categories.every((c) => c === root || c.supercategory === root.name)) {
            for (const [title, m] of Object.entries(info?.classes ?? {})) {
                if (m?.category_id === root.id && m?.role === "objects" && project.meta.classes.some((c) => c.title === title))
                    out.add(title);
            }
        }
    }
    return project.meta.classes.map((c) => c.title).filter((t) => out.has(t));
}
//# sourceMappingURL=placeholders.js.map