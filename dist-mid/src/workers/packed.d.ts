/**
 * Data in a form that is cheap to send to a worker thread. Geometries: every vertex list (polygon rings, line and cuboid points)
 * becomes one Float64Array of x, y pairs instead of an array of small arrays, which structured clone copies one
 * object at a time. Unpacking gives back the same numbers, so drawing the unpacked geometry gives the same pixels.
 * Bitmaps keep their `data` string (one string is cloned as one block). Palettes: 256 × r, g, b bytes.
 */
import type { Geometry, PolygonRing, Vec2 } from "../model/geometry.js";
export interface PackedRing {
    exterior: Float64Array;
    interior: Float64Array[];
}
export type PackedGeometry = {
    type: "polygon";
    ring: PackedRing;
} | {
    type: "multipolygon";
    parts: PackedRing[];
} | {
    type: "line";
    points: Float64Array;
} | {
    type: "cuboid";
    points: Float64Array;
    faces: number[][];
} | {
    type: "plain";
    geometry: Geometry;
};
export declare function packPoints(points: readonly Vec2[]): Float64Array;
export declare function unpackPoints(flat: Float64Array): Vec2[];
export declare const packRing: (r: PolygonRing) => PackedRing;
export declare const unpackRing: (r: PackedRing) => PolygonRing;
export declare function packGeometry(g: Geometry): PackedGeometry;
export declare function unpackGeometry(p: PackedGeometry): Geometry;
/** The ArrayBuffers of a packed geometry, for a postMessage transfer list (the packed copy is not used again). */
export declare function packedBuffers(p: PackedGeometry, into?: ArrayBuffer[]): ArrayBuffer[];
export type Rgb = [number, number, number];
export declare function packPalette(palette: readonly (readonly [number, number, number])[]): Uint8Array;
export declare function unpackPalette(p: Uint8Array): Rgb[];
