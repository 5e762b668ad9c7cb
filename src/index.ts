/** slyconv's library API. */
export * from "./model/index.js";
export { Report, type Finding, type LossEntry, type Severity } from "./report.js";
export { SlyconvError, UsageError } from "./errors.js";
export type { FormatAdapter, FormatContext, DetectResult, OptionSpec } from "./format.js";
export { FORMATS, findFormat } from "./registry.js";
export {
  detectFormat, readDataset, readProject, writeProject, importDataset, exportProject, writeDataset, convertDataset,
  type ImportOptions, type ExportOptions, type WriteOptions, type Detection,
} from "./api.js";
export { decodeBitmapData, encodeBitmapData, decodeAlphaMaskData, encodeAlphaMaskData, bitmapFromMask } from "./codecs/bitmap.js";
export type { BinaryMask, GrayMask } from "./codecs/mask.js";
export { validateProject, CHECKS, type CheckCode, type ValidateOptions } from "./validate/index.js";
