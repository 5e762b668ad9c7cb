import type { FormatContext, MergeFileOptions, ShardOutput } from "../../src/format.js";
export declare function mergeVocShards(shards: readonly ShardOutput[], outDir: string, ctx: FormatContext, options?: MergeFileOptions): Promise<void>;
