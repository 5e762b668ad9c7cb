/**
 * Semantic checks of meta.json and the lookup tables the annotation checks need. Works on the raw JSON (not the
 * model) so every finding can point at the offending field; entries the schema already rejected are skipped.
 */
import type { Finding } from "../report.js";
import { type TagApplicableType, type TagValueType } from "../model/index.js";
type Json = Record<string, unknown>;
export declare const isObject: (v: unknown) => v is Json;
export interface ClassInfo {
    title: string;
    /** The class shape; a shape that is not an image shape reads as `any` (as in the SDK). */
    shape: string;
    /** Node keys of a graph class template. */
    templateNodes?: Set<string>;
}
export interface TagInfo {
    name: string;
    valueType: TagValueType;
    values: string[];
    applicableType: TagApplicableType;
    classes: string[];
}
export interface MetaIndex {
    classes: Map<string, ClassInfo>;
    tags: Map<string, TagInfo>;
}
/** Checks meta.json beyond its schema and indexes classes and tag metas (the first of duplicates wins). */
export declare function checkMeta(meta: unknown, file: string): {
    index: MetaIndex;
    findings: Finding[];
};
export {};
