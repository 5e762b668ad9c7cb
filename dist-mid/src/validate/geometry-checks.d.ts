/**
 * Checks of one object (label) of an annotation: class, geometry type against the class shape, payload, point
 * counts, finite coordinates, keypoint template, bitmap decoding, position against the image.
 *
 * Position rule (docs/validate.md): vector coordinates are continuous, so [0, width] × [0, height] is inside (a polygon
 * traced along the image edge reaches x = width). An object that reaches outside that area but still overlaps the
 * image is a warning (Supervisely crops it on upload); one that lies entirely outside is an error (Supervisely drops
 * it). Bitmaps cover whole pixels: inside means within pixels 0..width-1 × 0..height-1. Oriented boxes are never
 * cropped by Supervisely, so only "entirely outside" is reported for them.
 */
import type { Finding } from "../report.js";
import { type MetaIndex } from "./meta-checks.js";
export interface ImageBox {
    width: number;
    height: number;
}
export interface LabelScope {
    file: string;
    meta?: MetaIndex;
    /** Known image size, or null when the annotation does not know it (link items). */
    image: ImageBox | null;
    isBroken: (pointer: string) => boolean;
    out: Finding[];
}
export declare function checkLabel(label: unknown, ptr: string, scope: LabelScope): void;
