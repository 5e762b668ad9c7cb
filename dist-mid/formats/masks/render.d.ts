/**
 * The CPU-heavy part of a masks export, for one image: every label rasterized and cropped, masks_machine and
 * masks_semantic_rgb composed and all PNGs encoded. Pure and self-contained, so that it can run in the worker pool
 * (src/workers); the writer keeps the reporting and the file writes.
 *
 * Rendering order of overlapping labels in masks_machine: descending pixel area, so small objects stay on top of
 * large ones; equal areas by class index, then by label order within the class.
 */
import type { Geometry } from "../../src/model/index.js";
import { type PackedGeometry } from "../../src/workers/packed.js";
import type { PlacedMask } from "./regions.js";
export interface MaskLayersJob {
    width: number;
    height: number;
    /**
     * The labels to draw, in annotation order, with their class index (1..255, one per class) and their object: labels
     * with one object number (bound by `instance`) are one object, one instance mask.
     */
    labels: {
        geometry: PackedGeometry;
        index: number;
        object: number;
    }[];
    /** masks_semantic_rgb palette: 256 × r, g, b. */
    palette: Uint8Array;
    /** Also return the raw masks_machine pixels (for --overlay). */
    keepMachine: boolean;
}
/** Per label: drawn, no pixel of it inside the image, or why it cannot be drawn. */
export type LabelOutcome = "drawn" | "empty" | {
    error: string;
};
export interface MaskLayers {
    outcomes: LabelOutcome[];
    machinePng: Uint8Array;
    semanticPng: Uint8Array;
    /** One 0/255 PNG per object with a drawn label, in the order of their first drawn label. */
    instancePngs: Uint8Array[];
    /** The object of each instance PNG. */
    instanceObjects: number[];
    machine?: Uint8Array;
}
/** Draws a geometry into a scratch canvas and lifts it out as a cropped mask; the scratch is left clean. */
export declare function rasterizeLabel(g: Geometry, scratch: {
    width: number;
    height: number;
    data: Uint8Array;
}): PlacedMask | null;
export declare function renderMaskLayers(job: MaskLayersJob): MaskLayers;
/** renderMaskLayers as a worker-pool task (masks export). */
export declare const renderMaskLayersTask: import("../../src/workers/task.js").CpuTask<[job: MaskLayersJob], MaskLayers>;
