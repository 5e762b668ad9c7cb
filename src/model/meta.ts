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

export interface GraphTemplateNode { label: string; loc: Vec2; color?: string; [key: string]: unknown }
export interface GraphTemplateEdge { src: string; dst: string; color?: string; [key: string]: unknown }
/** `geometry_config` of a `graph` class: the keypoint template (spec §3.5). */
export interface GraphTemplate { nodes: Record<string, GraphTemplateNode>; edges: GraphTemplateEdge[] }

export const TAG_VALUE_TYPES = ["none", "any_number", "any_string", "oneof_string", "date"] as const;
export type TagValueType = (typeof TAG_VALUE_TYPES)[number];
export const TAG_APPLICABLE_TYPES = ["all", "imagesOnly", "objectsOnly"] as const;
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

export function emptyProjectMeta(): ProjectMeta {
  return { classes: [], tagMetas: [], projectType: "images", extra: {} };
}

export function graphTemplateOf(cls: ObjClass): GraphTemplate {
  const cfg = cls.geometryConfig as Partial<GraphTemplate>;
  return { nodes: cfg.nodes ?? {}, edges: cfg.edges ?? [] };
}

export function findClass(meta: ProjectMeta, title: string): ObjClass | undefined {
  return meta.classes.find((c) => c.title === title);
}

export function findTagMeta(meta: ProjectMeta, name: string): TagMeta | undefined {
  return meta.tagMetas.find((t) => t.name === name);
}
