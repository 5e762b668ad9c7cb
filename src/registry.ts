/**
 * The one list of format adapters. Adding a format = a folder in formats/ and a line here.
 *
 * Every CLI start loads this list, so a format's index.ts holds only its descriptor and options: detect, read and
 * write import their modules on first call. Loading every reader and writer up front (with yaml, fast-xml-parser,
 * pngjs, fast-glob) took about 300 ms, paid even by `slyconv --version`; test/cli/startup.test.ts keeps them out.
 */
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
