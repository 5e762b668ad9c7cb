import type { Project } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
/** A shard's record of each item's mask stem (sidecar masks.ndjson): merge names the masks as the single run does. */
export type MasksShardLine = [position: number, datasetDir: string, name: string, stem: string];
export declare function writeMasksProject(project: Project, outDir: string, options: FormatOptions, ctx: FormatContext): Promise<{
    items: number;
}>;
