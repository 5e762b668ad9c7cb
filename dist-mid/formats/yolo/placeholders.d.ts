/**
 * Placeholder classes: classes of a project that stand for no object, left out of a YOLO dataset's `names` (unless
 * --keep-placeholder-classes) so that class 0 is a real class:
 *
 * - labelme's `_background_` and `__ignore__` (any name `_…background…_` / `_…ignore…_` wrapped in underscores);
 * - Roboflow's project-name category: Roboflow's COCO exports have a category 0 named after the project (supercategory
 *   `none`) that every real category names as its supercategory and no annotation uses. The COCO reader keeps the
 *   categories as read in the project side file coco_info.json (formats/coco/model.ts); only that file says which
 *   class is this one.
 *
 * A placeholder that labels do use after all is written with the next index (formats/yolo/from-model.ts).
 */
import type { Project } from "../../src/model/index.js";
/** Titles of the project's placeholder classes, in meta order. */
export declare function placeholderClasses(project: Project): string[];
