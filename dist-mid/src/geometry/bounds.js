import { bitmapDataSize, bitmapSize } from "../codecs/bitmap.js";
import { knownExtent } from "./extent.js";
function boundsOfPoints(points) {
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (const [x, y] of points) {
        if (x < left)
            left = x;
        if (x > right)
            right = x;
        if (y < top)
            top = y;
        if (y > bottom)
            bottom = y;
    }
    return left === Infinity ? null : { left, top, right, bottom };
}
/** Corners of an oriented box, rotated clockwise (y down) about its centre (spec §3.5). */
export function orientedBoxCorners(g) {
    const cx = (g.left + g.right) / 2, cy = (g.top + g.bottom) / 2;
    const cos = Math.cos(g.angle), sin = Math.sin(g.angle);
    const corners = [[g.left, g.top], [g.right, g.top], [g.right, g.bottom], [g.left, g.bottom]];
    return corners.map(([x, y]) => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos]);
}
/** Every vertex of a vector geometry, or null for raster/unknown ones. */
export function geometryVertices(g) {
    switch (g.type) {
        case "point": return [[g.x, g.y]];
        case "rectangle": return [[g.left, g.top], [g.right, g.bottom]];
        case "polygon": return g.exterior;
        case "multipolygon": return g.parts.flatMap((p) => p.exterior);
        case "line": return g.points;
        case "graph": return Object.values(g.nodes).map((n) => n.loc);
        case "cuboid_2d": return Object.values(g.vertices).map((v) => v.loc);
        case "cuboid": return g.points;
        case "oriented_bbox": return orientedBoxCorners(g);
        default: return null;
    }
}
/** Vertices of a geometry's holes (polygon and multipolygon interiors), which geometryVertices leaves out. */
export function holeVertices(g) {
    let n = 0;
    if (g.type === "polygon")
        for (const ring of g.interior)
            n += ring.length;
    else if (g.type === "multipolygon")
        for (const part of g.parts)
            for (const ring of part.interior)
                n += ring.length;
    return n;
}
/**
 * Extreme coordinates of a geometry. Bitmaps and alpha masks cover pixels origin .. origin + size - 1
 * (their header is read, not their pixels). Null for an empty or unknown geometry.
 */
export function geometryBounds(g) {
    if (g.type === "bitmap" || g.type === "alpha_mask") {
        const { width, height } = g.type === "bitmap" ? bitmapSize(g) : bitmapDataSize(g.data);
        return { left: g.origin[0], top: g.origin[1], right: g.origin[0] + width - 1, bottom: g.origin[1] + height - 1 };
    }
    const extent = knownExtent(g);
    if (extent)
        return { left: extent.left, top: extent.top, right: extent.right, bottom: extent.bottom };
    const vertices = geometryVertices(g);
    return vertices ? boundsOfPoints(vertices) : null;
}
/** Shoelace area of a closed ring (absolute value). */
export function ringArea(ring) {
    let s = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
        s += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
    return Math.abs(s) / 2;
}
//# sourceMappingURL=bounds.js.map