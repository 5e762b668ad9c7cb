/**
 * Each format's options, for the library: one type per format and direction, derived from the option declarations
 * the CLI is built from (formats/<name>/options.ts), so the types, the run-time check and the flags cannot drift.
 * A flag's key is its camelCase long name, as commander makes it: `--images-dir <dir>` is `imagesDir?: string`,
 * `--polygons` is `polygons?: boolean`, `--task <task>` with choices is `task?: "detect" | "segment" | …`,
 * `--no-skip-crowd` is `skipCrowd: false`.
 */
import type { OptionSpec } from "./format.js";
import type { ImageMode } from "./supervisely/layout.js";
import type { FORMAT_ALIASES, FormatOptionSpecs } from "./registry.js";
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type LongName<F extends string> = F extends `${string}--${infer Rest}` ? (Rest extends `${infer N} ${string}` ? N : Rest) : never;
type WithoutNo<N extends string> = N extends `no-${infer R}` ? R : N;
/** The option key of a commander flag string: "--images-dir <dir>" → "imagesDir", "--no-skip-crowd" → "skipCrowd". */
export type OptionKey<F extends string> = Camel<WithoutNo<LongName<F>>>;
type NumberOf<C> = C extends `${infer N extends number}` ? N : never;
type ValueOf<S extends OptionSpec> = S extends {
    choices: readonly (infer C extends string)[];
} ? C | NumberOf<C> : S["flags"] extends `${string}<${"n" | "ms"}>` ? number | string : S["flags"] extends `${string}<${string}>` ? string : boolean;
type Declared<Specs extends readonly OptionSpec[]> = {
    [S in Specs[number] as OptionKey<S["flags"]>]?: ValueOf<S>;
};
/** No options: no key at all (an empty object type would take any key). */
export type NoOptions = {
    [key: string]: never;
};
/** The options object of a list of declarations: every key optional, typed by its flag. */
export type OptionsOf<Specs extends readonly OptionSpec[]> = [Specs[number]] extends [never] ? NoOptions : Declared<Specs>;
/**
 * What every reader also takes: the import's `images` mode (the Supervisely writer's option, which importDataset
 * passes on; with "none" the COCO reader does not look for the images).
 */
export interface ReaderOptions {
    images?: ImageMode;
}
/** The keys every reader takes besides its own. */
export declare const READER_OPTION_KEYS: readonly string[];
type ReadOptionsFrom<Specs extends readonly OptionSpec[]> = Declared<Specs> & ReaderOptions;
/** What each format's reader takes (`importDataset`, `readDataset`, `convertDataset` `formatOptions`). */
export interface ReadOptionsByFormat {
    supervisely: ReadOptionsFrom<FormatOptionSpecs["supervisely"]["read"]>;
    coco: ReadOptionsFrom<FormatOptionSpecs["coco"]["read"]>;
    voc: ReadOptionsFrom<FormatOptionSpecs["voc"]["read"]>;
    yolo: ReadOptionsFrom<FormatOptionSpecs["yolo"]["read"]>;
    masks: ReadOptionsFrom<FormatOptionSpecs["masks"]["read"]>;
    links: ReadOptionsFrom<FormatOptionSpecs["links"]["read"]>;
}
/** What each format's writer takes (`exportProject`, `writeDataset`, `convertDataset` `formatOptions`). */
export interface WriteOptionsByFormat {
    supervisely: OptionsOf<FormatOptionSpecs["supervisely"]["write"]>;
    coco: OptionsOf<FormatOptionSpecs["coco"]["write"]>;
    voc: OptionsOf<FormatOptionSpecs["voc"]["write"]>;
    yolo: OptionsOf<FormatOptionSpecs["yolo"]["write"]>;
    masks: OptionsOf<FormatOptionSpecs["masks"]["write"]>;
    links: OptionsOf<FormatOptionSpecs["links"]["write"]>;
}
/** A format's name. */
export type FormatName = keyof ReadOptionsByFormat & keyof WriteOptionsByFormat;
export type { FormatAlias } from "./registry.js";
import type { FormatAlias } from "./registry.js";
/** A format's name or one of its aliases (`pascal_voc`, `yolov8`, …), as `format`, `from` and `to` take them. */
export type FormatId = FormatName | FormatAlias;
type Canonical<F extends FormatId> = F extends FormatAlias ? (typeof FORMAT_ALIASES)[F] : F;
export type ReadOptionsOf<F extends FormatId> = ReadOptionsByFormat[Canonical<F> & FormatName];
export type WriteOptionsOf<F extends FormatId> = WriteOptionsByFormat[Canonical<F> & FormatName];
/** The run-time key of a declared flag (the same rule as the OptionKey type, and as commander's attribute names). */
export declare function optionKeyOf(flags: string): string;
/** The keys a list of declarations accepts, in declaration order, each once. */
export declare function optionKeysOf(specs?: readonly OptionSpec[]): string[];
/**
 * Refuses a key no declaration knows, naming the known ones: a misspelt key (`taks`) would otherwise be ignored
 * silently. Undefined values are not options.
 */
export declare function refuseUnknownOptions(options: Record<string, unknown> | undefined, known: readonly string[], what: string): void;
