export const CUBOID_2D_VERTEX_NAMES = [
    "face1-topleft", "face1-topright", "face1-bottomright", "face1-bottomleft",
    "face2-topleft", "face2-topright", "face2-bottomright", "face2-bottomleft",
];
/** The `geometryType` string Supervisely uses for a geometry. */
export function geometryTypeName(g) {
    return g.type === "other" ? g.geometryType : g.type;
}
/** Every shape name a class may declare for 2-D images (spec §2.4). */
export const SHAPES_2D = [
    "point", "rectangle", "polygon", "multipolygon", "line", "bitmap", "alpha_mask", "graph",
    "cuboid", "cuboid_2d", "oriented_bbox", "any",
];
//# sourceMappingURL=geometry.js.map