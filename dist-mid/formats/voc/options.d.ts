import type { TagsWritten } from "../../src/format.js";
/**
 * VOC export keeps every object tag (standard elements, other elements or CVAT attributes) except on part
 * rectangles, which hold a name and a box; of image tags only the split-list membership.
 */
export declare const vocTagsWritten: TagsWritten;
export declare const vocImportOptions: readonly [];
export declare const vocExportOptions: readonly [{
    readonly flags: "--image-format <format>";
    readonly description: "VOC export: keep images as they are, or jpg to re-encode non-JPEG images into JPEGImages/*.jpg";
    readonly choices: readonly ["keep", "jpg"];
}, {
    readonly flags: "--boxes-only";
    readonly description: "VOC export: boxes only (detection): Annotations and ImageSets/Main, no SegmentationClass / SegmentationObject masks; polygons and masks become their objects' boxes";
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
