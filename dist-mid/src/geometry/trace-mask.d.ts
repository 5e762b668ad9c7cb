/**
 * Mask → polygons (`export -f coco --polygons`, `export -f yolo --task segment`): the outer boundary of each
 * 4-connected group of pixels, traced along pixel edges, so vertices sit on pixel corners (pixel (c, r) spans
 * [c, c+1] × [r, r+1]) and the polygon covers exactly the group's pixels in continuous coordinates. COCO and YOLO
 * polygons have no holes: holes are counted (so the caller can report them) and left out.
 */
import type { Vec2 } from "../model/index.js";
import type { BinaryMask } from "../codecs/mask.js";
export interface TracedMask {
    /** One exterior ring per connected group, in the order their first pixel appears (row by row). */
    rings: Vec2[][];
    /** Background regions enclosed by the mask (not representable in a COCO polygon). */
    holes: number;
}
export declare function traceMask(mask: BinaryMask): TracedMask;
