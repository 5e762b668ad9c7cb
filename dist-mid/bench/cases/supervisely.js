/**
 * A 100,000-item Supervisely project (annotation-only: ann/ files, no images), generated once. Measures a full
 * read → canonical write, `validate`, both streaming, and the exports to COCO, YOLO detect and VOC (masks drawn)
 * against the naive Node job on the same project (the floor): each annotation file JSON.parse'd, one JSON file
 * written per image.
 */
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { writeJsonPerItem } from "../naive.js";
// The library is loaded by the jobs that use it, not by the floor's process (a plain script).
const api = () => import("../../src/api.js");
const ITEMS = Number(process.env.SLYCONV_BENCH_SLY_ITEMS ?? 100_000);
const PER_DATASET = 25_000;
function annotationJson(i) {
    const objects = [];
    for (let k = 0; k < 4; k++) {
        const x = (i * 7 + k * 50) % 560, y = (i * 3 + k * 40) % 400;
        objects.push(k % 2
            ? { classTitle: "car", description: "", tags: [], points: { exterior: [[x, y], [x + 60, y + 40]], interior: [] }, shape: "rectangle", geometryType: "rectangle" }
            : { classTitle: "road", description: "", tags: [{ name: "score", value: (i % 100) / 100 }], points: { exterior: [[x, y], [x + 50, y], [x + 50, y + 30], [x, y + 30]], interior: [] }, shape: "polygon", geometryType: "polygon" });
    }
    return JSON.stringify({ description: "", size: { height: 480, width: 640 }, tags: [], objects, customBigData: {} }, null, 4);
}
async function generate(dir) {
    const marker = path.join(dir, ".complete");
    if (await fs.stat(marker).catch(() => null))
        return;
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "meta.json"), JSON.stringify({
        classes: [
            { title: "car", description: "", shape: "rectangle", color: "#FF0000", geometry_config: {}, hotkey: "" },
            { title: "road", description: "", shape: "polygon", color: "#00FF00", geometry_config: {}, hotkey: "" },
        ],
        tags: [{ name: "score", value_type: "any_number", color: "#0000FF", hotkey: "", applicable_type: "all", classes: [] }],
        projectType: "images",
    }, null, 4));
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
        while (next < ITEMS) {
            const i = next++;
            const ds = path.join(dir, `part${Math.floor(i / PER_DATASET)}`, "ann");
            if (i % PER_DATASET === 0)
                await fs.mkdir(ds, { recursive: true });
            else
                await fs.mkdir(ds, { recursive: true });
            await fs.writeFile(path.join(ds, `img_${String(i).padStart(6, "0")}.jpg.json`), annotationJson(i));
        }
    }));
    await fs.writeFile(marker, "");
}
const projectDir = (dataDir) => path.join(dataDir, `project-${ITEMS}`);
/**
 * The floor of the exports of this project (bench/types.ts): each annotation file read and JSON.parse'd, one JSON
 * file written per image (the annotation as parsed: no bitmap decoded, no checks).
 */
function naiveJob(dataDir, outDir) {
    const root = projectDir(dataDir);
    const items = writeJsonPerItem(outDir, (function* () {
        for (const ds of fsSync.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
            const ann = path.join(root, ds, "ann");
            for (const f of fsSync.readdirSync(ann).filter((n) => n.endsWith(".json")).sort()) {
                yield { name: `${ds}__${f.slice(0, -5)}`, value: JSON.parse(fsSync.readFileSync(path.join(ann, f), "utf8")) };
            }
        }
    })());
    return { items };
}
const FLOOR = `supervisely-${ITEMS}`;
function exportCase(to, ratio, what, formatOptions) {
    return {
        name: `supervisely→${to} ${ITEMS / 1000}k items (export${what})`,
        floor: FLOOR,
        goal: { ratio },
        prepare: (dataDir) => generate(projectDir(dataDir)),
        run: async (dataDir, outDir) => {
            const { report } = await (await api()).exportProject(projectDir(dataDir), outDir, { format: to, formatOptions });
            return { items: report.stats.items ?? 0 };
        },
    };
}
export const cases = [
    {
        name: `naive Node job: Supervisely ${ITEMS / 1000}k items`,
        kind: "floor",
        id: FLOOR,
        prepare: (dataDir) => generate(projectDir(dataDir)),
        run: async (dataDir, outDir) => naiveJob(dataDir, outDir),
    },
    exportCase("coco", 1.0, "", { images: "none" }),
    exportCase("yolo", 1.0, ", detect", { task: "detect", images: "none" }),
    exportCase("voc", 4.5, ", masks", {}),
    {
        name: `supervisely read→write ${ITEMS / 1000}k items`,
        floor: FLOOR,
        prepare: (dataDir) => generate(projectDir(dataDir)),
        run: async (dataDir, outDir) => {
            const r = await (await api()).importDataset(projectDir(dataDir), outDir, { format: "supervisely", images: "none" });
            return { items: r.items };
        },
    },
    {
        name: `supervisely validate ${ITEMS / 1000}k items`,
        target: "bounded memory",
        prepare: (dataDir) => generate(projectDir(dataDir)),
        run: async (dataDir) => {
            const { validateProject } = await import("../../src/validate/index.js");
            const r = await validateProject(projectDir(dataDir));
            return { items: r.items };
        },
    },
];
//# sourceMappingURL=supervisely.js.map