/**
 * Supervisely JSON ↔ model. Read leniently (spec §9: `shape` or `geometryType`, bare-string tags, legacy meta keys,
 * the `{"annotation": …}` wrapper), write canonically in the key order the SDK writes, with every unknown field
 * kept after the known ones, so a canonical file reads and writes back byte for byte.
 */
import type { Annotation, Label, ProjectMeta, Tag, Vec2 } from "../../src/model/index.js";
import { SlyconvError } from "../../src/errors.js";
import type { PackedPoints } from "./packed.js";
type Json = Record<string, unknown>;
export declare class SuperviselyJsonError extends SlyconvError {
    constructor(message: string, file: string | undefined, pointer: string);
}
declare class Reader {
    readonly file: string | undefined;
    readonly packed: PackedPoints | null;
    constructor(file: string | undefined, packed?: PackedPoints | null);
    fail(pointer: string, message: string): never;
    vec2(v: unknown, ptr: string): Vec2;
    points(v: unknown, ptr: string): Vec2[];
    rings(v: unknown, ptr: string): Vec2[][];
    exteriorInterior(v: unknown, ptr: string): {
        exterior: Vec2[];
        interior: Vec2[][];
    };
}
export declare function tagFromJson(v: unknown, r: Reader, ptr: string): Tag;
/** A tag's JSON object in the SDK's key order (`Tag.to_json`); keys the SDK does not know come last, as read. */
export declare function tagToJson(t: Tag): Json;
/**
 * How far from an integer a coordinate is written as that integer. The SDK floors every coordinate it loads
 * (`PointLocation`: math.floor), so a computed 372.999892 (YOLO's normalised numbers × size) would land a pixel off;
 * a thousandth of a pixel is far below any tool's precision and far above doubles' rounding noise.
 */
export declare const SNAP_TO_INTEGER = 0.001;
/** v, or the integer within SNAP_TO_INTEGER of it. */
export declare function snapCoordinate(v: number): number;
/**
 * How a value's builder writes each [[x, y], …] list: what it returns goes in the list's place (the writer thread's
 * packing puts a stand-in there). Without one, the list itself.
 */
export type PointListWriter = (<T>(points: T[]) => unknown) & {
    /** A list given as flat coordinates x1, y1, x2, y2, … (coords[0 .. count)), when the writer takes that form. */
    flat?(coords: Float64Array, count: number): unknown;
};
export declare function labelFromJson(v: unknown, meta: ProjectMeta | undefined, r: Reader, ptr: string): Label;
/**
 * A label's JSON object in the SDK's key order (`Label.to_json`): classTitle, description, tags, the geometry, the
 * creation info, geometryType/shape, nnCreated, nnUpdated (false unless read otherwise), then instance and
 * smartToolInput; keys the SDK does not know come last, as read. With `lists`, each point list is written through
 * it (see PointListWriter).
 */
export declare function labelToJson(l: Label, lists?: PointListWriter | null): Json;
/** Parses an annotation file's JSON (with or without the server's `{"annotation": …}` wrapper). */
export declare function annotationFromJson(raw: unknown, meta: ProjectMeta | undefined, file?: string, packed?: PackedPoints): Annotation;
/** An annotation file's JSON object; with `lists`, each point list is written through it (see PointListWriter). */
export declare function annotationToJson(a: Annotation, lists?: PointListWriter | null): Json;
export interface MetaReadIssue {
    pointer: string;
    message: string;
}
/**
 * Parses meta.json. Problems a reader can recover from (a bad colour) are returned as issues rather than thrown.
 */
export declare function metaFromJson(v: unknown, file?: string, issues?: MetaReadIssue[]): ProjectMeta;
export declare function metaToJson(m: ProjectMeta): Json;
export {};
