import { UsageError, optionName } from "../../src/errors.js";
import { SKIP_OBJECT_OPTIONS } from "../../src/skip-objects.js";
/** `slyconv import -f coco` options (the Supervisely writer adds --images). */
export const cocoImportOptions = [
    { flags: "--dataset <name>", description: "coco: put every file into one dataset of this name (default: one dataset per split, e.g. val2017)" },
    { flags: "--images-dir <dir>", description: "coco: folder holding the images the JSON lists (default: found beside the annotations)" },
];
/** `slyconv export -f coco` options. */
export const cocoExportOptions = [
    {
        flags: "--images <mode>",
        description: "how images get into the output: copy (the default; copy-on-write where the file system can), hardlink, symlink or none",
        choices: ["hardlink", "copy", "symlink", "none"],
    },
    { flags: "--polygons", description: "coco: write masks and polygons with holes as traced polygons instead of RLE (holes are dropped and counted)" },
    { flags: "--caption-tag <name>", description: "coco: image tag written to captions_<dataset>.json (default: caption)" },
    ...SKIP_OBJECT_OPTIONS,
];
const str = (v, flag) => {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== "string")
        throw new UsageError(`${flag} needs a value`);
    return v;
};
export function importOptionsOf(o) {
    const dataset = str(o.dataset, optionName("dataset"));
    if (dataset !== undefined && dataset.trim() === "")
        throw new UsageError(`${optionName("dataset")} needs a non-empty name`);
    return { dataset, imagesDir: str(o.imagesDir, optionName("imagesDir")), images: str(o.images, optionName("images")) };
}
export function exportOptionsOf(o) {
    const images = (str(o.images, optionName("images")) ?? "copy");
    if (!["hardlink", "copy", "symlink", "none"].includes(images))
        throw new UsageError(`${optionName("images")} must be hardlink, copy, symlink or none, not ${JSON.stringify(images)}`);
    const captionTag = str(o.captionTag, optionName("captionTag")) ?? "caption";
    return { images, polygons: Boolean(o.polygons), captionTag };
}
/** COCO keeps object tags (iscrowd, the annotation id, the rest as CVAT-style attributes); of image tags, captions. */
export function cocoTagsWritten(o) {
    const captionTag = exportOptionsOf(o).captionTag;
    return {
        image: (t) => (t.name === captionTag && typeof t.value === "string") || `COCO images have no tags (only captions, see ${optionName("captionTag")})`,
        object: () => true,
    };
}
//# sourceMappingURL=options.js.map