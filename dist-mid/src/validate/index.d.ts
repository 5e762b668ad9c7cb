import { Report } from "../report.js";
import { type Progress } from "../io/progress.js";
import { type ShardSpec } from "../shard.js";
export { CHECKS, type CheckCode } from "./codes.js";
export interface ValidateOptions {
    report?: Report;
    progress?: Progress;
    /** Items checked at once (file reads, image headers); default 16. */
    concurrency?: number;
    /** Only the items of this shard (docs/scale-out.md); the meta and the dataset folders are checked by every shard. */
    shard?: ShardSpec;
}
/**
 * Checks a Supervisely project. Findings go to `report` with paths relative to the project root (the folder holding
 * meta.json: `dir` itself, or its single sub-folder that has one). A missing folder is a usage error.
 */
export declare function validateProject(dir: string, opts?: ValidateOptions): Promise<{
    report: Report;
    items: number;
}>;
