/**
 * One COCO annotation → Supervisely labels. `planAnnotation` checks the annotation and decides what it becomes
 * (the reader calls it in its first pass, to report problems once and to learn each class's shapes, and again when
 * items are built); `buildLabels` makes the labels from a plan.
 *
 * Mapping (README "COCO"):
 * - polygon segmentation → one polygon label per part (parts of one annotation share a binding key);
 * - RLE (compressed or not, crowd or not) → one bitmap label, pixel-exact;
 * - keypoints → one graph label in the category's keypoints class (v=2 node, v=1 disabled node, v=0 absent);
 * - bbox → rectangle only when the annotation has neither segmentation nor visible keypoints; otherwise it is kept
 *   in label.extra.coco when it differs from the box the geometry gives.
 */
import type { BitmapGeometry, GraphNode, Label, Vec2 } from "../../src/model/index.js";
import type { BinaryMask } from "../../src/codecs/mask.js";
import { type CocoRle } from "../../src/codecs/coco-rle.js";
import { type Json } from "./model.js";
/** What the reader knows about a category: the class(es) it maps to and its keypoint node keys. */
export interface CategoryMapping {
    id: number;
    name: string;
    classTitle: string;
    keypointsClass?: string;
    /** Template node keys in COCO keypoint order; absent when the category names no keypoints (keys are "0".."n-1"). */
    nodeKeys?: string[];
    /** Most keypoints seen in one annotation (sizes the template of a category that names none). */
    maxKeypoints?: number;
}
export interface AnnotationProblem {
    code: string;
    message: string;
    /** Pointer inside the annotation ("" for the annotation itself, "/bbox", …). */
    pointer: string;
}
export declare const MAKES_POLYGON = 1;
export declare const MAKES_BITMAP = 2;
export declare const MAKES_RECTANGLE = 4;
export declare const MAKES_GRAPH = 8;
export type Bbox = [number, number, number, number];
export interface KeypointsPlan {
    nodes: Record<string, GraphNode>;
    /** Count of v > 0 in the input. */
    labelled: number;
    /** The raw list, kept in extra.coco when the graph cannot say everything (hidden points with coordinates). */
    keepRaw: boolean;
    raw: number[];
}
export interface AnnotationPlan {
    /** Nothing can be made of it (reported). */
    skip: boolean;
    id: number | null;
    imageId: unknown;
    categoryId: unknown;
    caption: string | null;
    iscrowd: boolean;
    polygons: Vec2[][];
    /** The valid polygon parts as read (flat [x1, y1, x2, y2, …] lists of finite numbers), in the order of `polygons`. */
    flatParts: number[][];
    rle: CocoRle | null;
    rleForm: "string" | "list";
    bbox: Bbox | null;
    keypoints: KeypointsPlan | null;
    makes: number;
    problems: AnnotationProblem[];
}
/** Keys the mapping expresses; any other key of an annotation is kept verbatim in label.extra.coco. */
export declare const MAPPED_KEYS: ReadonlySet<string>;
/**
 * Checks one annotation and decides its labels. `imageSize` (when known) is used to check an RLE's size.
 * `nonFinite` says the element had NaN/Infinity literals (read as null). With `checkOnly` polygon vertices are
 * checked but not built (the plan then only says what the annotation makes).
 */
export declare function planAnnotation(raw: unknown, category: (id: unknown) => CategoryMapping | undefined, imageSize: {
    width: number | null;
    height: number | null;
} | null, nonFinite?: boolean, checkOnly?: boolean): AnnotationPlan;
/** Extremes of what a set of COCO geometries covers, as a COCO [x, y, w, h] (the same rule on import and export). */
export declare function boxOf(parts: {
    polygons?: readonly Vec2[][];
    masks?: readonly {
        x: number;
        y: number;
        width: number;
        height: number;
    }[];
    rect?: {
        left: number;
        top: number;
        right: number;
        bottom: number;
    };
    points?: readonly Vec2[];
}): Bbox | null;
/** What `boxOf({ polygons })` gives for polygon parts written as flat [x1, y1, x2, y2, …] lists. */
export declare function flatPartsBox(parts: readonly ArrayLike<number>[]): Bbox | null;
export declare function sameBox(a: readonly number[] | null, b: readonly number[] | null): boolean;
/** A bitmap whose data (the encoded mask) is still to be made, by the caller. */
export interface PendingBitmap {
    geometry: BitmapGeometry;
    mask: BinaryMask;
}
/**
 * The labels of one planned annotation, in the order polygons, bitmap, rectangle, graph. The first label carries
 * extra.coco; every label carries the coco_id / iscrowd tags. With `pending`, a mask is not encoded here: its
 * geometry (data "") is added to `pending` for the caller to fill in (in worker threads, many at a time).
 */
export declare function buildLabels(plan: AnnotationPlan, raw: Json, cat: CategoryMapping, pending?: PendingBitmap[], masksOnRead?: boolean): Label[];
/** The fields of an annotation that its labels do not express, for label.extra.coco. `derivedBox` is only read when plan.bbox is set. */
export declare function overlayOf(plan: AnnotationPlan, raw: Json, derivedBox: Bbox | null): Json;
