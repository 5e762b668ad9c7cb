import type { FormatAdapter } from "../../src/format.js";
import type { ImageFormat } from "./write.js";
import { vocExportOptions, vocImportOptions, vocTagsWritten } from "./options.js";

export const vocFormat: FormatAdapter = {
  name: "voc",
  title: "Pascal VOC",
  description: "Annotations/*.xml, JPEGImages/, SegmentationClass/ + SegmentationObject/ palette PNGs, ImageSets/ split lists (VOCdevkit/VOC20xx or a plain folder)",
  readsShapes: ["rectangle", "bitmap"],
  writesShapes: ["rectangle", "bitmap"],
  importOptions: vocImportOptions,
  exportOptions: vocExportOptions,
  writesTags: () => vocTagsWritten,
  // Boxes are labels' extents, and the masks are drawn from outlines copied once as numbers (write-masks.ts): the
  // reader need not build outlines as points (its lazy polygons, src/geometry/extent.ts, make them only if read).
  geometryNeeded: (options) => (options.boxesOnly === true ? "extent" : "flat"),
  // Loaded on first call so that the CLI starts without them (src/registry.ts).
  detect: async (input) => (await import("./detect.js")).detectVoc(input),
  read: async (input, options, ctx) => (await import("./read.js")).readVocProject(input, options, ctx),
  write: async (project, outDir, options, ctx) => {
    await (await import("./write.js")).writeVocProject(project, outDir, { imageFormat: options.imageFormat as ImageFormat | undefined, boxesOnly: options.boxesOnly === true }, ctx);
  },
  merge: async (shards, outDir, ctx, options) => (await import("./merge.js")).mergeVocShards(shards, outDir, ctx, options),
  mergeMeta: async (states) => (await import("./read-meta.js")).mergeVocMeta(states),
};
