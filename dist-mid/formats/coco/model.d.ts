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
export declare const COCO_INFO_FILE = "coco_info.json";
export declare const COCO_INFO_FORMAT = "slyconv-coco/1";
export declare const TAG_COCO_ID = "coco_id";
export declare const TAG_ISCROWD = "iscrowd";
export declare const TAG_CAPTION = "caption";
export declare const EXTRA_COCO = "coco";
export declare const EXTRA_RLE_COUNTS = "cocoRleCounts";
export declare const EXTRA_INSTANCE = "instance";
export declare const IMAGE_META_KEY = "coco";
/** Suffix of the graph class that holds a category's keypoints (the category's own name holds its other shapes). */
export declare const KEYPOINTS_CLASS_SUFFIX = "_keypoints";
export type CocoFileKind = "instances" | "keypoints" | "captions";
export type Json = Record<string, unknown>;
export interface CocoInfoClass {
    category_id: number;
    /** The category's name (a class title may differ when names collide). */
    name: string;
    /** "objects": segmentation, RLE and boxes; "keypoints": the category's graph class. */
    role: "objects" | "keypoints";
}
export interface CocoInfoSource {
    /** The file, relative to the import input. */
    file: string;
    dataset: string;
    kind: CocoFileKind;
    /** Top-level keys other than images/annotations/categories (info, licenses, type, …), verbatim. */
    top: Json;
    /** Largest numeric image and annotation ids of the file's group: export gives new objects ids above them. */
    max_image_id?: number;
    max_annotation_id?: number;
}
export interface CocoInfo {
    format: typeof COCO_INFO_FORMAT;
    /** Category objects as read (merged over files by id), in the order first seen. */
    categories: Json[];
    /** Class title → category it stands for. */
    classes: Record<string, CocoInfoClass>;
    sources: CocoInfoSource[];
    /**
     * Dataset (full name) → item name → the item's COCO image entry, less what the item says: `file_name` only when
     * it is not the item's name, `width`/`height` only when they are not the annotation's size.
     */
    images?: Record<string, Record<string, Json>>;
}
export declare function isObject(v: unknown): v is Json;
export declare function isFiniteNumber(v: unknown): v is number;
/** Reads coco_info.json from a project's side files; null when absent or not ours. */
export declare function cocoInfoOf(sideFiles: Record<string, unknown> | undefined): CocoInfo | null;
/** The images-table entry of an item (see CocoInfo.images), or null. */
export declare function cocoImageEntry(info: CocoInfo | null, dataset: string, item: string): Json | null;
/**
 * Drops the floating-point noise of a subtraction (511.72 - 473.07 = 38.650000000000034) so that a box derived from
 * vertices prints as the number it was written as. 15 significant digits are always exact for doubles.
 */
export declare function cleanFloat(v: number): number;
