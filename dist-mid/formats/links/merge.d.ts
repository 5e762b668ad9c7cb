import type { FormatContext, MergeFileOptions, ShardOutput } from "../../src/format.js";
export declare function mergeLinksShards(shards: readonly ShardOutput[], outDir: string, ctx: FormatContext, _options?: MergeFileOptions): Promise<void>;
