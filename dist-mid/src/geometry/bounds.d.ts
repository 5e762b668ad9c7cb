import type { Geometry, Vec2 } from "../model/geometry.js";
/** Inclusive-or-not is the caller's business: these are the extreme coordinates the geometry reaches. */
export interface Bounds {
    left: number;
    top: number;
    right: number;
    bottom: number;
}
/** Corners of an oriented box, rotated clockwise (y down) about its centre (spec §3.5). */
export declare function orientedBoxCorners(g: {
    left: number;
    top: number;
    right: number;
    bottom: number;
    angle: number;
}): Vec2[];
/** Every vertex of a vector geometry, or null for raster/unknown ones. */
export declare function geometryVertices(g: Geometry): Vec2[] | null;
/** Vertices of a geometry's holes (polygon and multipolygon interiors), which geometryVertices leaves out. */
export declare function holeVertices(g: Geometry): number;
/**
 * Extreme coordinates of a geometry. Bitmaps and alpha masks cover pixels origin .. origin + size - 1
 * (their header is read, not their pixels). Null for an empty or unknown geometry.
 */
export declare function geometryBounds(g: Geometry): Bounds | null;
/** Shoelace area of a closed ring (absolute value). */
export declare function ringArea(ring: Vec2[]): number;
