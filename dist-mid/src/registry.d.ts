/**
 * The one list of format adapters. Adding a format = a folder in formats/ and a line here.
 *
 * Every CLI start loads this list, so a format's index.ts holds only its descriptor and options: detect, read and
 * write import their modules on first call. Loading every reader and writer up front (with yaml, fast-xml-parser,
 * pngjs, fast-glob) took about 300 ms, paid even by `slyconv --version`; test/cli/startup.test.ts keeps them out.
 */
import type { FormatAdapter } from "./format.js";
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
    supervisely: {
        read: typeof superviselyImportOptions;
        write: typeof superviselyWriteOptions;
    };
    coco: {
        read: typeof cocoImportOptions;
        write: typeof cocoExportOptions;
    };
    voc: {
        read: typeof vocImportOptions;
        write: typeof vocExportOptions;
    };
    yolo: {
        read: typeof yoloImportOptions;
        write: typeof yoloExportOptions;
    };
    masks: {
        read: typeof masksImportOptions;
        write: typeof masksExportOptions;
    };
    links: {
        read: typeof linksImportOptions;
        write: typeof linksExportOptions;
    };
}
export declare const FORMATS: readonly FormatAdapter[];
/**
 * Other names users type for a format (other tools' spellings), each for exactly one format. Matched ignoring
 * letter case, like the names themselves.
 */
export declare const FORMAT_ALIASES: {
    readonly sly: "supervisely";
    readonly pascal_voc: "voc";
    readonly "pascal-voc": "voc";
    readonly pascalvoc: "voc";
    readonly yolov5: "yolo";
    readonly yolov8: "yolo";
    readonly yolo11: "yolo";
    readonly ultralytics: "yolo";
    readonly darknet: "yolo";
};
export type FormatAlias = keyof typeof FORMAT_ALIASES;
/** The format of a name or an alias (any letter case), or undefined. */
export declare function findFormat(name: string): FormatAdapter | undefined;
