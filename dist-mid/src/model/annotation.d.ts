import type { Geometry } from "./geometry.js";
/** A tag instance on an image or a label (spec §3.2). `value` is absent for `none` tags. */
export interface Tag {
    name: string;
    value?: string | number | null;
    /** labelerLogin, createdAt, id, … as read. */
    extra?: Record<string, unknown>;
}
/** One object of an annotation (spec §3.3). */
export interface Label {
    classTitle: string;
    geometry: Geometry;
    tags: Tag[];
    description?: string;
    /** Server ids, creation info, `instance`, `smartToolInput`, … as read, in their order. */
    extra?: Record<string, unknown>;
}
export interface ImageSize {
    width: number | null;
    height: number | null;
}
/** The annotation of one image (spec §3.1). */
export interface Annotation {
    size: ImageSize;
    description?: string;
    tags: Tag[];
    labels: Label[];
    customBigData?: Record<string, unknown>;
    extra?: Record<string, unknown>;
}
export declare function emptyAnnotation(size?: ImageSize): Annotation;
