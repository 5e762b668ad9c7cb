import type { Item, Project } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
/** RFC 4180 quoting when a field needs it. */
export declare function csvField(value: string): string;
export declare function linkOf(item: Item): string | undefined;
export declare function writeLinksProject(project: Project, outDir: string, options: FormatOptions, ctx: FormatContext): Promise<{
    items: number;
}>;
