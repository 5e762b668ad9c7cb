import type { BinaryMask } from "../../src/codecs/mask.js";
import { type ClassMap } from "./class-map.js";
import { type Connectivity } from "./regions.js";
type Size = {
    width: number;
    height: number;
};
export interface MaskItemJob {
    /** The item (image) name, for messages. */
    name: string;
    /** The input folder, for the file names in messages. */
    input: string;
    /** From the image header, when there is an image and it reads. */
    size: Size | null;
    semanticPath?: string;
    /** Supervisely-layout instance files, each with its class title and 1-based class number. */
    instanceFiles?: {
        file: string;
        title: string;
        cls: number;
    }[];
    instanceIdPath?: string;
    mode: "index" | "colour";
    classMap: ClassMap;
    ignoreValue: number | null;
    /** Class titles by 1-based class number (index 0 unused). */
    titles: string[];
    splitInstances: boolean;
    connectivity: Connectivity;
}
export interface MaskItemEvent {
    level: "error" | "warn";
    code: string;
    message: string;
    file: string;
}
export interface MaskItemOut {
    size: Size | null;
    /** Bitmap labels in order: each region's class title, place and cropped 0/1 mask. */
    labels: {
        title: string;
        x: number;
        y: number;
        mask: BinaryMask;
    }[];
    events: MaskItemEvent[];
}
export declare function readMaskItem(job: MaskItemJob): MaskItemOut;
/** readMaskItem as a worker-pool task (masks import and convert). */
export declare const readMaskItemTask: import("../../src/workers/task.js").CpuTask<[job: MaskItemJob], MaskItemOut>;
export {};
