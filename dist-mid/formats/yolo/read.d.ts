import type { Project } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
import { type SourceTree } from "./source-tree.js";
export interface YoloReadOptions {
    obb?: boolean;
    sizesFrom?: string;
    imageSize?: string;
    /** A bad label line is a warning (`yolo-label-skipped`, counted) and the line is left out, as Ultralytics does. */
    skipBadLines?: boolean;
}
export declare function yoloReadOptions(o: FormatOptions): YoloReadOptions;
/** The tree and the place to start from for an input: a folder, a data YAML or an obj.data file. */
export declare function openInput(input: string): Promise<{
    tree: SourceTree;
    start: string;
    configFile?: string;
}>;
export declare function readYolo(input: string, options: YoloReadOptions, ctx: FormatContext): Promise<Project>;
