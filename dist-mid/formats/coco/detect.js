import fs from "node:fs/promises";
import path from "node:path";
import { NOT_DETECTED } from "../../src/format.js";
import { looksLikeCocoHead, readHead } from "./discover.js";
/** Where COCO files usually sit inside a dataset folder. */
const LIKELY_SUBDIRS = ["annotations", "annotation", "labels", "train", "valid", "val", "test", "coco"];
async function sniff(file) {
    try {
        return looksLikeCocoHead(await readHead(file));
    }
    catch {
        return { coco: false, strong: false };
    }
}
async function jsonFilesIn(dir) {
    try {
        return (await fs.readdir(dir, { withFileTypes: true }))
            .filter((d) => d.isFile() && d.name.toLowerCase().endsWith(".json") && !d.name.startsWith("."))
            .map((d) => path.join(dir, d.name));
    }
    catch {
        return [];
    }
}
/**
 * A JSON file (or a folder with one at its top, in annotations/ or in a split folder) that opens with a top-level
 * object holding COCO's `images` / `annotations` / `categories` lists. Only the first 64 KB of each file are read.
 */
export async function detectCoco(input) {
    const st = await fs.stat(input).catch(() => null);
    if (!st)
        return NOT_DETECTED;
    const files = [];
    if (st.isFile()) {
        if (!input.toLowerCase().endsWith(".json"))
            return NOT_DETECTED;
        files.push(input);
    }
    else if (st.isDirectory()) {
        files.push(...(await jsonFilesIn(input)));
        for (const sub of LIKELY_SUBDIRS)
            files.push(...(await jsonFilesIn(path.join(input, sub))));
        // A folder that holds one dataset folder (e.g. an unpacked archive) is looked into once more.
        if (files.length === 0) {
            const dirs = (await fs.readdir(input, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith("."));
            for (const d of dirs.slice(0, 8))
                files.push(...(await jsonFilesIn(path.join(input, d.name))));
        }
    }
    const evidence = [];
    let strong = false;
    for (const f of files.slice(0, 50)) {
        const s = await sniff(f);
        if (!s.coco)
            continue;
        strong ||= s.strong;
        evidence.push(st.isFile() ? path.basename(f) : path.relative(input, f).split(path.sep).join("/"));
    }
    if (!evidence.length)
        return NOT_DETECTED;
    return { confidence: strong ? 0.9 : 0.75, evidence };
}
//# sourceMappingURL=detect.js.map