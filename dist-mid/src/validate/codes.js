/**
 * Every finding `slyconv validate` can report, with its fixed severity. docs/validate.md lists the same table and a
 * test keeps the two (and the broken fixtures) in step. Errors are what Supervisely refuses or silently loses on
 * upload; warnings are what it accepts but changes (crops, recolours) or what is likely a mistake.
 */
export const CHECKS = {
    // Files
    "json-syntax": { severity: "error", what: "a JSON file does not parse" },
    "file-unreadable": { severity: "error", what: "a file cannot be read" },
    "meta-missing": { severity: "error", what: "the project has no meta.json" },
    "project-empty": { severity: "error", what: "the project has no items in any dataset" },
    "project-type-missing": { severity: "error", what: "meta.json has no `projectType`; the SDK's sly.read_project refuses the project (\"Unknown type of project: 'None'\")" },
    // JSON Schemas
    "meta-schema": { severity: "error", what: "meta.json breaks schemas/meta.schema.json" },
    "annotation-schema": { severity: "error", what: "an annotation file breaks schemas/annotation.schema.json" },
    "side-file-invalid": { severity: "error", what: "an img_info/ or meta/ file is not a JSON object, or its `link` is not a URL string" },
    // meta.json semantics
    "class-duplicate": { severity: "error", what: "two classes share a title" },
    "tag-meta-duplicate": { severity: "error", what: "two tag metas share a name with different definitions" },
    "class-shape-unknown": { severity: "warning", what: "a class shape is not an image shape; Supervisely reads the class as `any`" },
    "color-invalid": { severity: "warning", what: "a class or tag colour is not #RRGGBB; Supervisely substitutes a random one" },
    "graph-template-invalid": { severity: "error", what: "a keypoint template edge names a node the template does not have" },
    "tag-meta-class-unknown": { severity: "warning", what: "a tag meta is restricted to a class that does not exist" },
    "multiview-tag-invalid": { severity: "error", what: "multiView is enabled but its group tag is missing or not any_string" },
    // Items and files of a dataset
    "img-dir-missing": { severity: "error", what: "a dataset has no img/ folder (an empty one is enough); the SDK does not open it (\"Item directory not found\")" },
    "dataset-name-skipped": { severity: "error", what: "a dataset folder's name ends with ann, img, seg, meta, blob, datasets or img_info; the SDK skips it without a word" },
    "item-hidden-from-sdk": { severity: "error", what: "an item with a link or an image type the SDK does not open sits beside items with images; the SDK lists img/ only and does not see it" },
    "duplicate-item": { severity: "error", what: "two annotation files belong to the same item (`a.jpg.json` and legacy `a.json`)" },
    "duplicate-item-case": { severity: "warning", what: "two item names differ only in letter case (they collide on Windows and macOS)" },
    "annotation-ambiguous": { severity: "error", what: "a legacy `<stem>.json` annotation matches two images" },
    "image-missing": { severity: "error", what: "an annotation has no image file and no link" },
    "dataset-without-images": { severity: "warning", what: "a dataset holds annotations only (no image files, no links)" },
    "annotation-missing": { severity: "warning", what: "an image (file or link) has no annotation file" },
    "orphan-side-file": { severity: "warning", what: "an img_info/ or meta/ file belongs to no image and no annotation" },
    "image-unreadable": { severity: "error", what: "an image file's header cannot be read" },
    "image-size-mismatch": { severity: "error", what: "the annotation `size` differs from the image's real size" },
    "size-unknown": { severity: "warning", what: "the annotation `size` is null although the image file is present" },
    "img-info-size-mismatch": { severity: "warning", what: "img_info width/height differ from the annotation `size`" },
    // Objects
    "class-unknown": { severity: "error", what: "an object's classTitle is not a class of meta.json" },
    "geometry-type-missing": { severity: "error", what: "an object of an `any` class does not say its geometryType" },
    "geometry-type-unknown": { severity: "warning", what: "an object's geometryType is not an image geometry (kept as is, not checked)" },
    "geometry-type-conflict": { severity: "warning", what: "an object's `geometryType` and `shape` disagree (geometryType wins)" },
    "geometry-shape-mismatch": { severity: "error", what: "an object's geometry does not fit its class shape" },
    "geometry-payload": { severity: "error", what: "an object lacks the payload its geometry needs (e.g. `angle` of an oriented_bbox)" },
    "geometry-vertex-count": { severity: "error", what: "wrong number of points for the geometry (point 1, rectangle 2, line ≥ 2, cuboids)" },
    "polygon-too-few-points": { severity: "error", what: "a polygon ring (outline or hole) has fewer than 3 points" },
    "coordinate-not-finite": { severity: "error", what: "a coordinate is not a finite number (e.g. 1e999)" },
    "coordinate-outside-image": { severity: "warning", what: "part of an object lies outside the image; Supervisely crops it on upload" },
    "label-outside-image": { severity: "error", what: "an object lies entirely outside the image; Supervisely drops it on upload" },
    "graph-node-unknown": { severity: "error", what: "a keypoint node is not in the class template" },
    "bitmap-invalid": { severity: "error", what: "bitmap data does not decode (base64 → zlib → PNG)" },
    "bitmap-empty": { severity: "error", what: "a bitmap or alpha mask has no set pixel" },
    // Tags
    "tag-unknown": { severity: "error", what: "a tag is not a tag meta of meta.json" },
    "tag-value-type": { severity: "error", what: "a tag value does not fit the tag's value_type" },
    "tag-value-not-in-values": { severity: "error", what: "a oneof_string tag value is not one of the tag's `values`" },
    "tag-not-applicable": { severity: "warning", what: "a tag is used where its applicable_type or `classes` do not allow it" },
};
/** A finding of a named check; its severity comes from the table above so the two can never disagree. */
export function finding(code, file, pointer, message, at = {}) {
    return { severity: CHECKS[code].severity, code, file, pointer, message, ...at };
}
//# sourceMappingURL=codes.js.map