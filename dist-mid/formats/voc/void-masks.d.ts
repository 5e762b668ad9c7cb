/**
 * VOC's void value (255: object boundaries, unlabelled regions) is no class, so it gets no label. To give the same
 * mask pixels back on export, the void pixels of each mask file are kept in the annotation's customBigData as one
 * bitmap (spec §4 encoding) and the mask folders it belongs to.
 */
import type { Annotation } from "../../src/model/index.js";
export declare const VOID_MASKS_KEY = "vocVoid";
export type VoidMaskFolder = "SegmentationClass" | "SegmentationObject";
export interface StoredVoid {
    masks: VoidMaskFolder[];
    origin: [number, number];
    data: string;
}
/** The void bitmaps kept in an annotation (malformed entries are ignored). */
export declare function storedVoids(annotation: Annotation): StoredVoid[];
