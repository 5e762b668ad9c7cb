/** slyconv's library API. */
export * from "./model/index.js";
export { Report } from "./report.js";
export { SlyconvError, UsageError } from "./errors.js";
export { FORMATS, FORMAT_ALIASES, findFormat } from "./registry.js";
export { detectFormat, readDataset, readProject, writeProject, importDataset, exportProject, writeDataset, convertDataset, } from "./api.js";
export { fnv1a32, shardOf, parseShardSpec, resolveShard, SHARD_MANIFEST_FILE } from "./shard.js";
export { mergeShards, MERGEABLE_FORMATS } from "./merge.js";
export { decodeBitmapData, encodeBitmapData, decodeAlphaMaskData, encodeAlphaMaskData, bitmapFromMask } from "./codecs/bitmap.js";
export { validateProject, CHECKS } from "./validate/index.js";
//# sourceMappingURL=index.js.map