import type { FormatOptions, TagsWritten } from "../../src/format.js";
import type { Connectivity } from "./regions.js";
export declare const masksImportOptions: readonly [{
    readonly flags: "--class-map <file>";
    readonly description: "masks: class list (.txt, line i = index i), CVAT labelmap.txt, or JSON {class: index | [r,g,b] | \"#RRGGBB\"}";
}, {
    readonly flags: "--split-instances";
    readonly description: "masks: split each class of a semantic mask into connected components";
}, {
    readonly flags: "--connectivity <n>";
    readonly description: "masks: pixel connectivity for --split-instances";
    readonly choices: readonly ["4", "8"];
}, {
    readonly flags: "--ignore-value <n>";
    readonly description: "masks: index mask value that is neither background nor a class (default 255; 'none')";
}];
export declare const masksExportOptions: readonly [{
    readonly flags: "--class-map <file>";
    readonly description: "masks: class list (.txt, line i = index i), CVAT labelmap.txt, or JSON {class: index | [r,g,b] | \"#RRGGBB\"}";
}, {
    readonly flags: "--overlay";
    readonly description: "masks: also write masks_human/ (image and 50% colour overlay side by side)";
}, {
    readonly flags: "--images <mode>";
    readonly description: "how images get into the output: hardlink (falls back to copy), copy, symlink or none";
    readonly choices: readonly ["hardlink", "copy", "symlink", "none"];
}, {
    readonly flags: "--skip-crowd";
    readonly description: "leave out crowd objects (tag iscrowd) and count them; default for yolo";
}, {
    readonly flags: "--no-skip-crowd";
    readonly description: "write crowd objects; default for voc, coco, masks";
}, {
    readonly flags: "--skip-difficult";
    readonly description: "leave out difficult objects (tag difficult = 1) and count them; default for yolo";
}, {
    readonly flags: "--no-skip-difficult";
    readonly description: "write difficult objects; default for voc, coco, masks";
}];
export interface MasksImportOptions {
    classMap?: string;
    splitInstances: boolean;
    connectivity: Connectivity;
    /** Null: no ignore value. */
    ignoreValue: number | null;
}
export interface MasksExportOptions {
    classMap?: string;
    overlay: boolean;
    images: "hardlink" | "copy" | "symlink" | "none";
}
export declare function parseMasksImportOptions(o: FormatOptions): MasksImportOptions;
export declare function parseMasksExportOptions(o: FormatOptions): MasksExportOptions;
export declare const masksTagsWritten: TagsWritten;
