/**
 * The one table of what each 2-D geometry looks like in a Supervisely annotation (spec §3.5; the SDK's
 * geometry/*.py): which keys hold its payload and in which order the SDK writes them, how that payload is laid out,
 * how many points it has. The reader and writer (formats/supervisely/json-model.ts) and `slyconv validate`
 * (src/validate/geometry-checks.ts) take their rules and their wording from here; schemas/annotation.schema.json says
 * the same for other validators, and a test keeps its geometry list in step with this table.
 */
const RING = "`points` {exterior, interior}";
export const GEOMETRY_RULES = {
    point: { payload: ["points"], layout: "ring", points: { exactly: 1 }, pointNoun: "vertex", needs: RING, shapeFirst: false },
    rectangle: { payload: ["points"], layout: "ring", points: { exactly: 2 }, pointNoun: "corner", needs: RING, shapeFirst: false },
    polygon: { payload: ["points"], layout: "ring", points: { atLeast: 3 }, pointNoun: "point", needs: RING, shapeFirst: true },
    line: { payload: ["points"], layout: "ring", points: { atLeast: 2 }, pointNoun: "point", needs: RING, shapeFirst: true },
    multipolygon: { payload: ["parts"], layout: "parts", needs: "`parts`: a list of {exterior, interior}", shapeFirst: false },
    bitmap: { payload: ["bitmap"], layout: "bitmap", needs: "`bitmap` {origin, data}", shapeFirst: true },
    alpha_mask: { payload: ["bitmap"], layout: "bitmap", needs: "`bitmap` {origin, data}", shapeFirst: true },
    graph: { payload: ["nodes"], layout: "nodes", needs: "`nodes` {key: {loc: [x, y]}}", shapeFirst: false },
    cuboid_2d: { payload: ["vertices", "position", "rotation", "dimensions", "face"], layout: "vertices", needs: "`vertices`: the 8 named corners", shapeFirst: false },
    cuboid: { payload: ["points", "faces"], layout: "point-list", needs: "`points` and `faces`", shapeFirst: false },
    oriented_bbox: { payload: ["points", "angle"], layout: "point-list", points: { exactly: 2 }, pointNoun: "corner", needs: "`points` [[left, top], [right, bottom]] and a numeric `angle` (radians)", shapeFirst: false },
};
/** The rule of a geometry type, if it is one of the table's. */
export function geometryRule(type) {
    return Object.hasOwn(GEOMETRY_RULES, type) ? GEOMETRY_RULES[type] : undefined;
}
const article = (word) => (/^[aeiou]/.test(word) ? "an" : "a");
/** What is wrong with the number of points of a geometry's outline, or undefined when it is right. */
export function pointCountProblem(type, found) {
    const rule = geometryRule(type);
    const want = rule?.points;
    if (!want)
        return undefined;
    const plural = (n) => (n === 1 ? rule.pointNoun : rule.pointNoun === "vertex" ? "vertices" : `${rule.pointNoun}s`);
    if ("exactly" in want && found !== want.exactly)
        return `${article(type)} ${type} has exactly ${want.exactly} ${plural(want.exactly)}, found ${found}`;
    if ("atLeast" in want && found < want.atLeast)
        return `${article(type)} ${type} needs at least ${want.atLeast} ${plural(want.atLeast)}, found ${found}`;
    return undefined;
}
/** "a <type> needs <payload>", for a payload that is missing or malformed. */
export function payloadNeeds(type) {
    return `${article(type)} ${type} needs ${geometryRule(type)?.needs ?? "its payload"}`;
}
/**
 * The geometry a label object's payload shows, for one that does not name it (and whose class does not either): what
 * the SDK's converters and slyconv's reader infer. `{exterior, interior}` points read as a polygon.
 */
export function geometryOfPayload(label) {
    if ("bitmap" in label)
        return "bitmap";
    if ("nodes" in label)
        return "graph";
    if ("vertices" in label)
        return "cuboid_2d";
    if ("parts" in label)
        return "multipolygon";
    if ("angle" in label)
        return "oriented_bbox";
    if (Array.isArray(label.points) && "faces" in label)
        return "cuboid";
    const p = label.points;
    if (typeof p === "object" && p !== null && !Array.isArray(p))
        return "polygon";
    return undefined;
}
//# sourceMappingURL=geometry-rules.js.map