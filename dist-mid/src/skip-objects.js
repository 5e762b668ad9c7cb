import { optionSetting } from "./errors.js";
export const KEEP_ALL = { crowd: false, difficult: false };
export const SKIP_OBJECT_OPTIONS = [
    { flags: "--skip-crowd", description: "leave out crowd objects (tag iscrowd) and count them; default for yolo" },
    { flags: "--no-skip-crowd", description: "write crowd objects; default for voc, coco, masks" },
    { flags: "--skip-difficult", description: "leave out difficult objects (tag difficult = 1) and count them; default for yolo" },
    { flags: "--no-skip-difficult", description: "write difficult objects; default for voc, coco, masks" },
];
/** The policy the options ask for (`skipCrowd` / `skipDifficult`, true or false), else the writer's defaults. */
export function skipPolicyOf(options, defaults = KEEP_ALL) {
    const pick = (v, d) => (typeof v === "boolean" ? v : d);
    return { crowd: pick(options.skipCrowd, defaults.crowd), difficult: pick(options.skipDifficult, defaults.difficult) };
}
const truthy = (v) => v === undefined || v === null || v === 1 || v === true || v === "1" || (typeof v === "string" && v.toLowerCase() === "true");
/**
 * `name` is lower case. A tag name of another length cannot lower-case to it (lower-casing changes a length only by
 * adding a combining dot, which no flag name holds), so only names of its length are lower-cased: most tags are not
 * flags, and every label of a stream is asked.
 */
function hasFlag(l, name) {
    for (const t of l.tags) {
        if (t.name.length === name.length && (t.name === name || t.name.toLowerCase() === name) && truthy(t.value))
            return true;
    }
    return false;
}
export const isCrowd = (l) => hasFlag(l, "iscrowd");
export const isDifficult = (l) => hasFlag(l, "difficult");
const instanceOf = (l) => {
    const v = l.extra?.instance;
    return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
};
/** The labels of one annotation without the skipped objects; skipped objects are counted in the report. */
export function skipObjects(labels, policy, report) {
    if (!policy.crowd && !policy.difficult)
        return labels;
    const why = (l) => (policy.crowd && isCrowd(l) ? "crowd" : policy.difficult && isDifficult(l) ? "difficult" : null);
    // An object is skipped when any of its labels is: first the bound groups that are.
    const skippedGroups = new Map();
    for (const l of labels) {
        const key = instanceOf(l);
        const w = key !== undefined && !skippedGroups.has(key) ? why(l) : null;
        if (w)
            skippedGroups.set(key, w);
    }
    const counted = new Set();
    const kept = [];
    for (const l of labels) {
        const key = instanceOf(l);
        const w = key !== undefined ? skippedGroups.get(key) : why(l);
        if (!w) {
            kept.push(l);
            continue;
        }
        if (key !== undefined) {
            if (counted.has(key))
                continue;
            counted.add(key);
        }
        report.lose(l.classTitle, `${w} object`, w === "crowd"
            ? `left out (iscrowd; ${optionSetting("skipCrowd", false)} writes it)`
            : `left out (difficult; ${optionSetting("skipDifficult", false)} writes it)`);
        report.count(`skipped${w[0].toUpperCase()}${w.slice(1)}Objects`);
    }
    return kept.length === labels.length ? labels : kept;
}
/** The same project whose items, as they stream, lose the objects the policy skips. */
export function withoutSkippedObjects(project, policy, report) {
    if (!policy.crowd && !policy.difficult)
        return project;
    const wrap = (ds) => ({
        ...ds,
        datasets: ds.datasets.map(wrap),
        items: async function* () {
            for await (const item of typeof ds.items === "function" ? ds.items() : ds.items) {
                const labels = skipObjects(item.annotation.labels, policy, report);
                yield labels === item.annotation.labels ? item : { ...item, annotation: { ...item.annotation, labels } };
            }
        },
    });
    return { ...project, datasets: project.datasets.map(wrap) };
}
//# sourceMappingURL=skip-objects.js.map