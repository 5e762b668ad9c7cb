/**
 * COCO categories → Supervisely classes.
 *
 * One class per category name, holding its polygons, masks and boxes; its shape is the one kind of geometry its
 * annotations make, or `any` when they mix kinds (typically polygons plus crowd RLE masks), so that nothing is lost
 * and no category is split. A category with keypoints also gets a graph class `<name>_keypoints` whose template has
 * the keypoint names and skeleton. Categories no annotation uses still become classes (round trips keep them).
 */
import type { ProjectMeta } from "../../src/model/index.js";
import type { Report } from "../../src/report.js";
import type { CategoryMapping } from "./annotation.js";
import { type CocoInfoClass, type Json } from "./model.js";
export declare class CategoryCatalog {
    private readonly report;
    private readonly byName;
    private readonly titles;
    private readonly order;
    constructor(report: Report);
    /**
     * Reads one file's `categories`; returns the file's id → mapping table. Problems are warnings with pointers:
     * entries without a numeric id or a name are skipped, a repeated id keeps its first entry.
     */
    registerFile(file: string, entries: {
        value: unknown;
        index: number;
    }[]): Map<unknown, CategoryMapping>;
    /** A class title no other class has; a title other than the one wanted is counted as a renamed class. */
    private uniqueTitle;
    private addName;
    private setKeypointNames;
    /** An annotation with keypoints in a category that names none: the category gets a graph class keyed "0".."n-1". */
    ensureKeypointsClass(mapping: CategoryMapping): void;
    noteMakes(mapping: CategoryMapping, makes: number): void;
    get size(): number;
    /** Classes into meta (in category order), and the coco_info.json parts: categories and class → category. */
    finalize(meta: ProjectMeta): {
        categories: Json[];
        classes: Record<string, CocoInfoClass>;
    };
    private template;
}
