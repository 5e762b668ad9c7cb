/**
 * YOLO records (normalised) → Supervisely labels (pixels). Spec §9: centre/size × image size, floats kept:
 *
 *   box      rectangle left = (xc − w/2)·W, top = (yc − h/2)·H, right = (xc + w/2)·W, bottom = (yc + h/2)·H
 *   polygon  exterior [x·W, y·H] for every vertex, in file order (a closing vertex equal to the first is kept)
 *   OBB      oriented_bbox through the four corners (see obb.ts), or a 4-point polygon when they are no rectangle
 *   pose     graph of class <name> with nodes keyed by keypoint index "0".."K-1" (v = 0 → absent, v = 1 →
 *            disabled, v = 2 → visible; for [K, 2] a point at 0,0 is absent), plus the line's box as a rectangle of
 *            class "<name>_bbox" bound to the graph by a shared `instance` key (Supervisely's binding key)
 */
import type { Label, ProjectMeta } from "../../src/model/index.js";
import type { FormatContext } from "../../src/format.js";
import type { KeypointConfig } from "./layout.js";
import type { YoloRecord } from "./lines.js";
import { type CornerOrder } from "./obb.js";
/** Class titles by YOLO index, with the meta they live in and what has been seen so far. */
export declare class ClassTable {
    readonly meta: ProjectMeta;
    readonly titles: string[];
    /** Title of the box class bound to each pose class. */
    readonly boxTitles: string[];
    private readonly seenShapes;
    constructor(meta: ProjectMeta, names: string[], initialShape: string, keypoints: KeypointConfig | undefined, ctx: FormatContext, file?: string);
    /** Records a label's geometry for its class: one kind seen → that shape, several → `any`. */
    observe(title: string, shape: string): void;
}
/** A K-node template keyed by keypoint index, laid out on a circle (template positions are for display only). */
export declare function graphTemplate(count: number, names: string[] | undefined): Record<string, unknown>;
/**
 * Normalised × size leaves float noise (0.015 × 600 = 9.000000000000002); pixels are rounded to 1e-9, far below
 * anything the six-decimal source can express, so that whole-pixel values read as whole numbers.
 */
export declare function px(v: number): number;
export interface ConversionState {
    /** Corner order of the first OBB read; later boxes listed the other way are reported. */
    obbOrder?: CornerOrder;
    onObbOrder(order: CornerOrder): void;
}
export declare function recordsToLabels(records: YoloRecord[], width: number, height: number, classes: ClassTable, kp: KeypointConfig | undefined, state: ConversionState, file: string, ctx: FormatContext): Label[];
