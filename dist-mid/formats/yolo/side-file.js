export const SIDE_FILE = "yolo.json";
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/** The side info of a project, ignoring fields that do not have the expected shape. */
export function sideInfoOf(project) {
    const raw = project.sideFiles?.[SIDE_FILE];
    if (!isObject(raw))
        return {};
    const out = {};
    const ks = raw.kpt_shape;
    if (Array.isArray(ks) && ks.length === 2 && Number.isInteger(ks[0]) && (ks[1] === 2 || ks[1] === 3))
        out.kpt_shape = [ks[0], ks[1]];
    if (Array.isArray(raw.flip_idx) && raw.flip_idx.every((v) => Number.isInteger(v)))
        out.flip_idx = raw.flip_idx;
    if (raw.obb_corner_order === "cw" || raw.obb_corner_order === "ccw")
        out.obb_corner_order = raw.obb_corner_order;
    return out;
}
//# sourceMappingURL=side-file.js.map