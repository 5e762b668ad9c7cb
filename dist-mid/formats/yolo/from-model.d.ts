/**
 * Supervisely labels (pixels) → YOLO lines (normalised, six decimals), the inverse of to-model.ts.
 *
 * One line per object. Labels bound by one `instance` key (and of one class, a bound box or keypoint class counting
 * as its owner's) are one object: a COCO annotation of several polygon parts, a YOLO pose line's box and keypoints,
 * a COCO person's outline and keypoints. Each object's box is, in this order: its bound rectangle; the COCO `bbox`
 * the COCO reader kept (label.extra.coco.bbox, kept when it differs from the outline's extent); the extent of its
 * outlines (masks covering whole pixels: a 55×40 mask at (5, 5) spans 5..60 × 5..45); else the extent of its
 * keypoints.
 *
 *   detect   `c xc yc w h`: the object's box; points alone → skipped
 *   segment  `c x1 y1 …`: the object's outlines (polygon exteriors, multipolygon parts, masks traced along pixel
 *            edges), joined into one ring when there are several (join-rings.ts); holes lost; a rectangle or oriented
 *            box with no other outline → its four corners; keypoints, lines, points → skipped
 *   pose     `c xc yc w h` + K keypoints in template order, `x y v` with v = 2, or 1 when `disabled`, and `0 0 0`
 *            for a keypoint the object lacks (an object of a keypoint class with no keypoints is written with all
 *            of them missing, as Ultralytics' converter writes COCO's num_keypoints = 0 people)
 *   obb      oriented_bbox → four corners in the project's corner order; a 4-point polygon → its points as they are;
 *            any other object → its box as four corners (converted)
 */
import type { Annotation, ObjClass, ProjectMeta } from "../../src/model/index.js";
import type { Report } from "../../src/report.js";
import { type LabelFileBytes } from "./lines.js";
import { type CornerOrder } from "./obb.js";
import type { YoloTask } from "./options.js";
/**
 * One class index for the whole project.
 *
 * - detect, segment, obb: every class of meta.json in order, except classes bound to another (`person_bbox` and
 *   `person_keypoints` belong to `person`: COCO and YOLO pose name them so) and placeholder classes;
 * - pose: one class per keypoint template (graph class), named by its owner (`person_keypoints` → `person`); a class
 *   that owns a keypoint class, and a keypoint class's box class, take its index.
 */
export declare class ExportClasses {
    readonly meta: ProjectMeta;
    readonly task: YoloTask;
    private readonly report;
    readonly names: string[];
    /** pose: the graph class of each index. */
    readonly templates: ObjClass[];
    /** Placeholder classes left out of `names`. */
    readonly placeholders: string[];
    private readonly index;
    /** Bound class title → the class it belongs to (`person_bbox` → `person`, `person_keypoints` → `person`). */
    readonly ownerOf: Map<string, string>;
    /** `placeholders`: classes to leave out of `names` (placeholders.ts). */
    constructor(meta: ProjectMeta, task: YoloTask, report: Report, placeholders?: readonly string[]);
    private add;
    /** Class title of an object's line: a bound class counts as its owner. */
    objectClass(title: string): string;
    /**
     * Index of a class. pose: undefined for a class with no keypoint template. Otherwise a class missing from meta, or
     * a placeholder class that labels use after all, gets the next index (with a warning).
     */
    indexOf(title: string): number | undefined;
}
/** Keypoint settings of a pose export: K, D, and each class's template order. */
export interface PoseLayout {
    count: number;
    dims: 2 | 3;
    /** Template node keys per graph class title, in template order. */
    order: Map<string, string[]>;
}
export declare function poseLayoutOf(meta: ProjectMeta, kptShape: [number, number] | undefined, report: Report): PoseLayout;
/** Keypoint names of each pose class index (template labels, padded with indices to K). */
export declare function keypointNamesOf(classes: ExportClasses, layout: PoseLayout): Map<number, string[]>;
/** Counts what export converts or cannot hold, reported once at the end. */
export declare class ExportTally {
    private readonly report;
    private readonly converted;
    constructor(report: Report);
    /** `from` describes a label (`polygon`) or, with unit "object", an object (`multi-label`). */
    convert(className: string, from: string, to: string, unit?: "label" | "object"): void;
    private readonly byClass;
    lose(className: string, what: string, reason: string, count?: number): void;
    /**
     * One info line for the whole export (not one per class): per kind of conversion, its count and the first
     * classes it hit, e.g. "12 polygon labels written as boxes (road, car, +3 classes); 1 rectangle label …".
     */
    flush(): void;
}
export interface LineContext {
    width: number;
    height: number;
    task: YoloTask;
    classes: ExportClasses;
    pose?: PoseLayout;
    obbOrder: CornerOrder;
    /** The order was given explicitly (--obb-order): corners kept from import are turned to it too. */
    obbOrderForced: boolean;
    tally: ExportTally;
}
/** The YOLO lines of one annotation for the task. */
export declare function annotationLines(ann: Annotation, lc: LineContext): string[];
/** The label file of one annotation for the task, into `out`: annotationLines' lines, each ended by "\n". */
export declare function writeAnnotationLines(ann: Annotation, lc: LineContext, out: LabelFileBytes): void;
