import type { Geometry, ProjectMeta, Vec2 } from "../../src/model/index.js";
import type { BinaryMask } from "../../src/codecs/mask.js";
import { type Rgb } from "./palette.js";
import type { StoredVoid } from "./void-masks.js";
import { type CpuTaskRunner } from "../../src/workers/pool.js";
import { type TaskErrorData } from "../../src/workers/task-errors.js";
export interface ClassIndexing {
    indexOf: Map<string, number>;
    /** 256 entries: the VOC colour map with each class's colour at its index. */
    palette: Rgb[];
}
export declare function assignClassIndices(meta: ProjectMeta): ClassIndexing;
/** One label to draw: its class index, its instance (-1: class mask only), and its shape. */
export type VocMaskDraw = {
    classIndex: number;
    instance: number;
    /** A polygon or multipolygon: part k is rings parts[k] (its exterior) up to parts[k + 1] (its holes) of the job. */
    parts: number[];
}
/** A bitmap made from pixels a reader holds (src/codecs/bitmap.ts bitmapMask): those pixels, not a PNG to decode. */
 | {
    classIndex: number;
    instance: number;
    mask: BinaryMask;
    origin: Vec2;
} | {
    classIndex: number;
    instance: number;
    geometry: Geometry;
};
/** Everything needed to draw the two masks of one image, in a form that is cheap to send to a worker thread. */
export interface VocMaskJob {
    width: number;
    height: number;
    /** The vertices of every polygon of the job, x, y pairs: one buffer, moved to the worker rather than copied. */
    coords: Float64Array;
    /** Ring r is coords[ringStarts[r], ringStarts[r + 1]). */
    ringStarts: Int32Array;
    /** In drawing order. */
    draws: VocMaskDraw[];
    voids: StoredVoid[];
    /** SegmentationClass palette: 256 × r, g, b. */
    palette: Uint8Array;
}
/** Builds one image's VocMaskJob as its labels are walked (the writer's side). */
export declare class VocMaskJobBuilder {
    readonly width: number;
    readonly height: number;
    private readonly palette;
    private coords;
    private used;
    private readonly ringStarts;
    readonly draws: VocMaskDraw[];
    readonly voids: StoredVoid[];
    constructor(width: number, height: number, palette: Uint8Array);
    add(g: Geometry, classIndex: number, instance: number): void;
    /** Adds a polygon's rings; returns the index of its exterior ring. */
    private ring;
    /** Adds one ring. */
    private points;
    private room;
    build(): VocMaskJob;
}
/** The buffers of a job to move to a worker rather than copy. */
export declare function vocMaskJobBuffers(job: VocMaskJob): ArrayBuffer[];
export interface VocMaskPngs {
    /** SegmentationClass PNG, when something was drawn into it. */
    classPng?: Uint8Array;
    /** SegmentationObject PNG, when something was drawn into it. */
    objectPng?: Uint8Array;
    /** Draws (index into job.draws; -1 for a void region) whose bitmap pixels did not decode, and why: not drawn. */
    unreadable?: {
        draw: number;
        message: string;
    }[];
}
/** Draws and encodes the masks of one image (the CPU-heavy part of a VOC export; runs in the worker pool). */
export declare function renderVocMasks(job: VocMaskJob): VocMaskPngs;
/** The masks of several images, each image's error apart (an error ends the export at its own item, not before). */
export declare function renderVocMasksBatch(jobs: VocMaskJob[]): ({
    pngs: VocMaskPngs;
} | {
    error: TaskErrorData;
})[];
/** renderVocMasksBatch as a worker-pool task (VOC export). */
export declare const renderVocMasksBatchTask: import("../../src/workers/task.js").CpuTask<[jobs: VocMaskJob[]], ({
    pngs: VocMaskPngs;
} | {
    error: TaskErrorData;
})[]>;
/**
 * The mask jobs of an export, sent to the CPU pool (or run inline, see CpuTaskRunner) several images at a time. A
 * batch leaves when it is full, or at the next turn of the event loop while fewer batches than threads are being
 * drawn, so that the threads neither wait for a full batch nor get a message per image.
 */
export declare class VocMaskQueue {
    private readonly cpu;
    private readonly threads;
    private jobs;
    private waiting;
    private inFlight;
    private scheduled;
    constructor(cpu: CpuTaskRunner, threads?: number);
    render(job: VocMaskJob): Promise<VocMaskPngs>;
    private schedule;
    private flush;
}
