import type { FormatOptions, TagsWritten } from "../../src/format.js";
/** `slyconv import -f coco` options (the Supervisely writer adds --images). */
export declare const cocoImportOptions: readonly [{
    readonly flags: "--dataset <name>";
    readonly description: "coco: put every file into one dataset of this name (default: one dataset per split, e.g. val2017)";
}, {
    readonly flags: "--images-dir <dir>";
    readonly description: "coco: folder holding the images the JSON lists (default: found beside the annotations)";
}];
/** `slyconv export -f coco` options. */
export declare const cocoExportOptions: readonly [{
    readonly flags: "--images <mode>";
    readonly description: "how images get into the output: copy (the default; copy-on-write where the file system can), hardlink, symlink or none";
    readonly choices: readonly ["hardlink", "copy", "symlink", "none"];
}, {
    readonly flags: "--polygons";
    readonly description: "coco: write masks and polygons with holes as traced polygons instead of RLE (holes are dropped and counted)";
}, {
    readonly flags: "--caption-tag <name>";
    readonly description: "coco: image tag written to captions_<dataset>.json (default: caption)";
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
export interface CocoImportOptions {
    dataset?: string;
    imagesDir?: string;
    /** The Supervisely writer's --images: with "none" images are not looked for. */
    images?: string;
}
export interface CocoExportOptions {
    images: "hardlink" | "copy" | "symlink" | "none";
    polygons: boolean;
    captionTag: string;
}
export declare function importOptionsOf(o: FormatOptions): CocoImportOptions;
export declare function exportOptionsOf(o: FormatOptions): CocoExportOptions;
/** COCO keeps object tags (iscrowd, the annotation id, the rest as CVAT-style attributes); of image tags, captions. */
export declare function cocoTagsWritten(o: FormatOptions): TagsWritten;
