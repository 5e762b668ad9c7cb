/**
 * Cheap YOLO detection: config files first (data.yaml with `names`, obj.data, obj.names / classes.txt), then the
 * folder shape (images/ next to labels/ with .txt files whose first line looks like a YOLO line).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { NOT_DETECTED } from "../../src/format.js";
import { openRegularFile } from "../../src/io/regular-file.js";
const YOLO_LINE = /^\s*\d+(\s+[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?){4,}\s*$/;
async function readHead(file, bytes = 4096) {
    const fh = await openRegularFile(file);
    try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await fh.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead).toString("utf8");
    }
    finally {
        await fh.close();
    }
}
async function entries(dir) {
    return fs.readdir(dir, { withFileTypes: true }).catch(() => []);
}
/** The first non-empty line of the first few .txt files in a folder (recursively, shallow). */
async function sampleLabelLine(dir, depth = 2) {
    const list = await entries(dir);
    for (const e of list) {
        if (e.isFile() && e.name.endsWith(".txt")) {
            const line = (await readHead(path.join(dir, e.name), 1024).catch(() => "")).split(/\r?\n/).find((l) => l.trim());
            if (line !== undefined)
                return line;
        }
    }
    if (depth > 0)
        for (const e of list)
            if (e.isDirectory()) {
                const l = await sampleLabelLine(path.join(dir, e.name), depth - 1);
                if (l !== null)
                    return l;
            }
    return null;
}
async function detectFolder(dir, depth = 0) {
    const list = await entries(dir);
    const names = new Set(list.map((e) => e.name));
    const evidence = [];
    let confidence = 0;
    for (const e of list) {
        if (!e.isFile() || !/\.ya?ml$/i.test(e.name))
            continue;
        const text = await readHead(path.join(dir, e.name), 16384).catch(() => "");
        if (/^names\s*:/m.test(text) && /^(train|val|nc|kpt_shape|path)\s*:/m.test(text)) {
            evidence.push(e.name);
            confidence = 0.9;
        }
    }
    if (names.has("obj.data") || names.has("obj.names")) {
        evidence.push(names.has("obj.data") ? "obj.data" : "obj.names");
        confidence = Math.max(confidence, 0.9);
    }
    const hasLabels = list.some((e) => e.isDirectory() && (e.name === "labels" || /^obj_.+_data$/.test(e.name)));
    if (hasLabels) {
        const labelsDir = list.find((e) => e.isDirectory() && (e.name === "labels" || /^obj_.+_data$/.test(e.name))).name;
        const line = await sampleLabelLine(path.join(dir, labelsDir));
        if (line === null || YOLO_LINE.test(line)) {
            evidence.push(`${labelsDir}/`);
            confidence = Math.max(confidence, names.has("classes.txt") ? 0.85 : names.has("images") ? 0.7 : 0.5);
            if (names.has("classes.txt"))
                evidence.push("classes.txt");
        }
    }
    if (confidence === 0 && depth === 0) {
        // Roboflow-style <split>/images + <split>/labels, or one wrapping folder.
        const subdirs = list.filter((e) => e.isDirectory() && !e.name.startsWith("."));
        for (const d of subdirs.slice(0, 8)) {
            const r = await detectFolder(path.join(dir, d.name), depth + 1);
            if (r.confidence > confidence) {
                confidence = r.confidence * (subdirs.length === 1 ? 1 : 0.9);
                evidence.length = 0;
                evidence.push(...r.evidence.map((x) => `${d.name}/${x}`));
            }
        }
    }
    return confidence ? { confidence, evidence } : NOT_DETECTED;
}
export async function detectYolo(input) {
    const st = await fs.stat(input).catch(() => null);
    if (!st)
        return NOT_DETECTED;
    if (st.isDirectory())
        return detectFolder(input);
    if (/\.ya?ml$/i.test(input)) {
        const text = await readHead(input, 16384).catch(() => "");
        return /^names\s*:/m.test(text) ? { confidence: 0.9, evidence: [path.basename(input)] } : NOT_DETECTED;
    }
    if (path.basename(input) === "obj.data")
        return { confidence: 0.9, evidence: ["obj.data"] };
    return NOT_DETECTED;
}
//# sourceMappingURL=detect.js.map