/**
 * `.x` → `_x` (and `..x` → `_.x`: only the leading dot makes a folder hidden); a name that would then equal a
 * sibling's gets `~2`, `~3`, …. Other names are returned as they are.
 */
export function visibleDatasetName(name, siblings, parent, report) {
    // "." and ".." are not hidden names but paths that climb: the writer refuses them (unsafe-path).
    if (!name.startsWith(".") || name === "." || name === "..")
        return name;
    const base = `_${name.slice(1)}`;
    let visible = base;
    for (let n = 2; siblings.has(visible); n++)
        visible = `${base}~${n}`;
    const where = parent === null ? "" : ` (in ${parent})`;
    report.warn("dataset-renamed", `dataset ${JSON.stringify(name)}${where} is written as ${JSON.stringify(visible)}: a name starting with a dot is a hidden folder, which readers (slyconv's too) skip`);
    return visible;
}
//# sourceMappingURL=dataset-names.js.map