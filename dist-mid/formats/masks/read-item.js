/**
 * One item's masks read into bitmap regions: the semantic mask classified, instance masks (one file per instance, or
 * one PNG of instance ids) given their class, semantic pixels no instance of their class covers kept as labels of
 * their own. A pool task (src/workers): a pure function of its job, which names the mask files (read here, with
 * synchronous calls: the reading is the task's own thread's). What it would report is recorded, in order, for the
 * caller to report on the main thread.
 */
import { FileTooLargeError } from "../../src/io/regular-file.js";
import { readImageFileSync } from "../../src/io/image-file.js";
import { displayPath } from "../../src/io/paths.js";
import { PixelLimitError } from "../../src/limits.js";
import { cpuTask } from "../../src/workers/task.js";
import { MaskClassifier, unpackRgb } from "./class-map.js";
import { COLOUR_FLAG, MaskReadError, TRANSPARENT_KEY, readBinaryMask, readMaskKeys } from "./mask-png.js";
import { connectedComponents, regionsByValue } from "./regions.js";
/** How many unknown values one finding lists. */
const UNKNOWN_LISTED = 5;
function describeKey(key, mode) {
    if (mode === "colour" || key & COLOUR_FLAG)
        return `(${unpackRgb(key & 0xffffff).join(", ")})`;
    return String(key);
}
/** The semantic class most of an instance's pixels have (background and ignore aside); 0 when none. */
function majorityClass(region, classOf, width, classCount) {
    if (!classOf)
        return 0;
    const counts = new Uint32Array(classCount + 1);
    const { width: w, height: h, data } = region.mask;
    for (let y = 0; y < h; y++) {
        const row = (y + region.y) * width + region.x;
        for (let x = 0; x < w; x++)
            if (data[y * w + x])
                counts[classOf[row + x]]++;
    }
    let best = 0, bestCount = 0;
    for (let c = 1; c < counts.length; c++)
        if (counts[c] > bestCount)
            [best, bestCount] = [c, counts[c]];
    return best;
}
export function readMaskItem(job) {
    const events = [];
    const shown = (file) => displayPath(job.input, file);
    const labels = [];
    const push = (title, p) => labels.push({ title, x: p.x, y: p.y, mask: p.mask });
    let size = job.size;
    const readKeys = (file, mode) => {
        try {
            return readMaskKeys(readImageFileSync(file, "the mask"), mode);
        }
        catch (e) {
            const why = e instanceof MaskReadError || e instanceof PixelLimitError || e instanceof FileTooLargeError ? e.message : `cannot read the file (${e.code ?? e.message})`;
            events.push({ level: "error", code: "mask-unreadable", message: `cannot read the mask: ${why}; the image is kept without it`, file: shown(file) });
            return null;
        }
    };
    const sizeMatches = (kind, mask, file) => {
        if (!size || (mask.width === size.width && mask.height === size.height))
            return true;
        events.push({ level: "error", code: "mask-size-mismatch", message: `${kind} is ${mask.width}×${mask.height} but its image ${job.name} is ${size.width}×${size.height}; the mask is skipped`, file: shown(file) });
        return false;
    };
    const classifier = new MaskClassifier(job.classMap, job.ignoreValue);
    let classOf;
    /** The pixels of each instance, with its class: semantic pixels of that class under them are the instance's. */
    const covers = [];
    if (job.semanticPath) {
        const keys = readKeys(job.semanticPath, job.mode);
        if (keys && sizeMatches("mask", keys, job.semanticPath)) {
            size ??= { width: keys.width, height: keys.height };
            classOf = new Uint16Array(keys.keys.length);
            const unknown = new Map();
            classifier.classifyAll(keys.keys, classOf, unknown, TRANSPARENT_KEY);
            if (unknown.size) {
                const sorted = [...unknown].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
                const colours = job.mode === "colour" || sorted.every(([k]) => k & COLOUR_FLAG);
                const list = sorted.slice(0, UNKNOWN_LISTED).map(([k, n]) => `${describeKey(k, job.mode)} in ${n} pixel${n === 1 ? "" : "s"}`);
                if (sorted.length > UNKNOWN_LISTED)
                    list.push(`${sorted.length - UNKNOWN_LISTED} more`);
                events.push({
                    level: "warn",
                    code: colours ? "mask-unknown-colour" : "mask-unknown-value",
                    message: `${colours ? "colours" : "values"} not in the class map ${job.classMap.source}: ${list.join(", ")}; those pixels are left unlabelled`,
                    file: shown(job.semanticPath),
                });
            }
        }
    }
    for (const { file, title, cls } of job.instanceFiles ?? []) {
        let bin;
        try {
            bin = readBinaryMask(readImageFileSync(file, "the mask"));
        }
        catch (e) {
            events.push({ level: "error", code: "mask-unreadable", message: `cannot read the instance mask: ${e.message}; the image is kept without it`, file: shown(file) });
            continue;
        }
        if (!sizeMatches("instance mask", bin, file))
            continue;
        size ??= { width: bin.width, height: bin.height };
        const region = regionsByValue(bin.data, bin.width, bin.height).get(1);
        if (!region) {
            events.push({ level: "warn", code: "instance-empty", message: "instance mask has no pixel; skipped", file: shown(file) });
            continue;
        }
        if (classOf)
            covers.push({ area: { x: 0, y: 0, mask: bin, area: 0 }, cls });
        push(title, region);
    }
    if (job.instanceIdPath) {
        const ids = readKeys(job.instanceIdPath, "index");
        if (ids && sizeMatches("instance mask", ids, job.instanceIdPath)) {
            size ??= { width: ids.width, height: ids.height };
            let values;
            if (ids.keys instanceof Uint8Array) {
                // Byte keys are never transparent or colours; they are this item's own, so the ignore value is cleared in place.
                values = ids.keys;
                const ignore = job.ignoreValue;
                if (ignore !== null && ignore >= 0 && ignore < 256)
                    for (let i = 0; i < values.length; i++)
                        if (values[i] === ignore)
                            values[i] = 0;
            }
            else {
                values = new Uint32Array(ids.keys.length);
                for (let i = 0; i < values.length; i++) {
                    const v = ids.keys[i];
                    values[i] = v === TRANSPARENT_KEY || v & COLOUR_FLAG || v === job.ignoreValue ? 0 : v;
                }
            }
            for (const [id, region] of regionsByValue(values, ids.width, ids.height)) {
                const cls = majorityClass(region, classOf, ids.width, Math.max(job.titles.length - 1, classifier.classes.length));
                if (!cls) {
                    events.push({ level: "warn", code: "instance-without-class", message: `instance ${id} covers no class pixel of the semantic mask; skipped`, file: shown(job.instanceIdPath) });
                    continue;
                }
                if (classOf)
                    covers.push({ area: region, cls });
                push(job.titles[cls], region);
            }
        }
    }
    if (classOf && size) {
        // Semantic pixels no instance of their class covers still become labels: no pixel is dropped.
        // (Cleared only now: the majority class of each instance is counted on the semantic mask as read.)
        for (const { area, cls } of covers) {
            const { width: w, height: h, data } = area.mask;
            for (let y = 0; y < h; y++) {
                const row = (y + area.y) * size.width + area.x;
                for (let x = 0; x < w; x++)
                    if (data[y * w + x] && classOf[row + x] === cls)
                        classOf[row + x] = 0;
            }
        }
        for (const [cls, region] of regionsByValue(classOf, size.width, size.height)) {
            const parts = job.splitInstances ? connectedComponents(region, job.connectivity) : [region];
            for (const p of parts)
                push(job.titles[cls], p);
        }
    }
    return { size, labels, events };
}
/** readMaskItem as a worker-pool task (masks import and convert). */
export const readMaskItemTask = cpuTask(import.meta.url, "readMaskItem", readMaskItem);
//# sourceMappingURL=read-item.js.map