/** A VOC annotation XML file as this adapter reads and writes it (format-side, before mapping to the model). */
/** `bndbox` values as written: VOC's xmin..ymax go to a rectangle as they are (spec §9: no 1-based shift). */
export interface VocBox {
    xmin: number;
    ymin: number;
    xmax: number;
    ymax: number;
}
/**
 * One scalar element of an object other than name, bndbox and part, by its path: `pose`, `difficult`,
 * `actions/jumping`, `point/x`; Datumaro/CVAT `<attributes><attribute><name>n</name><value>v</value>` become `n`.
 */
export interface VocField {
    name: string;
    value: string;
}
/** A person-layout part (head, hand, foot): a name and a box. */
export interface VocPart {
    name: string;
    box?: VocBox;
    line: number;
}
export interface VocObject {
    /** 1-based position in the file: the object's value in SegmentationObject masks. */
    index: number;
    name?: string;
    box?: VocBox;
    /** Line of `<bndbox>` (or of `<object>` when there is none), for findings. */
    boxLine: number;
    fields: VocField[];
    parts: VocPart[];
    line: number;
}
export interface VocXml {
    /** Path for findings, relative to the input. */
    file: string;
    filename?: string;
    /** From `<size>`, when both values are positive numbers. */
    size?: {
        width: number;
        height: number;
    };
    sizeLine?: number;
    /**
     * Image-level elements other than filename, size and object (folder, source, owner, segmented, path, …) plus
     * `depth`, as parsed; kept in the item's image meta so that export writes them back.
     */
    header: Record<string, unknown>;
    objects: VocObject[];
}
/** Object fields with their own meaning in VOC (written first, in this order). */
export declare const VOC_OBJECT_FLAGS: readonly ["pose", "truncated", "difficult", "occluded"];
