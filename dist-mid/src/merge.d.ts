import { Report } from "./report.js";
import { type ShardManifest } from "./shard.js";
import { type Progress } from "./io/progress.js";
/** Formats whose shard outputs merge joins: Supervisely here, the others through their adapter's `merge`. */
export declare const MERGEABLE_FORMATS: readonly string[];
export interface MergeOptions {
    force?: boolean;
    /** The format the shards were written in; checked against their manifests. */
    format?: string;
    report?: Report;
    progress?: Progress;
    /** Hardlink the shards' files into the output instead of copying them (`--link`). */
    link?: boolean;
}
export interface MergeResult {
    format: string;
    runId: string;
    shards: number;
    items: number;
    report: Report;
}
/** The shards in index order, checked to be all N shards of one run, each once. */
export declare function checkShardSet(dirs: readonly string[]): Promise<{
    dir: string;
    manifest: ShardManifest;
}[]>;
/** Joins shard outputs into `out` (written atomically, like every output). */
export declare function mergeShards(dirs: readonly string[], out: string, opts?: MergeOptions): Promise<MergeResult>;
