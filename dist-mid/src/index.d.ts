/** slyconv's library API. */
export * from "./model/index.js";
export { Report, type Finding, type LossEntry, type Severity } from "./report.js";
export { SlyconvError, UsageError } from "./errors.js";
export type { FormatAdapter, FormatContext, DetectResult, OptionSpec } from "./format.js";
export { FORMATS, FORMAT_ALIASES, findFormat } from "./registry.js";
export { detectFormat, readDataset, readProject, writeProject, importDataset, exportProject, writeDataset, convertDataset, type ImportOptions, type ExportOptions, type WriteOptions, type ReadOptions, type ReadResult, type ConvertOptions, type RunOptions, type Detection, type DetectionCandidate, type ShardOptions, } from "./api.js";
export { fnv1a32, shardOf, parseShardSpec, resolveShard, SHARD_MANIFEST_FILE, type ShardSpec, type ShardManifest } from "./shard.js";
export { mergeShards, MERGEABLE_FORMATS, type MergeOptions, type MergeResult } from "./merge.js";
export type { FormatName, FormatAlias, FormatId, ReadOptionsByFormat, WriteOptionsByFormat, ReadOptionsOf, WriteOptionsOf, ReaderOptions, } from "./format-options.js";
export type { ImageMode } from "./supervisely/layout.js";
export type { ArchiveFormat } from "./io/archive-formats.js";
export { decodeBitmapData, encodeBitmapData, decodeAlphaMaskData, encodeAlphaMaskData, bitmapFromMask } from "./codecs/bitmap.js";
export type { BinaryMask, GrayMask } from "./codecs/mask.js";
export { validateProject, CHECKS, type CheckCode, type ValidateOptions } from "./validate/index.js";
