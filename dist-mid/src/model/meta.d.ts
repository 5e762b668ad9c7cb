import type { Vec2 } from "./geometry.js";
/** An object class (spec §2.2). Fields not modelled here are kept in `extra`, in the order they were read. */
export interface ObjClass {
    title: string;
    /** A shape name of spec §2.4, or any other string read from a project (kept verbatim). */
    shape: string;
    /** "#RRGGBB", upper case. */
    color: string;
    geometryConfig: Record<string, unknown>;
    description: string;
    hotkey: string;
    id?: number;
    extra: Record<string, unknown>;
}
export interface GraphTemplateNode {
    label: string;
    loc: Vec2;
    color?: string;
    [key: string]: unknown;
}
export interface GraphTemplateEdge {
    src: string;
    dst: string;
    color?: string;
    [key: string]: unknown;
}
/** `geometry_config` of a `graph` class: the keypoint template (spec §3.5). */
export interface GraphTemplate {
    nodes: Record<string, GraphTemplateNode>;
    edges: GraphTemplateEdge[];
}
export declare const TAG_VALUE_TYPES: readonly ["none", "any_number", "any_string", "oneof_string", "date"];
export type TagValueType = (typeof TAG_VALUE_TYPES)[number];
export declare const TAG_APPLICABLE_TYPES: readonly ["all", "imagesOnly", "objectsOnly"];
export type TagApplicableType = (typeof TAG_APPLICABLE_TYPES)[number];
/** A tag definition (spec §2.3). */
export interface TagMeta {
    name: string;
    valueType: TagValueType;
    /** Required iff valueType is oneof_string. */
    values?: string[];
    color: string;
    hotkey: string;
    applicableType: TagApplicableType;
    /** Class titles the tag is restricted to; empty = all. */
    classes: string[];
    id?: number;
    extra: Record<string, unknown>;
}
export interface ProjectMeta {
    classes: ObjClass[];
    tagMetas: TagMeta[];
    projectType?: string;
    /** Kept as read; the writer fills the default multiView block when absent (spec §2.1). */
    projectSettings?: Record<string, unknown>;
    extra: Record<string, unknown>;
}
export declare function emptyProjectMeta(): ProjectMeta;
export declare function graphTemplateOf(cls: ObjClass): GraphTemplate;
export declare function findClass(meta: ProjectMeta, title: string): ObjClass | undefined;
export declare function findTagMeta(meta: ProjectMeta, name: string): TagMeta | undefined;
