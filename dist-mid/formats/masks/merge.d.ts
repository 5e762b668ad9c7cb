import type { FormatContext, MergeFileOptions, ShardOutput } from "../../src/format.js";
export declare function mergeMasksShards(shards: readonly ShardOutput[], outDir: string, ctx: FormatContext, options?: MergeFileOptions): Promise<void>;
