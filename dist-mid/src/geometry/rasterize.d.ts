import type { Geometry, Vec2 } from "../model/geometry.js";
import { type BinaryMask } from "../codecs/mask.js";
/**
 * Geometry → pixels, for mask exports, as the Supervisely SDK draws them. Convention (documented in the README): a
 * vertex (x, y) is the centre of pixel column x, row y; a pixel is inside a ring when its centre is inside by the
 * even-odd rule, and the ring's outline pixels belong to it too (as OpenCV's fillPoly draws them), so a polygon traced
 * along a mask's pixel centres covers those pixels. A polygon's holes take their outline pixels with them (see
 * fillPolygon).
 */
type Canvas = {
    width: number;
    height: number;
    data: Uint8Array;
};
/**
 * The part of segment a–b inside the box [-1, width] × [-1, height] (one pixel beyond the canvas on every side, so
 * that rounding the clipped ends gives the pixels the whole segment would), by Cohen–Sutherland; null when none of it
 * is. Each end outside is moved to the border along the segment, computed from the other end (a vertex at 1e300
 * beside one in the image keeps the line's pixels exact). Without this a vertex at 1e300 made Bresenham walk 1e300
 * steps: a hang that ignored signals.
 */
export declare function clipSegment(c: {
    width: number;
    height: number;
}, a: Vec2, b: Vec2): [Vec2, Vec2] | null;
/** Bresenham between rounded endpoints, clipped to the canvas first: its steps are bounded by the canvas size. */
export declare function drawLine(c: Canvas, a: Vec2, b: Vec2, v: number): void;
/**
 * Vertices of a vector geometry that lie outside the image by more than one pixel (x < -1 or x > width, the same
 * for y; not finite counts too): the drawers clip those, and say how many they clipped.
 */
export declare function verticesOutside(g: Geometry, width: number, height: number): {
    count: number;
    farthest: Vec2 | null;
};
/** Even-odd scanline fill over all rings, then their outlines. */
export declare function fillRings(c: Canvas, rings: Vec2[][], v: number): void;
/**
 * A polygon as the Supervisely SDK draws it (`Polygon._draw_impl`): cv2.fillPoly of the exterior with 1, then
 * cv2.fillPoly of the holes with 0, in a mask of its own whose set pixels then get `v`. fillPoly draws each ring's
 * outline with the fill value too, so a hole's outline pixels are cleared along with its inside, and a hole never
 * clears what other labels painted.
 */
export declare function fillPolygon(c: Canvas, exterior: Vec2[], interior: Vec2[][], v: number): void;
/**
 * Draws a geometry into `canvas` with `value`. Returns false for geometries that have no area to draw
 * (graph, unknown), so callers can count them as not drawn.
 */
export declare function drawGeometry(canvas: Canvas, g: Geometry, value: number): boolean;
/** A full-image 0/1 mask of one geometry. */
export declare function rasterizeGeometry(g: Geometry, width: number, height: number): BinaryMask;
/**
 * Before a geometry is drawn into a `width`×`height` image: a warning (code `coordinates-clipped`) with the count of
 * its vertices that lie outside the image, which the drawing clips to the image border. Nothing when none do.
 */
export declare function warnIfClipped(report: {
    warn(code: string, message: string, where?: {
        file?: string;
    }): void;
}, g: Geometry, className: string, width: number, height: number, where?: {
    file?: string;
}): number;
export {};
