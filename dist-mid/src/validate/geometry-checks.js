import { CUBOID_2D_VERTEX_NAMES } from "../model/index.js";
import { decodeAlphaMaskData, decodeBitmapData } from "../codecs/bitmap.js";
import { orientedBoxCorners } from "../geometry/bounds.js";
import { jsonPointer } from "../errors.js";
import { finding } from "./codes.js";
import { isObject } from "./meta-checks.js";
import { checkTags } from "./tag-checks.js";
import { GEOMETRY_RULES, geometryOfPayload, geometryRule, payloadNeeds, pointCountProblem } from "../supervisely/geometry-rules.js";
/** Geometries whose payload and coordinates these checks understand: those of the geometry table. */
const CHECKED_TYPES = new Set(Object.keys(GEOMETRY_RULES));
/** How a label's payload is laid out (see GEOMETRY_RULES), for telling whether it fits a class shape. */
function payloadLayout(label) {
    if ("bitmap" in label)
        return "bitmap";
    if ("nodes" in label)
        return "nodes";
    if ("vertices" in label)
        return "vertices";
    if ("parts" in label)
        return "parts";
    if (Array.isArray(label.points))
        return "point-list";
    if (isObject(label.points))
        return "ring";
    return undefined;
}
/** Whether a payload layout can hold a geometry type (rings hold four types, a bitmap envelope two). */
const layoutFits = (layout, type) => geometryRule(type)?.layout === layout;
const LAYOUT_NAMES = {
    ring: "points {exterior, interior}", "point-list": "a list of points", bitmap: "a bitmap", nodes: "keypoint nodes",
    vertices: "cuboid vertices", parts: "polygon parts",
};
const ringVertices = (ring, pointer) => Array.isArray(ring) ? ring.map((p, i) => ({ x: p[0], y: p[1], pointer: `${pointer}/${i}` })) : [];
const fmt = (n) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));
export function checkLabel(label, ptr, scope) {
    if (!isObject(label) || scope.isBroken(ptr))
        return;
    const { file, meta, out } = scope;
    const title = label.classTitle;
    const cls = meta?.classes.get(title);
    if (meta && !cls)
        out.push(finding("class-unknown", file, `${ptr}/classTitle`, `class ${JSON.stringify(title)} is not defined in meta.json`));
    if (meta)
        checkTags(label.tags, `${ptr}/tags`, { file, meta, target: "object", classTitle: title, isBroken: scope.isBroken, out });
    const type = resolveGeometryType(label, ptr, cls, scope);
    if (!type)
        return;
    const vertices = checkPayload(label, type, ptr, cls, scope);
    if (!vertices)
        return;
    const nonFinite = vertices.filter((v) => !Number.isFinite(v.x) || !Number.isFinite(v.y));
    if (nonFinite.length) {
        out.push(finding("coordinate-not-finite", file, nonFinite[0].pointer, `point [${String(nonFinite[0].x)}, ${String(nonFinite[0].y)}] has a coordinate that is not a finite number` +
            (nonFinite.length > 1 ? ` (${nonFinite.length} points have one)` : "")));
        return;
    }
    if (type === "oriented_bbox" && !Number.isFinite(label.angle)) {
        out.push(finding("coordinate-not-finite", file, `${ptr}/angle`, `angle ${String(label.angle)} is not a finite number`));
        return;
    }
    if (type === "bitmap" || type === "alpha_mask")
        checkBitmap(label, type, ptr, scope);
    else if (scope.image)
        checkVectorPosition(label, type, vertices, ptr, scope);
}
/** The geometry the object has, from its class shape or, for `any` classes, its own geometryType (spec §3.3). */
function resolveGeometryType(label, ptr, cls, scope) {
    const { file, out } = scope;
    const hasGeometryType = typeof label.geometryType === "string";
    const declaredKey = hasGeometryType ? "geometryType" : typeof label.shape === "string" ? "shape" : undefined;
    const declared = declaredKey ? label[declaredKey] : undefined;
    if (hasGeometryType && typeof label.shape === "string" && label.shape !== label.geometryType) {
        out.push(finding("geometry-type-conflict", file, `${ptr}/shape`, `\`shape\` says ${JSON.stringify(label.shape)} but \`geometryType\` says ${JSON.stringify(label.geometryType)}; geometryType is used`));
    }
    const kind = payloadLayout(label);
    if (cls && cls.shape !== "any") {
        if (declared !== undefined && declared !== cls.shape) {
            out.push(finding("geometry-shape-mismatch", file, `${ptr}/${declaredKey}`, `class ${JSON.stringify(cls.title)} has shape ${cls.shape} but this object is a ${declared}`));
            return undefined;
        }
        if (declared === undefined && kind && !layoutFits(kind, cls.shape)) {
            out.push(finding("geometry-shape-mismatch", file, ptr, `class ${JSON.stringify(cls.title)} has shape ${cls.shape} but this object holds ${LAYOUT_NAMES[kind]}`));
            return undefined;
        }
        return CHECKED_TYPES.has(cls.shape) ? cls.shape : undefined;
    }
    let type = declared;
    if (type === undefined) {
        if (cls) {
            out.push(finding("geometry-type-missing", file, ptr, `class ${JSON.stringify(cls.title)} has shape any, so the object must say its geometryType`));
            return undefined;
        }
        // No class to go by (no meta.json, or an unknown class already reported): infer from the payload as the reader does.
        type = geometryOfPayload(label);
        if (type === undefined) {
            if (!scope.meta)
                out.push(finding("geometry-type-missing", file, ptr, "the object has no geometryType and its payload does not tell the geometry"));
            return undefined;
        }
    }
    if (!CHECKED_TYPES.has(type)) {
        out.push(finding("geometry-type-unknown", file, `${ptr}/${declaredKey}`, `geometry ${JSON.stringify(type)} is not an image geometry; the object is kept as is and not checked further`));
        return undefined;
    }
    return type;
}
/** Payload and point counts of a geometry; returns the vertices to check, or undefined when the payload is unusable. */
function checkPayload(label, type, ptr, cls, scope) {
    const { file, out } = scope;
    const missing = (at = ptr) => {
        out.push(finding("geometry-payload", file, at, payloadNeeds(type)));
        return undefined;
    };
    const countOf = (at, found) => {
        const problem = pointCountProblem(type, found);
        if (problem)
            count(at, problem);
    };
    const count = (at, message) => out.push(finding("geometry-vertex-count", file, at, message));
    const tooFew = (at, ring, what) => {
        if (ring.length < 3)
            out.push(finding("polygon-too-few-points", file, at, `${what} has ${ring.length} point${ring.length === 1 ? "" : "s"}; a polygon ring needs at least 3`));
    };
    if (geometryRule(type)?.layout === "ring") {
        const points = label.points;
        if (!isObject(points) || !Array.isArray(points.exterior))
            return missing();
        const exterior = points.exterior;
        const interior = Array.isArray(points.interior) ? points.interior : [];
        const at = `${ptr}/points/exterior`;
        // A polygon's rings have their own check (polygon-too-few-points), holes included.
        if (type !== "polygon")
            countOf(at, exterior.length);
        if (type === "polygon") {
            tooFew(at, exterior, "the outline");
            interior.forEach((hole, j) => tooFew(`${ptr}/points/interior/${j}`, hole, `hole ${j}`));
        }
        return [
            ...ringVertices(exterior, at),
            ...(type === "polygon" ? interior.flatMap((hole, j) => ringVertices(hole, `${ptr}/points/interior/${j}`)) : []),
        ];
    }
    switch (type) {
        case "multipolygon": {
            if (!Array.isArray(label.parts))
                return missing();
            if (label.parts.length === 0)
                count(`${ptr}/parts`, "a multipolygon needs at least one part");
            return label.parts.flatMap((part, k) => {
                const base = `${ptr}/parts/${k}`;
                const exterior = Array.isArray(part.exterior) ? part.exterior : [];
                const interior = Array.isArray(part.interior) ? part.interior : [];
                tooFew(`${base}/exterior`, exterior, `the outline of part ${k}`);
                interior.forEach((hole, j) => tooFew(`${base}/interior/${j}`, hole, `hole ${j} of part ${k}`));
                return [...ringVertices(exterior, `${base}/exterior`), ...interior.flatMap((hole, j) => ringVertices(hole, `${base}/interior/${j}`))];
            });
        }
        case "bitmap":
        case "alpha_mask": {
            const bitmap = label.bitmap;
            if (!isObject(bitmap))
                return missing();
            const origin = bitmap.origin;
            return [{ x: origin[0], y: origin[1], pointer: `${ptr}/bitmap/origin` }];
        }
        case "graph": {
            if (!isObject(label.nodes))
                return missing();
            const template = cls?.templateNodes;
            const vertices = [];
            for (const [key, node] of Object.entries(label.nodes)) {
                const nodePtr = `${ptr}/nodes${jsonPointer(key)}`;
                if (template && !template.has(key)) {
                    out.push(finding("graph-node-unknown", file, nodePtr, `node ${JSON.stringify(key)} is not in the template of class ${JSON.stringify(cls.title)}`));
                }
                const loc = node.loc;
                vertices.push({ x: loc[0], y: loc[1], pointer: `${nodePtr}/loc` });
            }
            return vertices;
        }
        case "cuboid_2d": {
            if (!isObject(label.vertices))
                return missing();
            const names = Object.keys(label.vertices);
            const absent = CUBOID_2D_VERTEX_NAMES.filter((n) => !names.includes(n));
            const extra = names.filter((n) => !CUBOID_2D_VERTEX_NAMES.includes(n));
            if (absent.length || extra.length) {
                count(`${ptr}/vertices`, `a cuboid_2d has exactly the 8 vertices face1-/face2- topleft…bottomleft` +
                    (absent.length ? `; missing ${absent.join(", ")}` : "") + (extra.length ? `; unexpected ${extra.join(", ")}` : ""));
            }
            return Object.entries(label.vertices).map(([key, v]) => {
                const loc = v.loc;
                return { x: loc[0], y: loc[1], pointer: `${ptr}/vertices${jsonPointer(key)}/loc` };
            });
        }
        case "cuboid": {
            if (!Array.isArray(label.points) || !Array.isArray(label.faces))
                return missing();
            const n = label.points.length;
            const faces = label.faces;
            const badFace = faces.findIndex((f) => !Array.isArray(f) || f.length !== 4 || f.some((i) => typeof i !== "number" || i >= n));
            if (faces.length !== 3 || badFace >= 0) {
                count(badFace >= 0 ? `${ptr}/faces/${badFace}` : `${ptr}/faces`, `a cuboid has exactly 3 faces of 4 indices into its ${n} points`);
            }
            return ringVertices(label.points, `${ptr}/points`);
        }
        case "oriented_bbox": {
            if (!Array.isArray(label.points) || typeof label.angle !== "number")
                return missing();
            countOf(`${ptr}/points`, label.points.length);
            return ringVertices(label.points, `${ptr}/points`);
        }
    }
    return undefined;
}
function checkVectorPosition(label, type, vertices, ptr, scope) {
    if (vertices.length === 0)
        return;
    const { width, height } = scope.image;
    const size = `${width}×${height}`;
    // The area an oriented box really covers is its rotated rectangle; its stored corners are not where it is.
    const reach = type === "oriented_bbox" && vertices.length === 2
        ? orientedBoxCorners({
            left: Math.min(vertices[0].x, vertices[1].x), top: Math.min(vertices[0].y, vertices[1].y),
            right: Math.max(vertices[0].x, vertices[1].x), bottom: Math.max(vertices[0].y, vertices[1].y), angle: label.angle,
        }).map(([x, y]) => ({ x, y }))
        : vertices;
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (const { x, y } of reach) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
    }
    if (right < 0 || bottom < 0 || left > width || top > height) {
        scope.out.push(finding("label-outside-image", scope.file, vertices[0].pointer, `the ${type} (x ${fmt(left)}..${fmt(right)}, y ${fmt(top)}..${fmt(bottom)}) lies entirely outside the ${size} image; Supervisely drops it on upload`));
        return;
    }
    if (type === "oriented_bbox")
        return;
    const outside = vertices.filter(({ x, y }) => x < 0 || y < 0 || x > width || y > height);
    if (outside.length) {
        const first = outside[0];
        scope.out.push(finding("coordinate-outside-image", scope.file, first.pointer, `point (${fmt(first.x)}, ${fmt(first.y)}) is outside the ${size} image` +
            (outside.length > 1 ? ` (${outside.length} of ${vertices.length} points are)` : "") + "; Supervisely crops the object on upload"));
    }
}
function checkBitmap(label, type, ptr, scope) {
    const bitmap = label.bitmap;
    let mask;
    try {
        mask = type === "bitmap" ? decodeBitmapData(bitmap.data) : decodeAlphaMaskData(bitmap.data);
    }
    catch (e) {
        scope.out.push(finding("bitmap-invalid", scope.file, `${ptr}/bitmap/data`, `${type} data does not decode: ${e.message}`));
        return;
    }
    if (!mask.data.some((v) => v !== 0)) {
        scope.out.push(finding("bitmap-empty", scope.file, `${ptr}/bitmap/data`, `the ${mask.width}×${mask.height} ${type} has no set pixel`));
        return;
    }
    if (!scope.image)
        return;
    const { width, height } = scope.image;
    const [x, y] = bitmap.origin;
    const right = x + mask.width - 1, bottom = y + mask.height - 1;
    const where = `the ${mask.width}×${mask.height} ${type} at origin (${fmt(x)}, ${fmt(y)})`;
    if (right < 0 || bottom < 0 || x > width - 1 || y > height - 1) {
        scope.out.push(finding("label-outside-image", scope.file, `${ptr}/bitmap/origin`, `${where} lies entirely outside the ${width}×${height} image; Supervisely drops it on upload`));
    }
    else if (x < 0 || y < 0 || right > width - 1 || bottom > height - 1) {
        scope.out.push(finding("coordinate-outside-image", scope.file, `${ptr}/bitmap/origin`, `${where} reaches outside the ${width}×${height} image; Supervisely crops it on upload`));
    }
}
//# sourceMappingURL=geometry-checks.js.map