import path from "node:path";
import { SlyconvError } from "../errors.js";
import { parseJsonText } from "../io/json-file.js";
import { readImageHeaderSize } from "../io/image-header.js";
import { ANN_DIR, IMG_DIR, IMG_INFO_DIR, META_DIR, sdkListsImage } from "../supervisely/layout.js";
import { finding } from "./codes.js";
import { validateAgainst } from "./schemas.js";
import { checkAnnotation } from "./annotation-checks.js";
import { isObject } from "./meta-checks.js";
import { TextFileTooLargeError, readRegularFile, readTextBytes } from "../io/regular-file.js";
import { annotationOverLimits } from "../supervisely/annotation-counts.js";
const NOT_READ = Symbol("not read");
/**
 * The stored width × height of an image, from its header (PNG, JPEG, GIF, BMP, WebP read directly; anything else
 * through sharp). Null when unreadable.
 */
export function realImageSize(file) {
    return readImageHeaderSize(file);
}
/**
 * Reads and parses a JSON file; a syntax or read error becomes a finding and the file counts as not read. An
 * annotation file is not parsed when its bytes hold more labels or vertices than the limits allow (parsing it alone
 * could take gigabytes): that is a file-unreadable finding too.
 */
export async function readJsonForCheck(absolute, rel, out, annotation = false) {
    let text;
    try {
        if (annotation) {
            const bytes = await readTextBytes(absolute);
            const over = annotationOverLimits(bytes);
            if (over) {
                out.push(finding("file-unreadable", rel, "", over.message));
                return NOT_READ;
            }
            text = bytes.toString("utf8");
        }
        else
            text = await readRegularFile(absolute, "utf8");
    }
    catch (e) {
        out.push(finding("file-unreadable", rel, "", e instanceof TextFileTooLargeError ? e.message : `cannot read the file (${e.code ?? e.message})`));
        return NOT_READ;
    }
    try {
        return parseJsonText(text, rel);
    }
    catch (e) {
        if (!(e instanceof SlyconvError))
            throw e;
        out.push(finding("json-syntax", rel, "", e.message, { line: e.location.line, column: e.location.column }));
        return NOT_READ;
    }
}
export const wasRead = (v) => v !== NOT_READ;
/** Every check of one item: its annotation, side files, image file and how they agree. */
export async function checkItem(e, ctx) {
    const { ds } = ctx;
    const out = [];
    const relOf = (sub, name) => `${ds.rel}/${sub}/${name}`;
    const absOf = (sub, name) => path.join(ds.dir, sub, name);
    let size;
    let sizePointer = "/size";
    const annRel = e.ann ? relOf(ANN_DIR, e.ann) : undefined;
    if (e.ann) {
        const raw = await readJsonForCheck(absOf(ANN_DIR, e.ann), annRel, out, true);
        if (wasRead(raw)) {
            const schema = validateAgainst("annotation", raw, "annotation-schema", annRel);
            out.push(...schema.findings);
            const semantic = checkAnnotation(raw, annRel, ctx.meta, schema.broken);
            out.push(...semantic.findings);
            size = semantic.size;
            sizePointer = semantic.sizePointer;
        }
    }
    let link;
    let info;
    if (e.info) {
        const rel = relOf(IMG_INFO_DIR, e.info);
        const raw = await readJsonForCheck(absOf(IMG_INFO_DIR, e.info), rel, out);
        if (wasRead(raw) && !isObject(raw))
            out.push(finding("side-file-invalid", rel, "", "img_info must be a JSON object"));
        else if (isObject(raw)) {
            info = raw;
            // Server dumps carry "link": null for ordinary images; only a string marks a link item.
            if (typeof raw.link === "string" && raw.link.trim() !== "")
                link = raw.link;
            else if (raw.link !== undefined && raw.link !== null)
                out.push(finding("side-file-invalid", rel, "/link", "`link` must be a URL string"));
        }
    }
    if (e.meta) {
        const rel = relOf(META_DIR, e.meta);
        const raw = await readJsonForCheck(absOf(META_DIR, e.meta), rel, out);
        if (wasRead(raw) && !isObject(raw))
            out.push(finding("side-file-invalid", rel, "", "an image meta file must be a JSON object"));
    }
    let imageless = false;
    if (!e.ann) {
        if (e.image || link) {
            out.push(finding("annotation-missing", e.image ? relOf(IMG_DIR, e.image) : relOf(IMG_INFO_DIR, e.info), "", `${e.image ? "image" : "linked image"} ${JSON.stringify(e.name)} has no annotation file ${ds.rel}/${ANN_DIR}/${e.name}.json`));
        }
        else {
            const side = e.info ? relOf(IMG_INFO_DIR, e.info) : relOf(META_DIR, e.meta);
            out.push(finding("orphan-side-file", side, "", `no image, link or annotation belongs to this file (item ${JSON.stringify(e.name)})`));
        }
    }
    else if (!e.image && !link) {
        imageless = true;
        if (ctx.datasetHasImageFiles) {
            out.push(finding("image-missing", annRel, "", `item ${JSON.stringify(e.name)} has no image file ${ds.rel}/${IMG_DIR}/${e.name} and no link in img_info`));
        }
    }
    if (e.ann && ctx.datasetHasSdkImages && (link || e.image) && !(e.image && sdkListsImage(e.image))) {
        out.push(finding("item-hidden-from-sdk", annRel, "", `item ${JSON.stringify(e.name)} has ${e.image ? `an image file of a type the Supervisely SDK does not list (${ds.rel}/${IMG_DIR}/${e.image})` : "a link and no image file"}, while other items of ${ds.rel} have images: the SDK then takes the dataset's items from img/ only and does not see this one; move such items to a dataset of their own (slyconv import does)`));
    }
    if (e.image) {
        const imageRel = relOf(IMG_DIR, e.image);
        const real = await realImageSize(absOf(IMG_DIR, e.image));
        if (!real) {
            out.push(finding("image-unreadable", imageRel, "", "the image header cannot be read (corrupt file or unsupported format)"));
        }
        else if (size === null) {
            out.push(finding("size-unknown", annRel, sizePointer, `size is null but ${imageRel} is ${real.width}×${real.height}`));
        }
        else if (size && (size.width !== real.width || size.height !== real.height)) {
            out.push(finding("image-size-mismatch", annRel, sizePointer, `size says ${size.width}×${size.height} (width×height) but ${imageRel} is ${real.width}×${real.height}`));
        }
    }
    if (info && size && typeof info.width === "number" && typeof info.height === "number"
        && (info.width !== size.width || info.height !== size.height)) {
        out.push(finding("img-info-size-mismatch", relOf(IMG_INFO_DIR, e.info), info.width !== size.width ? "/width" : "/height", `img_info says ${info.width}×${info.height} but the annotation size is ${size.width}×${size.height}`));
    }
    return { findings: out, imageless };
}
//# sourceMappingURL=item-checks.js.map