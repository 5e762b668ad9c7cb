import fs from "node:fs/promises";
import path from "node:path";
import { kindOfFile } from "./regular-file.js";
/**
 * The entries of a folder ([] when it cannot be read). A symlink to a regular file counts as a file (its content is
 * read, as for Supervisely, COCO and YOLO inputs; writers copy or link the real file, never the link); a symlink to
 * anything else (a folder, a loop, nothing) is neither file nor folder, so folder walks never follow links into
 * cycles. FIFOs, sockets and devices (or symlinks to them) are neither too; with `special`, each is added to it, for
 * the reader to report (a FIFO used to vanish from the input without a word).
 */
export async function listDir(dir, special) {
    let entries;
    try {
        entries = await fs.readdir(dir, { withFileTypes: true });
    }
    catch {
        return [];
    }
    for (const d of entries) {
        if (!d.isSymbolicLink()) {
            if (special && (d.isFIFO() || d.isSocket() || d.isCharacterDevice() || d.isBlockDevice()))
                special.push({ path: path.join(dir, d.name), kind: kindOfFile(d) });
            continue;
        }
        const target = await fs.stat(path.join(dir, d.name)).catch(() => null);
        const isFile = target?.isFile() ?? false;
        d.isFile = () => isFile;
        if (special && target && !isFile && !target.isDirectory())
            special.push({ path: path.join(dir, d.name), kind: kindOfFile(target) });
    }
    return entries;
}
/**
 * Each special file as a warning naming it (relative to `root`) and saying it was skipped: `not-a-regular-file`, the
 * code YOLO's reader uses too. Files named twice (a folder listed twice) are reported once.
 */
export function reportSpecialFiles(report, special, root) {
    const seen = new Set();
    for (const f of [...special].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        if (seen.has(f.path))
            continue;
        seen.add(f.path);
        const rel = path.relative(root, f.path).split(path.sep).join("/");
        report.warn("not-a-regular-file", `it is ${f.kind}, not a regular file, so it is not read`, { file: rel && !rel.startsWith("..") ? rel : f.path });
    }
}
//# sourceMappingURL=list-dir.js.map