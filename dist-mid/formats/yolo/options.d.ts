import type { FormatOptions, TagsWritten } from "../../src/format.js";
import type { CornerOrder } from "./obb.js";
export declare const CORNER_ORDERS: readonly CornerOrder[];
export declare const YOLO_TASKS: readonly ["detect", "segment", "pose", "obb"];
export type YoloTask = (typeof YOLO_TASKS)[number];
export declare const yoloImportOptions: readonly [{
    readonly flags: "--obb";
    readonly description: "yolo: read lines of four corners (8 values) as oriented boxes (Ultralytics OBB datasets); without it they are 4-point polygons";
}, {
    readonly flags: "--sizes-from <path>";
    readonly description: "yolo: image sizes for label files without images: a folder of Pascal VOC XMLs, a COCO JSON, or a {name: [w, h]} JSON";
}, {
    readonly flags: "--skip-bad-lines";
    readonly description: "yolo: a malformed label line (bad class id, value count or number) is a counted warning and left out, as Ultralytics does, instead of an error";
}, {
    readonly flags: "--image-size <WxH>";
    readonly description: "yolo: size of every image that has no image file and no --sizes-from entry, e.g. 640x480";
}];
export declare const yoloExportOptions: readonly [{
    readonly flags: "--task <task>";
    readonly description: "yolo: label kind to write: detect (boxes, default), segment (polygons), pose (keypoints), obb (oriented boxes)";
    readonly choices: readonly ["detect", "segment", "pose", "obb"];
}, {
    readonly flags: "--split-tag <name>";
    readonly description: "yolo: take each image's split from its tag <name> (the tag's value, or the tag name for a tag without value; untagged → train) instead of from datasets";
}, {
    readonly flags: "--keep-placeholder-classes";
    readonly description: "yolo: keep classes such as _background_ and __ignore__ in names (left out by default: they hold no objects)";
}, {
    readonly flags: "--obb-order <order>";
    readonly description: "yolo: corner order of OBB lines: cw (clockwise on screen, DOTA) or ccw (Ultralytics predictions); default: as imported, else cw";
    readonly choices: readonly CornerOrder[];
}, {
    readonly flags: "--images <mode>";
    readonly description: "how images get into the output: copy (the default; copy-on-write where the file system can), hardlink, symlink or none";
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
/** YOLO label lines hold a class and coordinates: no tags, except the image tag --split-tag names (it picks the split). */
export declare function yoloTagsWritten(o: FormatOptions): TagsWritten;
