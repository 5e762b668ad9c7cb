import type { Project } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
/** Gives ids: the one read on import when it is still free, else the next free one after the largest known. */
export declare class IdAllocator {
    private readonly used;
    private next;
    constructor(start: number);
    /** The wanted id when valid and unused, else a fresh one; `reassigned` says a wanted id had to change. */
    take(wanted: unknown): {
        id: unknown;
        reassigned: boolean;
    };
}
/** What merge needs of one dataset of a COCO shard (the manifest's `state.coco.datasets`). */
export interface CocoShardDataset {
    /** The file name part: annotations/instances_<name>.json, images/<name>/. */
    name: string;
    /** Where new ids start, as in IdAllocator. */
    imageStart: number;
    annotationStart: number;
}
/**
 * One image of a COCO shard (sidecar `coco/<name>.ndjson`, in the order written): its position in the run, the image
 * id asked for, the file name asked for, the item name (0: the same), the file name written when the shard had to
 * change it (0: not changed), the annotation id asked for of each written object, the id asked for of each caption.
 */
export type CocoShardLine = [position: number, imageId: unknown, fileName: string, itemName: string | 0, written: string | 0, annotationIds: unknown[], captionIds: unknown[]];
export declare function writeCocoProject(project: Project, outDir: string, options: FormatOptions, ctx: FormatContext): Promise<void>;
