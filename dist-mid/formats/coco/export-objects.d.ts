/**
 * Supervisely labels → COCO annotations and categories (export).
 *
 * Labels sharing a binding key (`instance`) and a category make one COCO annotation: polygons become its
 * segmentation parts; masks, and polygons with holes, become one RLE (the union), unless --polygons asks for traced
 * polygons; a rectangle becomes the bbox (alone: a box-only annotation); a graph becomes the keypoints. What
 * label.extra.coco kept (area, bbox, extra keys) is given back.
 */
import type { Label, ObjClass, ProjectMeta } from "../../src/model/index.js";
import type { Report } from "../../src/report.js";
import { type PackedRing } from "../../src/workers/packed.js";
import { type ReportSink, type SegmentationJob, type SegmentationOut } from "./segmentation.js";
import { type CocoInfo, type Json } from "./model.js";
export interface CategoryOut {
    id: number;
    /** Category object for the instances file (no keypoints). */
    object: Json;
    /** The graph class whose template gives this category's keypoints, if any. */
    keypointsClass?: ObjClass;
}
export interface CategoryPlan {
    categories: CategoryOut[];
    byId: Map<number, CategoryOut>;
    /** Classes of meta.json that have no category (their shape has no COCO form), by title → shape. */
    skipped: Map<string, string>;
    /** Class title → category and what role the class plays in it. */
    byClass: Map<string, {
        category: CategoryOut;
        role: "objects" | "keypoints";
    }>;
}
/**
 * Categories from the project's classes: a class that came from a COCO category (coco_info.json) gets that category
 * back with its id and fields; other classes get new categories (ids after the largest one in use), in meta order.
 */
export declare function planCategories(meta: ProjectMeta, info: CocoInfo | null, report: Report): CategoryPlan;
/** Category objects of a keypoints file: keypoint names and skeleton from the graph class's template. */
export declare function keypointCategory(cat: CategoryOut): Json;
export interface ExportSettings {
    polygons: boolean;
    /** Template node keys in order, per graph class title (the COCO keypoint order). */
    templateKeys: Map<string, string[]>;
}
/** One COCO annotation before ids are given: the instances form, and keypoint fields when it has keypoints. */
export interface ObjectOut {
    cocoId: unknown;
    categoryId: number;
    fields: Json;
    keypoints?: {
        keypoints: number[];
        num_keypoints: number;
    };
}
/**
 * One COCO annotation of an image, planned: its labels, and its segmentation either computed (cheap: hole-free
 * polygons) or still to compute (`job`: masks to decode, a canvas to fill), which the caller may do in a worker.
 */
export interface ObjectDraft {
    labels: Label[];
    categoryId: number;
    overlay: Json;
    /** A second rectangle or graph of a group: an annotation of its own, without the read id. */
    split: boolean;
    segmentation?: SegmentationOut;
    job?: SegmentationJob;
}
/**
 * The COCO annotations of one image, planned (see ObjectDraft). Labels are grouped by (binding key, category); what
 * COCO cannot hold is counted in the report's losses.
 */
export declare function planImageObjects(labels: readonly Label[], size: {
    width: number | null;
    height: number | null;
}, plan: CategoryPlan, settings: ExportSettings, report: ReportSink, where: {
    file?: string;
}): ObjectDraft[];
/** A draft's job as sent to a worker: rings packed into typed arrays, with the buffers to transfer. */
export declare function packedSegmentationJob(job: SegmentationJob): {
    job: SegmentationJob<PackedRing>;
    transfer: ArrayBuffer[];
};
/**
 * The COCO annotations of planned drafts, once the segmentations of those with a job are computed (`computed`, in
 * the drafts' order); reports what the segmentation and the rest of each annotation lose.
 */
export declare function finishImageObjects(drafts: readonly ObjectDraft[], computed: readonly SegmentationOut[], settings: ExportSettings, report: Report): ObjectOut[];
/** planImageObjects and finishImageObjects with every segmentation computed here (no worker). */
export declare function imageObjects(labels: readonly Label[], size: {
    width: number | null;
    height: number | null;
}, plan: CategoryPlan, settings: ExportSettings, report: Report, where: {
    file?: string;
}): ObjectOut[];
