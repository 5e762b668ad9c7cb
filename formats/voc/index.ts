import type { FormatAdapter } from "../../src/format.js";
import { detectVoc } from "./detect.js";
import { readVocProject } from "./read.js";
import { writeVocProject, type ImageFormat } from "./write.js";
import { vocExportOptions, vocImportOptions } from "./options.js";

export const vocFormat: FormatAdapter = {
  name: "voc",
  title: "Pascal VOC",
  description: "Annotations/*.xml, JPEGImages/, SegmentationClass/ + SegmentationObject/ palette PNGs, ImageSets/ split lists (VOCdevkit/VOC20xx or a plain folder)",
  readsShapes: ["rectangle", "bitmap"],
  writesShapes: ["rectangle", "bitmap"],
  importOptions: vocImportOptions,
  exportOptions: vocExportOptions,
  detect: detectVoc,
  read: readVocProject,
  write: async (project, outDir, options, ctx) => {
    await writeVocProject(project, outDir, { imageFormat: options.imageFormat as ImageFormat | undefined }, ctx);
  },
};

export { readVocProject, writeVocProject };
