import type { Project } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
export declare function readLinksProject(input: string, options: FormatOptions, ctx: FormatContext): Promise<Project>;
