/**
 * PNG masks at a small-segmentation-dataset scale, generated once (deterministic): 1,000 images of 512×384 (flat
 * JPEGs) with class-index masks (20 classes, a few ellipses each) and instance-id PNGs, plus classes.txt.
 * Measures import (masks → Supervisely project, images hardlinked), export (project → masks, no overlays) and
 * convert to COCO, against the naive Node job on the same folder (the floor): each mask PNG, class and instance,
 * decoded with sharp, the pixel count and box of each value found, one JSON file written per image.
 */
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { writeJsonPerItem } from "../naive.js";
import { seededRandom } from "../random.js";
// The library is loaded by the jobs that use it, not by the floor's process (a plain script).
const api = () => import("../../src/api.js");
const IMAGES = Number(process.env.SLYCONV_BENCH_MASK_IMAGES ?? 1000);
const W = 512, H = 384;
async function prepare(dataDir) {
    const root = path.join(dataDir, "masks-dataset");
    const done = path.join(root, ".complete");
    if (await fs.stat(done).catch(() => null))
        return;
    const { encodeGrayPng } = await import("../../src/codecs/png-encode.js");
    await fs.rm(root, { recursive: true, force: true });
    for (const d of ["images", "masks", "instances"])
        await fs.mkdir(path.join(root, d), { recursive: true });
    await fs.writeFile(path.join(root, "classes.txt"), ["_background_", ...Array.from({ length: 20 }, (_, i) => `class_${i + 1}`)].join("\n") + "\n");
    const photo = await sharp({ create: { width: W, height: H, channels: 3, background: { r: 90, g: 120, b: 150 } } }).jpeg().toBuffer();
    for (let i = 0; i < IMAGES; i++) {
        const r = seededRandom(i + 1);
        const cls = new Uint8Array(W * H), ids = new Uint8Array(W * H);
        const n = 1 + Math.floor(r() * 5);
        for (let k = 0; k < n; k++) {
            const cx = r() * W, cy = r() * H, rx = 10 + r() * 80, ry = 10 + r() * 60, c = 1 + Math.floor(r() * 20);
            for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(H, cy + ry); y++) {
                for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(W, cx + rx); x++) {
                    if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) {
                        cls[y * W + x] = c;
                        ids[y * W + x] = k + 1;
                    }
                }
            }
        }
        const stem = `img_${String(i).padStart(5, "0")}`;
        await fs.writeFile(path.join(root, "images", `${stem}.jpg`), photo);
        await fs.writeFile(path.join(root, "masks", `${stem}.png`), encodeGrayPng(W, H, cls));
        await fs.writeFile(path.join(root, "instances", `${stem}.png`), encodeGrayPng(W, H, ids));
    }
    await fs.writeFile(done, "");
}
/** Pixel count and box [left, top, right, bottom] of each non-zero value of a decoded one-channel mask. */
function valueBoxes(data, width, height) {
    const found = {};
    for (let y = 0, i = 0; y < height; y++) {
        for (let x = 0; x < width; x++, i++) {
            const v = data[i];
            if (!v)
                continue;
            const c = (found[v] ??= { pixels: 0, box: [x, y, x, y] });
            c.pixels++;
            if (x < c.box[0])
                c.box[0] = x;
            if (x > c.box[2])
                c.box[2] = x;
            c.box[3] = y;
        }
    }
    return found;
}
/**
 * The floor of the conversions from this masks folder (bench/types.ts): each image's class mask and instance mask
 * decoded with sharp (one after the other), the pixel count and box of each value found, one JSON file written per
 * image.
 */
async function naiveJob(dataDir, outDir) {
    const root = path.join(dataDir, "masks-dataset");
    const stems = (await fs.readdir(path.join(root, "masks"))).filter((f) => f.endsWith(".png")).map((f) => f.slice(0, -4)).sort();
    const results = [];
    for (const stem of stems) {
        const value = {};
        for (const folder of ["masks", "instances"]) {
            const { data, info } = await sharp(path.join(root, folder, `${stem}.png`)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
            value[folder] = valueBoxes(data, info.width, info.height);
        }
        results.push({ name: stem, value });
    }
    return { items: writeJsonPerItem(outDir, results) };
}
const FLOOR = `masks-${IMAGES}`;
export const cases = [
    {
        name: `naive Node job: masks ${IMAGES} images 512x384`,
        kind: "floor",
        id: FLOOR,
        prepare,
        run: naiveJob,
    },
    {
        name: `masks→coco ${IMAGES} images 512x384 (convert)`,
        floor: FLOOR,
        goal: { ratio: 1.0 },
        prepare,
        async run(dataDir, outDir) {
            const { report } = await (await api()).convertDataset(path.join(dataDir, "masks-dataset"), outDir, { from: "masks", to: "coco", images: "none" });
            return { items: report.stats.items ?? 0 };
        },
    },
    {
        name: `masks import ${IMAGES} images 512x384`,
        floor: FLOOR,
        prepare,
        async run(dataDir, outDir) {
            const { items } = await (await api()).importDataset(path.join(dataDir, "masks-dataset"), outDir, { format: "masks" });
            return { items };
        },
    },
    {
        name: `masks export ${IMAGES} images 512x384`,
        async prepare(dataDir) {
            await prepare(dataDir);
            const sly = path.join(dataDir, "masks-sly");
            if (await fs.stat(path.join(sly, "meta.json")).catch(() => null))
                return;
            await (await api()).importDataset(path.join(dataDir, "masks-dataset"), sly, { format: "masks", force: true });
        },
        async run(dataDir, outDir) {
            const { report } = await (await api()).exportProject(path.join(dataDir, "masks-sly"), outDir, { format: "masks" });
            return { items: report.stats.items ?? 0 };
        },
    },
];
//# sourceMappingURL=masks.js.map