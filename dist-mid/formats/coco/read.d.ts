import type { Project } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
/** Reads COCO JSON files (a file, or a folder holding one or more) into the project model. */
export declare function readCocoProject(input: string, options: FormatOptions, ctx: FormatContext): Promise<Project>;
