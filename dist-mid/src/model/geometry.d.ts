/**
 * The 2-D geometries of a Supervisely image annotation (spec §3.5), as plain data.
 * Coordinates are pixels, [x, y] = [column, row], origin at the top-left, kept exactly as read (no flooring).
 */
export type Vec2 = [number, number];
export interface PointGeometry {
    type: "point";
    x: number;
    y: number;
}
/** Inclusive pixel rectangle: width = right - left + 1 in Supervisely's own terms (spec §3.4). */
export interface RectangleGeometry {
    type: "rectangle";
    left: number;
    top: number;
    right: number;
    bottom: number;
}
export interface PolygonRing {
    exterior: Vec2[];
    interior: Vec2[][];
}
export interface PolygonGeometry extends PolygonRing {
    type: "polygon";
}
export interface MultipolygonGeometry {
    type: "multipolygon";
    parts: PolygonRing[];
}
export interface LineGeometry {
    type: "line";
    points: Vec2[];
}
/**
 * A binary mask placed at `origin` ([x, y] of its top-left pixel). `data` is the encoded string of spec §4
 * (base64 of a zlib-compressed PNG); it is kept as read so that an untouched mask is written back byte for byte.
 * Use codecs/bitmap to decode or encode it.
 */
export interface BitmapGeometry {
    type: "bitmap";
    origin: Vec2;
    data: string;
}
/** An 8-bit matte (0..255), same envelope as a bitmap (spec §4.3). */
export interface AlphaMaskGeometry {
    type: "alpha_mask";
    origin: Vec2;
    data: string;
}
export interface GraphNode {
    loc: Vec2;
    disabled?: boolean;
    extra?: Record<string, unknown>;
}
/** Keypoints: node keys are keys of the class template (ObjClass.geometryConfig.nodes). */
export interface GraphGeometry {
    type: "graph";
    nodes: Record<string, GraphNode>;
}
export declare const CUBOID_2D_VERTEX_NAMES: readonly ["face1-topleft", "face1-topright", "face1-bottomright", "face1-bottomleft", "face2-topleft", "face2-topright", "face2-bottomright", "face2-bottomleft"];
/** Eight named vertices; `extra` keeps position/rotation/dimensions/face as read. */
export interface Cuboid2dGeometry {
    type: "cuboid_2d";
    vertices: Record<string, {
        loc: Vec2;
    }>;
    extra: Record<string, unknown>;
}
/** Legacy 2-D cuboid: points plus exactly 3 faces of 4 point indices. */
export interface CuboidGeometry {
    type: "cuboid";
    points: Vec2[];
    faces: number[][];
}
/** Axis-aligned box [left..right]×[top..bottom] rotated about its centre by `angle` radians, clockwise (y down). */
export interface OrientedBBoxGeometry {
    type: "oriented_bbox";
    left: number;
    top: number;
    right: number;
    bottom: number;
    angle: number;
}
/** A geometry this toolkit does not model (3-D, multichannelBitmap, future types): kept verbatim. */
export interface OtherGeometry {
    type: "other";
    geometryType: string;
    payload: Record<string, unknown>;
}
export type Geometry = PointGeometry | RectangleGeometry | PolygonGeometry | MultipolygonGeometry | LineGeometry | BitmapGeometry | AlphaMaskGeometry | GraphGeometry | Cuboid2dGeometry | CuboidGeometry | OrientedBBoxGeometry | OtherGeometry;
/** The `geometryType` string Supervisely uses for a geometry. */
export declare function geometryTypeName(g: Geometry): string;
/** Every shape name a class may declare for 2-D images (spec §2.4). */
export declare const SHAPES_2D: readonly ["point", "rectangle", "polygon", "multipolygon", "line", "bitmap", "alpha_mask", "graph", "cuboid", "cuboid_2d", "oriented_bbox", "any"];
export type Shape2d = (typeof SHAPES_2D)[number];
