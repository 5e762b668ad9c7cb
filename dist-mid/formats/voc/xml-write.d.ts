/**
 * VOC annotation XML text, tab-indented in the element order of the original VOC files, with the elements the VOC
 * devkit writes and its readers expect (torchvision's VOCDetection, py-faster-rcnn, Detectron2, mmdetection): every
 * object has name, pose, truncated, difficult and an integer bndbox. Anything else an object carries goes into
 * CVAT/Datumaro `<attributes>`, which those readers ignore and Datumaro and this tool read back.
 */
import type { VocBox, VocField } from "./xml-model.js";
export interface VocObjectOut {
    name: string;
    /** Whole pixels (the writer rounds). */
    box: VocBox;
    /** VOC's own object elements (`pose`, `difficult`, `actions/jumping`, `point/x`); written as (nested) elements. */
    fields: VocField[];
    parts: {
        name: string;
        box: VocBox;
    }[];
    /** Other fields: written as CVAT/Datumaro `<attributes>`. */
    attributes: VocField[];
}
export interface VocXmlOut {
    filename: string;
    size?: {
        width: number;
        height: number;
        depth: string;
    };
    segmented: string;
    /** Image-level elements kept from the source (folder, source, owner, path, …), written in this order. */
    header: Record<string, unknown>;
    objects: VocObjectOut[];
}
/** True when every segment of a field path can be an element name (no spaces, no colon, not starting `xml`). */
export declare function isElementPath(name: string): boolean;
/** Object elements of the VOC devkit (VOC2007–2012: the flags, VOC2012's action labels and their reference point). */
export declare function isVocObjectElement(name: string): boolean;
/** What an object has when no tag says otherwise: the devkit writes all three on every object. */
export declare const VOC_FLAG_DEFAULTS: readonly VocField[];
export declare function escapeXml(s: string): string;
/**
 * The text writeVocXml wrote with another image file name in <filename> (merge gives an item the single run's id), or
 * undefined when the text has no such <filename> line.
 */
export declare function renameXmlImage(xml: string, from: string, to: string): string | undefined;
export declare function writeVocXml(a: VocXmlOut): string;
