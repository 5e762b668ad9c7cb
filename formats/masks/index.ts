import type { FormatAdapter } from "../../src/format.js";
import { detectMasks } from "./detect.js";
import { readMasksProject } from "./read.js";
import { writeMasksProject } from "./write.js";
import { masksExportOptions, masksImportOptions } from "./options.js";

export const masksFormat: FormatAdapter = {
  name: "masks",
  title: "PNG masks",
  description: "semantic masks (class index or colour PNGs) and instance masks paired with images by file stem; Supervisely's export-as-masks layout",
  readsShapes: ["bitmap"],
  // Everything with an area is rasterised; points and lines become 1-pixel strokes.
  writesShapes: ["bitmap", "alpha_mask", "polygon", "multipolygon", "rectangle", "oriented_bbox", "cuboid", "cuboid_2d", "line", "point"],
  importOptions: masksImportOptions,
  exportOptions: masksExportOptions,
  detect: detectMasks,
  read: (input, options, ctx) => readMasksProject(input, options, ctx),
  write: async (project, outDir, options, ctx) => {
    await writeMasksProject(project, outDir, options, ctx);
  },
};

export { readMasksProject, writeMasksProject };
