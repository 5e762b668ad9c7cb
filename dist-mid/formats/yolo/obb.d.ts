/**
 * YOLO OBB corners ↔ Supervisely oriented_bbox.
 *
 * An oriented_bbox is the axis-aligned box [left..right]×[top..bottom] rotated clockwise (y down) by `angle` about
 * its centre; `orientedBoxCorners` lists its corners as the rotated top-left, top-right, bottom-right, bottom-left,
 * which is clockwise on screen. Four YOLO corners p1..p4 map to it as follows:
 *
 * - p1 becomes the rotated top-left corner and the edge p1→p2 (clockwise lists) or p1→p4 (counter-clockwise lists)
 *   the rotated top edge, so `angle` = direction of that edge, width = its length, height = the other side.
 * - The listing direction (clockwise as DOTA writes, counter-clockwise as Ultralytics' xywhr→corners writes) is
 *   project-wide: it is kept in the side file yolo.json (`obb_corner_order`) and used on export, which then gives
 *   back p1..p4 in the same order.
 * - Four corners that are not a rectangle (to 2e-6 of the larger image side) are kept as a 4-point polygon, with a
 *   warning; export writes a 4-point polygon back as its four corners, so those round-trip too.
 * - A rectangle written at six decimals carries rounding noise, so the fitted box may not print back to the very
 *   same digits. The corners as read are then kept on the label (`yoloCorners`, pixels) and export writes them
 *   while the box still is the one they fit; a box edited since is written from its geometry.
 */
import type { OrientedBBoxGeometry, Vec2 } from "../../src/model/index.js";
export type CornerOrder = "cw" | "ccw";
/** Shoelace sum in image coordinates (y down): positive for a clockwise listing on screen. */
export declare function signedArea2(points: readonly Vec2[]): number;
/**
 * Largest allowed distance between a corner and the fitted box, as a fraction of the larger image side. Six-decimal
 * normalised corners of a true rectangle lie within 0.5e-6 of it on each axis; after the fit they deviate by at most
 * ~0.75e-6 of the larger side (measured over 200k random boxes, thin ones and 97×1001 images included), so twice
 * that still means "a rectangle up to the rounding of the file".
 */
export declare const RECTANGLE_TOLERANCE = 0.000002;
/**
 * The oriented box through four corners (pixels) and the order they were listed in, or null when they do not form
 * a rectangle within the tolerance.
 */
export declare function cornersToOrientedBox(corners: readonly Vec2[], width: number, height: number): {
    box: OrientedBBoxGeometry;
    order: CornerOrder;
} | null;
/** The four corners of an oriented box, starting at its rotated top-left, listed in `order`. */
export declare function orientedBoxToCorners(g: OrientedBBoxGeometry, order: CornerOrder): Vec2[];
/** The kept corners of a label when they still fit its box (it was not edited since import), else null. */
export declare function keptCorners(kept: unknown, box: OrientedBBoxGeometry, width: number, height: number): Vec2[] | null;
