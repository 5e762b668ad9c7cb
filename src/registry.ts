/**
 * The one list of format adapters. Adding a format = a folder in formats/ and a line here.
 *
 * Every CLI start loads this list, so a format's index.ts holds only its descriptor and options: detect, read and
 * write import their modules on first call. Loading every reader and writer up front (with yaml, fast-xml-parser,
 * pngjs, fast-glob) took about 300 ms, paid even by `slyconv --version`; test/cli/startup.test.ts keeps them out.
 */
import type { FormatAdapter } from "./format.js";
import type { ProjectMeta } from "./model/meta.js";
import { superviselyFormat } from "../formats/supervisely/index.js";
import { cocoFormat } from "../formats/coco/index.js";
import { vocFormat } from "../formats/voc/index.js";
import { yoloFormat } from "../formats/yolo/index.js";
import { masksFormat } from "../formats/masks/index.js";
import { linksFormat } from "../formats/links/index.js";
import type { superviselyImportOptions, superviselyWriteOptions } from "../formats/supervisely/options.js";
import type { cocoImportOptions, cocoExportOptions } from "../formats/coco/options.js";
import type { vocImportOptions, vocExportOptions } from "../formats/voc/options.js";
import type { yoloImportOptions, yoloExportOptions } from "../formats/yolo/options.js";
import type { masksImportOptions, masksExportOptions } from "../formats/masks/options.js";
import type { linksImportOptions, linksExportOptions } from "../formats/links/options.js";

/**
 * Each format's option declarations with their literal types, by direction: the library's option types are derived
 * from them (src/format-options.ts), as the CLI's flags are.
 */
export interface FormatOptionSpecs {
  supervisely: { read: typeof superviselyImportOptions; write: typeof superviselyWriteOptions };
  coco: { read: typeof cocoImportOptions; write: typeof cocoExportOptions };
  voc: { read: typeof vocImportOptions; write: typeof vocExportOptions };
  yolo: { read: typeof yoloImportOptions; write: typeof yoloExportOptions };
  masks: { read: typeof masksImportOptions; write: typeof masksExportOptions };
  links: { read: typeof linksImportOptions; write: typeof linksExportOptions };
}

export const FORMATS: readonly FormatAdapter[] = [
  superviselyFormat,
  cocoFormat,
  vocFormat,
  yoloFormat,
  masksFormat,
  linksFormat,
];

/**
 * Other names users type for a format (other tools' spellings), each for exactly one format. Matched ignoring
 * letter case, like the names themselves.
 */
export const FORMAT_ALIASES = {
  sly: "supervisely",
  pascal_voc: "voc",
  "pascal-voc": "voc",
  pascalvoc: "voc",
  yolov5: "yolo",
  yolov8: "yolo",
  yolo11: "yolo",
  ultralytics: "yolo",
  darknet: "yolo",
} as const;

export type FormatAlias = keyof typeof FORMAT_ALIASES;

/** meta.json's value for a project meta, as the Supervisely writer writes it (merge writes a meta made again). */
export async function superviselyMetaJson(meta: ProjectMeta): Promise<unknown> {
  return (await import("../formats/supervisely/json-model.js")).metaToJson(meta);
}

/** The format of a name or an alias (any letter case), or undefined. */
export function findFormat(name: string): FormatAdapter | undefined {
  const key = name.toLowerCase();
  const canonical = (FORMAT_ALIASES as Record<string, string>)[key] ?? key;
  return FORMATS.find((f) => f.name === canonical);
}
