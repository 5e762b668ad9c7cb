/**
 * Pascal VOC at VOC2012 trainval scale, generated once (deterministic): VOCdevkit/VOC2012 with 17,125 annotation
 * files (~2.4 objects each, pose/truncated/difficult, person layout parts and actions on some), 2,913 SegmentationClass
 * + SegmentationObject palette PNGs (instances drawn as ellipses inside their boxes with a void border, as VOC's
 * boundaries), ImageSets/Main (train/val/trainval and per-class lists over 11,540 ids; the rest are in no list, as in
 * VOC2012) and ImageSets/Segmentation. No JPEG files: sizes come from the XML, as with an annotations-only download.
 * Measures import (VOC → Supervisely project), export (Supervisely project → VOC), and convert to COCO and to YOLO
 * detect, against the naive Node job on the same folder (the floor): each annotation XML parsed with
 * fast-xml-parser, one JSON file written per image.
 */
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { writeJsonPerItem } from "../naive.js";
import { seededRandom } from "../random.js";
// The library is loaded by the jobs that use it, not by the floor's process (a plain script).
const api = () => import("../../src/api.js");
const XML_FILES = Number(process.env.SLYCONV_BENCH_VOC_XML ?? 17_125);
const MASKS = Math.min(XML_FILES, Number(process.env.SLYCONV_BENCH_VOC_MASKS ?? 2_913));
const MAIN_LISTED = Math.round(XML_FILES * (11_540 / 17_125));
const ACTIONS = ["jumping", "phoning", "playinginstrument", "reading", "ridingbike", "ridinghorse", "running", "takingphoto", "usingcomputer", "walking", "other"];
const POSES = ["Frontal", "Left", "Rear", "Right", "Unspecified"];
const SIZES = [[500, 375], [500, 333], [375, 500], [500, 366], [334, 500]];
/** VOC's 20 class names, loaded with the generator. */
let classNames = [];
function idOf(i) {
    return `${2008 + Math.floor(i / 4000)}_${String(i % 4000).padStart(6, "0")}`;
}
function objectsOf(i, w, h) {
    const r = seededRandom(i * 7919 + 1);
    const n = 1 + Math.floor(r() * r() * 6);
    const out = [];
    for (let k = 0; k < n; k++) {
        const bw = 20 + Math.floor(r() * (w / 2)), bh = 20 + Math.floor(r() * (h / 2));
        const x = 1 + Math.floor(r() * (w - bw - 2)), y = 1 + Math.floor(r() * (h - bh - 2));
        const cls = r() < 0.35 ? 14 : Math.floor(r() * 20); // person is the most common class, as in VOC
        const o = { cls, box: [x, y, x + bw, y + bh], difficult: r() < 0.1 ? 1 : 0, truncated: r() < 0.4 ? 1 : 0, pose: POSES[Math.floor(r() * 5)], parts: [] };
        if (cls === 14 && r() < 0.08) {
            o.parts.push(["head", [x + 2, y + 2, x + 12, y + 12]], ["hand", [x + 1, y + bh - 10, x + 8, y + bh - 2]]);
        }
        if (cls === 14 && r() < 0.2)
            o.actions = ACTIONS.map(() => (r() < 0.15 ? 1 : 0));
        out.push(o);
    }
    return out;
}
function xmlOf(id, w, h, objects, segmented) {
    const obj = objects.map((o) => {
        const box = (b, ind) => `${ind}<bndbox>\n${ind}\t<xmin>${b[0]}</xmin>\n${ind}\t<ymin>${b[1]}</ymin>\n${ind}\t<xmax>${b[2]}</xmax>\n${ind}\t<ymax>${b[3]}</ymax>\n${ind}</bndbox>\n`;
        const parts = o.parts.map(([n, b]) => `\t\t<part>\n\t\t\t<name>${n}</name>\n${box(b, "\t\t\t")}\t\t</part>\n`).join("");
        const actions = o.actions ? `\t\t<actions>\n${ACTIONS.map((a, i) => `\t\t\t<${a}>${o.actions[i]}</${a}>\n`).join("")}\t\t</actions>\n` : "";
        return `\t<object>\n\t\t<name>${classNames[o.cls]}</name>\n\t\t<pose>${o.pose}</pose>\n\t\t<truncated>${o.truncated}</truncated>\n\t\t<difficult>${o.difficult}</difficult>\n${box(o.box, "\t\t")}${parts}${actions}\t</object>\n`;
    }).join("");
    return `<annotation>\n\t<folder>VOC2012</folder>\n\t<filename>${id}.jpg</filename>\n\t<source>\n\t\t<database>The VOC2008 Database</database>\n\t\t<annotation>PASCAL VOC2008</annotation>\n\t\t<image>flickr</image>\n\t</source>\n\t<size>\n\t\t<width>${w}</width>\n\t\t<height>${h}</height>\n\t\t<depth>3</depth>\n\t</size>\n\t<segmented>${segmented ? 1 : 0}</segmented>\n${obj}</annotation>\n`;
}
/** Each object an ellipse inside its box, later objects on top, with a 2-px void (255) ring around each. */
function masksOf(w, h, objects) {
    const cls = new Uint8Array(w * h), obj = new Uint8Array(w * h);
    objects.forEach((o, k) => {
        const [x0, y0, x1, y1] = o.box;
        const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, rx = (x1 - x0) / 2, ry = (y1 - y0) / 2;
        for (let y = Math.max(0, y0 - 2); y <= Math.min(h - 1, y1 + 2); y++) {
            for (let x = Math.max(0, x0 - 2); x <= Math.min(w - 1, x1 + 2); x++) {
                const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
                const i = y * w + x;
                if (d <= 1) {
                    cls[i] = o.cls + 1;
                    obj[i] = k + 1;
                }
                else if (d <= 1 + 4 / Math.min(rx, ry)) {
                    cls[i] = 255;
                    obj[i] = 255;
                }
            }
        }
    });
    return { cls, obj };
}
async function generate(vocDir) {
    const marker = path.join(vocDir, ".complete");
    if (await fs.stat(marker).catch(() => null))
        return;
    const { encodePalettePng } = await import("../../src/codecs/png-encode.js");
    const { VOC_CLASSES, VOC_COLORMAP } = await import("../../formats/voc/palette.js");
    classNames = VOC_CLASSES;
    await fs.rm(vocDir, { recursive: true, force: true });
    for (const d of ["Annotations", "SegmentationClass", "SegmentationObject", "ImageSets/Main", "ImageSets/Segmentation"])
        await fs.mkdir(path.join(vocDir, d), { recursive: true });
    const ids = Array.from({ length: XML_FILES }, (_, i) => idOf(i));
    // Evenly spread segmented ids.
    const segmented = new Set();
    for (let i = 0; segmented.size < MASKS && i < XML_FILES; i += Math.max(1, Math.floor(MAIN_LISTED / MASKS)))
        segmented.add(i);
    const split = (i) => (seededRandom(i + 99)() < 0.5 ? "train" : "val");
    let next = 0;
    const presence = new Map();
    await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < XML_FILES) {
            const i = next++;
            const [w, h] = SIZES[i % SIZES.length];
            const objects = objectsOf(i, w, h);
            const seg = segmented.has(i);
            const p = new Map();
            for (const o of objects)
                p.set(o.cls, Math.max(p.get(o.cls) ?? 0, o.difficult ? 0 : 1));
            presence.set(i, p);
            await fs.writeFile(path.join(vocDir, "Annotations", `${ids[i]}.xml`), xmlOf(ids[i], w, h, objects, seg));
            if (seg) {
                const m = masksOf(w, h, objects);
                await fs.writeFile(path.join(vocDir, "SegmentationClass", `${ids[i]}.png`), encodePalettePng(w, h, m.cls, VOC_COLORMAP));
                await fs.writeFile(path.join(vocDir, "SegmentationObject", `${ids[i]}.png`), encodePalettePng(w, h, m.obj, VOC_COLORMAP));
            }
        }
    }));
    // Main lists every segmented id and a fixed random share of the others (VOC2012: 11,540 of 17,125).
    const share = (MAIN_LISTED - segmented.size) / Math.max(1, XML_FILES - segmented.size);
    const mainListed = ids.map((_, i) => i).filter((i) => segmented.has(i) || seededRandom(i + 7)() < share);
    const write = (rel, lines) => fs.writeFile(path.join(vocDir, rel), lines.join("\n") + "\n");
    for (const s of ["train", "val", "trainval"]) {
        const members = mainListed.filter((i) => s === "trainval" || split(i) === s);
        await write(`ImageSets/Main/${s}.txt`, members.map((i) => ids[i]));
        for (let c = 0; c < 20; c++) {
            await write(`ImageSets/Main/${classNames[c]}_${s}.txt`, members.map((i) => {
                const v = presence.get(i).get(c);
                return `${ids[i]} ${String(v === undefined ? -1 : v).padStart(2, " ")}`;
            }));
        }
        await write(`ImageSets/Segmentation/${s}.txt`, members.filter((i) => segmented.has(i)).map((i) => ids[i]));
    }
    await fs.writeFile(marker, "");
}
const vocDir = (dataDir) => path.join(dataDir, `VOCdevkit-${XML_FILES}`, "VOC2012");
const projectDir = (dataDir) => path.join(dataDir, `voc2012-project-${XML_FILES}`);
async function prepareProject(dataDir) {
    await generate(vocDir(dataDir));
    const marker = path.join(projectDir(dataDir), ".complete");
    if (await fs.stat(marker).catch(() => null))
        return;
    await fs.rm(projectDir(dataDir), { recursive: true, force: true });
    await (await api()).importDataset(path.dirname(vocDir(dataDir)), projectDir(dataDir), { format: "voc", images: "none" });
    await fs.writeFile(marker, "");
}
/**
 * The floor of every conversion from this VOC folder (bench/types.ts): each annotation XML read and parsed with
 * fast-xml-parser, one JSON file written per image (the parsed document as is: no masks read, no checks).
 */
function naiveJob(dataDir, outDir) {
    const annotations = path.join(vocDir(dataDir), "Annotations");
    const parser = new XMLParser();
    const items = writeJsonPerItem(outDir, (function* () {
        for (const f of fsSync.readdirSync(annotations).filter((n) => n.endsWith(".xml")).sort()) {
            yield { name: f.slice(0, -4), value: parser.parse(fsSync.readFileSync(path.join(annotations, f), "utf8")) };
        }
    })());
    return { items };
}
const FLOOR = `voc2012-${XML_FILES}`;
const shape = `${(XML_FILES / 1000).toFixed(1)}k XML, ${(MASKS / 1000).toFixed(1)}k masks`;
export const cases = [
    {
        name: `naive Node job: VOC VOC2012-shape (${shape})`,
        kind: "floor",
        id: FLOOR,
        prepare: (dataDir) => generate(vocDir(dataDir)),
        run: async (dataDir, outDir) => naiveJob(dataDir, outDir),
    },
    {
        name: `voc→coco VOC2012-shape (${shape}) (convert)`,
        floor: FLOOR,
        goal: { ratio: 1.0 },
        prepare: (dataDir) => generate(vocDir(dataDir)),
        run: async (dataDir, outDir) => {
            const { report } = await (await api()).convertDataset(path.dirname(vocDir(dataDir)), outDir, { from: "voc", to: "coco", images: "none" });
            return { items: report.stats.items ?? 0 };
        },
    },
    {
        name: `voc→yolo VOC2012-shape (${shape}) (convert, detect)`,
        floor: FLOOR,
        goal: { ratio: 1.0 },
        prepare: (dataDir) => generate(vocDir(dataDir)),
        run: async (dataDir, outDir) => {
            const { report } = await (await api()).convertDataset(path.dirname(vocDir(dataDir)), outDir, { from: "voc", to: "yolo", images: "none", formatOptions: { task: "detect" } });
            return { items: report.stats.items ?? 0 };
        },
    },
    {
        name: `voc import VOC2012-shape (${shape})`,
        floor: FLOOR,
        target: "VOC2012 scale",
        prepare: (dataDir) => generate(vocDir(dataDir)),
        run: async (dataDir, outDir) => {
            const r = await (await api()).importDataset(path.dirname(vocDir(dataDir)), outDir, { format: "voc", images: "none" });
            return { items: r.items };
        },
    },
    {
        name: `voc export VOC2012-shape (${shape})`,
        target: "VOC2012 scale",
        prepare: prepareProject,
        run: async (dataDir, outDir) => {
            const r = await (await api()).exportProject(projectDir(dataDir), outDir, { format: "voc" });
            return { items: r.report.stats.items ?? 0 };
        },
    },
];
//# sourceMappingURL=voc.js.map