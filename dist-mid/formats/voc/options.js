import { SKIP_OBJECT_OPTIONS } from "../../src/skip-objects.js";
// The names of formats/voc/tags.ts (PART_OF_TAG, IMAGE_SETS_TAG), here so that the descriptor loads nothing else.
const PART_OF = "part_of";
const IMAGE_SETS = "voc_image_sets";
/**
 * VOC export keeps every object tag (standard elements, other elements or CVAT attributes) except on part
 * rectangles, which hold a name and a box; of image tags only the split-list membership.
 */
export const vocTagsWritten = {
    image: (t) => t.name === IMAGE_SETS || "VOC has no image-level tags",
    object: (t, l) => t.name === PART_OF || l.geometry.type !== "rectangle" || !l.tags.some((x) => x.name === PART_OF) || "VOC parts hold a name and a box only",
};
export const vocImportOptions = [];
export const vocExportOptions = [
    {
        flags: "--image-format <format>",
        description: "VOC export: keep images as they are, or jpg to re-encode non-JPEG images into JPEGImages/*.jpg",
        choices: ["keep", "jpg"],
    },
    {
        flags: "--boxes-only",
        description: "VOC export: boxes only (detection): Annotations and ImageSets/Main, no SegmentationClass / SegmentationObject masks; polygons and masks become their objects' boxes",
    },
    ...SKIP_OBJECT_OPTIONS,
];
//# sourceMappingURL=options.js.map