import { superviselyFormat } from "../formats/supervisely/index.js";
import { cocoFormat } from "../formats/coco/index.js";
import { vocFormat } from "../formats/voc/index.js";
import { yoloFormat } from "../formats/yolo/index.js";
import { masksFormat } from "../formats/masks/index.js";
import { linksFormat } from "../formats/links/index.js";
export const FORMATS = [
    superviselyFormat,
    cocoFormat,
    vocFormat,
    yoloFormat,
    masksFormat,
    linksFormat,
];
/**
 * Other names users type for a format (other tools' spellings), each for exactly one format. Matched ignoring
 * letter case, like the names themselves.
 */
export const FORMAT_ALIASES = {
    sly: "supervisely",
    pascal_voc: "voc",
    "pascal-voc": "voc",
    pascalvoc: "voc",
    yolov5: "yolo",
    yolov8: "yolo",
    yolo11: "yolo",
    ultralytics: "yolo",
    darknet: "yolo",
};
/** The format of a name or an alias (any letter case), or undefined. */
export function findFormat(name) {
    const key = name.toLowerCase();
    const canonical = FORMAT_ALIASES[key] ?? key;
    return FORMATS.find((f) => f.name === canonical);
}
//# sourceMappingURL=registry.js.map