import type { BinaryMask } from "../../src/codecs/mask.js";
import type { BitmapGeometry } from "../../src/model/index.js";
import { type ClassTable, type Rgb } from "./palette.js";
export declare class MaskDecodeError extends Error {
}
/**
 * Per-pixel codes: 0 background, -1 void, -2 unknown value, c ≥ 1 = names[c - 1]. Index masks (palette and gray
 * PNGs) keep their stored index per pixel and the code of each index, instead of a code array of their own.
 */
export interface ClassLayer {
    width: number;
    height: number;
    pixels: {
        codes: Int16Array;
    } | {
        indices: Uint8Array;
        codeOf: Int16Array;
    };
    names: string[];
    colors: Rgb[];
    /** Values the class table does not know: their colour (or index) and pixel count. */
    unknown: {
        value: string;
        pixels: number;
    }[];
}
export declare const CODE_VOID = -1;
/** Decodes a SegmentationClass PNG and names every value through the class table. */
export declare function readClassLayer(bytes: Uint8Array, table: ClassTable): ClassLayer;
/** Per-pixel instance numbers: 0 none, 255 void, 1..254 the object's position in the XML. */
export interface ObjectLayer {
    width: number;
    height: number;
    instances: Uint8Array;
    unknown: {
        value: string;
        pixels: number;
    }[];
}
/** Decodes a SegmentationObject PNG: the stored index is the instance (RGB masks: through the VOC colour map). */
export declare function readObjectLayer(bytes: Uint8Array): ObjectLayer;
/** A 0/1 mask cropped to its content, placed at (x, y) in the image. */
export interface PlacedBitmap {
    x: number;
    y: number;
    mask: BinaryMask;
}
export interface MaskRegion<G = BitmapGeometry> {
    /** Undefined: no class value there; the caller takes the class of XML object `instance`. */
    className?: string;
    color?: Rgb;
    /** Instance number (0 = a class region with no object); null when there is no SegmentationObject mask. */
    instance: number | null;
    geometry: G;
    pixels: number;
}
/** The void (255) pixels of the mask files, as one bitmap and the folders it belongs to. */
export interface VoidRegion<G = BitmapGeometry> {
    masks: ("SegmentationClass" | "SegmentationObject")[];
    geometry: G;
}
/**
 * Combines the two layers (either may be absent; present ones have the same size) into regions and void bitmaps.
 * Regions come ordered by instance, then by class.
 */
export declare function combineLayers(cls: ClassLayer | undefined, obj: ObjectLayer | undefined): {
    regions: MaskRegion<PlacedBitmap>[];
    voids: VoidRegion<PlacedBitmap>[];
};
type Size = {
    width: number;
    height: number;
};
/** One image's mask files (their bytes, read by the caller) with what readVocMasks needs to know. */
export interface VocMaskJob {
    classBytes?: Uint8Array;
    objectBytes?: Uint8Array;
    /** The files as messages name them. */
    classShown?: string;
    objectShown?: string;
    table: ClassTable;
    /** The image's size (XML or header), when known: masks of another size are skipped. */
    size?: Size;
}
export interface VocMaskOut {
    /** What reading them reports (warnings), in order. */
    warnings: {
        code: string;
        message: string;
        file: string;
    }[];
    /** Whether a class mask was kept. */
    hasClass: boolean;
    /** The size of the masks kept. */
    size?: Size;
    regions: MaskRegion<PlacedBitmap>[];
    voids: VoidRegion<PlacedBitmap>[];
}
/**
 * An image's SegmentationClass and SegmentationObject masks decoded, checked against the image size and each other,
 * and combined into regions (combineLayers). A pool task (src/workers): a pure function of its job, whose findings
 * are returned for the caller to report.
 */
export declare function readVocMasks(job: VocMaskJob): VocMaskOut;
/** readVocMasks as a worker-pool task (VOC import and convert). */
export declare const readVocMasksTask: import("../../src/workers/task.js").CpuTask<[job: VocMaskJob], VocMaskOut>;
export {};
