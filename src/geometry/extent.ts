/**
 * Geometries whose extent is known before their points are: what a reader gives when the writer its items go to
 * needs only each label's type and extent (FormatContext.geometry "extent": YOLO detect writes boxes). The points are
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

/**
 * A polygon without holes whose exterior `build` makes on first use (once). A class, so that every such polygon
 * shares one shape (an accessor defined per object gives each object a hidden class of its own, which the garbage
 * collector then has to keep in the old generation). The exterior is an accessor on the prototype: code that reads
 * `exterior` gets the points, but spreading the geometry (`{ ...g }`) would not copy them, so only a writer that
 * declares it needs extents alone (FormatAdapter.geometryNeeded) gets these.
 */
class LazyPolygon implements PolygonGeometry {
  readonly type = "polygon" as const;
  interior: Vec2[][] = [];
  /** The extent, until the points are built: whoever has them may change them. */
  extent: Extent | undefined;
  private points: Vec2[] | undefined = undefined;

  constructor(extent: Extent, private readonly build: () => Vec2[]) {
    this.extent = extent;
  }

  get exterior(): Vec2[] {
    if (this.points === undefined) {
      this.points = this.build();
      this.extent = undefined;
    }
    return this.points;
  }

  set exterior(points: Vec2[]) {
    this.points = points;
    this.extent = undefined;
  }

  toJSON(): PolygonGeometry {
    return { type: this.type, exterior: this.exterior, interior: this.interior };
  }
}

/** A polygon without holes whose exterior `build` makes when it is first read (see LazyPolygon). */
export function lazyPolygon(extent: Extent, build: () => Vec2[]): PolygonGeometry {
  return new LazyPolygon(extent, build);
}

/** The extent of a geometry made by lazyPolygon whose points have not been read, else undefined. */
export function knownExtent(g: Geometry): Extent | undefined {
  return g instanceof LazyPolygon ? g.extent : undefined;
}
