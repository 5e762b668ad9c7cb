import fs from "node:fs/promises";
import path from "node:path";
import { NOT_DETECTED } from "../../src/format.js";
import { CLASS_LIST_FILES, MACHINE_COLOR_FILE } from "./class-map.js";
import { findGenericDirs, findSuperviselyMasksRoot, isSuperviselyMasksDataset } from "./layout.js";
/**
 * obj_class_to_machine_color.json is Supervisely's own marker (0.9). An images folder with a masks folder of PNGs is
 * likely (0.6 with a class file, 0.45 without); with `SegmentationClass/` it is a VOC layout first, so masks stays
 * below the VOC adapter (0.4) and only wins when nothing else claims the folder.
 */
export async function detectMasks(input) {
    const st = await fs.stat(input).catch(() => null);
    if (!st?.isDirectory())
        return NOT_DETECTED;
    const slyRoot = await findSuperviselyMasksRoot(input);
    if (slyRoot)
        return { confidence: 0.9, evidence: [path.relative(input, path.join(slyRoot, MACHINE_COLOR_FILE)) || MACHINE_COLOR_FILE] };
    const dirs = await findGenericDirs(input);
    if (dirs) {
        const evidence = [path.basename(dirs.images) + "/", path.basename(dirs.masks) + "/ (PNG)"];
        let classFile;
        for (const f of CLASS_LIST_FILES)
            if (await fs.stat(path.join(input, f)).catch(() => null)) {
                classFile = f;
                break;
            }
        if (classFile)
            evidence.push(classFile);
        const vocLike = path.basename(dirs.masks) === "SegmentationClass" || (await fs.stat(path.join(input, "Annotations")).catch(() => null));
        return { confidence: vocLike ? 0.4 : classFile ? 0.6 : 0.45, evidence };
    }
    const evidence = [];
    for (const d of await fs.readdir(input, { withFileTypes: true })) {
        if (d.isDirectory() && (await isSuperviselyMasksDataset(path.join(input, d.name))))
            evidence.push(`${d.name}/masks_*`);
    }
    return evidence.length ? { confidence: 0.7, evidence } : NOT_DETECTED;
}
//# sourceMappingURL=detect.js.map