import { SKIP_OBJECT_OPTIONS } from "../../src/skip-objects.js";
// Here rather than in obb.ts, whose geometry imports (and pngjs) every CLI start would load for this list.
export const CORNER_ORDERS = ["cw", "ccw"];
export const YOLO_TASKS = ["detect", "segment", "pose", "obb"];
export const yoloImportOptions = [
    {
        flags: "--obb",
        description: "yolo: read lines of four corners (8 values) as oriented boxes (Ultralytics OBB datasets); without it they are 4-point polygons",
    },
    {
        flags: "--sizes-from <path>",
        description: "yolo: image sizes for label files without images: a folder of Pascal VOC XMLs, a COCO JSON, or a {name: [w, h]} JSON",
    },
    {
        flags: "--skip-bad-lines",
        description: "yolo: a malformed label line (bad class id, value count or number) is a counted warning and left out, as Ultralytics does, instead of an error",
    },
    {
        flags: "--image-size <WxH>",
        description: "yolo: size of every image that has no image file and no --sizes-from entry, e.g. 640x480",
    },
];
export const yoloExportOptions = [
    {
        flags: "--task <task>",
        description: "yolo: label kind to write: detect (boxes, default), segment (polygons), pose (keypoints), obb (oriented boxes)",
        choices: YOLO_TASKS,
    },
    {
        flags: "--split-tag <name>",
        description: "yolo: take each image's split from its tag <name> (the tag's value, or the tag name for a tag without value; untagged → train) instead of from datasets",
    },
    {
        flags: "--keep-placeholder-classes",
        description: "yolo: keep classes such as _background_ and __ignore__ in names (left out by default: they hold no objects)",
    },
    {
        flags: "--obb-order <order>",
        description: "yolo: corner order of OBB lines: cw (clockwise on screen, DOTA) or ccw (Ultralytics predictions); default: as imported, else cw",
        choices: CORNER_ORDERS,
    },
    {
        flags: "--images <mode>",
        description: "how images get into the output: copy (the default; copy-on-write where the file system can), hardlink, symlink or none",
        choices: ["hardlink", "copy", "symlink", "none"],
    },
    ...SKIP_OBJECT_OPTIONS,
];
/** YOLO label lines hold a class and coordinates: no tags, except the image tag --split-tag names (it picks the split). */
export function yoloTagsWritten(o) {
    const splitTag = typeof o.splitTag === "string" ? o.splitTag : undefined;
    return {
        image: (t) => t.name === splitTag || "YOLO has no image tags",
        object: () => "YOLO has no object tags",
    };
}
//# sourceMappingURL=options.js.map