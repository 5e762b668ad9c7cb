import path from "node:path";
import { FIXTURES, listFiles } from "../helpers/paths.js";
import type { ChildFuzzCase } from "./child-fuzz.js";

/** One fixture per reader for the extreme-value fuzzing in child processes (test/fuzz/child-fuzz.ts). */
export function extremeCases(): ChildFuzzCase[] {
  const at = (rel: string) => path.join(FIXTURES, rel);
  return [
    { format: "coco", fixture: at("coco/full"), targets: listFiles(at("coco/full")).filter((f) => /instances.*\.json$|\.png$/.test(f)) },
    { format: "supervisely", fixture: at("supervisely/canonical"), targets: listFiles(at("supervisely/canonical")) },
    { format: "voc", fixture: at("voc/devkit"), targets: listFiles(at("voc/devkit")) },
    { format: "yolo", fixture: at("yolo/segment"), targets: listFiles(at("yolo/segment")) },
    { format: "masks", fixture: at("masks/generic-index"), targets: listFiles(at("masks/generic-index")) },
    { format: "links", fixture: at("links/csv"), targets: listFiles(at("links/csv")) },
  ];
}
