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

const PLACEHOLDER_NAME = /^_+(background|ignore)_+$/i;

interface CocoCategory { id?: unknown; name?: unknown; supercategory?: unknown }
interface CocoInfoView { categories?: CocoCategory[]; classes?: Record<string, { category_id?: unknown; role?: unknown }> }

/** Titles of the project's placeholder classes, in meta order. */
export function placeholderClasses(project: Project): string[] {
  const out = new Set<string>();
  for (const c of project.meta.classes) if (PLACEHOLDER_NAME.test(c.title)) out.add(c.title);
  const info = project.sideFiles?.["coco_info.json"] as CocoInfoView | undefined;
  const categories = Array.isArray(info?.categories) ? info.categories : [];
  const roots = categories.filter((c) => c.supercategory === "none" && typeof c.name === "string");
  if (roots.length === 1 && categories.length > 1) {
    const root = roots[0];
    if (categories.every((c) => c === root || c.supercategory === root.name)) {
      for (const [title, m] of Object.entries(info?.classes ?? {})) {
        if (m?.category_id === root.id && m?.role === "objects" && project.meta.classes.some((c) => c.title === title)) out.add(title);
      }
    }
  }
  return project.meta.classes.map((c) => c.title).filter((t) => out.has(t));
}
