import type { FormatAdapter } from "../../src/format.js";
import { detectCoco } from "./detect.js";
import { readCocoProject } from "./read.js";
import { writeCocoProject } from "./write.js";
import { cocoExportOptions, cocoImportOptions } from "./options.js";

export const cocoFormat: FormatAdapter = {
  name: "coco",
  title: "COCO",
  description: "COCO JSON (instances, person_keypoints, captions) with an images folder; RLE masks pixel-exact",
  readsShapes: ["polygon", "bitmap", "rectangle", "graph"],
  writesShapes: ["polygon", "multipolygon", "bitmap", "rectangle", "graph"],
  importOptions: cocoImportOptions,
  exportOptions: cocoExportOptions,
  detect: detectCoco,
  read: readCocoProject,
  write: writeCocoProject,
};

export { readCocoProject, writeCocoProject };
