export interface MachineLimits {
    jsonParseMBps: number;
    smallFileWritesPerSec: number;
    /** Files of 37 KB: what one COCO image becomes in 4-space-indented Supervisely JSON (most of it page-cache work). */
    annotationFileWritesPerSec: number;
    imageHeaderReadsPerSec: number;
}
/** Leaves its files under `scratch` for the caller to remove after the run (see run.ts). */
export declare function measureLimits(scratch: string): Promise<MachineLimits>;
