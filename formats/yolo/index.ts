import type { FormatAdapter } from "../../src/format.js";
import { detectYolo } from "./detect.js";
import { readYolo, yoloReadOptions } from "./read.js";
import { writeYolo, yoloWriteOptions } from "./write.js";
import { yoloExportOptions, yoloImportOptions } from "./options.js";

export const yoloFormat: FormatAdapter = {
  name: "yolo",
  title: "YOLO (Ultralytics / Darknet)",
  description: "data.yaml or obj.data + images/ and labels/*.txt: detect boxes, segment polygons, pose keypoints, OBB (folders; archives are extracted first)",
  readsShapes: ["rectangle", "polygon", "graph", "oriented_bbox"],
  writesShapes: ["rectangle", "polygon", "graph", "oriented_bbox"],
  importOptions: yoloImportOptions,
  exportOptions: yoloExportOptions,
  detect: detectYolo,
  read: (input, options, ctx) => readYolo(input, yoloReadOptions(options), ctx),
  write: async (project, outDir, options, ctx) => {
    await writeYolo(project, outDir, yoloWriteOptions(options), ctx);
  },
};

export { readYolo, writeYolo };
