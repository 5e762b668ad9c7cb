/**
 * The segmentation of one COCO annotation on export, from its polygon parts and bitmaps: one RLE of their union
 * (masks, polygons with holes), or polygons (hole-free parts; with --polygons, bitmaps traced to outlines). Pure:
 * what it would report is recorded and replayed by the caller, so that the mask-bearing annotations of an image can
 * be computed in the worker pool (src/workers) and still report in the same order as inline.
 */
import type { PolygonRing } from "../../src/model/index.js";
import { type Location } from "../../src/errors.js";
import type { Report } from "../../src/report.js";
import { type BinaryMask } from "../../src/codecs/mask.js";
import { type PackedRing } from "../../src/workers/packed.js";
import { type Bbox } from "./annotation.js";
/** A report call, recorded to be replayed later (on the caller's thread, in order). */
export type ReportEvent = {
    kind: "lose";
    className: string;
    what: string;
    reason: string;
    count: number;
} | {
    kind: "warn";
    code: string;
    message: string;
    where: Location;
};
/** The report calls a conversion step makes, kept in order instead of made. */
export declare class ReportRecorder {
    readonly events: ReportEvent[];
    lose(className: string, what: string, reason: string, count?: number): void;
    warn(code: string, message: string, where?: Location): void;
}
export type ReportSink = Pick<Report, "lose" | "warn">;
export declare function replayEvents(events: readonly ReportEvent[], report: ReportSink): void;
/** The inputs of one annotation's segmentation; rings as PolygonRing inline, packed when sent to a worker. */
export interface SegmentationJob<R = PolygonRing> {
    width: number | null;
    height: number | null;
    /** Polygon parts in label order, with their class (for the report). */
    rings: {
        cls: string;
        ring: R;
    }[];
    /**
     * Bitmaps in label order, origin rounded: the mask a reader made the bitmap from when it is at hand
     * (bitmapEncodedOnRead), else `data` as in the annotation.
     */
    bitmaps: {
        cls: string;
        data?: string;
        mask?: BinaryMask;
        x: number;
        y: number;
        listCounts: boolean;
    }[];
    /** --polygons: never an RLE. */
    polygons: boolean;
    /** Whether polygons give the box / area (no bound rectangle, nothing kept in extra.coco). */
    boxFromPolygons: boolean;
    areaFromPolygons: boolean;
    where: Location;
}
export interface SegmentationOut {
    segmentation: unknown;
    box: Bbox | null;
    area: number | null;
    events: ReportEvent[];
}
/** Whether computing this segmentation is real work (masks to decode or encode, a canvas to fill), worth a worker. */
export declare function segmentationIsHeavy(job: SegmentationJob<unknown>, holes: boolean): boolean;
export declare function computeSegmentation(job: SegmentationJob): SegmentationOut;
/** The worker task: the heavy segmentations of one image's annotations, in order. */
export declare function cocoSegmentations(jobs: SegmentationJob<PackedRing>[]): SegmentationOut[];
/** cocoSegmentations as a worker-pool task (COCO export). */
export declare const cocoSegmentationsTask: import("../../src/workers/task.js").CpuTask<[jobs: SegmentationJob<PackedRing>[]], SegmentationOut[]>;
