import type { ObjClass, ProjectMeta, TagMeta, TagValueType } from "./meta.js";
/**
 * Adds a class when it is missing. When a class already exists with another shape, it becomes `any`
 * (each label then carries its own geometryType), so that no label is lost and the choice is visible in meta.json.
 */
export declare function ensureClass(meta: ProjectMeta, title: string, shape: string, init?: Partial<Omit<ObjClass, "title" | "shape">>): ObjClass;
/** Adds a tag meta when missing; returns the existing one otherwise (its type is not changed). */
export declare function ensureTagMeta(meta: ProjectMeta, name: string, valueType: TagValueType, init?: Partial<Omit<TagMeta, "name" | "valueType">>): TagMeta;
/** Value type a tag gets when an importer only has values to go by (spec §2.3 detect_tag_value_type). */
export declare function inferTagValueType(value: unknown): TagValueType;
export declare function isIsoDate(value: string): boolean;
