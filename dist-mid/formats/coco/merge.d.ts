import type { FormatContext, MergeFileOptions, ShardOutput } from "../../src/format.js";
export declare function mergeCocoShards(shards: readonly ShardOutput[], outDir: string, ctx: FormatContext, options?: MergeFileOptions): Promise<void>;
