/**
 * An Ultralytics detect dataset generated once and deterministically: 100k real images (PNG, JPEG and WebP files
 * made by sharp from 8 templates of different sizes, so the size probe has real headers to read), 90% in train and
 * 10% in val, with 0–4 boxes per label file (10% empty, 1% of images without a label file). Measures:
 *  - import (YOLO → Supervisely project, images hard-linked): label parsing + header probing + annotation writing;
 *  - the image-size probe alone, with the header reader and, on a 20k subset, with sharp, to show why the reader exists;
 *  - export (project → YOLO detect);
 *  - convert to COCO, on this dataset and on a 10k-image one (a quick run), against the naive Node job on the same
 *    dataset (the floor): each label file read and its lines split into numbers, one JSON file written per image.
 * SLYCONV_BENCH_YOLO_IMAGES changes the image count of the large dataset.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { writeJsonPerItem } from "../naive.js";
import { seededRandom } from "../random.js";
// The library (and sharp) are loaded by the jobs that use them, not by the floor's process (a plain script).
const api = () => import("../../src/api.js");
const IMAGES = Number(process.env.SLYCONV_BENCH_YOLO_IMAGES ?? 100_000);
/** The dataset of the quick run. */
const QUICK_IMAGES = 10_000;
const SHARP_SUBSET = Math.min(IMAGES, 20_000);
const TEMPLATES = [
    { width: 640, height: 480, ext: "jpg" }, { width: 480, height: 360, ext: "png" }, { width: 320, height: 240, ext: "jpg" },
    { width: 512, height: 512, ext: "png" }, { width: 600, height: 400, ext: "webp" }, { width: 256, height: 192, ext: "jpg" },
    { width: 400, height: 300, ext: "png" }, { width: 160, height: 120, ext: "jpg" },
];
const datasetDir = (dataDir, images = IMAGES) => path.join(dataDir, `yolo-detect-${images}`);
const projectDir = (dataDir) => path.join(dataDir, `yolo-detect-${IMAGES}-project`);
const DONE = ".complete";
async function templateBytes() {
    const { default: sharp } = await import("sharp");
    return Promise.all(TEMPLATES.map((t, i) => {
        // A gradient-free but not uniform picture: two colour bands, so encoders produce ordinary files.
        const img = sharp({ create: { width: t.width, height: t.height, channels: 3, background: { r: 40 * i, g: 120, b: 200 - 20 * i } } })
            .composite([{ input: { create: { width: t.width, height: Math.ceil(t.height / 3), channels: 3, background: { r: 250, g: 30 * i, b: 10 } } }, top: 0, left: 0 }]);
        return t.ext === "png" ? img.png().toBuffer() : t.ext === "jpg" ? img.jpeg({ quality: 80 }).toBuffer() : img.webp().toBuffer();
    }));
}
async function generate(dataDir, images = IMAGES) {
    const root = datasetDir(dataDir, images);
    if (await fsp.stat(path.join(root, DONE)).catch(() => null))
        return;
    await fsp.rm(root, { recursive: true, force: true });
    const { mapLimit } = await import("../../src/io/concurrency.js");
    const bytes = await templateBytes();
    const rand = seededRandom(images);
    const names = ["person", "car", "bicycle", "dog", "cat", "traffic light", "bus", "truck", "chair", "bottle"];
    for (const split of ["train", "val"]) {
        await fsp.mkdir(path.join(root, "images", split), { recursive: true });
        await fsp.mkdir(path.join(root, "labels", split), { recursive: true });
    }
    const jobs = Array.from({ length: images }, (_, i) => {
        const t = Math.floor(rand() * TEMPLATES.length);
        const split = i % 10 === 9 ? "val" : "train";
        const r = rand();
        const boxes = r < 0.1 ? 0 : 1 + Math.floor(rand() * 4);
        const lines = [];
        for (let k = 0; k < boxes; k++) {
            const w = 0.05 + rand() * 0.4, h = 0.05 + rand() * 0.4;
            const xc = w / 2 + rand() * (1 - w), yc = h / 2 + rand() * (1 - h);
            lines.push(`${Math.floor(rand() * names.length)} ${xc.toFixed(6)} ${yc.toFixed(6)} ${w.toFixed(6)} ${h.toFixed(6)}`);
        }
        return { i, t, split, label: r > 0.99 ? null : lines.join("\n") + (lines.length ? "\n" : "") };
    });
    await mapLimit(jobs, 64, async (j) => {
        const stem = `img_${String(j.i).padStart(6, "0")}`;
        await fsp.writeFile(path.join(root, "images", j.split, `${stem}.${TEMPLATES[j.t].ext}`), bytes[j.t]);
        if (j.label !== null)
            await fsp.writeFile(path.join(root, "labels", j.split, `${stem}.txt`), j.label);
    });
    await fsp.writeFile(path.join(root, "data.yaml"), `train: images/train\nval: images/val\nnc: ${names.length}\nnames:\n${names.map((n, i) => `  ${i}: ${n}\n`).join("")}`);
    await fsp.writeFile(path.join(root, DONE), "");
}
async function imageFiles(dataDir) {
    const { default: fg } = await import("fast-glob");
    return (await fg("images/**/*.{png,jpg,webp}", { cwd: datasetDir(dataDir), absolute: true })).sort();
}
/** The Supervisely project the export case starts from: the generated dataset, imported once. */
async function prepareProject(dataDir) {
    await generate(dataDir);
    const dir = projectDir(dataDir);
    if (await fsp.stat(path.join(dir, "meta.json")).catch(() => null))
        return;
    await (await api()).importDataset(datasetDir(dataDir), dir, { format: "yolo", force: true, images: "hardlink" });
}
/**
 * The floor of the conversions from a YOLO dataset (bench/types.ts): each label file read and its lines split into
 * numbers, one JSON file written per image (no image read, no checks).
 */
function naiveJob(dataDir, images, outDir) {
    const labels = path.join(datasetDir(dataDir, images), "labels");
    const items = writeJsonPerItem(outDir, (function* () {
        for (const split of fs.readdirSync(labels).sort()) {
            for (const f of fs.readdirSync(path.join(labels, split)).filter((n) => n.endsWith(".txt")).sort()) {
                const rows = fs.readFileSync(path.join(labels, split, f), "utf8").split("\n").filter((l) => l.trim()).map((l) => l.trim().split(/\s+/).map(Number));
                yield { name: f.slice(0, -4), value: rows };
            }
        }
    })());
    return { items };
}
/** The floor and the conversion to COCO of a dataset of `images` images. */
function toCocoCases(images) {
    const floor = `yolo-detect-${images}`;
    const prepare = (dataDir) => generate(dataDir, images);
    return [
        {
            name: `naive Node job: YOLO detect (${images} images)`,
            kind: "floor",
            id: floor,
            prepare,
            run: async (dataDir, outDir) => naiveJob(dataDir, images, outDir),
        },
        {
            name: `yolo→coco detect (${images} images) (convert)`,
            floor,
            goal: { ratio: 1.0 },
            prepare,
            run: async (dataDir, outDir) => {
                const { report } = await (await api()).convertDataset(datasetDir(dataDir, images), outDir, { from: "yolo", to: "coco", images: "none" });
                return { items: report.stats.items ?? 0 };
            },
        },
    ];
}
export const cases = [
    ...(IMAGES === QUICK_IMAGES ? [] : toCocoCases(QUICK_IMAGES)),
    ...toCocoCases(IMAGES),
    {
        name: `yolo import detect (${IMAGES} images with labels)`,
        target: "100k images import; sizes from headers",
        floor: `yolo-detect-${IMAGES}`,
        prepare: (dataDir) => generate(dataDir),
        run: async (dataDir, outDir) => {
            const r = await (await api()).importDataset(datasetDir(dataDir), outDir, { format: "yolo", images: "hardlink" });
            return { items: r.items };
        },
    },
    {
        name: `yolo image-size probe, header reader (${IMAGES} images)`,
        target: "≥ 3,000 images/s on 2 cores",
        prepare: (dataDir) => generate(dataDir),
        run: async (dataDir) => {
            const files = await imageFiles(dataDir);
            const { readImageHeaderSizes } = await import("../../src/io/image-header.js");
            const sizes = await readImageHeaderSizes(files);
            if (sizes.some((s) => !s))
                throw new Error("an image size could not be read");
            return { items: files.length };
        },
    },
    {
        name: `yolo image-size probe, sharp metadata (${SHARP_SUBSET} images)`,
        target: "reference for the header reader",
        prepare: (dataDir) => generate(dataDir),
        run: async (dataDir) => {
            const files = (await imageFiles(dataDir)).slice(0, SHARP_SUBSET);
            const { readImageSizes } = await import("../../src/io/image-size.js");
            const sizes = await readImageSizes(files);
            if (sizes.some((s) => !s))
                throw new Error("an image size could not be read");
            return { items: files.length };
        },
    },
    {
        name: `yolo export detect (${IMAGES} images)`,
        target: "about the import's pace",
        prepare: prepareProject,
        run: async (dataDir, outDir) => {
            const { report } = await (await api()).exportProject(projectDir(dataDir), outDir, { format: "yolo", formatOptions: { task: "detect", images: "hardlink" } });
            return { items: report.stats.items ?? 0 };
        },
    },
];
//# sourceMappingURL=yolo.js.map