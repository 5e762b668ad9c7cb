import { orientedBoxCorners } from "../../src/geometry/bounds.js";
/** Shoelace sum in image coordinates (y down): positive for a clockwise listing on screen. */
export function signedArea2(points) {
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
export function cornersToOrientedBox(corners, width, height) {
    if (corners.length !== 4)
        return null;
    const area2 = signedArea2(corners);
    if (area2 === 0 || !Number.isFinite(area2))
        return null;
    const order = area2 > 0 ? "cw" : "ccw";
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
    if (!(w > 0 && h > 0))
        return null;
    const box = { type: "oriented_bbox", left: cx - w / 2, top: cy - h / 2, right: cx + w / 2, bottom: cy + h / 2, angle };
    const fitted = orientedBoxCorners(box);
    const tol = RECTANGLE_TOLERANCE * Math.max(width, height);
    const qs = [q0, q1, q2, q3];
    for (let i = 0; i < 4; i++) {
        if (Math.abs(fitted[i][0] - qs[i][0]) > tol || Math.abs(fitted[i][1] - qs[i][1]) > tol)
            return null;
    }
    return { box, order };
}
/** The four corners of an oriented box, starting at its rotated top-left, listed in `order`. */
export function orientedBoxToCorners(g, order) {
    const [a, b, c, d] = orientedBoxCorners(g);
    return order === "cw" ? [a, b, c, d] : [a, d, c, b];
}
/** The kept corners of a label when they still fit its box (it was not edited since import), else null. */
export function keptCorners(kept, box, width, height) {
    if (!Array.isArray(kept) || kept.length !== 4)
        return null;
    if (!kept.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === "number" && typeof p[1] === "number"))
        return null;
    const fit = cornersToOrientedBox(kept, width, height);
    if (!fit)
        return null;
    const eps = 1e-6 * Math.max(width, height);
    const da = Math.abs(Math.atan2(Math.sin(fit.box.angle - box.angle), Math.cos(fit.box.angle - box.angle)));
    const same = Math.abs(fit.box.left - box.left) <= eps && Math.abs(fit.box.right - box.right) <= eps &&
        Math.abs(fit.box.top - box.top) <= eps && Math.abs(fit.box.bottom - box.bottom) <= eps && da <= 1e-9 + eps / Math.max(1, fit.box.right - fit.box.left);
    return same ? kept : null;
}
//# sourceMappingURL=obb.js.map