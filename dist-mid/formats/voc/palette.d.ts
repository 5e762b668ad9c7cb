export type Rgb = [number, number, number];
/** Mask value 0: no object. */
export declare const BACKGROUND_INDEX = 0;
/** Mask value 255: VOC's "void" (object boundaries and regions left unlabelled); never a class. */
export declare const VOID_INDEX = 255;
/**
 * The VOC devkit colour map (`VOClabelcolormap.m`): the bits of the index spread over the top bits of r, g and b.
 * Index 0 is black, 255 is (224, 224, 192); every index has its own colour.
 */
export declare function vocColor(index: number): Rgb;
export declare const VOC_COLORMAP: readonly Rgb[];
export declare const packRgb: (r: number, g: number, b: number) => number;
/** The VOC colour-map index of a colour, or undefined. */
export declare function vocColormapIndex(rgb: readonly number[]): number | undefined;
/** The 20 VOC classes, index 1..20 (index 0 is background). */
export declare const VOC_CLASSES: readonly ["aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor"];
/** Standard VOC colour of a VOC class name (so a detection-only import still shows VOC colours). */
export declare function standardVocColor(name: string): Rgb | undefined;
export declare function isBackgroundName(name: string): boolean;
/** What a mask value stands for. */
export type MaskMeaning = {
    kind: "background";
} | {
    kind: "void";
} | {
    kind: "class";
    name: string;
    color: Rgb;
} | {
    kind: "unknown";
};
/**
 * A class table. `byColor` tables (labelmap.txt, colors.txt) name classes by colour, whatever index a PNG stores;
 * `byIndex` tables (class_names.txt, the standard VOC list) name classes by the stored index, as training code
 * reads VOC masks. Each PNG is resolved value by value through `meaningOf`.
 */
export interface ClassTable {
    source: string;
    kind: "byColor" | "byIndex";
    /** Class names in their declared order (for the order of classes in meta.json). */
    declared: string[];
    /** byColor: packed rgb → class name. */
    colors: Map<number, string>;
    /** byIndex: index → class name. */
    names: Map<number, string>;
    /** Colours given by the table for its classes (labelmap/colors.txt), used for classes that only have boxes. */
    declaredColors: Map<string, Rgb>;
}
/**
 * The meaning of one mask value. `index` is the stored value (palette index or gray value; undefined for RGB masks),
 * `color` the colour it shows (the palette entry, or the pixel of an RGB mask; undefined for gray masks).
 */
export declare function meaningOf(table: ClassTable, index: number | undefined, color: Rgb | undefined): MaskMeaning;
export declare function standardVocTable(): ClassTable;
/** A problem in a class-table file, with its line. */
export interface TableIssue {
    file: string;
    line: number;
    message: string;
}
/** `# label:color_rgb:parts:actions` then `name:r,g,b:part1,part2:action1,action2` (CVAT, Datumaro). */
export declare function parseLabelmap(text: string, file: string, issues: TableIssue[]): ClassTable;
/** Supervisely's VOC export: `<name (may contain spaces)> R G B` per line. */
export declare function parseColorsTxt(text: string, file: string, issues: TableIssue[]): ClassTable;
/** labelme's `class_names.txt`: the class of index i on line i + 1 (`_background_` first). */
export declare function parseClassNames(text: string, file: string): ClassTable;
export declare const CLASS_TABLE_FILES: readonly ["labelmap.txt", "colors.txt", "class_names.txt"];
/** The class table of a VOC folder: the first of labelmap.txt, colors.txt, class_names.txt, else standard VOC. */
export declare function readClassTable(vocDir: string, issues: TableIssue[]): Promise<ClassTable>;
/** One line of labelmap.txt for a class. */
export declare function labelmapLine(name: string, rgb: Rgb, parts: string[], actions: string[]): string;
