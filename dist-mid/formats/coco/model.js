/**
 * Where COCO facts live in a Supervisely project after import, so that export can give them back. One place for
 * the names, shared by reader and writer.
 *
 * - Object tags (visible and kept by the platform): `coco_id` (annotation id, any_number) on every label made from
 *   a COCO annotation; `iscrowd` (no value) on labels of crowd annotations.
 * - `label.extra.coco`: the COCO annotation fields the geometry does not express (area, extra keys such as CVAT's
 *   `attributes`), plus `bbox` / `num_keypoints` only when they differ from what the geometry gives. Put on the first
 *   label of the annotation. `label.extra.cocoRleCounts = "list"` when the RLE had uncompressed counts.
 * - `label.extra.instance`: the binding key shared by the labels of one COCO annotation when it made more than one.
 * - Image tags `caption` (any_string), one per caption, in file order.
 * - `coco_info.json` (project-level side file): categories as read, which class stands for which category, each
 *   source file's top-level keys (info, licenses, type…), and the images table: per dataset and item, the COCO image
 *   entry without what the item says already (file_name when it is the item's name, width/height when they are the
 *   annotation's size), with `caption_ids` when captions were read.
 * - `imageMeta.coco` (meta/<image>.json): where projects imported by earlier versions keep the image entry; export
 *   still reads it, and prefers it to the images table.
 */
export const COCO_INFO_FILE = "coco_info.json";
export const COCO_INFO_FORMAT = "slyconv-coco/1";
export const TAG_COCO_ID = "coco_id";
export const TAG_ISCROWD = "iscrowd";
export const TAG_CAPTION = "caption";
export const EXTRA_COCO = "coco";
export const EXTRA_RLE_COUNTS = "cocoRleCounts";
export const EXTRA_INSTANCE = "instance";
export const IMAGE_META_KEY = "coco";
/** Suffix of the graph class that holds a category's keypoints (the category's own name holds its other shapes). */
export const KEYPOINTS_CLASS_SUFFIX = "_keypoints";
export function isObject(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
export function isFiniteNumber(v) {
    return typeof v === "number" && Number.isFinite(v);
}
/** Reads coco_info.json from a project's side files; null when absent or not ours. */
export function cocoInfoOf(sideFiles) {
    const v = sideFiles?.[COCO_INFO_FILE];
    if (!isObject(v) || v.format !== COCO_INFO_FORMAT)
        return null;
    return {
        format: COCO_INFO_FORMAT,
        categories: Array.isArray(v.categories) ? v.categories.filter(isObject) : [],
        classes: isObject(v.classes) ? v.classes : {},
        sources: Array.isArray(v.sources) ? v.sources.filter(isObject) : [],
        images: isObject(v.images) ? v.images : {},
    };
}
/** The images-table entry of an item (see CocoInfo.images), or null. */
export function cocoImageEntry(info, dataset, item) {
    const table = info?.images && Object.hasOwn(info.images, dataset) ? info.images[dataset] : undefined;
    if (!isObject(table) || !Object.hasOwn(table, item))
        return null;
    const entry = table[item];
    return isObject(entry) ? entry : null;
}
/**
 * Drops the floating-point noise of a subtraction (511.72 - 473.07 = 38.650000000000034) so that a box derived from
 * vertices prints as the number it was written as. 15 significant digits are always exact for doubles.
 */
export function cleanFloat(v) {
    if (Number.isInteger(v))
        return v;
    // A number of at most four decimals (COCO writes two) is clean already: it is the double nearest to a decimal of
    // at most 15 digits, which toPrecision(15) would give back. Checked without formatting it (the common case).
    const k = Math.round(v * 10000);
    if (k / 10000 === v && Math.abs(k) < 1e15)
        return v;
    return Number(v.toPrecision(15));
}
//# sourceMappingURL=model.js.map