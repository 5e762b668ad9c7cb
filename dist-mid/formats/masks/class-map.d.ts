export type Rgb = [number, number, number];
export interface MapClass {
    title: string;
    /** Gray levels or palette indices that mean this class (index masks). */
    values: number[];
    /** Colours that mean this class (colour masks). A gray colour [v,v,v] also lands in `values`. */
    colors: Rgb[];
    /** "__all__": every value that is not background, ignore, or another class's. */
    all: boolean;
    /** Colour for meta.json (from a colour map), when the file gives one. */
    displayColor?: Rgb;
}
export interface ClassMap {
    /** The file it came from, for messages. */
    source: string;
    classes: MapClass[];
    /** Values/colours named as background (`_background_`, `background`, `bg`, …). */
    backgroundValues: number[];
    backgroundColors: Rgb[];
    /** Values/colours named as ignore (`__ignore__`, `ignore`, `void`). */
    ignoreValues: number[];
    ignoreColors: Rgb[];
    /** True when some class is given by a colour whose channels differ: masks are then matched by RGB. */
    colourMode: boolean;
}
/** Class list files found at the root of a generic layout, in order of preference. */
export declare const CLASS_LIST_FILES: string[];
export declare const MACHINE_COLOR_FILE = "obj_class_to_machine_color.json";
export declare const SEMANTIC_COLOR_FILE = "obj_class_to_semantic_color.json";
export declare const isBackgroundName: (s: string) => boolean;
export declare const isIgnoreName: (s: string) => boolean;
export declare const packRgb: ([r, g, b]: readonly number[]) => number;
export declare const unpackRgb: (k: number) => Rgb;
/** A JSON class map: `{class: int | [ints] | [r,g,b] | "#RRGGBB" | "__all__"}`, or a list of names (index = position). */
export declare function classMapFromJson(raw: unknown, source: string, machine?: boolean): ClassMap;
/**
 * A text class file: CVAT labelmap lines (`name:r,g,b:parts:actions`) give colours; otherwise line i (comments
 * and trailing blank lines aside) names class index i. A first line `__ignore__` is labelme's labels.txt
 * convention (index -1), so the next line is index 0.
 */
export declare function classMapFromText(text: string, source: string): ClassMap;
export declare function loadClassMapFile(file: string, display?: string): Promise<ClassMap>;
/** `{class: [r,g,b]}` colours (obj_class_to_semantic_color.json) for meta.json; unreadable entries are skipped. */
export declare function semanticColorsFromJson(raw: unknown): Map<string, Rgb>;
/**
 * Mask value → class lookup built from a class map and the background/ignore rules:
 * index masks: background 0 unless a class claims 0; `ignoreValue` (255 by default) unless a class claims it.
 * Colour masks: background black unless a class claims black.
 */
export declare class MaskClassifier {
    /** Class number (1-based into `classes`) per key; 0 = background or ignore. */
    private readonly byKey;
    private readonly silent;
    private readonly allClass;
    readonly classes: MapClass[];
    readonly colourMode: boolean;
    constructor(map: ClassMap, ignoreValue: number | null);
    /**
     * Classifies a whole mask into `out` (1-based class numbers, 0 for background/ignore), counting unclaimed keys
     * in `unknown`. Masks are long runs of one value, so the last key's answer is reused.
     */
    classifyAll(keys: Uint8Array | Uint32Array, out: Uint16Array, unknown: Map<number, number>, skip: number): void;
    /** 1-based class number, 0 for background/ignore, -1 for a value no class claims. */
    classify(key: number): number;
}
