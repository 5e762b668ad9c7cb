/**
 * The one table of what each 2-D geometry looks like in a Supervisely annotation (spec §3.5; the SDK's
 * geometry/*.py): which keys hold its payload and in which order the SDK writes them, how that payload is laid out,
 * how many points it has. The reader and writer (formats/supervisely/json-model.ts) and `slyconv validate`
 * (src/validate/geometry-checks.ts) take their rules and their wording from here; schemas/annotation.schema.json says
 * the same for other validators, and a test keeps its geometry list in step with this table.
 */
/** How a geometry's payload is laid out in a label object. */
export type PayloadLayout = 
/** `points: {exterior: [[x, y], …], interior: [[[x, y], …], …]}` */
"ring"
/** `parts: [{exterior, interior}, …]` */
 | "parts"
/** `bitmap: {origin: [x, y], data: "<base64>"}` */
 | "bitmap"
/** `nodes: {key: {loc: [x, y]}, …}` */
 | "nodes"
/** `vertices: {name: {loc: [x, y]}, …}` */
 | "vertices"
/** `points: [[x, y], …]` (a plain list) */
 | "point-list";
export interface GeometryRule {
    /** Keys of its payload in a label object, in the order the SDK writes them. */
    payload: readonly string[];
    layout: PayloadLayout;
    /** How many points its outline (or point list) has: exactly, or at least; absent when the layout says it. */
    points?: {
        exactly: number;
    } | {
        atLeast: number;
    };
    /** What those points are called ("vertex", "corner", "point"). */
    pointNoun?: string;
    /** What a label of this geometry needs, as messages say it. */
    needs: string;
    /**
     * Whether the SDK writes `shape`, `geometryType` inside the geometry's own JSON, before the creation info
     * (`VectorGeometry.to_json`, `BitmapBase.to_json`); the others get `geometryType`, `shape` from `Label.to_json`, after it.
     */
    shapeFirst: boolean;
}
export declare const GEOMETRY_RULES: {
    readonly point: {
        readonly payload: readonly ["points"];
        readonly layout: "ring";
        readonly points: {
            readonly exactly: 1;
        };
        readonly pointNoun: "vertex";
        readonly needs: "`points` {exterior, interior}";
        readonly shapeFirst: false;
    };
    readonly rectangle: {
        readonly payload: readonly ["points"];
        readonly layout: "ring";
        readonly points: {
            readonly exactly: 2;
        };
        readonly pointNoun: "corner";
        readonly needs: "`points` {exterior, interior}";
        readonly shapeFirst: false;
    };
    readonly polygon: {
        readonly payload: readonly ["points"];
        readonly layout: "ring";
        readonly points: {
            readonly atLeast: 3;
        };
        readonly pointNoun: "point";
        readonly needs: "`points` {exterior, interior}";
        readonly shapeFirst: true;
    };
    readonly line: {
        readonly payload: readonly ["points"];
        readonly layout: "ring";
        readonly points: {
            readonly atLeast: 2;
        };
        readonly pointNoun: "point";
        readonly needs: "`points` {exterior, interior}";
        readonly shapeFirst: true;
    };
    readonly multipolygon: {
        readonly payload: readonly ["parts"];
        readonly layout: "parts";
        readonly needs: "`parts`: a list of {exterior, interior}";
        readonly shapeFirst: false;
    };
    readonly bitmap: {
        readonly payload: readonly ["bitmap"];
        readonly layout: "bitmap";
        readonly needs: "`bitmap` {origin, data}";
        readonly shapeFirst: true;
    };
    readonly alpha_mask: {
        readonly payload: readonly ["bitmap"];
        readonly layout: "bitmap";
        readonly needs: "`bitmap` {origin, data}";
        readonly shapeFirst: true;
    };
    readonly graph: {
        readonly payload: readonly ["nodes"];
        readonly layout: "nodes";
        readonly needs: "`nodes` {key: {loc: [x, y]}}";
        readonly shapeFirst: false;
    };
    readonly cuboid_2d: {
        readonly payload: readonly ["vertices", "position", "rotation", "dimensions", "face"];
        readonly layout: "vertices";
        readonly needs: "`vertices`: the 8 named corners";
        readonly shapeFirst: false;
    };
    readonly cuboid: {
        readonly payload: readonly ["points", "faces"];
        readonly layout: "point-list";
        readonly needs: "`points` and `faces`";
        readonly shapeFirst: false;
    };
    readonly oriented_bbox: {
        readonly payload: readonly ["points", "angle"];
        readonly layout: "point-list";
        readonly points: {
            readonly exactly: 2;
        };
        readonly pointNoun: "corner";
        readonly needs: "`points` [[left, top], [right, bottom]] and a numeric `angle` (radians)";
        readonly shapeFirst: false;
    };
};
export type RuledGeometry = keyof typeof GEOMETRY_RULES;
/** The rule of a geometry type, if it is one of the table's. */
export declare function geometryRule(type: string): GeometryRule | undefined;
/** What is wrong with the number of points of a geometry's outline, or undefined when it is right. */
export declare function pointCountProblem(type: string, found: number): string | undefined;
/** "a <type> needs <payload>", for a payload that is missing or malformed. */
export declare function payloadNeeds(type: string): string;
/**
 * The geometry a label object's payload shows, for one that does not name it (and whose class does not either): what
 * the SDK's converters and slyconv's reader infer. `{exterior, interior}` points read as a polygon.
 */
export declare function geometryOfPayload(label: Record<string, unknown>): RuledGeometry | undefined;
