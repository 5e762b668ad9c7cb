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
import { orientedBoxCorners } from "../../src/geometry/bounds.js";

export type CornerOrder = "cw" | "ccw";

/** Shoelace sum in image coordinates (y down): positive for a clockwise listing on screen. */
export function signedArea2(points: readonly Vec2[]): number {
  let s = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i], [x2, y2] = points[(i + 1) % points.length];
    s += x1 * y2 - x2 * y1;
  }
  return s;
}

/**
 * Largest allowed distance between a corner and the fitted box, as a fraction of the larger image side. Six-decimal
 * normalised corners of a true rectangle lie within 0.5e-6 of it on each axis; after the fit they deviate by at most
 * ~0.75e-6 of the larger side (measured over 200k random boxes, thin ones and 97×1001 images included), so twice
 * that still means "a rectangle up to the rounding of the file".
 */
export const RECTANGLE_TOLERANCE = 2e-6;

/**
 * The oriented box through four corners (pixels) and the order they were listed in, or null when they do not form
 * a rectangle within the tolerance.
 */
export function cornersToOrientedBox(corners: readonly Vec2[], width: number, height: number): { box: OrientedBBoxGeometry; order: CornerOrder } | null {
  if (corners.length !== 4) return null;
  const area2 = signedArea2(corners);
  if (area2 === 0 || !Number.isFinite(area2)) return null;
  const order: CornerOrder = area2 > 0 ? "cw" : "ccw";
  const [q0, q1, q2, q3] = order === "cw" ? corners : [corners[0], corners[3], corners[2], corners[1]];
  const cx = (q0[0] + q1[0] + q2[0] + q3[0]) / 4, cy = (q0[1] + q1[1] + q2[1] + q3[1]) / 4;
  // u: the top edge (q0→q1), v: the left edge (q3 − q0), each averaged with its opposite side.
  const ux = (q1[0] - q0[0] + q2[0] - q3[0]) / 2, uy = (q1[1] - q0[1] + q2[1] - q3[1]) / 2;
  const vx = (q3[0] - q0[0] + q2[0] - q1[0]) / 2, vy = (q3[1] - q0[1] + q2[1] - q1[1]) / 2;
  // The direction comes from both pairs of sides (v turned back by 90°), so the longer sides dominate: the angle of
  // a thin box is not left to its short, noisy ends.
  const angle = Math.atan2(uy - vx, ux + vy);
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const w = ux * cos + uy * sin, h = vy * cos - vx * sin;
  if (!(w > 0 && h > 0)) return null;
  const box: OrientedBBoxGeometry = { type: "oriented_bbox", left: cx - w / 2, top: cy - h / 2, right: cx + w / 2, bottom: cy + h / 2, angle };
  const fitted = orientedBoxCorners(box);
  const tol = RECTANGLE_TOLERANCE * Math.max(width, height);
  const qs = [q0, q1, q2, q3];
  for (let i = 0; i < 4; i++) {
    if (Math.abs(fitted[i][0] - qs[i][0]) > tol || Math.abs(fitted[i][1] - qs[i][1]) > tol) return null;
  }
  return { box, order };
}

/** The four corners of an oriented box, starting at its rotated top-left, listed in `order`. */
export function orientedBoxToCorners(g: OrientedBBoxGeometry, order: CornerOrder): Vec2[] {
  const [a, b, c, d] = orientedBoxCorners(g);
  return order === "cw" ? [a, b, c, d] : [a, d, c, b];
}

/** The kept corners of a label when they still fit its box (it was not edited since import), else null. */
export function keptCorners(kept: unknown, box: OrientedBBoxGeometry, width: number, height: number): Vec2[] | null {
  if (!Array.isArray(kept) || kept.length !== 4) return null;
  if (!kept.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === "number" && typeof p[1] === "number")) return null;
  const fit = cornersToOrientedBox(kept as Vec2[], width, height);
  if (!fit) return null;
  const eps = 1e-6 * Math.max(width, height);
  const da = Math.abs(Math.atan2(Math.sin(fit.box.angle - box.angle), Math.cos(fit.box.angle - box.angle)));
  const same = Math.abs(fit.box.left - box.left) <= eps && Math.abs(fit.box.right - box.right) <= eps &&
    Math.abs(fit.box.top - box.top) <= eps && Math.abs(fit.box.bottom - box.bottom) <= eps && da <= 1e-9 + eps / Math.max(1, fit.box.right - fit.box.left);
  return same ? (kept as Vec2[]) : null;
}
