/** The one list of format adapters. Adding a format = a folder in formats/ and a line here. */
import type { FormatAdapter } from "./format.js";
import { superviselyFormat } from "../formats/supervisely/index.js";
import { cocoFormat } from "../formats/coco/index.js";
import { vocFormat } from "../formats/voc/index.js";
import { yoloFormat } from "../formats/yolo/index.js";
import { masksFormat } from "../formats/masks/index.js";
import { linksFormat } from "../formats/links/index.js";

export const FORMATS: readonly FormatAdapter[] = [
  superviselyFormat,
  cocoFormat,
  vocFormat,
  yoloFormat,
  masksFormat,
  linksFormat,
];

export function findFormat(name: string): FormatAdapter | undefined {
  return FORMATS.find((f) => f.name === name.toLowerCase());
}
