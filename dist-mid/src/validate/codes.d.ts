import type { Finding } from "../report.js";
/**
 * Every finding `slyconv validate` can report, with its fixed severity. docs/validate.md lists the same table and a
 * test keeps the two (and the broken fixtures) in step. Errors are what Supervisely refuses or silently loses on
 * upload; warnings are what it accepts but changes (crops, recolours) or what is likely a mistake.
 */
export declare const CHECKS: {
    readonly "json-syntax": {
        readonly severity: "error";
        readonly what: "a JSON file does not parse";
    };
    readonly "file-unreadable": {
        readonly severity: "error";
        readonly what: "a file cannot be read";
    };
    readonly "meta-missing": {
        readonly severity: "error";
        readonly what: "the project has no meta.json";
    };
    readonly "project-empty": {
        readonly severity: "error";
        readonly what: "the project has no items in any dataset";
    };
    readonly "project-type-missing": {
        readonly severity: "error";
        readonly what: "meta.json has no `projectType`; the SDK's sly.read_project refuses the project (\"Unknown type of project: 'None'\")";
    };
    readonly "meta-schema": {
        readonly severity: "error";
        readonly what: "meta.json breaks schemas/meta.schema.json";
    };
    readonly "annotation-schema": {
        readonly severity: "error";
        readonly what: "an annotation file breaks schemas/annotation.schema.json";
    };
    readonly "side-file-invalid": {
        readonly severity: "error";
        readonly what: "an img_info/ or meta/ file is not a JSON object, or its `link` is not a URL string";
    };
    readonly "class-duplicate": {
        readonly severity: "error";
        readonly what: "two classes share a title";
    };
    readonly "tag-meta-duplicate": {
        readonly severity: "error";
        readonly what: "two tag metas share a name with different definitions";
    };
    readonly "class-shape-unknown": {
        readonly severity: "warning";
        readonly what: "a class shape is not an image shape; Supervisely reads the class as `any`";
    };
    readonly "color-invalid": {
        readonly severity: "warning";
        readonly what: "a class or tag colour is not #RRGGBB; Supervisely substitutes a random one";
    };
    readonly "graph-template-invalid": {
        readonly severity: "error";
        readonly what: "a keypoint template edge names a node the template does not have";
    };
    readonly "tag-meta-class-unknown": {
        readonly severity: "warning";
        readonly what: "a tag meta is restricted to a class that does not exist";
    };
    readonly "multiview-tag-invalid": {
        readonly severity: "error";
        readonly what: "multiView is enabled but its group tag is missing or not any_string";
    };
    readonly "img-dir-missing": {
        readonly severity: "error";
        readonly what: "a dataset has no img/ folder (an empty one is enough); the SDK does not open it (\"Item directory not found\")";
    };
    readonly "dataset-name-skipped": {
        readonly severity: "error";
        readonly what: "a dataset folder's name ends with ann, img, seg, meta, blob, datasets or img_info; the SDK skips it without a word";
    };
    readonly "item-hidden-from-sdk": {
        readonly severity: "error";
        readonly what: "an item with a link or an image type the SDK does not open sits beside items with images; the SDK lists img/ only and does not see it";
    };
    readonly "duplicate-item": {
        readonly severity: "error";
        readonly what: "two annotation files belong to the same item (`a.jpg.json` and legacy `a.json`)";
    };
    readonly "duplicate-item-case": {
        readonly severity: "warning";
        readonly what: "two item names differ only in letter case (they collide on Windows and macOS)";
    };
    readonly "annotation-ambiguous": {
        readonly severity: "error";
        readonly what: "a legacy `<stem>.json` annotation matches two images";
    };
    readonly "image-missing": {
        readonly severity: "error";
        readonly what: "an annotation has no image file and no link";
    };
    readonly "dataset-without-images": {
        readonly severity: "warning";
        readonly what: "a dataset holds annotations only (no image files, no links)";
    };
    readonly "annotation-missing": {
        readonly severity: "warning";
        readonly what: "an image (file or link) has no annotation file";
    };
    readonly "orphan-side-file": {
        readonly severity: "warning";
        readonly what: "an img_info/ or meta/ file belongs to no image and no annotation";
    };
    readonly "image-unreadable": {
        readonly severity: "error";
        readonly what: "an image file's header cannot be read";
    };
    readonly "image-size-mismatch": {
        readonly severity: "error";
        readonly what: "the annotation `size` differs from the image's real size";
    };
    readonly "size-unknown": {
        readonly severity: "warning";
        readonly what: "the annotation `size` is null although the image file is present";
    };
    readonly "img-info-size-mismatch": {
        readonly severity: "warning";
        readonly what: "img_info width/height differ from the annotation `size`";
    };
    readonly "class-unknown": {
        readonly severity: "error";
        readonly what: "an object's classTitle is not a class of meta.json";
    };
    readonly "geometry-type-missing": {
        readonly severity: "error";
        readonly what: "an object of an `any` class does not say its geometryType";
    };
    readonly "geometry-type-unknown": {
        readonly severity: "warning";
        readonly what: "an object's geometryType is not an image geometry (kept as is, not checked)";
    };
    readonly "geometry-type-conflict": {
        readonly severity: "warning";
        readonly what: "an object's `geometryType` and `shape` disagree (geometryType wins)";
    };
    readonly "geometry-shape-mismatch": {
        readonly severity: "error";
        readonly what: "an object's geometry does not fit its class shape";
    };
    readonly "geometry-payload": {
        readonly severity: "error";
        readonly what: "an object lacks the payload its geometry needs (e.g. `angle` of an oriented_bbox)";
    };
    readonly "geometry-vertex-count": {
        readonly severity: "error";
        readonly what: "wrong number of points for the geometry (point 1, rectangle 2, line ≥ 2, cuboids)";
    };
    readonly "polygon-too-few-points": {
        readonly severity: "error";
        readonly what: "a polygon ring (outline or hole) has fewer than 3 points";
    };
    readonly "coordinate-not-finite": {
        readonly severity: "error";
        readonly what: "a coordinate is not a finite number (e.g. 1e999)";
    };
    readonly "coordinate-outside-image": {
        readonly severity: "warning";
        readonly what: "part of an object lies outside the image; Supervisely crops it on upload";
    };
    readonly "label-outside-image": {
        readonly severity: "error";
        readonly what: "an object lies entirely outside the image; Supervisely drops it on upload";
    };
    readonly "graph-node-unknown": {
        readonly severity: "error";
        readonly what: "a keypoint node is not in the class template";
    };
    readonly "bitmap-invalid": {
        readonly severity: "error";
        readonly what: "bitmap data does not decode (base64 → zlib → PNG)";
    };
    readonly "bitmap-empty": {
        readonly severity: "error";
        readonly what: "a bitmap or alpha mask has no set pixel";
    };
    readonly "tag-unknown": {
        readonly severity: "error";
        readonly what: "a tag is not a tag meta of meta.json";
    };
    readonly "tag-value-type": {
        readonly severity: "error";
        readonly what: "a tag value does not fit the tag's value_type";
    };
    readonly "tag-value-not-in-values": {
        readonly severity: "error";
        readonly what: "a oneof_string tag value is not one of the tag's `values`";
    };
    readonly "tag-not-applicable": {
        readonly severity: "warning";
        readonly what: "a tag is used where its applicable_type or `classes` do not allow it";
    };
};
export type CheckCode = keyof typeof CHECKS;
/** A finding of a named check; its severity comes from the table above so the two can never disagree. */
export declare function finding(code: CheckCode, file: string, pointer: string, message: string, at?: {
    line?: number;
    column?: number;
}): Finding;
