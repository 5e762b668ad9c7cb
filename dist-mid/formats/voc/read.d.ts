import type { Project } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
/** Binding key shared by the labels of one XML object (its box, its parts, its mask): Supervisely's `instance`. */
export declare const objectBindingKey: (index: number) => string;
export declare function readVocProject(input: string, _options: FormatOptions, ctx: FormatContext): Promise<Project>;
