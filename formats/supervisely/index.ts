import type { FormatAdapter } from "../../src/format.js";
import { SHAPES_2D } from "../../src/model/index.js";
import { detectSupervisely } from "./detect.js";
import { readSuperviselyProject } from "./read.js";
import { writeSuperviselyProject, type ImageMode } from "./write.js";
import { superviselyImportOptions, superviselyWriteOptions } from "./options.js";

export const superviselyFormat: FormatAdapter = {
  name: "supervisely",
  title: "Supervisely project",
  description: "meta.json plus datasets with img/, ann/, img_info/, meta/ and nested datasets/",
  readsShapes: SHAPES_2D,
  writesShapes: SHAPES_2D,
  importOptions: superviselyImportOptions,
  exportOptions: superviselyWriteOptions,
  detect: detectSupervisely,
  read: (input, _options, ctx) => readSuperviselyProject(input, ctx),
  write: async (project, outDir, options, ctx) => {
    await writeSuperviselyProject(project, outDir, { images: options.images as ImageMode | undefined }, ctx);
  },
};

export { readSuperviselyProject, writeSuperviselyProject };
export { annotationFromJson, annotationToJson, metaFromJson, metaToJson, labelFromJson, labelToJson } from "./json-model.js";
