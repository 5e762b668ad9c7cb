/**
 * Geometries whose extent is known before their points are: what a reader gives when the writer its items go to
 * needs only each label's type and extent (FormatContext.geometry "extent": YOLO detect writes boxes), or reads the
 * points once as flat numbers ("flat": the Supervisely writer's packing, through flatExterior). The points are
 * built on first use, so that a consumer that does read them (a far-outside check that has to count vertices, any
 * code that does not know about extents) gets exactly what the reader would have given; until then, geometryBounds
 * and the pipeline's checks read the extent instead of walking the points.
 */
import type { Geometry, PolygonGeometry, Vec2 } from "../model/geometry.js";
/** The extreme coordinates of a geometry's vertices (as geometryVertices lists them) and how many there are. */
export interface Extent {
    left: number;
    top: number;
    right: number;
    bottom: number;
    vertices: number;
}
/** Where a lazy polygon's points come from: part `part` of record `record` of a store. */
export interface RingSource {
    ring(record: number, part: number): Vec2[];
    /** The part's coordinates x1, y1, x2, y2, … written into `into.coords` (grown when short); their count. */
    flatRing(record: number, part: number, into: {
        coords: Float64Array;
    }): number;
}
/** A polygon without holes of the given extent whose exterior is part `part` of `record` in `source`, built when read. */
export declare function lazyPolygon(extent: Extent, source: RingSource, record: number, part: number): PolygonGeometry;
/** The extent of a geometry made by lazyPolygon whose points have not been read, else undefined. */
export declare function knownExtent(g: Geometry): Extent | undefined;
/**
 * For a polygon of lazyPolygon whose points have not been read: its exterior's coordinates x1, y1, x2, y2, … written
 * into `into.coords` (grown when short), straight from where they are kept (no [x, y] arrays), and their count. -1
 * for any other geometry. For a writer that copies the points into its own buffer (the Supervisely writer's packing).
 */
export declare function flatExterior(g: Geometry, into: {
    coords: Float64Array;
}): number;
