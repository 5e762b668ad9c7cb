/**
 * Image sizes for label files whose images are not there (CVAT's YOLO export has no images): YOLO coordinates are
 * fractions of the image size, so without a size there are no pixels. Two sources:
 *
 * - `--sizes-from <path>`: a folder of Pascal VOC XML files (`<filename>` and `<size>`, e.g. the VOC export of the
 *   same CVAT task), a COCO JSON file (`images[].file_name/width/height`), or a JSON map
 *   `{"<image name>": [width, height] | {"width": w, "height": h}}`. Sizes are looked up by image name, then by stem.
 * - `--image-size <W>x<H>`: one size for every image that has no other.
 */
import fs from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";
import { readJsonFile } from "../../src/io/json-file.js";
import { UsageError, optionName } from "../../src/errors.js";
import { mapLimit } from "../../src/io/concurrency.js";
import { readRegularFile } from "../../src/io/regular-file.js";
const stemOf = (name) => {
    const b = name.split(/[\\/]/).pop();
    const i = b.lastIndexOf(".");
    return i > 0 ? b.slice(0, i) : b;
};
/** `640x480` → {width: 640, height: 480}. */
export function parseImageSizeOption(v) {
    const m = /^\s*(\d+)\s*[xX×,]\s*(\d+)\s*$/.exec(v);
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
        throw new UsageError(`${optionName("imageSize")} must be <width>x<height>, e.g. 640x480; got ${JSON.stringify(v)}`);
    return { width: Number(m[1]), height: Number(m[2]) };
}
function tagText(xml, tag) {
    const m = new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(xml);
    return m ? m[1] : undefined;
}
class MapSizeSource {
    describe;
    byName = new Map();
    byStem = new Map();
    constructor(describe) {
        this.describe = describe;
    }
    add(fileName, size) {
        const base = fileName.split(/[\\/]/).pop();
        this.byName.set(base, size);
        this.byStem.set(stemOf(base), { size, fileName: base });
    }
    addStem(stem, size) {
        if (!this.byStem.has(stem))
            this.byStem.set(stem, { size, fileName: "" });
    }
    lookup(name) {
        return this.byName.get(name) ?? this.byStem.get(stemOf(name))?.size;
    }
    fileNameFor(stem) {
        return this.byStem.get(stem)?.fileName || undefined;
    }
    get size() {
        return this.byStem.size;
    }
}
const positive = (v) => (typeof v === "number" ? v : Number(v)) > 0;
async function fromVocFolder(dir) {
    const src = new MapSizeSource(`VOC XML files in ${dir}`);
    // Symlinked folders are not walked: one may lead anywhere (`sizes -> /`).
    const files = await fg("**/*.xml", { cwd: dir, absolute: true, suppressErrors: true, followSymbolicLinks: false });
    const parsed = await mapLimit(files.sort(), 32, async (f) => ({ f, xml: await readRegularFile(f, "utf8") }));
    for (const { f, xml } of parsed) {
        const size = /<size>([\s\S]*?)<\/size>/.exec(xml)?.[1];
        if (!size)
            continue;
        const w = Number(tagText(size, "width")), h = Number(tagText(size, "height"));
        if (!(w > 0 && h > 0))
            continue;
        const dims = { width: w, height: h };
        const fileName = tagText(xml, "filename");
        if (fileName)
            src.add(fileName, dims);
        // The XML's own stem names the image too (VOC keeps them equal; some tools leave <filename> empty).
        src.addStem(stemOf(f), dims);
    }
    return src;
}
async function fromJson(file) {
    const src = new MapSizeSource(`sizes in ${file}`);
    const v = (await readJsonFile(file, path.basename(file)));
    if (Array.isArray(v?.images)) {
        for (const im of v.images) {
            if (typeof im?.file_name === "string" && positive(im.width) && positive(im.height))
                src.add(im.file_name, { width: Number(im.width), height: Number(im.height) });
        }
        return src;
    }
    if (v && typeof v === "object") {
        for (const [name, s] of Object.entries(v)) {
            if (Array.isArray(s) && s.length === 2 && positive(s[0]) && positive(s[1]))
                src.add(name, { width: Number(s[0]), height: Number(s[1]) });
            else if (s && typeof s === "object" && positive(s.width) && positive(s.height)) {
                src.add(name, { width: Number(s.width), height: Number(s.height) });
            }
        }
    }
    return src;
}
/** Builds the size source from the import options; undefined when neither option is given. */
export async function sizeSourceFromOptions(sizesFrom, imageSize) {
    let external;
    if (typeof sizesFrom === "string" && sizesFrom) {
        const st = await fs.stat(sizesFrom).catch(() => null);
        if (!st)
            throw new UsageError(`${optionName("sizesFrom")} ${sizesFrom} does not exist`);
        external = st.isDirectory() ? await fromVocFolder(sizesFrom) : await fromJson(sizesFrom);
        if (external.size === 0)
            throw new UsageError(`${optionName("sizesFrom")} ${sizesFrom}: no image sizes found (expected VOC XML files or a COCO / name→size JSON)`);
    }
    const fixed = typeof imageSize === "string" && imageSize ? parseImageSizeOption(imageSize) : undefined;
    if (!external && !fixed)
        return undefined;
    return {
        lookup: (name) => external?.lookup(name) ?? fixed,
        fileNameFor: (stem) => external?.fileNameFor(stem),
        describe: [external?.describe, fixed ? `${optionName("imageSize")} ${fixed.width}x${fixed.height}` : undefined].filter(Boolean).join(", then "),
    };
}
//# sourceMappingURL=sizes.js.map