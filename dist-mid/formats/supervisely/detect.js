import fs from "node:fs/promises";
import path from "node:path";
import { NOT_DETECTED } from "../../src/format.js";
import { META_FILE, findProjectRoot, looksLikeDataset } from "../../src/supervisely/layout.js";
import { readRegularFile } from "../../src/io/regular-file.js";
/** A meta.json with `classes` is near-certain; dataset folders with ann/ alone are likely. */
export async function detectSupervisely(input) {
    const root = await findProjectRoot(input);
    if (!root)
        return NOT_DETECTED;
    const metaPath = path.join(root, META_FILE);
    try {
        const text = await readRegularFile(metaPath, "utf8");
        if (/"classes"\s*:/.test(text.slice(0, 65536))) {
            return { confidence: 0.95, evidence: [path.relative(input, metaPath) || META_FILE] };
        }
    }
    catch {
        /* no meta.json */
    }
    const evidence = [];
    for (const d of await fs.readdir(root, { withFileTypes: true })) {
        if (d.isDirectory() && (await looksLikeDataset(path.join(root, d.name))))
            evidence.push(`${d.name}/ann`);
    }
    return evidence.length ? { confidence: 0.6, evidence } : NOT_DETECTED;
}
//# sourceMappingURL=detect.js.map