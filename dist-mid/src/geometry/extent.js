/**
 * A polygon without holes whose exterior is built from its source when first read (once), and until then is its own
 * extent. A class, so that every such polygon shares one shape (an accessor defined per object gives each object a
 * hidden class of its own, which the garbage collector then keeps in the old generation). The exterior is an accessor
 * on the prototype: code that reads `exterior` gets the points, but spreading the geometry (`{ ...g }`) would not
 * copy them, so only a writer that declares it needs extents alone (FormatAdapter.geometryNeeded) gets these.
 */
class LazyPolygon {
    left;
    top;
    right;
    bottom;
    vertices;
    source;
    record;
    part;
    type = "polygon";
    interior = [];
    points = undefined;
    constructor(left, top, right, bottom, vertices, source, record, part) {
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
        this.vertices = vertices;
        this.source = source;
        this.record = record;
        this.part = part;
    }
    get exterior() {
        return (this.points ??= this.source.ring(this.record, this.part));
    }
    set exterior(points) {
        this.points = points;
    }
    /** The extent, until the points are read: whoever has them may change them. */
    get extent() {
        return this.points === undefined ? this : undefined;
    }
    /** The exterior's coordinates, flat, into `into.coords`; their count (see flatExterior). */
    flat(into) {
        return this.source.flatRing(this.record, this.part, into);
    }
    toJSON() {
        return { type: this.type, exterior: this.exterior, interior: this.interior };
    }
}
/** A polygon without holes of the given extent whose exterior is part `part` of `record` in `source`, built when read. */
export function lazyPolygon(extent, source, record, part) {
    return new LazyPolygon(extent.left, extent.top, extent.right, extent.bottom, extent.vertices, source, record, part);
}
/** The extent of a geometry made by lazyPolygon whose points have not been read, else undefined. */
export function knownExtent(g) {
    return g instanceof LazyPolygon ? g.extent : undefined;
}
/**
 * For a polygon of lazyPolygon whose points have not been read: its exterior's coordinates x1, y1, x2, y2, … written
 * into `into.coords` (grown when short), straight from where they are kept (no [x, y] arrays), and their count. -1
 * for any other geometry. For a writer that copies the points into its own buffer (the Supervisely writer's packing).
 */
export function flatExterior(g, into) {
    return g instanceof LazyPolygon && g.extent !== undefined ? g.flat(into) : -1;
}
//# sourceMappingURL=extent.js.map